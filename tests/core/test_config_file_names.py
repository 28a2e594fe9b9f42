"""Which files the configuration is read from (config_files.py), through the command line:
`.schoollint.yaml` as `.schoollint.yml`, both at once refused, and a file under a name schoollint
does not read (`.schoollint.toml`, `schoollint.yml`, `.schoollintrc`) said, never silently ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kit.sites import clean_photo

SETTINGS = "fail-level: error\n"


def test_dot_schoollint_yaml_is_read(repo: Path, cli):
    (repo / ".schoollint.yaml").write_text(SETTINGS)
    code, out, err = cli("config")
    assert code == 0 and "source: .schoollint.yaml\n" in out and "fail-level: error\n" in out
    assert "warning" not in err


def test_both_spellings_at_once_are_refused_naming_both(repo: Path, cli):
    (repo / ".schoollint.yml").write_text(SETTINGS)
    (repo / ".schoollint.yaml").write_text("fail-level: warning\n")
    clean_photo(repo / "a.jpg")
    for command in (("config",), ("check", "--no-progress")):
        code, out, err = cli(*command)
        assert code == 2 and out == ""
        assert "both .schoollint.yml and .schoollint.yaml" in err and "Traceback" not in err


@pytest.mark.parametrize("name", [".schoollint.toml", "schoollint.yml", "schoollint.yaml", ".schoollintrc",
                                  ".schoollintrc.yml", ".schoollint.json", "Schoollint.yml"])
def test_a_configuration_under_a_name_not_read_is_said(repo: Path, cli, name):
    (repo / name).write_text(SETTINGS)
    clean_photo(repo / "a.jpg")
    code, out, err = cli("config")
    assert "source: null" in out
    assert f"schoollint: warning: {name}: not read" in err and ".schoollint.yml" in err
    code, out, err = cli("check", "--no-progress")
    assert code == 0 and f"schoollint: warning: {name}: not read" in err
    code, out, err = cli("check", "--no-progress", "-qq")
    assert err == ""                                # -qq prints nothing
    code, out, err = cli("config", "--config", name)   # named: read as the user says (YAML), no warning
    assert "warning" not in err


def test_schoollints_own_files_are_no_lookalikes(repo: Path, cli):
    for name in (".schoollint-baseline.json", ".schoollint-review.yml", ".schoollint-roster"):
        (repo / name).write_text("")
    (repo / ".schoollint.yml").write_text(SETTINGS)
    code, out, err = cli("config")
    assert code == 0 and err == ""


def test_a_toml_configuration_named_with_config_is_read_as_toml(repo: Path, cli):
    (repo / ".schoollint.toml").write_text('fail-level = "error"\nexclude = ["old/**"]\n')
    code, out, err = cli("config", "--config", ".schoollint.toml")
    assert code == 0 and "fail-level: error\n" in out and "- old/**\n" in out
    (repo / ".schoollint.toml").write_text('fail-level = error\n')
    code, out, err = cli("config", "--config", ".schoollint.toml")
    assert code == 2 and ".schoollint.toml: not valid TOML" in err
