"""The site rules' stage (SL202, SL501, SL502) on warm and partial runs (issue 18): each text file's
references and words are cached by its stat signature, so a warm run reads no page that cannot
change a finding; a changed page, or a file that comes into being where a reference looks, is
read again; the consent day keys pages' results only."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

from schoollint.cache import CACHE_DIR, CACHE_FILE, RACY_NS, Cache, signature_of
from tests.kit.images import encode, gradient
from tests.kit.school_site import build_school_site

WIDE = (1200, 800)          # under SL201's limit: only SL202 speaks
_opened: list[str] | None = None     # while a list, every file this process opens is noted in it


def _note_open(event: str, args: tuple) -> None:
    if _opened is not None and event == "open" and isinstance(args[0], (str, bytes, Path)):
        _opened.append(str(args[0]))


sys.addaudithook(_note_open)   # Python's own audit events: the opens really made, nothing stubbed


def _opened_by(cli, *argv: str) -> tuple[dict, list[str]]:
    global _opened
    _opened = []
    try:
        code, out, err = cli(*argv)
    finally:
        opened, _opened = _opened, None
    assert code in (0, 1), err
    return json.loads(out), opened


def _photo(root: Path, relpath: str, size=WIDE) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode(gradient(size), "JPEG", quality=90))


def _write(root: Path, relpath: str, text: str) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _settle() -> None:
    """Wait out the racy window (cache.RACY_NS): a file read sooner after its change is read again."""
    time.sleep(2 * RACY_NS / 1e9)


def _sl202(cli, *argv: str) -> list[tuple[str, int | None]]:
    code, out, err = cli("check", "--select", "SL202", "--output-format", "json", *argv)
    assert code in (0, 1), err
    return sorted((f["path"], f["line"]) for f in json.loads(out)["findings"] if f["code"] == "SL202")


def test_a_warm_run_of_the_whole_site_reads_no_page_for_the_site_rules(repo, cli):
    for number in range(6):
        _photo(repo, f"static/images/photo-{number}.jpg")
        _write(repo, f"content/posts/post-{number}.md", f"# Post {number}\n\n![The fair](/images/photo-{number}.jpg)\n")
    _write(repo, "assets/site.css", ".hero { background: url(/images/photo-0.jpg); }\n")
    argv = ("check", "--no-vision", "--select", "SL202,SL501,SL502", "--output-format", "json", ".")
    pages = [str(path) for path in repo.rglob("*") if path.suffix in (".md", ".css")]
    _settle()
    cold, opened = _opened_by(cli, *argv)
    assert set(pages) <= set(opened)       # the first run reads each text file (the hook sees it)
    warm, opened = _opened_by(cli, *argv)
    assert [path for path in opened if path in pages] == []
    assert warm["findings"] == cold["findings"]


def test_a_changed_page_is_read_again(repo, cli):
    _photo(repo, "images/choir.jpg")
    _write(repo, "index.html", '<p><img src="images/choir.jpg" alt="The choir"></p>\n')
    assert _sl202(cli) == []
    assert _sl202(cli) == []                                    # warm: from the cache
    _write(repo, "index.html", '<p><img src="images/choir.jpg" width="300" alt="The choir"></p>\n')
    assert _sl202(cli) == [("images/choir.jpg", None)]
    assert _sl202(cli, "images/choir.jpg") == [("images/choir.jpg", None)]   # a one-file run sees the page too
    assert _sl202(cli) == _sl202(cli, "--no-cache")


def test_a_file_that_comes_into_being_where_a_reference_looks_moves_it(repo, cli):
    """`/images/choir.jpg` leads to static/images/choir.jpg while the site root has no images/;
    once images/choir.jpg exists the reference leads there (the root is tried first), though the
    page is unchanged."""
    _photo(repo, "static/images/choir.jpg")
    _write(repo, "news/index.html", '<p><img src="/images/choir.jpg" width="300" alt="x"></p>\n')
    _settle()
    assert _sl202(cli) == [("static/images/choir.jpg", None)]
    _photo(repo, "images/choir.jpg")
    assert _sl202(cli) == [("images/choir.jpg", None)]
    assert _sl202(cli) == _sl202(cli, "--no-cache")


def test_site_facts_of_the_wrong_shape_discard_the_cache(repo, cli):
    _photo(repo, "images/choir.jpg")
    _write(repo, "index.html", '<p><img src="images/choir.jpg" width="300" alt="The choir"></p>\n')
    _settle()
    assert _sl202(cli) == [("images/choir.jpg", None)]
    cache = Cache(repo)
    signature = signature_of((repo / "index.html").stat())
    assert cache.site_facts("index.html", signature) is not None
    # Signed by this user, but the facts say the page refers to nothing: a shape the cache never writes.
    cache.remember_site("index.html", signature, {"targets": "images/choir.jpg", "depends": {}, "size": True,
                                                  "share": False}, 1)
    cache.save()
    assert Cache(repo).site == {} and Cache(repo).results == {}
    assert _sl202(cli) == [("images/choir.jpg", None)]
    assert (repo / CACHE_DIR / CACHE_FILE).is_file()


def test_a_photos_cached_result_survives_a_day_change_a_pages_does_not(repo, monkeypatch):
    """With a dated roster the consent day keys the results of pages (SL601-SL603 read them), not
    those of photos: a photo is not read again because the day changed."""
    from schoollint.pipeline import Run, RunOptions, load_effective_config
    from schoollint.run_settings import settings_for

    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY", raising=False)
    site = build_school_site(repo)
    config, root, in_git = load_effective_config(None, repo)
    paths = ["index.html", "images/sports-day.jpg"]
    assert all((root / path).is_file() for path in paths)

    def read_again(day: dt.date) -> dict[str, bool]:
        settings = settings_for(str(site.roster), "optional")
        assert "consent-day" in settings                   # the roster holds dates
        settings["consent-day"] = day.isoformat()
        run = Run(root, in_git, config, settings, RunOptions(jobs=1))
        results = run.analyse(paths)
        run.cache.save()
        return {result.path: result.read_at > 0 for result in results}   # restored results were not read

    assert read_again(site.today) == {"index.html": True, "images/sports-day.jpg": True}
    assert read_again(site.today) == {"index.html": False, "images/sports-day.jpg": False}
    assert read_again(site.today + dt.timedelta(days=1)) == {"index.html": True, "images/sports-day.jpg": False}
