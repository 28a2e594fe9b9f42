"""Trial 5, problems 3 and 5: the text around a photo is read the same whatever markup shows the photo
(a Markdown image, raw HTML in Markdown, a Hugo shortcode, a Jekyll include), and a short paragraph
between two photos is read with both (either may be its caption: the safe reading for consent; the
lead's decision in session 6), the messages telling "its next paragraph" from "its paragraph before
(between photos)"; SL303 reports its full names once, with the photo before it. Through the command line."""

from __future__ import annotations

import json

import pytest

from schoollint.cli import main
from tests.names.test_issue10_kinds import findings, html

LEAD = "Well done to Siân Rhys-Davies:\n\n"
AFTER = "\n\nAmelia Watson came second in the relay.\n"
PHOTOS = {
    "markdown": "![The choir](/images/relay.jpg)",
    "hugo": '{{< figure src="/images/relay.jpg" alt="The choir" >}}',
    "hugo-percent": '{{% figure src="/images/relay.jpg" alt="The choir" %}}',
    "raw-html": '<figure><img src="/images/relay.jpg" alt="The choir"></figure>',
    "jekyll": '{% include figure.html src="/images/relay.jpg" caption="The choir" %}',
}


def _messages(found: list[dict]) -> set[tuple[str, str]]:
    return {(f["message"].split(" gives ")[0], f.get("value", "")) for f in found if f["code"] == "SL303"}


@pytest.mark.parametrize("markup", sorted(PHOTOS))
def test_paragraphs_before_and_after_a_photo_whatever_its_markup(tmp_path, markup):
    found = findings(tmp_path / "s", {"content/news.md": LEAD + PHOTOS[markup] + AFTER})
    assert _messages(found) == {("photo /images/relay.jpg: its paragraph before", "Siân Rhys-Davies"),
                                ("photo /images/relay.jpg: its next paragraph", "Amelia Watson")}


@pytest.mark.parametrize("first, second", [("markdown", "markdown"), ("hugo", "raw-html"), ("jekyll", "markdown")])
def test_a_paragraph_between_two_photos_is_read_with_both_in_markdown(tmp_path, first, second):
    page = ("Our World Book Day.\n\n" + PHOTOS[first].replace("relay", "wbd") + "\n\nFfion Price's painting won "
            "first prize.\n\n" + PHOTOS[second].replace("relay", "wbd2") + "\n")
    assert _messages(findings(tmp_path / "s", {"content/wbd.md": page})) == {
        ("photo /images/wbd.jpg: its next paragraph", "Ffion Price")}


def test_a_paragraph_between_two_photos_is_read_with_both_in_html(tmp_path):
    page = html('<p>Our World Book Day.</p><p><img src="/images/wbd.jpg" alt=""></p>'
                "<p>Ffion Price's painting won first prize.</p><p><img src=\"/images/wbd2.jpg\" alt=\"\"></p>")
    assert _messages(findings(tmp_path / "s", {"wbd.html": page})) == {
        ("photo /images/wbd.jpg: its next paragraph", "Ffion Price")}


@pytest.mark.parametrize("page", [
    ("content/wbd.md", "Our day.\n\n![](/images/wbd.jpg)\n\nFfion's painting won first prize. Noah from 6A "
                       "helped.\n\n![](/images/wbd2.jpg)\n"),
    ("content/wbd.md", "Our day.\n\n{{< figure src=\"/images/wbd.jpg\" >}}\n\nFfion's painting won first prize. "
                       "Noah from 6A helped.\n\n<p><img src=\"/images/wbd2.jpg\" alt=\"\"></p>\n"),
    ("wbd.html", html('<p>Our day.</p><p><img src="/images/wbd.jpg" alt=""></p><p>Ffion\'s painting won first '
                      'prize. Noah from 6A helped.</p><p><img src="/images/wbd2.jpg" alt=""></p>'))])
def test_first_names_between_two_photos_are_charged_to_both_for_consent(tmp_path, capsys, page):
    site = tmp_path / "s"
    findings(site, dict([page]))
    roster = tmp_path / "roster.csv"
    roster.write_text("Forename,Surname,Reg Group,Photo Consent (Website)\nFfion,Price,6A,No\n"
                      "Noah,Jenkins,6A,No\n", encoding="utf-8")
    capsys.readouterr()
    main(["check", str(site), "--roster", str(roster), "--select", "SL6", "--output-format", "json",
          "--show-values", "--no-progress", "--no-cache"])
    found = json.loads(capsys.readouterr().out)["findings"]
    charged = {(f["message"].split(" names ")[0].split(" gives ")[0], f.get("value", "")) for f in found
               if f["code"] == "SL601"}
    assert {photo for photo, _ in charged} == {"photo /images/wbd.jpg: its next paragraph",
                                               "photo /images/wbd2.jpg: its paragraph before (between photos)"}
    assert {value for _, value in charged} >= {"Ffion", "Noah"}
