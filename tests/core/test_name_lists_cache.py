"""The name lists' compiled form in this user's cache (usercache.derived, names/words.py): the
lists loaded from it are the lists parsed from the data files, and a copy that is stale (a data
file changed), tampered with (fails its HMAC), of another version or of the wrong shape is never
believed: the lists are parsed again and the copy rewritten."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from schoollint import usercache
from schoollint.names import words
from tests.kit.sites import make_png

LIST_LOADERS = (words._lexicon_lists, words._language_lists, words.lexicon, words.other_language_words,
                words.language_words)


def _fresh() -> None:
    for loader in LIST_LOADERS:
        loader.cache_clear()


def _fields(lex: words.Lexicon) -> dict:
    return {field.name: getattr(lex, field.name) for field in dataclasses.fields(lex)} | {
        "run_pattern": lex.run_pattern.pattern}


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A copy of the name data, settled (written long enough ago to be cached), and an empty user cache."""
    copy = tmp_path / "data"
    shutil.copytree(words.DATA, copy)
    monkeypatch.setattr(words, "DATA", copy)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(usercache, "SETTLED_NS", 0)
    monkeypatch.setattr(usercache, "writable", True)       # an in-process run with --no-cache may have left it off
    _fresh()
    yield copy
    _fresh()


def _kept(tmp_path: Path, name: str) -> Path:
    [path] = (tmp_path / "user-cache" / "schoollint" / "derived").glob(f"{name}-*")
    return path


def _plain_lexicon() -> dict:
    """The lexicon made straight from the text files, the cache bypassed."""
    header, lists = words._parsed_lexicon()
    words._lexicon_lists.cache_clear()
    words.lexicon.cache_clear()
    original = words._lexicon_lists
    try:
        words._lexicon_lists = lambda: (header, lists)   # type: ignore[assignment]
        return _fields(words.lexicon())
    finally:
        words._lexicon_lists = original
        words.lexicon.cache_clear()


def test_lists_from_the_cache_are_the_lists_from_the_data_files(data, tmp_path):
    plain = _plain_lexicon()
    plain_other = frozenset().union(*(words._word_list(path.name) for path in sorted(data.glob("words_*.txt"))))
    plain_german = words._word_list("words_de.txt")
    built = _fields(words.lexicon())                  # parsed, then kept
    assert _kept(tmp_path, "names-lexicon").is_file()
    _fresh()
    loaded = _fields(words.lexicon())                 # from the kept copy
    assert loaded == built == plain
    assert words.other_language_words() == plain_other and words.language_words("de-AT") == plain_german
    assert _kept(tmp_path, "names-languages").is_file()
    _fresh()
    assert words.other_language_words() == plain_other and words.language_words("de") == plain_german
    assert words.language_words("en") == frozenset() and words.language_words("xx") == frozenset()


def test_a_changed_data_file_is_parsed_again(data, tmp_path):
    assert "zqxwvname" not in words.lexicon().given
    with open(data / "given_names.txt", "a", encoding="utf-8") as file:
        file.write("zqxwvname\n")
    _fresh()
    assert "zqxwvname" in words.lexicon().given
    _fresh()
    assert "zqxwvname" in words.lexicon().given        # and kept so
    (data / "words_zz.txt").write_text("qqwordzz\n", encoding="utf-8")   # a language added
    _fresh()
    assert "qqwordzz" in words.other_language_words() and words.language_words("zz") == {"qqwordzz"}


def test_a_tampered_copy_is_not_believed(data, tmp_path):
    words.lexicon()
    kept = _kept(tmp_path, "names-lexicon")
    signature, _, body = kept.read_bytes().partition(b"\n")
    assert b"\namelia\n" in body
    kept.write_bytes(signature + b"\n" + body.replace(b"\namelia\n", b"\nxmelia\n"))   # HMAC no longer holds
    _fresh()
    assert "amelia" in words.lexicon().given and "xmelia" not in words.lexicon().given
    assert b"\namelia\n" in kept.read_bytes()                                      # rewritten


