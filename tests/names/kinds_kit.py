"""What the kind tests of tests/names share: pages and real JPEGs in a site folder, checked through the
command line (test_precision.run: SL301-SL303, --show-values, JSON), and the names reported per file."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from tests.kit.images import encode, photo
from tests.names.test_precision import _sources, run


def names_reported(tmp_path: Path, pages: dict[str, str], roster: list[tuple[str, str]] | None = None,
                   photos: tuple[str, ...] = ()) -> dict[str, set[str]]:
    """{path in the site: the names reported there} (`checked`'s findings)."""
    found: dict[str, set[str]] = defaultdict(set)
    for finding in checked(tmp_path, pages, roster, photos):
        found[finding["path"]].update(name for name in finding.get("value", "").split("; ") if name)
    return dict(found)


def checked(tmp_path: Path, pages: dict[str, str], roster: list[tuple[str, str]] | None = None,
            photos: tuple[str, ...] = ()) -> list[dict]:
    """The JSON findings of SL301-SL303 for `pages` (path -> text) and a JPEG for each photo the pages show
    (under /images/ or /img/) and each of `photos`; with `roster` (forename, surname rows) exported as a MIS
    does, with a header row."""
    root = tmp_path / "site"
    jpeg = encode(photo(), "JPEG")
    for relpath, text in pages.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        (root / relpath).write_text(text, encoding="utf-8")
    for source in {src.lstrip("/") for text in pages.values() for src in _sources(text)} | set(photos):
        (root / source).parent.mkdir(parents=True, exist_ok=True)
        (root / source).write_bytes(jpeg)
    roster_path = None
    if roster is not None:
        roster_path = tmp_path / "pupils.csv"
        with roster_path.open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(["Legal Forename", "Legal Surname", "Reg Group"])
            out.writerows([first, last, "6B"] for first, last in roster)
    return run(root, roster_path)


def html(body: str, lang: str = "en") -> str:
    return f"<!doctype html>\n<html lang=\"{lang}\"><body>\n{body}\n</body></html>\n"


def figure_pages(captions) -> dict[str, str]:
    """site/<n>.html for the n-th caption: a <figure> of the photo /images/<n>.jpg and its <figcaption>; a
    caption given as (lang, text) sets its page's language (else English)."""
    pages = {}
    for number, caption in enumerate(captions):
        lang, text = caption if isinstance(caption, tuple) else ("en", caption)
        pages[f"site/{number}.html"] = html(f'<figure><img src="/images/{number}.jpg" alt=""><figcaption>{text}'
                                            "</figcaption></figure>", lang)
    return pages
