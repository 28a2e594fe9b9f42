"""Issue 10, session 6 (R): the kinds heldout_l missed, each on a real component file or page and real
JPEGs through the CLI. The names appear in no tests/names/cases split.

- Vue component props: a Nuxt `<NuxtImg>` whose name is the paragraph after it (`<p class="governor__name">`),
  the HTML reader's "next paragraph", which component markup did not read.
- Component-imported image: an Astro `<Image src={chair}>` whose `chair` is an imported JPEG, with the
  name in the paragraph after it (the same shape in Astro).
- Two-person staff grid: a Markdown (GFM) table whose first body row holds the photos and the row below
  their names and roles ("Name<br>Chair"): each photo's caption is the cell below it, as in an HTML table;
  the name before a `<br>` is set apart from the role after it.
- Stock credits in captions (wrongly reported): "Photo by <photographer> on Unsplash", the credit line a
  stock library asks for, names its photographer, not a pupil.
- Non-English names with particles: "bin"/"binti" after a given name the lists lack ("Haziq bin Osman"),
  a particle joined by a hyphen ("al-Hashimi", "El-Sayed") and the Filipino "Dela Cruz"; not a particle
  that is a word of the page's language after an unknown word ("Oceanário de Lisboa" on a Portuguese page).
- Lower case with a particle: an alt text "zulkifli bin osman, year 3" (a known surname after the particle);
  not an English word before one ("the blue van morgan").
"""

from __future__ import annotations

import pytest

from tests.names.test_component_props import where
from tests.names.test_issue10_kinds import findings

GOVERNORS = ('<template>\n  <section class="governors">\n'
             '    <NuxtImg src="/images/r1.jpg" width="240" height="240" alt="" />\n'
             '    <p class="governor__name">{name}</p>\n'
             '    <p class="governor__role">Foundation governor</p>\n  </section>\n</template>\n')
TRUSTEE = ('---\nimport {{ Image }} from "astro:assets";\nimport chair from "../../images/r2.jpg";\n---\n'
           '<div class="trustee">\n  <Image src={{chair}} alt="" width={{300}} />\n'
           '  <p class="trustee__name">{name}</p>\n  <p>Chair of Trustees</p>\n</div>\n')


@pytest.mark.parametrize(("path", "page", "expected"), [
    pytest.param("src/components/Governor.vue", GOVERNORS.format(name="Perpetua Vandeleur"),
                 {("SL303", "src/components/Governor.vue", 4, "next paragraph", "Perpetua Vandeleur")},
                 id="vue_component_props_name_in_the_paragraph_after_the_photo"),
    pytest.param("src/pages/trustees.astro", TRUSTEE.format(name="Ottoline Gravesend"),
                 {("SL303", "src/pages/trustees.astro", 7, "next paragraph", "Ottoline Gravesend")},
                 id="component_imported_image_in_astro_name_in_the_paragraph_after"),
])
def test_component_photo_named_in_the_next_paragraph(tmp_path, path, page, expected):
    assert where(findings(tmp_path / "s", {path: page})) == expected


def test_component_next_paragraph_traps(tmp_path):
    """No finding: a first name only after the photo; a name in an article far longer than a caption;
    a name after two photos side by side (a gallery's text is no one photo's caption)."""
    article = " ".join(["Our governors met the new year's families over tea in the hall."] * 6)
    pages = {
        "src/components/Buddy.vue": GOVERNORS.format(name="Perpetua"),
        "src/pages/news.astro": TRUSTEE.format(name=f"{article} Thanks to Ottoline Gravesend."),
        "src/components/Pair.vue": ('<template>\n  <section>\n    <img src="/images/r3.jpg" alt="" />\n'
                                    '    <img src="/images/r4.jpg" alt="" />\n'
                                    '    <p>Perpetua Vandeleur</p>\n  </section>\n</template>\n'),
    }
    assert findings(tmp_path / "s", pages) == []


