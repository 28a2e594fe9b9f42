"""Configuration mistakes said for the school's web editor: one line naming the file, the line and key,
and what is expected in plain words (no parser internals, no Python type names). Fresh-eyes trial, item 16."""

from __future__ import annotations

import pytest

from tests.kit.sites import make_png


@pytest.mark.parametrize("text, message", [
    # YAML a person mistyped: the line to edit, and what is wrong with it
    ("exclude: [drafts/**\nselect: [SL1]\n",
     ".schoollint.yml:1: not valid YAML: the list opened with '[' here is not closed with ']'"),
    ("ignore:\n  - SL106\nSL201: {max-edge: 900\n",
     ".schoollint.yml:3: not valid YAML: the mapping opened with '{' here is not closed with '}'"),
    ("exclude: 'drafts/**\n", ".schoollint.yml:1: not valid YAML: the text in quotes that starts here has no "
                              "closing quote"),
    ("SL201:\n  max-edge: 900\n fail-level: error\n",
     ".schoollint.yml:3: not valid YAML: the indentation does not line up with the keys above it"),
    ("select:\n\t- SL1\n", ".schoollint.yml:2: not valid YAML: a character YAML does not allow here (a tab?"),
    ("exclude: drafts: old\n", ".schoollint.yml:1: not valid YAML: a second ': ' on one line"),
    # values of the wrong kind: file, line, the key path, what it takes, with the default as an example
    ("ignore: [SL106]\n\nSL201:\n  max-edge: big\n",
     ".schoollint.yml:4: SL201.max-edge: expected a whole number (such as the default, 1600), got 'big'"),
    ("oversized-image:\n  max-edge: true\n",
     ".schoollint.yml:2: oversized-image.max-edge: expected a whole number (such as the default, 1600), got true"),
    ("per-path:\n  'staff/**':\n    SL201:\n      max-edge: huge\n",
     ".schoollint.yml:4: per-path: staff/**: SL201.max-edge: expected a whole number"),
    ("select: [SL1]\nfail-level: loud\n", ".schoollint.yml:2: fail-level must be one of error, warning"),
    ("select: [SL1]\ncolour: red\n", ".schoollint.yml:2: unknown key 'colour'"),
    ("SL201:\n  max-size: 10\n", ".schoollint.yml:2: SL201: no option 'max-size'"),
])
def test_configuration_mistakes_are_one_plain_line(repo, cli, text, message):
    make_png(repo / "a.png")
    (repo / ".schoollint.yml").write_text(text)
    code, out, err = cli("check", "--no-cache")
    assert code == 2
    assert message in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for internal in ("\\n", "<unicode string>", "while parsing", "while scanning", "expected int", "Traceback"):
        assert internal not in err


def test_pyproject_mistake_names_the_key(repo, cli):
    make_png(repo / "a.png")
    (repo / "pyproject.toml").write_text('[tool.schoollint]\nignore = ["SL106"]\n\n[tool.schoollint.SL201]\n'
                                         'max-edge = "big"\n')
    code, _out, err = cli("check", "--no-cache")
    assert code == 2
    assert "pyproject.toml:5: SL201.max-edge: expected a whole number (such as the default, 1600), got 'big'" in err
