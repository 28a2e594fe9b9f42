"""Server pages (trial item 8): PHP, server-side includes, XHTML, ASP and ASP.NET, JSP, ERB and EJS
pages are HTML with code in them. Each was counted as checked while nothing read it, so a full
name in alt text passed; now each is read as HTML, an alt text its code fills in is unknown (never
clean), and a JSP/ASP.NET comment is blanked like a template comment. Through the command line."""

from __future__ import annotations

import json

import pytest

SERVER_PAGES = ("p.php", "p.phtml", "p.shtml", "p.xhtml", "p.asp", "p.aspx", "p.ascx", "p.master", "p.jsp",
                "p.erb", "p.rhtml", "p.ejs")


def _codes(cli, *args):
    code, out, _ = cli("check", "--output-format", "json", "--no-cache", "--select", "SL302", *args)
    report = json.loads(out)
    return code, [f["code"] for f in report["findings"]], report


@pytest.mark.parametrize("name", SERVER_PAGES)
def test_a_full_name_in_a_server_pages_alt_text_is_found(repo, cli, name):
    (repo / name).write_text('<img src="winner.jpg" alt="Harriet Oduya winning">\n', encoding="utf-8")
    code, codes, _ = _codes(cli, name)
    assert code == 1 and codes == ["SL302"]


@pytest.mark.parametrize("filled_in", ['<?php echo $pupil->name; ?>', '<?= $name ?>', '<%= pupil.name %>',
                                       '<%: Model.Name %>'])
def test_an_alt_text_server_code_fills_in_is_unknown_not_clean(repo, cli, filled_in):
    (repo / "gallery.php").write_text(f'<img src="winner.jpg" alt="{filled_in}">\n', encoding="utf-8")
    code, out, err = cli("check", "--no-cache", "--select", "SL302", "gallery.php")
    assert code == 0
    assert "1 alt text or caption in 1 page is filled in by a template or an expression" in out + err


def test_a_jsp_or_asp_net_comment_is_not_read_as_shown(repo, cli):
    (repo / "old.aspx").write_text('<%-- <img src="a.jpg" alt="Harriet Oduya winning"> --%>\n'
                                   '<img src="b.jpg" alt="Sports day">\n', encoding="utf-8")
    assert _codes(cli, "old.aspx")[:2] == (0, [])
