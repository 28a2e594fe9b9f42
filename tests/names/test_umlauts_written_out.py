"""Roster names with umlauts written out (issue 10): a school's export writes "Jürgen Müller", its pages and
file names "Juergen Mueller" (German's own spelling without the dots, DIN 5007-2) or "Jurgen Muller";
each is the same pupil, a roster match. Through the command line, real JPEGs, a roster exported with a
header row."""

from __future__ import annotations

from tests.names.kinds_kit import checked

ROSTER = [("Jürgen", "Müller"), ("Zoë", "Großkreutz"), ("Björn", "Kästner")]


def test_umlauts_written_out_match_the_roster(tmp_path):
    pages = {"content/news.md": "![](/images/news.jpg)\n\nWell done Juergen Mueller and Zoe Grosskreutz!\n",
             "content/team.md": "![](/images/bjorn-kastner.jpg)\n\nOur team.\n"}
    findings = checked(tmp_path, pages, roster=ROSTER, photos=("images/juergen-mueller-y6.jpg",))
    assert sorted((finding["path"], finding["value"]) for finding in findings) == [
        ("content/news.md", "Juergen Mueller; Zoe Grosskreutz"), ("images/bjorn-kastner.jpg", "bjorn-kastner"),
        ("images/juergen-mueller-y6.jpg", "juergen-mueller")]
    assert all("roster match" in finding["message"] for finding in findings), findings
