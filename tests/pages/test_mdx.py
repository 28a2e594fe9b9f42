"""MDX pages read as MDX (issue 10, "components inside MDX"; trial 5 item 6), through the command line.

Pages shaped as Docusaurus, Astro and Next.js write them: components imported in ESM, photos given as
props, children, imported images and `export const` data mapped over; Markdown around them. Real
JPEGs, real sites in temporary folders. The names are invented for these tests, not taken from a case split.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schoollint.cli import main
from tests.names.test_component_props import where
from tests.names.test_issue10_kinds import JPEG, findings


def run(root: Path, *arguments: str) -> dict:
    """The JSON report of `schoollint check root` with `arguments`."""
    out = root.parent / f"{root.name}-report.json"
    assert main(["check", str(root), "--output-format", "json", "--show-values", "-o", str(out), "--no-cache",
                 "--exit-zero", "--no-progress", *arguments]) == 0
    return json.loads(out.read_text())


def site_with(root: Path, page_path: str, page: str, photo: str) -> Path:
    """A site at `root` with one page and one real JPEG (`photo`, site-relative)."""
    for relpath, data in ((page_path, page.encode("utf-8")), (photo, JPEG)):
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        (root / relpath).write_bytes(data)
    return root


def test_a_card_component_in_an_mdx_page(tmp_path):
    """The issue's example: a card component given a photo and a full name in an MDX page."""
    page = ('import PhotoCard from "../components/PhotoCard";\n\n# Sports day\n\n'
            '<PhotoCard imageUrl="/images/m1.jpg" personName="Philippa Ashworth" caption="Winner of the 200m" />\n\n'
            "Thank you to all the parents who came to cheer.\n")
    assert where(findings(tmp_path / "s", {"content/sports.mdx": page})) == {
        ("SL303", "content/sports.mdx", 5, "personName prop", "Philippa Ashworth")}


PAGES = [   # (path, page, expected findings as (code, path, line, field, names))
    pytest.param(
        "docs/team.mdx",
        ('---\ntitle: Our office team\nsidebar_position: 3\n---\n\n'
         "import StaffCard from '@site/src/components/StaffCard';\n\n"
         "Meet the people who keep the school running.\n\n"
         '<div className="row">\n  <StaffCard photo="/img/m2.jpg" fullName="Peregrine Oduya" role="Bursar" />\n'
         '  <StaffCard photo="/img/m3.jpg" fullName="Tamsin" role="Receptionist" />\n</div>\n'),
        {("SL303", "docs/team.mdx", 11, "fullName prop", "Peregrine Oduya")},
        id="docusaurus_front_matter_import_and_cards_in_a_row"),
    pytest.param(
        "src/content/blog/fair.mdx",
        ("---\ntitle: Science fair\n---\nimport { Image } from 'astro:assets';\n"
         "import volcano from '../../../images/m4.jpg';\n\n"
         '<Image src={volcano} alt="Jonquil Fairweather with her volcano" width={600} />\n'),
        {("SL302", "src/content/blog/fair.mdx", 7, "alt text", "Jonquil Fairweather")},
        id="astro_imported_image_in_an_image_component"),
    pytest.param(
        "pages/prefects.mdx",
        ('export const prefects = [\n  { name: "Evander Mbeki", photo: "/images/m5.jpg" },\n'
         '  { name: "Saoirse", photo: "/images/m6.jpg" },\n]\n\n# Our prefects\n\n'
         "{prefects.map((p) => <ProfileCard key={p.name} image={p.photo} name={p.name} />)}\n"),
        {("SL303", "pages/prefects.mdx", 2, "name prop", "Evander Mbeki")},
        id="next_export_const_data_mapped_to_cards"),
    pytest.param(
        "content/climb.mdx",
        ('import Polaroid from "../components/Polaroid";\n\n'
         '<Polaroid src="/images/m7.jpg">Ottilie Brackenbury on the climbing wall</Polaroid>\n'),
        {("SL303", "content/climb.mdx", 3, "content", "Ottilie Brackenbury")},
        id="component_children_on_one_line"),
    pytest.param(
        "content/choir.mdx",
        ('import Figure from "../components/Figure";\n\n<Figure>\n\n![](/images/m8.jpg)\n\n'
         "Lysander Whitcombe sang the solo.\n\n</Figure>\n"),
        {("SL303", "content/choir.mdx", 7, "next paragraph", "Lysander Whitcombe")},
        id="markdown_image_and_caption_inside_a_component"),
    pytest.param(
        "content/gallery.mdx",
        ('import Gallery from "../components/Gallery";\n\n<Gallery>\n  <img src="/images/m18.jpg" alt="" />\n\n'
         "  ![Marigold Ashworth at the fair](/images/m19.jpg)\n</Gallery>\n"),
        {("SL302", "content/gallery.mdx", 6, "alt text", "Marigold Ashworth")},
        id="markdown_image_beside_a_jsx_image_inside_a_component"),
    pytest.param(
        "content/cup.mdx",
        ('import Callout from "../components/Callout";\n\n![](/images/m9.jpg)\n\n'
         "Well done to <strong>Araminta Quarshie</strong> for the cup!\n\n"
         "<Callout>Next match on Friday: Leopold Haverford-Smythe is the captain.</Callout>\n"),
        {("SL303", "content/cup.mdx", 5, "next paragraph", "Araminta Quarshie")},
        id="inline_jsx_in_the_paragraph_after_a_photo"),
    pytest.param(
        "content/house.mdx",
        ('import Avatar from "../components/Avatar";\n\nOur house captains: <Avatar\n  src="/images/m26.jpg"\n/>'
         " Ignatius Pemberton-Leigh and\nhis deputy.\n"),
        {("SL303", "content/house.mdx", 5, "paragraph", "Ignatius Pemberton-Leigh")},
        id="inline_jsx_photo_over_several_lines_inside_a_paragraph"),
    pytest.param(
        "content/relay.mdx",
        ('export const team = [{ name: "Ottoline Marchbanks" }, { name: "Evander Mbeki" }];\n\n'
         "![](/images/m27.jpg)\n\n<ul>{team.map((p) => <li key={p.name}>{p.name}</li>)}</ul>\n"),
        {("SL303", "content/relay.mdx", 5, "next paragraph", "Ottoline Marchbanks; Evander Mbeki")},
        id="names_mapped_from_export_const_data_after_a_photo"),
    pytest.param(
        "content/art.mdx",
        ('import Gallery from "../components/Gallery";\n\nOur art prize winner:\n\n'
         '<img src="/images/m10.jpg" alt="" />\n\nImelda Nakamura-Hale, Year 6\n'),
        {("SL303", "content/art.mdx", 7, "next paragraph", "Imelda Nakamura-Hale")},
        id="paragraphs_before_and_after_a_jsx_img"),
]


