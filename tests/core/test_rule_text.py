"""`schoollint rule CODE` as a non-programmer reads it (trial 5): paragraphs filled to the screen,
not broken where the YAML's editor wrapped them, and SL601's reasons in plain words."""

from __future__ import annotations

import pytest

from schoollint import catalogue


@pytest.mark.parametrize("columns", [60, 100])
@pytest.mark.parametrize("code", sorted(catalogue.load()))
def test_every_rule_text_fills_the_screen_without_ragged_lines(cli, monkeypatch, code, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    status, out, _ = cli("rule", code)
    assert status == 0
    for block in out.split("\n\n"):
        lines = [line for line in block.splitlines() if line.startswith("  ")]   # not the headings
        if block.startswith(("Example", "Options")) or "Example\n" in block:
            continue
        assert all(len(line) <= columns for line in lines), block
        # filled: the next line's first word would not have fitted on the line before it
        # (the old text broke where its YAML was wrapped: "A first name alone" / "counts here")
        for line, after in zip(lines, lines[1:], strict=False):
            assert len(line) + 1 + len(after.split()[0]) > columns, block


def test_sl601_why_is_short_and_points_to_the_details(cli):
    _, out, _ = cli("rule", "SL601")
    why = out.split("Why it matters\n")[1].split("\n\n")[0]
    assert len(why.split()) < 250
    assert "README" in why and "PersonInImage" not in why
