"""Words a school's web editor reads (fresh-eyes trial, problem 21): the usage of the command they
typed, counts in the singular, and findings in a PDF placed by page and picture, not by the
PDF's internal names or a "line" the newsletter does not have."""

from __future__ import annotations

import pytest

from tests.audit.sites import gps_jpeg, page, write
from tests.kit.documents import CAPTION, newsletter_pdf


def _usage_error(capsys, *argv: str) -> str:
    from schoollint.cli import main

    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    assert exited.value.code == 2
    return capsys.readouterr().err


def test_check_with_an_unknown_option_shows_checks_usage(repo, capsys):
    err = _usage_error(capsys, "check", "--bogus")
    assert err.startswith("usage: schoollint check ") and "--fix" in err
    assert "schoollint check: error: unrecognized arguments: --bogus" in err
    assert "{check,audit" not in err, "not the list of commands"


def test_a_nested_command_and_audit_show_their_own_usage(repo, capsys):
    assert "schoollint roster hash: error: unrecognized arguments: --bogus" in _usage_error(
        capsys, "roster", "hash", "--bogus", "x.csv")
    assert "schoollint audit: error: unrecognized arguments: --fix" in _usage_error(capsys, "audit", "--fix")


def test_a_pdf_finding_is_not_placed_at_a_line(repo, cli):
    write(repo, "news.pdf", newsletter_pdf(pages=1, caption=CAPTION))
    code, out, _ = cli("check", "--no-cache", "--select", "SL303")
    assert code == 1 and "SL303 name-beside-photo: " in out
    assert "line 1" not in out, "a newsletter has pages, not lines: the message says which page"
    assert "on page 1" in out


def test_a_pdf_picture_is_named_in_words(repo, cli):
    write(repo, "news.pdf", newsletter_pdf(pages=1, caption=CAPTION))
    out = cli("check", "--no-cache", "--select", "SL303")[1]
    assert "picture 1 on page 1" in out and "Im0" not in out


def test_one_baseline_entry_is_one_entry(repo, cli):
    write(repo, "images/gala.jpg", gps_jpeg())
    write(repo, "index.html", page(("images/gala.jpg", "The gala")))
    out = cli("check", "--select", "SL101", "--write-baseline")[1]
    assert "wrote 1 baseline entry to" in out
