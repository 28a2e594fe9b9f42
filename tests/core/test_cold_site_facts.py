"""Site facts read by the workers (issue 18, the large site cold): each text file's references and
size/share words come from its own analysis (analysis.Analyser.judge -> site_facts.read_facts), so
the parent no longer reads and scans every text file again; the parent takes them only while the
files they looked for are as they were (site_facts.SiteFiles, `given`). SL304 takes the broken
references from the same single resolution (PageSubject.broken)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from schoollint.cache import Cache, signature_of
from schoollint.pool import POOL_THRESHOLD
from schoollint.site_facts import SHARE_PARTS, SHARE_WORDS, SIZE_PARTS, SIZE_WORDS, SiteFiles, _says, read_facts
from tests.kit.images import encode, gradient


def _write(root: Path, relpath: str, text: str) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _site(root: Path) -> None:
    """A photo shown at 300 px by one page and without a size by another, a broken reference,
    and enough other pages that the run goes through worker processes."""
    photo = root / "images" / "choir.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(encode(gradient((1200, 800)), "JPEG", quality=90))
    _write(root, "index.html", '<p>News</p>\n<img src="images/choir.jpg" width="300" alt="The choir">\n'
           '<img src="/images/missing.jpg" width="300" alt="Gone">\n')
    for number in range(POOL_THRESHOLD + 6):
        _write(root, f"news/post-{number:02d}.md", f"---\ntitle: Post {number}\n---\nThe week in words.\n")


def _findings(cli, *extra: str) -> list[tuple[str, str, int | None]]:
    code, out, err = cli("check", "--no-vision", "--no-cache", "--select", "SL202,SL304", "--output-format", "json",
                         *extra)
    assert code in (0, 1), err
    return sorted((f["code"], f["path"], f.get("line")) for f in json.loads(out)["findings"])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_site_rules_judge_with_the_facts_the_workers_read(repo, cli, jobs):
    _site(repo)
    assert _findings(cli, "--jobs", jobs) == [("SL202", "images/choir.jpg", None), ("SL304", "index.html", 3)]
    # A second page showing the photo without a size withholds SL202: that page's references
    # reached the site rules from the worker that read it.
    _write(repo, "news/post-05.md", "---\ntitle: Post 5\n---\n![The choir](../images/choir.jpg)\n")
    assert _findings(cli, "--jobs", jobs) == [("SL304", "index.html", 3)]


def test_given_facts_whose_looked_for_files_changed_are_read_again(tmp_path: Path):
    (tmp_path / "static" / "img").mkdir(parents=True)
    (tmp_path / "static" / "img" / "a.jpg").write_bytes(b"\xff\xd8")
    _write(tmp_path, "index.html", '<img src="/img/a.jpg" width="30">')
    data = (tmp_path / "index.html").read_bytes()
    record = read_facts(tmp_path, "index.html", data)
    assert record is not None and record["targets"] == ["static/img/a.jpg"] and record["size"]
    given = {"index.html": (signature_of((tmp_path / "index.html").stat()), 0, record)}
    cache = Cache(tmp_path, enabled=False)
    assert SiteFiles(tmp_path, cache, given).of("index.html").targets == ("static/img/a.jpg",)
    # Now the site root's own img/ holds the file: "/img/a.jpg" leads there, whatever the worker saw.
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "a.jpg").write_bytes(b"\xff\xd8")
    assert SiteFiles(tmp_path, cache, given).of("index.html").targets == ("img/a.jpg",)


TRICKY = ["width", "WIDTH", "wİdth", "wıdth", "ſizes", "SIZES", "siZEſ", "heİght", "max-height", "og:İmage",
          "OG:IMAGE", "twitter:image", "LD+JSON", "ld+ʝson", "\nimage: a.jpg", "\nimages = [a]", "\nIMAGE:x",
          "\nsocial_İmage: x", "  image: x", "imag e", "wid th", "size", "", "ld json", "og-image", "\nog_image= x"]


@pytest.mark.parametrize("text", TRICKY)
def test_the_word_searches_answer_as_the_case_blind_patterns(text):
    for words, parts in ((SIZE_WORDS, SIZE_PARTS), (SHARE_WORDS, SHARE_PARTS)):
        assert _says(words, parts, text, text.lower()) == bool(words.search(text)), (words.pattern, text)


def test_the_parts_are_matched_case_blind_by_their_own_letters_only():
    # The parts hold no letter that a character of another lower case matches case-blind (as i
    # matches "İ" and "ı", s matches "ſ", k the Kelvin sign): a text the pattern matches holds the part.
    letters = {letter for part in SIZE_PARTS + SHARE_PARTS for letter in part if letter.isalpha()}
    others = [(hex(code), letter) for code in range(0x110000) for letter in letters
              if chr(code).lower() != letter and re.fullmatch(letter, chr(code), re.IGNORECASE)]
    assert others == []
    generator = random.Random(18)
    alphabet = "widthegsizWIDTHEGSZ ıİſK:+jsonmaglJSONMAGL_\n="
    for _ in range(20000):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 24)))
        for words, parts in ((SIZE_WORDS, SIZE_PARTS), (SHARE_WORDS, SHARE_PARTS)):
            assert _says(words, parts, text, text.lower()) == bool(words.search(text)), text
