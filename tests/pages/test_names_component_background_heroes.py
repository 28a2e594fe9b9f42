"""A component's hero shown as a CSS background (JSX `style={{ backgroundImage: "url(...)" }}`, a Vue template's
`style="background-image: url(...)"`) is a photo, and the short text over it (its heading) names whoever it
shows, as over an HTML background (issue 10). Through the command line on real component files and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import lint

JSX = """export default function Welcome() {
  return (
    <section className="hero" style={{ backgroundImage: "url(/images/%s)", backgroundSize: "cover" }}>
      <div className="hero__overlay"><h1>A warm welcome from %s, Executive Headteacher</h1></div>
    </section>
  );
}
"""
VUE = """<template>
  <div class="hero" style="background-image: url('/images/bh2.jpg')"><h1>Well done, Ffion Llewelyn-Bowen!</h1></div>
</template>
"""


def test_the_heading_over_a_background_hero(tmp_path):
    found = lint(tmp_path / "s", {"src/components/Welcome.jsx": JSX % ("bh1.jpg", "Imogen Ashworth-Vane"),
                                  "src/components/Hero.vue": VUE})
    assert {(code, path, value) for code, path, value in found} == {
        ("SL303", "src/components/Welcome.jsx", "Imogen Ashworth-Vane"),
        ("SL303", "src/components/Hero.vue", "Ffion Llewelyn-Bowen")}


def test_a_pattern_background_shows_no_photo(tmp_path):
    """The trap: an SVG background is a pattern, not a photo; the heading over it is beside no photo."""
    (tmp_path / "s" / "images").mkdir(parents=True)
    (tmp_path / "s" / "images" / "waves.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    found = lint(tmp_path / "s", {"src/components/Welcome.jsx": JSX % ("waves.svg", "Imogen Ashworth-Vane")})
    assert found == []


def test_an_astro_template_literal_background_of_an_imported_photo(tmp_path):
    found = lint(tmp_path / "s", {"src/pages/index.astro": '---\nimport hero from "../../images/bh3.jpg";\n---\n'
                                  '<section class="hero" style={`background-image: url(${hero.src})`}>\n'
                                  '  <h1>Meet our new Head of School, Ksawery Pietrzak</h1>\n</section>\n'})
    assert {(code, value) for code, _path, value in found} == {("SL303", "Ksawery Pietrzak")}
