"""Paired shortcodes nested in one of the same name (issue 10, session 9's "nested same-name paired shortcodes"
left known): `{{< box photo= >}}...{{< box photo= >}}Name{{< /box >}}...{{< /box >}}` in Hugo and
`{% card %}` in `{% card %}` in Eleventy: each body ends at its own closing tag, counted by depth, so the
outer one's words are its own and the inner one's name is the inner photo's; through the command line.
"""

from __future__ import annotations

import re

from tests.names.test_issue10_kinds import findings

HUGO = ('---\ntitle: Staff\n---\n{{< box photo="/images/nb1.jpg" >}}\nOur office\n'
        '{{< box photo="/images/nb2.jpg" >}}Ysolde Carrington-Pike, bursar{{< /box >}}\n'
        'and Benedikt Sørlie-Amadi, receptionist\n{{< /box >}}\n')
ELEVENTY = ('{% card "/images/ne1.jpg" %}Our office {% card "/images/ne2.jpg" %}Ysolde Carrington-Pike, bursar'
            '{% endcard %} and Benedikt Sørlie-Amadi, receptionist{% endcard %}\n')


def test_a_nested_same_name_shortcodes_bodies(tmp_path):
    """Before, the outer body ended at the inner closing tag: the receptionist named after it went unread."""
    by_photo: dict[tuple[str, str], set[str]] = {}
    for finding in findings(tmp_path / "s", {"content/staff.md": HUGO, "src/staff.njk": ELEVENTY}):
        photo = re.search(r"/images/(\w+)\.jpg", finding["message"]).group(1)
        by_photo.setdefault((finding["path"], photo), set()).update(finding["value"].split("; "))
    both = {"Ysolde Carrington-Pike", "Benedikt Sørlie-Amadi"}
    assert by_photo == {("content/staff.md", "nb1"): both, ("content/staff.md", "nb2"): {"Ysolde Carrington-Pike"},
                        ("src/staff.njk", "ne1"): both, ("src/staff.njk", "ne2"): {"Ysolde Carrington-Pike"}}
