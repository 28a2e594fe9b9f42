"""The cold check's analysis loop (analysis.Analyser._run_checks) and the page table's kept answers
(pages.registry.language_of) after issue 18's session-8 changes: the same findings, errors and
page languages as before, on real files."""

from __future__ import annotations

import types

from schoollint.analysis import Analyser
from schoollint.checks import ByReads
from schoollint.config import Config
from schoollint.finding import Finding
from schoollint.pages import registry


def _failing_after_one(subject, ctx):
    """A check with a bug: it yields a finding, then fails."""
    yield Finding("SL301", subject.path, "first")
    raise ValueError("bug after the first finding")


def _other_rule(subject, ctx):
    yield Finding("SL107", subject.path, "not selected")   # a real rule, not selected by the first test


def test_a_check_that_fails_keeps_what_it_yielded_and_the_file_says_so(tmp_path):
    (tmp_path / "notes.txt").write_text("hello\n")
    analyser = Analyser(tmp_path, Config(), {"SL301"}, {})
    failing = types.SimpleNamespace(CODES=("SL301",), READS="path", check=_failing_after_one)
    other = types.SimpleNamespace(CODES=("SL107",), READS="path", check=_other_rule)
    analyser.by_reads = {"path": [failing, other], "suppressions": [], "run": []}

    result = analyser.analyse("notes.txt")

    assert [finding.message for finding in result.findings] == ["first"]   # the unselected rule's is dropped
    assert result.errors == ["notes.txt: internal error in SL301: ValueError: bug after the first finding"]


def test_setting_by_reads_again_changes_what_runs(tmp_path):
    (tmp_path / "notes.txt").write_text("hello\n")
    analyser = Analyser(tmp_path, Config(), {"SL107"}, {})
    other = types.SimpleNamespace(CODES=("SL107",), READS="path", check=_other_rule)
    analyser.by_reads = {"path": []}
    assert analyser.analyse("notes.txt").findings == []
    analyser.by_reads = {"path": [other]}     # what history_check does: the loop must not keep the old order
    assert [finding.code for finding in analyser.analyse("notes.txt").findings] == ["SL107"]


def test_the_real_checks_by_reads_run_in_the_catalogue_order(tmp_path):
    (tmp_path / "notes.txt").write_text("hello\n")
    analyser = Analyser(tmp_path, Config(), {"SL301", "SL302", "SL101"}, {})
    order, pages_or_media = analyser._reads_in_order()
    assert order == tuple(reads for reads in ByReads({"SL301", "SL302", "SL101"}) if reads not in ("suppressions",
                                                                                                    "run"))
    assert pages_or_media


NAMES = ["index.html", "INDEX.HTM", "content/post.md", "src/App.jsx", "site.css", "_data/team.yml", "data/x.json",
         "notes.yml", "export-wordpress.xml", "feed.xml", "sitemap.xml", "photo.jpg", "doc.pdf", "deck.pptx",
         "logo.svg", "page.njk", "View.cshtml", "App.vue", "x.astro", "README", "a.mdx", ".hidden.md"]


def test_language_of_answers_as_the_table_does_each_time_it_is_asked():
    registry.language_of.cache_clear()
    for _ in range(3):      # kept answers: the same as a scan of the table, asked again and again
        for name in NAMES:
            expected = next((language for language in registry.LANGUAGES if language.claims(name)), None)
            assert registry.language_of(name) is expected
    assert registry.language_of.cache_info().maxsize == 1024     # bounded: names are the repository's, any number


def test_a_page_with_its_links_is_the_page_with_those_links():
    page = registry.read_page(None, "post.md", b"---\ntitle: x\n---\n![a](/img/a.jpg)\n\n![b](b.png)\n")
    assert [link.written for link in page.links] == ["/img/a.jpg", "b.png"]
    moved = page.with_links(page.links[:1])
    assert moved.links == page.links[:1] and moved.images == page.images and moved.path == page.path
    assert page.links[1:] and moved != page and moved == page.with_links(page.links[:1])
