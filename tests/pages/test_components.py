"""Pages written as components and templates (issue 9): the same images, alt texts and captions as HTML."""

from __future__ import annotations

import time

import pytest

from schoollint.pages.model import PageError
from schoollint.pages.registry import read_page


def images(path: str, text: str):
    return read_page(None, path, text.encode("utf-8")).images


def labelled(path: str, text: str) -> list[tuple[str, str | None, int, int | None]]:
    return [(image.src, image.alt, image.line, image.alt_line) for image in images(path, text)]


JSX_DECOYS = """import photo from './a.jpg';
const people = [
  { name: "Amelia Watson", img: require('./b.jpg') },
  { name: "Oliver Bennett", img: new URL('./c.jpg', import.meta.url) },
];
const note = '<img src="d.jpg" alt="Decoy Person">';
// <img src="e.jpg" alt="Decoy Person" />
export const Gallery = () => (
  <section>
    {/* <img src="f.jpg" alt="Decoy Person" /> */}
    {people.map(({ name, img }) => <img key={name} src={img} alt={name} />)}
    <img
      src={photo}
      alt="Lucy Smith"
    />
  </section>
);
"""


def test_jsx_images_are_found_with_their_lines_and_decoys_are_not():
    found = labelled("src/Gallery.jsx", JSX_DECOYS)
    assert found == [("./b.jpg", "Amelia Watson", 11, 3), ("./c.jpg", "Oliver Bennett", 11, 4),
                     ("./a.jpg", "Lucy Smith", 12, 14)]


def test_an_alt_that_cannot_be_resolved_is_unknown_never_clean():
    page = read_page(None, "src/A.tsx", b"export const A = (p: P) => <img src={p.src} alt={p.caption} />;\n")
    assert [image.alt for image in page.images] == [None]
    assert [(span.text, span.line, span.label) for span in page.unknown_alts] == [("p.caption", 1, "alt text")]


def test_template_literals_and_concatenation_resolve_when_every_part_does():
    text = """const first = "Amelia";
const last = 'Watson';
export default () => <>
  <img src="/a.jpg" alt={`${first} ${last}`} />
  <img src="/b.jpg" alt={first + " " + last + " running"} />
  <img src="/c.jpg" alt={big ? first : "Our team"} />
</>;
"""
    assert [image.alt for image in images("src/p.jsx", text)] == [
        "Amelia Watson", "Amelia Watson running", "Amelia", "Our team"]


def test_a_card_paragraph_beside_the_photo_is_its_caption_in_tsx():
    text = """export const Card = () => (
  <div className="card">
    <img src="/art.jpg" alt="Painting" />
    <p>Painted by Tom Jones,
       Year 5</p>
  </div>
);
"""
    (image,) = images("src/Card.tsx", text)
    (span,) = image.captions
    assert span.label == "card" and "Tom Jones" in span.text and span.line_of(span.text.index("Tom")) == 4


def test_vue_bound_alts_and_v_for():
    text = """<template>
  <div>
    <figure v-for="(p, i) in people" :key="i">
      <img :src="p.photo" v-bind:alt="p.name">
      <figcaption>{{ p.name }} in Year 6</figcaption>
    </figure>
    <!-- <img src="x.jpg" alt="Decoy Person"> -->
  </div>
</template>
<script setup>
const people = [{ name: "Amelia Watson", photo: "/a.jpg" }, { name: "Oliver", photo: "/b.jpg" }]
</script>
"""
    found = images("src/People.vue", text)
    assert [(image.src, image.alt, image.alt_line) for image in found] == [
        ("/a.jpg", "Amelia Watson", 11), ("/b.jpg", "Oliver", 11)]
    assert [span.text.strip() for span in found[0].captions] == ["Amelia Watson in Year 6"]


def test_svelte_each_blocks_and_expressions():
    text = """<script>
  export let ignored;
  const pupils = [{ first: "Amelia", last: "Watson", img: "/a.jpg" }];
</script>
{#each pupils as p}
  <img src={p.img} alt="{p.first} {p.last}">
{/each}
<!-- <img src="x.jpg" alt="Decoy Person"> -->
{#if ignored}<img src="/b.jpg" alt={ignored}>{/if}
"""
    page = read_page(None, "src/routes/+page.svelte", text.encode())
    assert [(image.src, image.alt, image.line) for image in page.images] == [
        ("/a.jpg", "Amelia Watson", 6), ("/b.jpg", None, 9)]
    assert [span.text for span in page.unknown_alts] == ["ignored"]


def test_astro_front_matter_is_script_not_markup():
    text = """---
import photo from '../assets/a.jpg';
const decoy = '<img src="x.jpg" alt="Decoy Person">';
const alt = "Lucy Smith";
---
<!-- <img src="y.jpg" alt="Decoy Person"> -->
<img src={photo.src} alt={alt} />
"""
    assert labelled("src/pages/index.astro", text) == [("../assets/a.jpg", "Lucy Smith", 7, 4)]


@pytest.mark.parametrize("path, comment", [
    ("_includes/a.html", '{% comment %}\n<img src="x.jpg" alt="Decoy Person">\n{% endcomment %}'),
    ("_includes/a.liquid", '{%- comment -%}<img src="x.jpg" alt="Decoy Person">{%- endcomment -%}\n\n'),
    ("_includes/a.njk", '{# <img src="x.jpg"\n alt="Decoy Person"> #}\n'),
    ("layouts/partials/a.html", '{{/* <img src="x.jpg" alt="Decoy Person"> */}}\n\n'),
    ("templates/a.hbs", '{{!-- <img src="x.jpg" alt="Decoy Person"> --}}\n\n'),
    ("templates/a.j2", '{# <img src="x.jpg" alt="Decoy Person"> #}\n\n'),
])
def test_template_comments_are_blanked_keeping_lines(path, comment):
    text = comment + '\n<img src="{{ \'/a.jpg\' | relative_url }}" alt="{{ p.name }}">\n'
    page = read_page(None, path, text.encode())
    line = text.count("\n", 0, text.index("<img src=\"{{"))
    assert [(image.target, image.alt, image.line) for image in page.images] == [("a.jpg", None, line + 1)]
    assert [span.text for span in page.unknown_alts] == ["{{ p.name }}"]


@pytest.mark.parametrize("path, text", [
    ("a.jsx", "<img " * 20_000),
    ("a.jsx", "<div>" * 20_000 + '<img src="a.jpg" alt="x" />'),
    ("a.vue", "<template>" + "<img :alt=\"" * 20_000),
    ("a.svelte", "{#each a as b}" * 10_000),
    ("a.astro", "---\n" + "const a = 1;\n" * 20_000 + "---\n<img />"),
    ("a.njk", "{#" * 30_000),
    ("a.css", "url(" * 30_000),
    ("a.js", "a.jpg" * 50_000),
])
def test_hostile_components_are_read_in_bounded_time(path, text):
    """Read, or refused as unreadable (SL002), in bounded time: never a hang, never another exception."""
    started = time.perf_counter()
    try:
        read_page(None, path, text.encode())
    except PageError as exc:
        assert "could not be parsed within" in str(exc)
    assert time.perf_counter() - started < 10
    if not path.endswith((".css", ".njk")):     # a stopped parse is never resumed by the next file's
        assert [image.alt for image in images(path, '<img src="/a.jpg" alt="Lucy" />')] == ["Lucy"]
