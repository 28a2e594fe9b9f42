"""Trial 9 item 2: `--ignore SL201 --ignore SL202` kept only the last, so `--fix` downscaled photos the
user had turned the downscale off for. Rule lists given again add up as the comma form does (ruff);
every other option that takes a value, given twice with different values, is a usage error (exit 2)."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from tests.audit.sites import clean_jpeg, gps_jpeg, write


@pytest.fixture
def site(repo):
    write(repo, "images/big.jpg", clean_jpeg(size=(2400, 1800)))
    write(repo, "images/trip.jpg", gps_jpeg())
    write(repo, "index.html", '<img src="images/big.jpg" alt="Sports day">\n')
    return repo


def test_ignore_given_twice_keeps_both_rules_out_of_the_fix(site, cli):
    code, out, err = cli("check", "--fix", "--ignore", "SL201", "--ignore", "SL202", "--no-progress")
    assert code == 1, err
    assert Image.open(io.BytesIO((site / "images/big.jpg").read_bytes())).size == (2400, 1800)
    assert "trip.jpg" in out                         # the GPS fix still ran


@pytest.mark.parametrize("words, chosen", [
    (["--select", "SL101", "--select", "SL201"], {"SL101", "SL201"}),
    (["--select", "SL101,SL102", "--select", "SL201"], {"SL101", "SL102", "SL201"}),
    (["--ignore", "SL201", "--ignore", "SL202"], None),
    (["--select", "SL1", "--extend-select", "SL201", "--extend-select", "SL202", "--ignore", "SL103",
      "--ignore", "SL104"], None),
])
def test_rule_lists_given_twice_add_up_as_the_comma_form(site, cli, words, chosen):
    code, out, err = cli("config", *words)
    assert code == 0, err
    comma = [words[0], ",".join(words[1::2])] if len(set(words[::2])) == 1 else None
    selected = set(_selected(out))
    if chosen is not None:
        assert selected == chosen
    if comma:
        assert set(_selected(cli("config", *comma)[1])) == selected
    for option, value in zip(words[::2], words[1::2], strict=True):
        if option == "--ignore":
            assert value not in selected
        if option == "--extend-select":
            assert value in selected


def _selected(config_text: str) -> list[str]:
    import yaml

    return yaml.safe_load(config_text)["select"]


@pytest.mark.parametrize("command, option, first, second", [
    ("check", "--output-format", "json", "sarif"),
    ("check", "-o", "a.json", "b.json"),
    ("check", "--config", "a.yml", "b.yml"),
    ("check", "--fail-level", "error", "warning"),
    ("check", "--jobs", "1", "2"),
    ("check", "--diff-base", "HEAD", "HEAD~1"),
    ("check", "--roster", "a.csv", "b.csv"),
    ("check", "--baseline", "a.json", "b.json"),
    ("audit", "--format", "html", "json"),
    ("audit", "--record-review", "AB", "CD"),
    ("history", "--since", "2020-01-01", "2021-01-01"),
    ("history", "--purge-list", "a.txt", "b.txt"),
    ("config", "--fail-level", "error", "warning"),
    ("rules", "--output-format", "json", "markdown"),
])
def test_an_option_of_one_value_given_twice_is_refused(site, capsys, command, option, first, second):
    from schoollint.cli import main

    with pytest.raises(SystemExit) as stop:
        main([command, option, first, option, second])
    out, err = capsys.readouterr()
    assert stop.value.code == 2 and out == ""
    assert f"argument {option}" in err and "given twice" in err and f"({first}, then {second})" in err


def test_the_same_value_twice_is_no_conflict(site, cli):
    code, out, err = cli("check", "--output-format", "json", "--output-format", "json", "--no-progress")
    assert code == 1, err
    assert json.loads(out)["findings"]


def test_the_comma_form_and_repeats_mix(site, cli):
    code, out, err = cli("check", "--output-format", "json", "--select", "SL101,SL201", "--select", "SL102")
    assert code == 1, err
    codes = {finding["code"] for finding in json.loads(out)["findings"]}
    assert "SL201" in codes and "SL101" in codes
