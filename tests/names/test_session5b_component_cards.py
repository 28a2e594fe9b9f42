"""Issue 10, session 5 (N1): component cards as sites write them, read through the CLI on real component
files and JPEGs. Props in any case style (Vue's kebab case, a CMS's snake case, camel case) mean the same,
and a prop name ending in a media word or a text word counts (`crest-image`, `portraitUrl`,
`governor-name`, `job_title`); a compound card's other children (`<Card.Title>`, MUI's `<Typography>`
beside `<CardMedia>`, Vuetify's `<v-card-title>`, a named slot) are its photo's caption; a card's blocks
are set apart, so a role line is no part of the name above it. The names appear in no tests/names/cases
split."""

from __future__ import annotations

import pytest

from tests.names.test_component_props import where
from tests.names.test_issue10_kinds import findings

PAGES = [   # (path, page, expected findings as (code, path, line, field, names))
    pytest.param(
        "src/components/Office.vue",
        ('<template>\n  <div class="office">\n'
         '    <StaffProfile photo-url="/images/k1.jpg" staff-name="Rosalind Pettigrew" department="Finance" />\n'
         '  </div>\n</template>\n'),
        {("SL303", "src/components/Office.vue", 3, "staff-name prop", "Rosalind Pettigrew")},
        id="vue_kebab_case_props"),
    pytest.param(
        "src/Kitchen.jsx",
        ('export default function Kitchen() {\n  return (\n    <div className="kitchen">\n'
         '      <StaffItem image_url="/images/k2.jpg" staff_name="Benedikt Hallström" job_title="Cook" />\n'
         '    </div>\n  );\n}\n'),
        {("SL303", "src/Kitchen.jsx", 4, "staff_name prop", "Benedikt Hallström")},
        id="jsx_snake_case_props"),
    pytest.param(
        "src/components/Governors.vue",
        ('<template>\n  <ul>\n    <li v-for="g in governors" :key="g.id">\n'
         '      <GovernorCard :portrait="g.portraitUrl" :governor-name="g.fullName" />\n    </li>\n  </ul>\n'
         '</template>\n\n<script setup>\nconst governors = [\n'
         '  { id: 1, fullName: "Magdalena Wiśniewska", portraitUrl: "/images/k3.jpg" },\n];\n</script>\n'),
        {("SL303", "src/components/Governors.vue", 11, "governor-name prop", "Magdalena Wiśniewska")},
        id="camel_case_data_in_a_v_for_bound_to_props_ending_in_a_media_word_and_a_text_word"),
    pytest.param(
        "src/Librarian.jsx",
        ('import Card from "react-bootstrap/Card";\n\nexport function Librarian() {\n  return (\n'
         '    <Card>\n      <Card.Img variant="top" src="/images/k4.jpg" />\n      <Card.Body>\n'
         '        <Card.Title>Imogen Castellane</Card.Title>\n        <Card.Text>School librarian</Card.Text>\n'
         '      </Card.Body>\n    </Card>\n  );\n}\n'),
        {("SL303", "src/Librarian.jsx", 8, "component", "Imogen Castellane")},
        id="react_bootstrap_compound_card_title"),
    pytest.param(
        "src/Science.tsx",
        ('import { Card, CardMedia, CardContent, Typography } from "@mui/material";\n\n'
         'export const Science = (): JSX.Element => (\n  <Card>\n'
         '    <CardMedia component="img" image="/images/k5.jpg" alt="" />\n    <CardContent>\n'
         '      <Typography variant="h5">Jasper Brightwater</Typography>\n'
         '      <Typography variant="body2">Head of Science</Typography>\n    </CardContent>\n  </Card>\n);\n'),
        {("SL303", "src/Science.tsx", 7, "component", "Jasper Brightwater")},
        id="mui_card_media_beside_typography"),
    pytest.param(
        "src/components/Lunch.vue",
        ('<template>\n  <v-card max-width="320">\n    <v-img src="/images/k6.jpg" cover></v-img>\n'
         '    <v-card-title>Zofia Szymańska</v-card-title>\n'
         '    <v-card-subtitle>Lunchtime supervisor</v-card-subtitle>\n  </v-card>\n</template>\n'),
        {("SL303", "src/components/Lunch.vue", 4, "component", "Zofia Szymańska")},
        id="vuetify_card_title"),
    pytest.param(
        "src/components/Pta.vue",
        ('<template>\n  <BaseCard>\n    <template #media><img src="/images/k7.jpg" alt="" /></template>\n'
         '    <template #title>Eleanor Thorncroft</template>\n'
         '    <template v-slot:subtitle>Chair of the PTA</template>\n  </BaseCard>\n</template>\n'),
        {("SL303", "src/components/Pta.vue", 4, "component", "Eleanor Thorncroft")},
        id="vue_named_slots"),
    pytest.param(
        "src/lib/Assistant.svelte",
        ('<Card>\n  <img slot="image" src="/images/k8.jpg" alt="" />\n  <h3 slot="title">Amelie Delacourt</h3>\n'
         '  <p>Our new Year 1 teaching assistant.</p>\n</Card>\n'),
        {("SL303", "src/lib/Assistant.svelte", 3, "component", "Amelie Delacourt")},
        id="svelte_named_slots"),
    pytest.param(
        "src/pages/music.astro",
        ('---\nimport ProfileCard from "../components/ProfileCard.astro";\n---\n<ProfileCard>\n'
         '  <img src="/images/k9.jpg" alt="" width="300" height="300" />\n  <h3>Lavinia Trelawney</h3>\n'
         '  <p>Music teacher</p>\n</ProfileCard>\n'),
        {("SL303", "src/pages/music.astro", 6, "component", "Lavinia Trelawney")},
        id="astro_component_children_heading"),
]


@pytest.mark.parametrize(("path", "page", "expected"), PAGES)
def test_component_card_names_its_photo(tmp_path, path, page, expected):
    assert where(findings(tmp_path / "s", {path: page})) == expected


def test_card_role_line_is_set_apart_from_the_name(tmp_path):
    """"Imogen Castellane" / "School Librarian" on lines of their own: without the break the role's
    capitals ran on from the surname ("Castellane School", read as a school named after someone)."""
    page = ('export const Card1 = () => (\n  <Card><Card.Img src="/images/k10.jpg" />'
            '<Card.Title>Imogen Castellane</Card.Title><Card.Text>School Librarian</Card.Text></Card>\n);\n')
    assert {f["value"] for f in findings(tmp_path / "s", {"src/Card1.jsx": page})} == {"Imogen Castellane"}


def test_compound_card_traps_first_names_and_a_layout_s_article(tmp_path):
    """No finding: first names only in a card's title; a page layout holding one photo and an article
    whose text is far longer than a caption (and whose name says no card) is the page, not a caption."""
    article = " ".join(["Our school grounds were transformed over the summer holidays."] * 6)
    pages = {
        "src/Buddies.tsx": ('export const Buddies = () => (\n  <Card>\n    <CardMedia image="/images/k11.jpg" />\n'
                            '    <CardContent><Typography>Perpetua and Ottilie</Typography></CardContent>\n'
                            '  </Card>\n);\n'),
        "src/pages/news.astro": ('---\nimport Layout from "../layouts/Layout.astro";\n---\n<Layout>\n'
                                 '  <img src="/images/k12.jpg" alt="" />\n'
                                 f'  <div><p>{article}</p><p>Thanks to Rosalind Pettigrew for the planting.</p></div>\n'
                                 '</Layout>\n'),
    }
    assert findings(tmp_path / "s", pages) == []
