"""JSX spread props (trial 6 item 2): `<ProfileCard {...p} />` over a const array, `<Card {...person} />`
with a const object, later props overriding (as JSX compiles them), a spread that cannot be read noted
as unknown, never clean; `require('./a.jpg').default` read as the photo's path. Through the command line,
with real JPEGs in a temporary site."""

from __future__ import annotations

import json
from pathlib import Path

from schoollint.cli import main
from tests.names.test_issue10_kinds import JPEG


def check(root: Path, files: dict[str, str], photos: tuple[str, ...]) -> dict:
    for relpath, text in files.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        (root / relpath).write_text(text, encoding="utf-8")
    for photo in photos:
        (root / photo).parent.mkdir(parents=True, exist_ok=True)
        (root / photo).write_bytes(JPEG)
    out = root.parent / "report.json"
    assert main(["check", str(root), "--output-format", "json", "--show-values", "-o", str(out), "--no-cache",
                 "--exit-zero", "--no-progress", "--no-vision", "--select", "SL302,SL303,SL304"]) == 0
    return json.loads(out.read_text())


def full_names(report: dict) -> list[tuple[str, int, str]]:
    return sorted((f["path"], f["line"], f["value"]) for f in report["findings"] if f["code"] == "SL303")


COUNCIL = """import ProfileCard from './ProfileCard';
import zara from './img/zara.jpg';

const council = [
  { fullName: 'Zara Ahmed', imageUrl: zara, role: 'Chair' },
  { fullName: 'Oliver Brennan', imageUrl: './img/team.jpg', role: 'Secretary' },
];

export default function Council() {
  return <section>{council.map((p) => <ProfileCard key={p.fullName} {...p} />)}</section>;
}
"""


def test_a_spread_of_each_mapped_item_gives_the_card_its_photo_and_name(tmp_path):
    report = check(tmp_path / "s", {"src/Council.jsx": COUNCIL}, ("src/img/zara.jpg", "src/img/team.jpg"))
    assert full_names(report) == [("src/Council.jsx", 5, "Zara Ahmed"), ("src/Council.jsx", 6, "Oliver Brennan")]
    assert not [f for f in report["findings"] if f["code"] == "SL304"]       # both photos found


def test_a_const_object_spread_and_later_props_override_as_jsx_does(tmp_path):
    page = ("const person = { name: 'Harvey Collins', photo: './img/head.jpg' };\n\n"
            "export const A = () => <Card {...person} name=\"Our head teacher\" />;\n"
            "export const B = () => <Card name=\"Mia Patel\" {...person} />;\n")
    report = check(tmp_path / "s", {"src/Head.jsx": page}, ("src/img/head.jpg",))
    # A: the explicit name after the spread wins; B: the spread's name after the explicit one wins.
    assert full_names(report) == [("src/Head.jsx", 1, "Harvey Collins")]
    assert not any("filled in by a template" in note["text"] for note in report["notes"])


def test_a_spread_the_reader_cannot_resolve_is_noted_never_clean(tmp_path):
    page = "export function Deputy({ info }) {\n  return <ProfileCard {...info} />;\n}\n"
    report = check(tmp_path / "s", {"src/Deputy.jsx": page}, ())
    assert report["findings"] == []
    assert any("1 alt text or caption in 1 page is filled in by a template or an expression" in note["text"]
               for note in report["notes"])


def test_a_layout_spreading_its_props_is_not_noted(tmp_path):
    page = "export const Page = (props) => <Layout {...props}><h1>Welcome</h1></Layout>;\n"
    report = check(tmp_path / "s", {"src/Page.jsx": page}, ())
    assert not any("filled in by a template" in note["text"] for note in report["notes"])


def test_require_default_is_the_photo_path_never_the_raw_expression(tmp_path):
    page = ("export const Head = () => <figure><img src={require('./img/head.jpg').default} alt=\"x\" />"
            "<figcaption>Harvey Collins, Headteacher</figcaption></figure>;\n"
            "export const Gone = () => <img src={require('./img/gone.jpg').default} alt=\"y\" />;\n")
    report = check(tmp_path / "s", {"src/Head.jsx": page}, ("src/img/head.jpg",))
    [named] = [f for f in report["findings"] if f["code"] == "SL303"]
    assert named["message"].startswith("photo ./img/head.jpg:"), named["message"]
    [broken] = [f for f in report["findings"] if f["code"] == "SL304"]
    assert broken["line"] == 2 and "gone.jpg" in json.dumps(broken) and "require(" not in json.dumps(report)


def test_vue_v_bind_of_an_object_is_a_spread(tmp_path):
    page = ("<template>\n  <div>\n    <ProfileCard v-for=\"p in council\" :key=\"p.fullName\" v-bind=\"p\" />\n"
            "  </div>\n</template>\n<script setup>\n"
            "const council = [{ fullName: 'Zara Ahmed', imageUrl: '/img/zara.jpg' }];\n</script>\n")
    report = check(tmp_path / "s", {"src/Council.vue": page}, ("img/zara.jpg",))
    assert full_names(report) == [("src/Council.vue", 7, "Zara Ahmed")]


def test_svelte_spread_of_each_item(tmp_path):
    page = ("<script>\n  const council = [{ fullName: 'Zara Ahmed', imageUrl: '/img/zara.jpg' }];\n</script>\n\n"
            "{#each council as p}\n  <ProfileCard {...p} />\n{/each}\n")
    report = check(tmp_path / "s", {"src/Council.svelte": page}, ("img/zara.jpg",))
    assert full_names(report) == [("src/Council.svelte", 2, "Zara Ahmed")]
