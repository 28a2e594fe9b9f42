"""The rule catalogue's parsed copy in this user's cache (catalogue._records, usercache.derived):
the rules loaded from it are the rules parsed from rules/*.yaml, and an edited, added or tampered
copy's source is read again."""

from __future__ import annotations

import shutil
from importlib.resources import files

import pytest

from schoollint import catalogue, usercache


def _plain() -> dict:
    rules = {}
    for entry in sorted(files("schoollint.rules").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            rule = catalogue._parse(entry.read_text(encoding="utf-8"), entry.name)
            rules[rule.code] = rule
    return rules


@pytest.fixture
def rules(tmp_path, monkeypatch):
    """A copy of the rule files, settled, and an empty user cache."""
    copy = tmp_path / "rules"
    shutil.copytree(files("schoollint.rules"), copy)   # type: ignore[arg-type]
    monkeypatch.setattr(catalogue, "files", lambda package: copy)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(usercache, "SETTLED_NS", 0)
    monkeypatch.setattr(usercache, "writable", True)
    catalogue.load.cache_clear()
    yield copy
    catalogue.load.cache_clear()


def _kept(tmp_path):
    return list((tmp_path / "user-cache" / "schoollint" / "derived").glob("catalogue-*"))


def test_the_kept_copy_gives_the_rules_the_files_give(rules, tmp_path):
    plain = _plain()
    assert catalogue.load() == plain and _kept(tmp_path)
    catalogue.load.cache_clear()
    assert catalogue.load() == plain and list(catalogue.load()) == list(plain)


def test_an_edited_rule_and_a_tampered_copy_are_read_again(rules, tmp_path):
    catalogue.load()
    text = (rules / "SL101.yaml").read_text(encoding="utf-8")
    (rules / "SL101.yaml").write_text(text.replace("summary:", "summary: Edited.", 1), encoding="utf-8")
    catalogue.load.cache_clear()
    assert catalogue.load()["SL101"].summary.startswith("Edited.")
    [kept] = _kept(tmp_path)
    kept.write_bytes(kept.read_bytes().replace(b"Edited.", b"Forged."))      # its HMAC no longer holds
    catalogue.load.cache_clear()
    assert catalogue.load()["SL101"].summary.startswith("Edited.")


def test_a_broken_rule_file_is_still_an_error(rules):
    catalogue.load()
    (rules / "SL101.yaml").write_text("code: [SL101\n", encoding="utf-8")
    catalogue.load.cache_clear()
    with pytest.raises(catalogue.CatalogueError, match="SL101.yaml: not valid YAML"):
        catalogue.load()
