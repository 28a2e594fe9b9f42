"""Trial 10 item 7: argparse's prefix abbreviations let `schoollint check --show` act as --show-values
(and print a pupil's name), `--exit` as --exit-zero, `--selec` as --select. Every (sub)command parser
now takes whole option names only; a prefix is a usage error (exit 2) that names the option it
resembles (item 10b), as a mistyped command or choice does."""

from __future__ import annotations

import pytest

from tests.audit.sites import gps_jpeg, write


@pytest.fixture
def usage(capsys):
    """Run the command line in-process for a usage error: argparse exits 2 (SystemExit). (code, out, err)."""
    from schoollint.cli import main

    def run(*argv: str):
        with pytest.raises(SystemExit) as stop:
            main(list(argv))
        out, err = capsys.readouterr()
        return stop.value.code, out, err

    return run


@pytest.fixture
def site(repo):
    write(repo, "images/trip.jpg", gps_jpeg())
    write(repo, "index.html", '<img src="images/trip.jpg" alt="Jessica Thompson at the zoo">\n')
    return repo


@pytest.mark.parametrize("command, words, meant", [
    ("check", ["--show"], "--show-values"),
    ("check", ["--exit"], "--exit-zero"),
    ("check", ["--selec", "SL1"], "--select"),
    ("check", ["--no-prog"], "--no-progress"),
    ("audit", ["--show", "-o", "../a.html"], "--show-values"),
    ("history", ["--show"], "--show-values"),
    ("config", ["--selec", "SL1"], "--select"),
])
def test_a_prefix_of_an_option_is_an_error_naming_the_option(site, usage, command, words, meant):
    code, out, err = usage(command, *words)
    assert code == 2
    assert "Jessica" not in out + err and "51." not in out
    assert f"unrecognized arguments: {words[0]}" in err
    assert f"did you mean {meant}?" in err


def test_show_is_not_show_values_through_the_command_line(site):
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "schoollint", "check", "--show", "--no-progress"],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "Jessica Thompson" not in run.stdout + run.stderr


@pytest.mark.parametrize("words, meant", [
    (["chek"], "'check'"),
    (["check", "--output-format", "jsn"], "'json'"),
    (["roster", "hsh", "x.csv"], "'hash'"),
])
def test_a_mistyped_command_or_choice_says_what_was_meant(site, usage, words, meant):
    code, _out, err = usage(*words)
    assert code == 2
    assert f"did you mean {meant}?" in err


def test_whole_options_and_counted_short_flags_still_work(site, cli):
    code, out, _err = cli("check", "-qq", "--select", "SL101", "--exit-zero", "--no-progress")
    assert (code, out) == (0, "")
