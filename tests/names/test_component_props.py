"""Issue 10: components whose picture and name are props of one element (`<StaffCard photo="..."
fullName="..." />`), in JSX, TSX, Vue, Svelte and Astro, also inside loops over data arrays: the
component shows the photo, so its text props are the photo's caption (SL303) and its alt props its alt
text (SL302). Through the CLI, on real pages and JPEGs; the names appear in no tests/names/cases split."""

from __future__ import annotations

import pytest

from tests.names.test_issue10_kinds import findings, lint, names


def where(found: list[dict]) -> set[tuple[str, str, int, str, str]]:
    return {(f["code"], f["path"], f["line"], f["field"], f["value"]) for f in found}


PAGES = [   # (path, page, expected findings as (code, path, line, field, names))
    pytest.param(
        "src/Office.jsx",
        ('import StaffCard from "../components/StaffCard";\n\nexport default function Office() {\n'
         '  return (\n    <div className="office">\n'
         '      <StaffCard photo={"/images/p1.jpg"} fullName="Wenonah Blackwood" position="Bursar" />\n'
         '    </div>\n  );\n}\n'),
        {("SL303", "src/Office.jsx", 6, "fullName prop", "Wenonah Blackwood")},
        id="component_photo_prop_beside_a_full_name_prop_in_jsx"),
    pytest.param(
        "src/Leavers.tsx",
        ('const leavers = [\n  { name: "Ottoline Marchbanks", photo: "/images/p2.jpg" },\n'
         '  { name: "Ifeoluwa Adesanmi", photo: "/img/p3.jpg" },\n  { name: "Thea", photo: "/img/p4.jpg" },\n];\n\n'
         'export default function Leavers(): JSX.Element {\n  return (\n    <ul>\n'
         '      {leavers.map((p) => <li key={p.name}><Card image={p.photo} name={p.name} /></li>)}\n'
         '    </ul>\n  );\n}\n'),
        {("SL303", "src/Leavers.tsx", 2, "name prop", "Ottoline Marchbanks"),
         ("SL303", "src/Leavers.tsx", 3, "name prop", "Ifeoluwa Adesanmi")},
        id="component_props_in_a_map_over_a_data_array_in_tsx"),
    pytest.param(
        "src/components/Governors.vue",
        ('<template>\n  <div class="governors">\n'
         '    <GovernorCard v-for="g in governors" :key="g.id" :avatar="g.avatar" :full-name="g.fullName" />\n'
         '    <TeamMember :picture="\'/images/p6.jpg\'" title="Radomir Szczepanik" subtitle="Clerk" />\n'
         '  </div>\n</template>\n\n<script setup>\n'
         'const governors = [{ id: 1, fullName: "Marguerite Oyenuga", avatar: "/images/p5.jpg" }];\n</script>\n'),
        {("SL303", "src/components/Governors.vue", 4, "title prop", "Radomir Szczepanik"),
         ("SL303", "src/components/Governors.vue", 9, "full-name prop", "Marguerite Oyenuga")},
        id="vue_kebab_case_props_in_a_v_for_and_a_bound_photo_with_a_title_prop"),
    pytest.param(
        "src/pages/staff.astro",
        ('---\nimport Card from "../components/Card.astro";\n'
         'const staff = [{ name: "Gwendolyn Featherstone", img: "/images/p9.jpg" }];\n---\n'
         '<section>\n  {staff.map((s) => <Card img={s.img}>{s.name}</Card>)}\n</section>\n'
         '<ProfileCard headshot="/images/p10.jpg" firstName="Casimir" lastName="Wojciechowski" />\n'),
        {("SL303", "src/pages/staff.astro", 6, "content", "Gwendolyn Featherstone"),
         ("SL303", "src/pages/staff.astro", 8, "name props", "Casimir Wojciechowski")},
        id="astro_children_text_in_a_map_and_first_and_last_name_props"),
    pytest.param(
        "src/Houses.jsx",
        ('export default function Houses() {\n  return (\n    <>\n'
         '      <ProfileCard image="/images/p11.jpg" name="Perpetua" role="Reception" />\n'
         '      <HouseCard image="/images/p12.jpg" name="Edith Cavell House" />\n'
         '      <Badge image="star" name="Hortensia Vanstone" />\n'
         '      <Panel cover={true} title="Hortensia Vanstone" />\n'
         '      <ProfileCard image="/images/p14.jpg" name="Hortensia Vanstone" />\n'
         '    </>\n  );\n}\n'),
        {("SL303", "src/Houses.jsx", 8, "name prop", "Hortensia Vanstone")},
        id="component_traps_first_names_a_house_named_after_a_person_and_a_prop_that_is_no_picture"),
]


@pytest.mark.parametrize(("path", "page", "expected"), PAGES)
def test_component_props_are_the_photo_s_caption_and_alt(tmp_path, path, page, expected):
    assert where(findings(tmp_path / "s", {path: page})) == expected


def test_svelte_each_with_a_caption_prop_and_an_alt_text_prop_that_the_fix_reduces(tmp_path):
    page = ('<script>\n  const winners = [{ caption: "Leocadia Brzezinska, Year 4 poetry prize", '
            'thumbnail: "/images/p7.jpg" }];\n</script>\n\n{#each winners as w}\n'
            '  <Tile thumbnail={w.thumbnail} caption={w.caption} />\n{/each}\n'
            '<Avatar image="/images/p8.jpg" altText="Fergus Attenborough in the choir" size="lg" />\n')
    root = tmp_path / "s"
    found = findings(root, {"src/lib/Winners.svelte": page})
    assert where(found) == {("SL303", "src/lib/Winners.svelte", 2, "caption prop", "Leocadia Brzezinska"),
                            ("SL302", "src/lib/Winners.svelte", 8, "alt text", "Fergus Attenborough")}
    lint(root, {}, "--fix", "--unsafe-fixes", "--select", "SL302")
    assert 'altText="Fergus in the choir"' in (root / "src/lib/Winners.svelte").read_text(encoding="utf-8")
    assert names(lint(root, {})) == {"Leocadia Brzezinska"}     # re-read: the alt's full name is gone
