"""Trial 9 item 8: `![Amelia Watson winning the race](a,b.jpg)` got a false SL304 (a reference to `b.jpg`):
the path was split on its comma as if it were a srcset. Only a srcset is a list of candidates; a Markdown
destination, a CSS url(), an unquoted attribute and a component's src are one path, commas and all."""

from __future__ import annotations

import json

import pytest

from tests.audit.sites import clean_jpeg, write


def _findings(cli, *paths):
    code, out, err = cli("check", "--output-format", "json", "--no-progress", "--no-vision", *paths)
    assert code in (0, 1), err
    return json.loads(out)["findings"]


@pytest.mark.parametrize("page, text", [
    ("index.md", "# Sports day\n\n![Winning the race](a,b.jpg)\n"),
    ("index.md", "# Sports day\n\n![Winning the race](images/a,b.jpg \"The race\")\n"),
    ("index.md", "# Sports day\n\n[the photo](a,b.jpg)\n"),
    ("page.html", "<p><img src=a,b.jpg alt=\"Winning the race\"></p>\n"),
    ("page.html", "<div style=\"background: url(a,b.jpg)\"></div>\n"),
    ("style.css", ".hero { background: url(a,b.jpg); }\n"),
])
def test_a_comma_in_a_path_is_part_of_it(repo, cli, page, text):
    write(repo, "a,b.jpg", clean_jpeg())
    write(repo, "images/a,b.jpg", clean_jpeg())
    write(repo, page, text)
    assert [f for f in _findings(cli) if f["code"] == "SL304"] == []


def test_a_srcset_is_still_split_into_candidates(repo, cli):
    write(repo, "a.jpg", clean_jpeg())
    write(repo, "page.html", '<img src="a.jpg" srcset="a.jpg 1x, b.jpg 2x" alt="Sports day">\n'
                             '<img srcset=a.jpg,c.jpg alt="">\n')
    broken = [f for f in _findings(cli) if f["code"] == "SL304"]
    assert len(broken) == 2 and {f["line"] for f in broken} == {1, 2}


def test_a_component_src_with_a_comma_or_a_space_is_one_path(repo, cli):
    write(repo, "a,b.jpg", clean_jpeg())
    write(repo, "sp ace.jpg", clean_jpeg())
    write(repo, "Team.vue", '<template>\n  <img src="a,b.jpg" alt="Amelia Watson winning the race" />\n'
                            '  <img src="sp ace.jpg" alt="Harvey Lewis in goal" />\n</template>\n')
    messages = {f["message"] for f in _findings(cli) if f["code"] == "SL302"}
    assert any("image a,b.jpg " in m for m in messages) and any("image sp ace.jpg " in m for m in messages)
