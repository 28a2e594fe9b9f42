"""Trial 10 item 10c: an inline suppression with no reason was accepted silently while a per-path ignore
requires a sentence. Decided as ruff and ESLint do: an inline `schoollint: ignore` needs no reason
(ruff's `# noqa` takes none; ESLint's disable comments take an optional `-- reason`), and may carry one
after ` -- ` in every syntax, the `data-schoollint-ignore` attribute included. Words after the rules
without ` -- ` are read as rules, so they are SL001, never a silent ignore."""

from __future__ import annotations

import json

import pytest

from tests.audit.sites import clean_jpeg, write
from tests.kit.git import git

NAMED = 'alt="Jessica Thompson smiling"'


@pytest.mark.parametrize("name, text", [
    ("a.html", f'<!-- schoollint: ignore SL302 -- consent form 2025-09 -->\n<img src="p.jpg" {NAMED}>\n'),
    ("b.html", f'<img src="p.jpg" data-schoollint-ignore="SL302 -- consent form 2025-09" {NAMED}>\n'),
    ("c.md", "# News\n\n<!-- schoollint: ignore name-in-alt-text -- consent form 2025-09 -->\n"
             "![Jessica Thompson smiling](p.jpg)\n"),
    ("d.jsx", "export const D = () => (\n  <div>\n    {/* schoollint: ignore SL302 -- consent form 2025-09 */}\n"
              f"    <img src=\"p.jpg\" {NAMED} />\n  </div>\n);\n"),
    ("e.vue", f"<template>\n  <!-- schoollint: ignore SL302 -- consent form -->\n  <img src=\"p.jpg\" {NAMED} />\n"
              "</template>\n"),
    ("f.html", f'<!-- schoollint: ignore SL302 -->\n<img src="p.jpg" {NAMED}>\n'),
])
def test_a_suppression_with_or_without_a_reason_suppresses(repo, cli, name, text):
    write(repo, "p.jpg", clean_jpeg())
    write(repo, name, text)
    git(repo, "add", "-A")
    code, out, err = cli("check", "--no-progress", "--output-format", "json", "--select", "SL302,SL001")
    assert json.loads(out)["findings"] == [], err
    assert code == 0


def test_a_reason_without_the_dashes_is_sl001_not_a_silent_ignore(repo, cli):
    write(repo, "p.jpg", clean_jpeg())
    write(repo, "a.html", f'<!-- schoollint: ignore SL302 parent consent -->\n<img src="p.jpg" {NAMED}>\n')
    git(repo, "add", "-A")
    code, out, _err = cli("check", "--no-progress", "--output-format", "json", "--select", "SL302,SL001")
    found = json.loads(out)["findings"]
    assert code == 1
    assert any(f["code"] == "SL001" and "CONSENT" in f["message"].upper() for f in found)