@pytest.mark.parametrize(("path", "page", "expected"), PAGES)
def test_components_inside_mdx(tmp_path, path, page, expected):
    assert where(findings(tmp_path / "s", {path: page})) == expected


def test_components_inside_mdx_traps(tmp_path):
    """No finding: first names only, a component without a photo, JSX written in a code fence or a code
    span (documentation, not shown), an MDX comment, a heading component far from any photo."""
    page = ('import Card from "../components/Card";\n\n'
            "```jsx\n<Card image=\"/images/m12.jpg\" name=\"Barnaby Quenneville\" />\n```\n\n"
            'Use `<Card image="/images/m12.jpg" name="Barnaby Quenneville" />` to show a pupil.\n\n'
            "{/* <Card image=\"/images/m12.jpg\" name=\"Barnaby Quenneville\" /> */}\n\n"
            '<Banner title="Florence Nightingale House" />\n\n'
            '<Card image="/images/m11.jpg" name="Perpetua and Ottilie" />\n')
    assert findings(tmp_path / "s", {"content/traps.mdx": page}) == []


def test_an_md_page_that_imports_a_component_is_read_as_mdx(tmp_path):
    """Docusaurus 3 reads `.md` as MDX: a page importing a component is read so; a plain Markdown page
    with upper-case HTML never closed (which JSX would reject) is still read as Markdown."""
    pages = {"docs/staff.md": ('import StaffCard from "@site/src/components/StaffCard";\n\n'
                               '<StaffCard photo="/img/m13.jpg" fullName="Wilhelmina Achterberg" />\n'),
             "content/old.md": '<IMG SRC="/images/m14.jpg" ALT="Ptolemy Vanderbilt">\n\nOur old site.\n'}
    assert where(findings(tmp_path / "s", pages)) == {
        ("SL303", "docs/staff.md", 3, "fullName prop", "Wilhelmina Achterberg"),
        ("SL302", "content/old.md", 1, "alt text", "Ptolemy Vanderbilt")}


