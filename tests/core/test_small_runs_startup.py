"""What a small run no longer pays for at start-up (issue 18), and that each shortcut gives the same
answers as the long way: the name lists' large sets read from a signed probe table instead of built
(names/lexicon_store.py), dataclasses' generated methods and the regexes compiled at import compiled
once and kept (compiled.py), and check modules imported by what a file is (checks.ByReads). A table or a kept
copy that is tampered with, stale or of another Python is not believed."""

from __future__ import annotations

import dataclasses
import json
import marshal
import os
import re
import subprocess
import sys
import time

import pytest

from schoollint import compiled, usercache
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
    for _ in range(2):      # keeps the lists' copy, then the table, each once what it is made from settled
        _run(tmp_path / "site", tmp_path / "cache", "check", "--no-vision", *names)
        time.sleep(usercache.SETTLED_NS / 1e9)
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
    words.lexicon()         # and now the table (this process keeps the sets it made it from)
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
    kept = cache / "schoollint" / "derived" / compiled.NAME
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


@pytest.fixture
def fresh_compiled(tmp_path, monkeypatch):
    """compiled.py with nothing read or compiled yet, an empty user cache that may be written."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    for name, value in (("_code", {}), ("_patterns", {}), ("_used", set()), ("_loaded", False), ("_new", False)):
        monkeypatch.setattr(compiled, name, value)
    monkeypatch.setattr(usercache, "writable", True)
    compiled._path().parent.mkdir(parents=True)
    return compiled._path()


def test_what_another_python_compiled_is_not_used(fresh_compiled):
    other = compile("x = 2", "<s>", "exec")
    usercache.write_signed(fresh_compiled, marshal.dumps((("2.7.18", 0x20712F0, 2), {"x = 1": other},
                                                          {(True, "a+", 0): (0, [1], 0, {}, ())})))
    with compiled.reusing():
        assert compiled._code == {} and compiled._patterns == {}

        @dataclasses.dataclass(frozen=True)
        class Kept:
            first: int
            second: str = "b"

        assert Kept(1) == Kept(1, "b") and repr(Kept(2)).endswith("Kept(first=2, second='b')")
        with pytest.raises(dataclasses.FrozenInstanceError):
            Kept(1).first = 3       # type: ignore[misc]
        assert re.compile("z(?P<tail>q+)", re.I).match("ZQq").group("tail") == "Qq"
    assert "exec" not in vars(dataclasses) and re._compiler.compile is not compiled._compile_pattern
    stamp, code, patterns = marshal.loads(usercache.read_signed(fresh_compiled))
    assert stamp == compiled._python() and any("def __init__(self,first:" in text for text in code)
    assert (True, "z(?P<tail>q+)", re.I.value) in patterns


PATTERNS = [("(?P<year>\\d{4})-(?P<month>\\d\\d)", 0), ("[^\\W\\d_]+(?:['’][^\\W\\d_]+)*", 0), ("^ab.c$", re.M | re.S),
            ("\\bmrs?\\b", re.I), (b"\\xff[^\\x00\\xd0-\\xd7]", 0), ("(a)|(b)", re.X)]


@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_a_kept_pattern_is_the_pattern_re_compiles(fresh_compiled, pattern, flags):
    text = "2024-05 Müller’s ab\nc AB\nC Mrs mr \xff\x00 a b" if isinstance(pattern, str) else b"\xff\x00\xff\xd9"
    plain = re._compiler.compile(pattern, flags)
    with compiled.reusing():
        first = re._compiler.compile(pattern, flags)            # compiled and kept
    compiled._loaded = False
    compiled._patterns.clear()
    with compiled.reusing():
        assert compiled._patterns                              # read back
        again = re._compiler.compile(pattern, flags)
    for made in (first, again):
        assert (made.pattern, made.flags, made.groups, made.groupindex) == (
            plain.pattern, plain.flags, plain.groups, plain.groupindex)
        assert [m.span() for m in made.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert [m.groups() for m in made.finditer(text)] == [m.groups() for m in plain.finditer(text)]


def test_a_tampered_copy_compiles_again(fresh_compiled):
    with compiled.reusing():
        re._compiler.compile("tam(p)ered", 0)
    signature, _, body = fresh_compiled.read_bytes().partition(b"\n")
    fresh_compiled.write_bytes(signature + b"\n" + body.replace(b"tam(p)ered", b"tam(q)ered"))
    compiled._loaded = False
    compiled._patterns.clear()
    with compiled.reusing():
        assert compiled._patterns == {}
        assert re._compiler.compile("tam(p)ered", 0).match("tampered").group(1) == "p"
