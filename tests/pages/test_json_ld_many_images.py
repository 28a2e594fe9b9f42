"""A JSON-LD block's images keep the lines they are written on, found in one pass over the block: a
gallery's block of 20,000 images (a hostile or generated page) is read in bounded time, where a
search from the block's top for each image took about 12 CPU seconds (R's note, session 9)."""

from __future__ import annotations

import json
import time

from lxml import html as lxml_html

from schoollint.pages.shares import html_shares


def _script(images: list[str]) -> object:
    document = {"@context": "https://schema.org", "@type": "ImageGallery",
                "image": [{"@type": "ImageObject", "contentUrl": url} for url in images]}
    text = json.dumps(document, indent=1)
    return lxml_html.fragment_fromstring(f'<script type="application/ld+json">\n{text}\n</script>')


def test_each_json_ld_image_keeps_its_own_line():
    element = _script(["/images/a.jpg", "/images/b.jpg", "/images/a.jpg"])
    shares = html_shares(element, 10, "index.html", None)
    text = element.text
    lines = [10 + text[:at].count("\n") for at in _all(text, '"/images/')]
    assert [share.line for share in shares] == lines
    assert [share.src for share in shares] == ["/images/a.jpg", "/images/b.jpg", "/images/a.jpg"]


def test_a_block_of_twenty_thousand_images_is_read_in_bounded_time():
    element = _script([f"/images/gallery/p{number}.jpg" for number in range(20_000)])
    started = time.process_time()
    shares = html_shares(element, 1, "index.html", None)
    assert len(shares) == 20_000
    assert time.process_time() - started < 6.0    # quadratic: about 12 s; one pass: well under 1 s
    assert shares[-1].line == 1 + element.text.count("\n") - 4


def _all(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found
