"""An expression beside a photo that cannot be resolved (a caption's child text, a text prop) is unknown,
not clean (M's session 6 report): the run's note counts it with the unknown alt texts, in JSX, Vue and
MDX pages. Through the command line, real JPEGs in a temporary site."""

from __future__ import annotations

import pytest

from tests.pages.test_spread_props import check

NOTE = "1 alt text or caption in 1 page is filled in by a template or an expression schoollint cannot resolve"


@pytest.mark.parametrize("relpath, page", [
    ("src/Head.jsx", "export const Head = ({ headName }) => <figure><img src=\"/img/a.jpg\" alt=\"Our head\" />"
                     "<figcaption>{headName}</figcaption></figure>;\n"),
    ("src/Card.tsx", "export const C = ({ who }) => <ProfileCard photo=\"/img/a.jpg\" fullName={who.name} />;\n"),
    ("src/Head.vue", "<template>\n  <figure><img src=\"/img/a.jpg\" alt=\"Our head\">\n"
                     "  <figcaption>{{ nameOf(head) }}</figcaption></figure>\n</template>\n"),
    ("docs/head.mdx", "import Figure from '../src/Figure';\n\n# Our head\n\n"
                      "<Figure src=\"/img/a.jpg\" caption={props.headName} />\n"),
])
def test_an_unresolved_caption_or_text_prop_is_noted_as_unknown(tmp_path, relpath, page):
    report = check(tmp_path / "s", {relpath: page}, ("img/a.jpg",))
    assert report["findings"] == []
    assert any(NOTE in note["text"] for note in report["notes"]), report["notes"]


def test_a_resolved_caption_is_checked_and_not_noted(tmp_path):
    page = ("const head = 'Harvey Collins';\n"
            "export const Head = () => <figure><img src=\"/img/a.jpg\" alt=\"Our head\" />"
            "<figcaption>{head}</figcaption></figure>;\n")
    report = check(tmp_path / "s", {"src/Head.jsx": page}, ("img/a.jpg",))
    assert [f["value"] for f in report["findings"] if f["code"] == "SL303"] == ["Harvey Collins"]
    assert not any("filled in by a template" in note["text"] for note in report["notes"])
