"""A prize list under a photo, after a bold lead-in (`**Subject prizes**` in Markdown, `<p><strong>Subject
prizes</strong></p>` in HTML: a heading in all but name), names its winners beside the photo as a list after a
heading or "Winners:" does (issue 10). Read through the command line on real pages and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import html, lint


def test_a_prize_list_after_a_bold_lead_in(tmp_path):
    found = lint(tmp_path / "s", {
        "news/prizes.md": "![Prize giving 2025](/images/pz1.jpg)\n\n**Subject prizes**\n\n"
                          "- Geography: Tegwen Rhys-Pritchard\n- Computing: Obinna Eze-Okafor\n",
        "news/prizes.html": html('<p><img src="/images/pz2.jpg" alt="Prize giving 2025"></p>\n'
                                 '<p><strong>Subject prizes</strong></p>\n'
                                 "<ul><li>Geography: Marisol Quintanilla</li>"
                                 "<li>Computing: Jarrah Wetherell</li></ul>"),
    })
    assert {(path, value) for code, path, value in found if code == "SL303"} == {
        ("news/prizes.md", "Tegwen Rhys-Pritchard"), ("news/prizes.md", "Obinna Eze-Okafor"),
        ("news/prizes.html", "Marisol Quintanilla"), ("news/prizes.html", "Jarrah Wetherell")}


def test_a_list_after_a_running_paragraph_is_not_the_photos(tmp_path):
    """The trap: a list after a paragraph of running text (bold in part only) is the post's, not the photo's."""
    found = lint(tmp_path / "s", {
        "news/trip.md": "![The trip](/images/pz3.jpg)\n\nThanks to **all** who came along on the day.\n\n"
                        "- Organised by Tegwen Rhys-Pritchard\n",
    })
    assert found == []
