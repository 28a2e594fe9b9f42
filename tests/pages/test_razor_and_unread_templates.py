"""Razor pages (ASP.NET `.cshtml`/`.vbhtml`, Blazor `.razor`) were counted as checked while nothing
read them, so a full name in an alt text passed; Pug, Haml and Slim pages likewise. Now Razor is
read as an HTML template (an `@` expression is a template tag, `@* *@` a comment) and the template
languages that are not HTML are reported as not read (SL002, counted as not checked). Through the
command line."""

from __future__ import annotations

import json

import pytest

from schoollint.pages.templates import razor_as_template


def _report(cli, *args):
    code, out, err = cli("check", "--output-format", "json", "--no-cache", *args)
    return code, json.loads(out), err


@pytest.mark.parametrize("name", ["Views/Home/Index.cshtml", "Views/News.vbhtml", "Pages/Gallery.razor"])
def test_a_full_name_in_a_razor_pages_alt_text_is_found(repo, cli, name):
    (repo / name).parent.mkdir(parents=True)
    (repo / name).write_text('@model NewsItem\n<style>@@media print { img { width: 50% } }</style>\n'
                             '<img src="winner.jpg" alt="Harriet Oduya winning">\n<p>office@school.org</p>\n',
                             encoding="utf-8")
    code, report, _ = _report(cli, "--select", "SL302", name)
    assert code == 1 and [(f["code"], f["line"]) for f in report["findings"]] == [("SL302", 3)]


@pytest.mark.parametrize("expression", ["@Model.Caption", "@pupil.Names[0].Full", "@(pupil.First + \" \" + pupil.Last)",
                                        "@Html.Raw(item.Alt)"])
def test_an_alt_text_a_razor_expression_fills_in_is_unknown_not_clean(repo, cli, expression):
    (repo / "Gallery.cshtml").write_text(f'<img src="winner.jpg" alt=\'{expression}\'>\n', encoding="utf-8")
    code, out, err = cli("check", "--no-cache", "--select", "SL302", "Gallery.cshtml")
    assert code == 0
    assert "1 alt text or caption in 1 page is filled in by a template or an expression" in out + err


def test_a_razor_comment_is_not_read_as_shown(repo, cli):
    (repo / "Old.cshtml").write_text('@* <img src="a.jpg"\n alt="Harriet Oduya winning"> *@\n'
                                     '<img src="b.jpg" alt="Sports day">\n', encoding="utf-8")
    code, report, _ = _report(cli, "--select", "SL302", "Old.cshtml")
    assert (code, report["findings"]) == (0, [])


def test_razor_text_keeps_its_length_lines_and_e_mail_addresses():
    text = '@* a\nb *@<a href="mailto:head@school.org">@@school</a><img alt="@(a +\n b)" src="@x">'
    prepared = razor_as_template(text)
    assert len(prepared) == len(text) and prepared.count("\n") == text.count("\n")
    assert "head@school.org" in prepared and "@@school" in prepared
    assert 'alt="{{' in prepared and 'src="{{' in prepared and "a +" not in prepared


@pytest.mark.parametrize("name, language", [("index.pug", "Pug"), ("layout.jade", "Pug (Jade)"),
                                            ("show.html.haml", "Haml"), ("page.slim", "Slim")])
def test_a_template_language_that_is_not_html_is_not_checked(repo, cli, name, language):
    (repo / name).write_text('img(src="winner.jpg" alt="Harriet Oduya winning")\n', encoding="utf-8")
    code, report, _ = _report(cli, name)
    assert code == 1
    assert [f["code"] for f in report["findings"]] == ["SL002"]
    assert f"a {language} template: schoollint does not read {language}" in report["findings"][0]["message"]
    assert report["files_checked"] == 0 and sum(report["files_not_checked"].values()) == 1
