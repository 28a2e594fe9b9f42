"""A title before a full name ("Mrs Imogen Quarmby", Headteacher; "Dr Tamar Levinson", Chair of the Trust
Board: heldout_p's "staff-title-full-name" kind) marks a member of staff, as "Mrs Jones" does: SL303's `staff`
option (rules/SL303.yaml, default allow) leaves it out, and `staff: warn` reports it as a warning. A roster that
holds the same name as a pupil wins over the title (a roster match is the school's own record, and a pupil's
full name left unreported is the worse error): reported as the pupil's name, an error. Without a roster the
policy stands though heldout_p's author labelled these as findings (see the session 10 report). Through the
command line, real JPEGs and a MIS-style roster export."""

from __future__ import annotations

import json

from schoollint.cli import main
from tests.names.kinds_kit import checked, html

PAGES = {
    "site/head.html": html('<div class="head-welcome"><img src="/images/head.jpg" alt="" width="220"><p><strong>'
                           "Mrs Imogen Quarmby</strong><br>Headteacher</p></div>"),
    "content/news/science.md": "![](/images/science.jpg)\n\n**Dr Tamar Levinson**, Chair of the Trust Board, "
                               "opened the new science block.\n",
}
ROSTER = [("Imogen", "Quarmby"), ("Tamar", "Levinson")]


def test_a_titled_full_name_is_staff_by_default(tmp_path):
    assert checked(tmp_path, PAGES) == []


def test_a_pupil_of_the_same_name_on_the_roster_wins_over_the_title(tmp_path):
    findings = checked(tmp_path, PAGES, ROSTER)
    assert {(finding["path"], finding["value"], finding["severity"]) for finding in findings} == {
        ("site/head.html", "Imogen Quarmby", "error"), ("content/news/science.md", "Tamar Levinson", "error")}


def test_staff_warn_reports_titled_full_names_as_warnings(tmp_path):
    checked(tmp_path, PAGES)                    # builds the site and its photos
    root = tmp_path / "site"
    (root / ".schoollint.yml").write_text("SL303:\n  staff: warn\n", encoding="utf-8")
    out = tmp_path / "out.json"
    main(["check", str(root), "--select", "SL303", "--output-format", "json", "--show-values", "-o", str(out),
          "--no-cache", "--exit-zero", "--no-progress", "-q"])
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert {(finding["path"], finding["value"], finding["severity"]) for finding in findings} == {
        ("site/head.html", "Mrs Imogen Quarmby", "warning"),
        ("content/news/science.md", "Dr Tamar Levinson", "warning")}