@pytest.mark.parametrize("page, line", [
    ('import Card from "../components/Card";\n\n<Card image="/images/m15.jpg" name="Rosamund Pike">\n\nText\n', 3),
    ('# News\n\n<Figure src="/images/m15.jpg" caption={"Rosamund\n', 3),
    ('# News\n\nSome text.\n\n<Card image="/images/m15.jpg" name="Rosamund Pike" {...} />\n', 5),
], ids=["element_never_closed", "expression_never_closed", "jsx_that_does_not_parse"])
def test_broken_jsx_is_not_checked_and_says_where(tmp_path, page, line):
    site = site_with(tmp_path / "s", "content/broken.mdx", page, "images/m15.jpg")
    report = run(site, "--select", "SL002,SL303")
    [finding] = report["findings"]
    assert (finding["code"], finding["path"]) == ("SL002", "content/broken.mdx")
    assert f"line {line}:" in finding["message"] and "Traceback" not in json.dumps(report)


def test_an_alt_text_built_from_an_unknown_expression_is_not_clean(tmp_path):
    page = ('import { Image } from "astro:assets";\nimport pic from "../images/m16.jpg";\n\n'
            "<Image src={pic} alt={frontmatter.caption} />\n")
    site = site_with(tmp_path / "s", "content/unknown.mdx", page, "images/m16.jpg")
    report = run(site, "--select", "SL302,SL303")
    assert report["findings"] == []
    assert any("1 alt text or caption in 1 page is filled in by" in note["text"] for note in report["notes"])


def test_jsx_references_are_seen_and_a_rename_rewrites_them(tmp_path):
    """SL304 for a JSX src to no file; SL301's rename with --unsafe-fixes rewrites a JSX src, an
    imported image's path and a `export const` path, and the page is read again after."""
    page = ('import Card from "../components/Card";\nimport hero from "../images/Hollis Ebbsworth.jpg";\n\n'
            'export const more = [{ photo: "/images/Hollis Ebbsworth.jpg" }];\n\n'
            '<Card image="/images/Hollis Ebbsworth.jpg" name="Hollis" />\n\n<img src={hero} alt="" />\n\n'
            '<img src="/images/missing.jpg" alt="" />\n')
    site = site_with(tmp_path / "s", "content/trip.mdx", page, "images/Hollis Ebbsworth.jpg")
    before = run(site, "--select", "SL301,SL304")
    assert sorted((f["code"], f["path"], f.get("line")) for f in before["findings"]) == [
        ("SL301", "images/Hollis Ebbsworth.jpg", None), ("SL304", "content/trip.mdx", 10)]
    run(site, "--select", "SL301", "--fix", "--unsafe-fixes")
    [renamed] = (site / "images").iterdir()
    assert "Hollis" not in renamed.name and "Ebbsworth" not in renamed.name
    text = (site / "content" / "trip.mdx").read_text(encoding="utf-8")
    assert "Ebbsworth" not in text and text.count(f"/images/{renamed.name}") == 3
    after = run(site, "--select", "SL301,SL304")["findings"]
    assert [(f["code"], f["path"], f["line"]) for f in after] == [("SL304", "content/trip.mdx", 10)]


def test_a_photo_of_a_pupil_in_an_mdx_page_counts_for_consent_and_the_protected_area(tmp_path, cli, monkeypatch):
    """SL601 for a roster pupil without consent named in a JSX prop beside a photo; SL501 for that photo
    shown by the MDX page outside the protected area (tests/kit/school_site.py: Priya Nair)."""
    from tests.kit.school_site import build_school_site

    site = build_school_site(tmp_path / "site")
    monkeypatch.chdir(site.root)
    site.photo("images/mdx-prize.jpg", size=(640, 480))
    site.write("news/prize.mdx", 'import PrizeCard from "../components/PrizeCard";\n\n'
                                 '<PrizeCard photo="../images/mdx-prize.jpg" winner="Priya Nair" />\n')
    site.config("protected: ['/parents/']\n")
    code, out, err = cli("check", "--no-cache", "--select", "SL501,SL601", "--output-format", "json",
                         "--show-values", "--roster", str(site.roster))
    found = {(f["code"], f["line"], f["value"]) for f in json.loads(out)["findings"] if f["path"] == "news/prize.mdx"}
    assert found == {("SL501", 3, "images/mdx-prize.jpg"), ("SL601", 3, "Priya Nair")}, err