def test_two_person_staff_grid_in_a_markdown_table(tmp_path):
    page = ("## Our PTA committee\n\n| | | |\n|:-:|:-:|:-:|\n"
            "| ![](/images/r5.jpg) | ![](/images/r6.jpg) | |\n"
            "| Perpetua Vandeleur<br>Chair | Ottoline Gravesend<br>Treasurer | |\n")
    found = findings(tmp_path / "s", {"content/pta.md": page})
    assert {(f["message"].split(":")[0], f["field"], f["line"], f["value"]) for f in found} == {
        ("photo /images/r5.jpg", "table cell", 6, "Perpetua Vandeleur"),
        ("photo /images/r6.jpg", "table cell", 6, "Ottoline Gravesend")}


def test_markdown_table_traps(tmp_path):
    """No finding: first names only below the photos; a row's last photo is not captioned by the first
    cell of the next row when that row holds no name below it (the names sit under another column)."""
    pages = {"content/buddies.md": ("| | |\n|---|---|\n| ![](/images/r7.jpg) | ![](/images/r8.jpg) |\n"
                                    "| Perpetua<br>Chair | Ottoline<br>Treasurer |\n"),
             "content/rota.md": ("| | |\n|---|---|\n| Rota | ![](/images/r9.jpg) |\n"
                                 "| Perpetua Vandeleur | |\n")}
    assert findings(tmp_path / "s", pages) == []


def test_stock_credits_in_captions_are_not_names(tmp_path):
    """No finding for the credit lines Unsplash, Pixabay, Pexels and Adobe Stock ask for; the same name
    before an ordinary word ("on stage") is still reported, with and without a roster."""
    credits = ["Photo by Ottoline Gravesend on Unsplash", "Image by Ottoline Gravesend from Pixabay",
               "Photo: Perpetua Vandeleur / Adobe Stock", "Photo by Perpetua Vandeleur from Pexels"]
    figure = '<figure><img src="/images/s{n}.jpg" alt=""><figcaption>{text}</figcaption></figure>'
    pages = {f"site/credit{n}.html": figure.format(n=n, text=text) for n, text in enumerate(credits)}
    pages["site/stage.html"] = figure.format(n=9, text="Ottoline Gravesend on stage")
    roster = tmp_path / "roster.csv"
    roster.write_text("Legal Forename,Legal Surname\nAmara,Okafor\n", encoding="utf-8")
    for extra in ((), ("--roster", str(roster))):
        found = findings(tmp_path / f"s{len(extra)}", pages, *extra)
        assert {(f["path"], f["value"]) for f in found} == {("site/stage.html", "Ottoline Gravesend")}


@pytest.mark.parametrize(("caption", "name"), [
    ("Well done to Zulkifli bin Osman for his chess trophy", "Zulkifli bin Osman"),
    ("Nurul binti Hamzah reading in assembly", "Nurul binti Hamzah"),
    ("Yasmin al-Khatib, Head Girl", "Yasmin al-Khatib"),
    ("Karim El-Masri rings the bell", "Karim El-Masri"),
    ("Marisol Dela Rosa performing her poem", "Marisol Dela Rosa"),
], ids=["bin", "binti", "al_hyphen", "el_hyphen", "dela"])
def test_non_english_names_with_particles(tmp_path, caption, name):
    page = f'<figure><img src="/images/p1.jpg" alt=""><figcaption>{caption}</figcaption></figure>'
    assert [f["value"] for f in findings(tmp_path / "s", {"site/p.html": page})] == [name]


def test_particle_that_is_a_word_of_the_page_language_is_no_name(tmp_path):
    page = ('<!doctype html><html lang="pt"><body><figure><img src="/images/p2.jpg" alt=""><figcaption>'
            'Visita de estudo ao Oceanário de Lisboa com as turmas do 4.º ano</figcaption></figure></body></html>')
    assert findings(tmp_path / "s", {"site/visita.html": page}) == []


def test_lower_case_name_with_a_particle_in_alt_text(tmp_path):
    pages = {"site/race.html": '<p><img src="/images/p3.jpg" alt="zulkifli bin osman, year 3, egg and spoon race"></p>',
             "site/van.html": '<p><img src="/images/p4.jpg" alt="the blue van morgan drove to the fair"></p>'}
    assert [(f["path"], f["value"]) for f in findings(tmp_path / "s", pages)] == [
        ("site/race.html", "zulkifli bin osman")]