@pytest.mark.parametrize("damage", ["version", "shape", "span", "truncated"])
def test_a_copy_of_another_version_or_shape_is_parsed_again(data, tmp_path, damage):
    expected = _fields(words.lexicon())
    kept = _kept(tmp_path, "names-lexicon")
    body = usercache.read_signed(kept)
    assert body is not None
    line, _, rest = body.partition(b"\n")
    stored = json.loads(line)
    if damage == "version":
        stored["stamp"][0] = "0.0.1"
    elif damage == "shape":
        stored["sections"]["given"] = "all of them"
    elif damage == "span":
        stored["sections"]["given"] = [0, len(rest) + 10]
    if damage == "truncated":
        usercache.write_signed(kept, body[: len(body) // 2])     # signed, but cut short
    else:
        usercache.write_signed(kept, json.dumps(stored).encode() + b"\n" + rest)   # signed with the user's key
    _fresh()
    assert _fields(words.lexicon()) == expected
    assert json.loads(usercache.read_signed(kept).partition(b"\n")[0])["stamp"][0] == usercache.__version__


def test_an_unsettled_source_is_not_kept(data, tmp_path, monkeypatch):
    monkeypatch.setattr(usercache, "SETTLED_NS", 3600 * 10**9)     # every source changed "just now"
    words.lexicon()
    assert not (tmp_path / "user-cache" / "schoollint" / "derived").exists() or not list(
        (tmp_path / "user-cache" / "schoollint" / "derived").glob("names-lexicon-*"))


def test_an_unwritable_user_cache_still_gives_the_lists(data, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    expected = _plain_lexicon()
    _fresh()
    assert _fields(words.lexicon()) == expected


def test_the_check_finds_a_name_in_a_file_name_with_a_tampered_cache(tmp_path):
    """Through the command line, in fresh processes: the copy kept by the first run is tampered
    with (a given name removed, HMAC left as it was); the second run still finds the name."""
    site = tmp_path / "site"
    site.mkdir()
    make_png(site / "ruby-okafor.png")
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    command = [sys.executable, "-m", "schoollint", "check", "--no-vision", "--select", "SL301", "ruby-okafor.png"]
    first = subprocess.run(command, cwd=site, env=environment, capture_output=True, text=True)
    assert "SL301" in first.stdout, first.stdout + first.stderr
    [kept] = (tmp_path / "user-cache" / "schoollint" / "derived").glob("names-lexicon-*")
    signature, _, body = kept.read_bytes().partition(b"\n")
    kept.write_bytes(signature + b"\n" + body.replace(b"\nruby\n", b"\nrubz\n"))
    second = subprocess.run(command, cwd=site, env=environment, capture_output=True, text=True)
    assert "SL301" in second.stdout, second.stdout + second.stderr


def test_no_home_folder_still_gives_the_lists(data, monkeypatch):
    """Path.home() raises RuntimeError where no home folder can be found (HOME unset, no passwd entry)."""
    expected = _plain_lexicon()
    _fresh()
    monkeypatch.delenv("XDG_CACHE_HOME")

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert _fields(words.lexicon()) == expected


def test_the_kept_copy_is_this_users_alone(data, tmp_path):
    words.lexicon()
    kept = _kept(tmp_path, "names-lexicon")
    assert [oct(path.stat().st_mode & 0o777) for path in (kept.parent.parent, kept.parent, kept)] == [
        "0o700", "0o700", "0o600"]


def test_a_run_with_no_cache_keeps_no_compiled_copy(tmp_path):
    site, home = tmp_path / "site", tmp_path / "home"
    site.mkdir()
    home.mkdir()
    make_png(site / "ruby-okafor.png")
    environment = {**{key: value for key, value in os.environ.items() if key != "XDG_CACHE_HOME"}, "HOME": str(home)}
    result = subprocess.run([sys.executable, "-m", "schoollint", "check", "--no-vision", "--no-cache", "--select",
                             "SL301", "ruby-okafor.png"], cwd=site, env=environment, capture_output=True, text=True)
    assert "SL301" in result.stdout, result.stdout + result.stderr
    assert list(home.rglob("derived")) == []     # (SL301's rename tag may make the user's key: not a copy)
