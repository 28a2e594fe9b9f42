"""What a small run no longer pays for at start-up (issue 18), and that each shortcut gives the same
answers as the long way: the name lists' large sets read from a signed probe table instead of built
(names/lexicon_store.py), dataclasses' generated methods compiled once and kept (usercache.
reuse_generated_code), and check modules imported by what a file is (checks.ByReads). A table or a kept
copy that is tampered with, stale or of another Python is not believed."""

from __future__ import annotations

import dataclasses
import json
import marshal
import os
import subprocess
import sys

import pytest

from schoollint import usercache
from schoollint.names import lexicon_store, words
from tests.kit.sites import photo_with_gps

RUN = """
import json, sys
from schoollint.cli import main
from schoollint.names import lexicon_store, words
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules),
                  "given": type(words.lexicon().given).__name__ if "schoollint.names.words" in sys.modules else None}),
      file=sys.stderr)
"""
# Page checks, and through them the page readers and consent tables a photo has no use for.
PAGE_CHECKS = ("schoollint.checks.name_beside_photo", "schoollint.checks.name_in_alt_text",
               "schoollint.checks.no_consent", "schoollint.checks.consent_policy",
               "schoollint.checks.leaver_still_shown", "schoollint.checks.broken_image_reference",
               "schoollint.pages.html_captions", "schoollint.pages.html_source")


def _run(folder, cache, *argv: str) -> tuple[dict, str]:
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    result = subprocess.run([sys.executable, "-c", RUN, *argv], cwd=folder, env=environment, capture_output=True,
                            text=True, timeout=120)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, 1), result.stderr
    return report, result.stdout


def _photos(folder) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    names = ["IMG_0001.jpg", "ruby-okafor.jpg", "sports-day.jpg"]
    for number, name in enumerate(names):
        photo_with_gps(folder / name, colour=f"#{number * 40:02x}6080")
    return names


def test_three_photos_import_no_page_check_and_build_no_name_set(tmp_path):
    names = _photos(tmp_path / "site")
    _run(tmp_path / "site", tmp_path / "cache", "check", "--no-vision", *names)      # keeps the table
    report, out = _run(tmp_path / "site", tmp_path / "cache", "check", "--no-vision", *names)
    assert "SL301" in out and "ruby-okafor.jpg" in out       # the name finder ran on the file names
    assert report["given"] == "Words"                          # from the table: no frozenset built
    assert [name for name in PAGE_CHECKS if name in report["modules"]] == []