def test_a_large_mdx_page_with_many_components_reads_in_bounded_time(tmp_path):
    """1,500 cards with "3 < 4" in the text between, then 20,000 tags never closed: SL002, one pass over the
    page (no quadratic scan)."""
    import time

    cards = "".join(f'<Card image="/images/m17.jpg" name="Pupil {n}" />\n\n3 < 4\n\n' for n in range(1500))
    cards += "<Card>\n" * 20000
    site = site_with(tmp_path / "s", "content/big.mdx", 'import Card from "../c";\n\n' + cards, "images/m17.jpg")
    started = time.process_time()
    assert [f["code"] for f in run(site, "--select", "SL002,SL303")["findings"]] == ["SL002"]
    assert time.process_time() - started < 20


def test_docusaurus_tabs_with_markdown_children_code_and_data_over_a_blank_line(tmp_path):
    """A component's Markdown children hold a quote with "3 > 2", a code fence and a code span with JSX in
    them (not read as JSX, not failing the page); `export const` data runs past a blank line inside its
    brackets, as MDX reads it; a heading id `{#classes}` is no expression."""
    page = ("import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n"
            'export const staff = [\n  { name: "Leopold Haverford-Smythe", photo: "/img/m20.jpg" },\n\n'
            '  { name: "Evander Mbeki", photo: "/img/m21.jpg" },\n];\n\n## Our classes {#classes}\n\n'
            '<Tabs>\n  <TabItem value="y5" label="Year 5">\n\n  ![](/img/m22.jpg)\n\n'
            "  > Lysander Whitcombe wrote: 3 > 2 and 3 < 4\n\n"
            "  ```js\n  const x = a < b ? {y} : <Z name=\"Barnaby Quenneville\" />;\n  ```\n\n"
            '  Use `<Card name="Barnaby Quenneville">` here.\n\n  </TabItem>\n</Tabs>\n\n'
            "{staff.map((p) => (\n  <StaffCard key={p.name} photo={p.photo} name={p.name} />\n))}\n")
    assert where(findings(tmp_path / "s", {"docs/classes.mdx": page})) == {
        ("SL303", "docs/classes.mdx", 5, "name prop", "Leopold Haverford-Smythe"),
        ("SL303", "docs/classes.mdx", 7, "name prop", "Evander Mbeki"),
        ("SL303", "docs/classes.mdx", 17, "next paragraph", "Lysander Whitcombe")}


@pytest.mark.parametrize("path", ["content/team.md", "content/team.mdx"])
def test_a_heading_id_hides_nothing_after_it(tmp_path, path):
    """`## Team {#team}` (Kramdown, Hugo, Pandoc, Docusaurus): its `{#` was read as a template comment never
    closed, which blanked the rest of a Markdown page."""
    page = "## Team {#team}\n\n![](/images/m23.jpg)\n\nOttoline Marchbanks won the cup.\n"
    assert where(findings(tmp_path / "s", {path: page})) == {
        ("SL303", path, 5, "next paragraph", "Ottoline Marchbanks")}


def test_an_md_page_that_imports_but_holds_html_mdx_rejects_is_read_as_markdown(tmp_path):
    """`<br>` and an upper-case `<IMG>` never closed: no MDX, so the page is read as Markdown reads it."""
    page = 'import X from "./x";\n\nHello<br>there <IMG SRC="/images/m24.jpg" ALT="Ignatius Pemberton-Leigh">\n'
    assert where(findings(tmp_path / "s", {"docs/plain.md": page})) == {
        ("SL302", "docs/plain.md", 3, "alt text", "Ignatius Pemberton-Leigh")}


def test_an_md_page_showing_an_import_in_a_code_fence_stays_markdown(tmp_path):
    """An `import` line inside a code fence is code shown, not ESM: the page is Markdown, whose raw HTML
    `<img ...>` (never closed, as HTML allows) is read."""
    page = ('```js\nimport Card from "./Card";\n```\n\n<p><img src="/images/m25.jpg" alt="Philippa Ashworth">'
            "</p>\n")
    assert where(findings(tmp_path / "s", {"docs/howto.md": page})) == {
        ("SL302", "docs/howto.md", 5, "alt text", "Philippa Ashworth")}
