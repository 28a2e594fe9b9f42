"""Configuration files: validated keys, per-path overrides, pyproject.toml, `schoollint config`."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.kit.sites import make_png


def findings(cli, *args):
    code, out, err = cli("check", "--output-format", "json", "--no-cache", *args)
    return code, json.loads(out)["findings"] if out else None, err


def test_rule_option_in_config_file(repo, cli):
    make_png(repo / "wide.png", size=(2000, 10))
    (repo / ".schoollint.yml").write_text("SL201:\n  max-edge: 2400\n")
    assert findings(cli)[1] == []
    (repo / ".schoollint.yml").write_text("oversized-image:\n  max-edge: 1000\n")
    assert [f["code"] for f in findings(cli)[1]] == ["SL201"]


def test_per_path_options_and_ignores_with_reasons(repo, cli):
    make_png(repo / "staff" / "team.png", size=(2000, 10))
    make_png(repo / "banners" / "top.png", size=(2000, 10))
    make_png(repo / "pupils" / "trip.png", size=(2000, 10))
    (repo / ".schoollint.yml").write_text(yaml.safe_dump({
        "per-path": {
            "banners/**": {"SL201": {"max-edge": 2400}},
            "staff/": {"ignore": [{"rule": "SL201", "reason": "Staff portraits are printed for the foyer"}]},
        }
    }))
    code, found, _ = findings(cli)
    assert [f["path"] for f in found] == ["pupils/trip.png"]
    code, out, _ = cli("check", "--no-cache")
    assert "1 ignored by per-path configuration" in out
    code, out, _ = cli("check", "--no-cache", "--fix")      # counted once, not again after fixing
    assert "1 ignored by per-path configuration" in out


def test_exclude_globs_and_force_exclude(repo, cli):
    make_png(repo / "_site" / "a.png", size=(2000, 10))
    make_png(repo / "img" / "b.png", size=(2000, 10))
    (repo / ".schoollint.yml").write_text("exclude: ['_site/**']\n")
    assert [f["path"] for f in findings(cli)[1]] == ["img/b.png"]
    # A file named on the command line is checked unless --force-exclude (as pre-commit passes them).
    assert [f["path"] for f in findings(cli, "_site/a.png")[1]] == ["_site/a.png"]
    assert findings(cli, "--force-exclude", "_site/a.png")[1] == []


def test_pyproject_table_is_read(repo, cli):
    make_png(repo / "wide.png", size=(2000, 10))
    (repo / "pyproject.toml").write_text('[tool.schoollint]\nignore = ["SL201"]\n')
    assert findings(cli)[1] == []


@pytest.mark.parametrize("text, message", [
    ("colour: red\n", ".schoollint.yml:1: unknown key 'colour'"),
    ("SL201:\n  max-size: 10\n", ".schoollint.yml:2: SL201: no option 'max-size' (options: max-edge)"),
    ("SL201:\n  max-edge: big\n", ".schoollint.yml:2: SL201.max-edge: expected a whole number"),
    ("SL201:\n  max-edge: 2\n", "must be at least 16"),
    ("fail-level: loud\n", "fail-level must be one of error, warning"),
    ("select: [SL9]\n", ".schoollint.yml:1: select: unknown rule or prefix: 'SL9'"),
    ("per-path:\n  'x/**':\n    ignore: [{rule: SL201}]\n", "needs exactly `rule` and `reason`"),
    ("per-path:\n  'x/**':\n    ignore: [{rule: SL201, reason: ''}]\n", "must be a sentence"),
    ("- just\n- a list\n", "must be a mapping"),
    ("select: [unclosed\n", "not valid YAML"),
])
def test_bad_configuration_is_a_clear_error(repo, cli, text, message):
    make_png(repo / "a.png")
    (repo / ".schoollint.yml").write_text(text)
    code, out, err = cli("check")
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_explicit_config_file_and_missing_one(repo, cli):
    make_png(repo / "wide.png", size=(2000, 10))
    (repo / "strict.yml").write_text("SL201: {max-edge: 3000}\n")
    assert findings(cli, "--config", "strict.yml")[1] == []
    code, _, err = cli("check", "--config", "nope.yml")
    assert code == 2 and "nope.yml: no such configuration file" in err


def test_config_command_prints_the_effective_configuration(repo, cli):
    (repo / ".schoollint.yml").write_text("ignore: [SL106]\nSL201: {max-edge: 1200}\n")
    code, out, _ = cli("config")
    assert code == 0
    effective = yaml.safe_load(out)
    assert effective["source"] == ".schoollint.yml"
    assert "SL106" not in effective["select"] and "SL201" in effective["select"]
    assert effective["rules"]["SL201"] == {"max-edge": 1200}