@pytest.fixture
def user_cache(tmp_path, monkeypatch):
    """An empty user cache that may be written; the lexicon loaded afresh."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(usercache, "SETTLED_NS", 0)
    monkeypatch.setattr(usercache, "writable", True)
    monkeypatch.setattr(lexicon_store, "_hot", False)
    _fresh()
    yield tmp_path / "user-cache" / "schoollint" / "derived"
    _fresh()


def _fresh() -> None:
    for loader in (words._lexicon_lists, words.lexicon):
        loader.cache_clear()


def _large() -> dict:
    return {name: frozenset(found) for name, found in words._large_sets()[1].items()}


SAMPLES = ("amelia", "ruby", "okafor", "park", "the", "zqxw", "müller", "o'brien", "obrien", "van", "",
           "a" * 300, "\udcff", "mrs", "headshot", "sheikh")


def test_the_table_answers_as_the_sets_do(user_cache):
    expected = _large()
    words.lexicon()                                   # builds and keeps the table
    assert list(user_cache.glob("names-table-*"))
    _fresh()
    lex = words.lexicon()                             # from the kept table
    assert type(lex.given) is lexicon_store.Words
    for name, found in expected.items():
        table = getattr(lex, name)
        assert len(table) == len(found), name
        assert [key in table for key in SAMPLES] == [key in found for key in SAMPLES], name
        assert all(key in table for key in list(found)[:2000]), name
    assert lex.rare_words == expected["rare_words"] and frozenset(lex.given) == expected["given"]
    assert "headshot" in lex.rare_words | {"amelia-lego"} and "amelia-lego" in lex.rare_words | {"amelia-lego"}
    assert {"amelia", "zqxw"} - lex.given == {"zqxw"} and {"amelia", "zqxw"} & lex.given == {"amelia"}


def test_a_tampered_table_is_not_believed(user_cache):
    words.lexicon()         # keeps the lists' copy (which the table follows)
    _fresh()
    words.lexicon()         # and now the table
    [table] = user_cache.glob("names-table-*")
    data = bytearray(table.read_bytes())
    at = data.index(b"amelia")
    data[at - 2:at] = b"\0\0"                     # "amelia" in no set; the HMAC line left as it was
    table.write_bytes(bytes(data))
    _fresh()
    assert "amelia" in words.lexicon().given
    assert table.read_bytes() != bytes(data)      # rebuilt


def test_a_process_that_looks_up_many_words_gets_frozensets(user_cache, monkeypatch):
    expected = _large()
    words.lexicon()
    _fresh()
    monkeypatch.setattr(lexicon_store, "HOT_AFTER", 50)
    lex = words.lexicon()
    keys = sorted(expected["listed"])[:60]
    assert [key in lex.listed for key in keys] == [True] * 60
    hot = words.lexicon()
    assert hot is not lex and type(hot.given) is frozenset and hot.given == expected["given"]
    assert [key in lex.given for key in SAMPLES] == [key in hot.given for key in SAMPLES]


def test_generated_code_is_kept_reused_and_never_believed_when_tampered(tmp_path):
    names = _photos(tmp_path / "site")
    cache = tmp_path / "cache"
    kept = cache / "schoollint" / "derived" / "generated-code"
    _, first = _run(tmp_path / "site", cache, "check", "--no-vision", *names)
    written = kept.read_bytes()
    stamp = kept.stat().st_mtime_ns
    _, second = _run(tmp_path / "site", cache, "check", "--no-vision", *names)
    assert second == first and kept.stat().st_mtime_ns == stamp        # nothing new to compile
    body = written.partition(b"\n")[2]
    texts = marshal.loads(body)[1]
    assert any("def __init__" in text for text in texts)
    kept.write_bytes(written.replace(b"__init__", b"__inot__", 1))      # the HMAC no longer holds
    _, third = _run(tmp_path / "site", cache, "check", "--no-vision", *names)
    assert third == first and kept.read_bytes().partition(b"\n")[0] != b""
    assert usercache_body_is_signed(kept, cache)


def usercache_body_is_signed(path, cache) -> bool:
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    check = "import sys; from schoollint import usercache; from pathlib import Path; " \
            "print(usercache.read_signed(Path(sys.argv[1])) is not None)"
    result = subprocess.run([sys.executable, "-c", check, str(path)], env=environment, capture_output=True, text=True)
    return result.stdout.strip() == "True"


def test_code_of_another_python_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(usercache, "_code", {})
    monkeypatch.setattr(usercache, "_used", set())
    monkeypatch.setattr(usercache, "_loaded", False)
    monkeypatch.setattr(usercache, "_compiled", False)
    monkeypatch.setattr(usercache, "writable", True)
    path = usercache._generated_path()
    path.parent.mkdir(parents=True)
    usercache.write_signed(path, marshal.dumps((("2.7.18", 0x20712F0, 2), {"x = 1": compile("x = 2", "<s>", "exec")})))
    usercache.reuse_generated_code()
    try:
        assert usercache._code == {}

        @dataclasses.dataclass(frozen=True)
        class Kept:
            first: int
            second: str = "b"

        assert Kept(1) == Kept(1, "b") and repr(Kept(2)).endswith("Kept(first=2, second='b')")
        with pytest.raises(dataclasses.FrozenInstanceError):
            Kept(1).first = 3       # type: ignore[misc]
    finally:
        usercache.keep_generated_code()
    assert "exec" not in vars(dataclasses)
    stamp, kept = marshal.loads(usercache.read_signed(path))
    assert stamp == usercache._python() and any("def __init__(self,first:" in text for text in kept)
