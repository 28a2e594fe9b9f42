"""site_facts.NEVER_TEXT: file names whose site facts are known from the name alone (no page
language claims them, no reference scan reads them), so a warm run of photos imports no page reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from schoollint.cache import Cache
from schoollint.pages.references import TEXT_SUFFIXES
from schoollint.pages.registry import language_of
from schoollint.site_facts import NEVER_TEXT, SiteFiles, TextFacts


@pytest.mark.parametrize("suffix", NEVER_TEXT)
@pytest.mark.parametrize("folder", ["", "data/", "_data/", "content/posts/", "static/images/"])
def test_no_page_language_and_no_text_scan_reads_these_names(folder, suffix):
    for name in (f"{folder}photo{suffix}", f"{folder}PHOTO{suffix.upper()}"):
        assert language_of(name) is None
        assert not name.lower().endswith(TEXT_SUFFIXES)


def test_their_facts_are_what_reading_them_would_give(tmp_path: Path):
    (tmp_path / "a.jpg").write_bytes(b"width height og:image sizes ![x](b.png)")   # words a page would use
    files = SiteFiles(tmp_path, Cache(tmp_path, enabled=False))
    assert files.of("a.jpg") == TextFacts()
