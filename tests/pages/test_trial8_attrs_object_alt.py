"""Alt text given through an attribute-object prop (trial 8 item 5): Nuxt's `<NuxtPicture :img-attrs="{ alt }">`,
`imgAttrs` bound to a const, JSX `imgProps={{ alt }}` are the image's alt text (SL302 on a full name); an object
the reader cannot see is counted in the run's note of texts not checked, never read as no alt.
Through the command line on real components and JPEGs."""

from __future__ import annotations

import json

from schoollint.cli import main
from tests.kit.images import encode, photo


def check(root, files: dict[str, str]) -> dict:
    (root / "public/img").mkdir(parents=True)
    (root / "public/img/choir.jpg").write_bytes(encode(photo(), "JPEG"))
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    out = root.parent / "out.json"
    assert main(["check", str(root), "--select", "SL3", "--output-format", "json", "--show-values", "-o", str(out),
                 "--no-cache", "--exit-zero", "--no-progress", "-q"]) == 0
    return json.loads(out.read_text())


def test_an_alt_in_an_attribute_object_prop_is_the_images_alt(tmp_path):
    report = check(tmp_path / "s", {
        "pages/index.vue": "<template>\n  <div>\n"
                           "    <NuxtPicture src=\"/img/choir.jpg\"\n"
                           "      :img-attrs=\"{ alt: 'Oliver Pemberton singing' }\" />\n"
                           "    <NuxtPicture src=\"/img/choir.jpg\" :imgAttrs=\"{ alt: who, class: 'wide' }\" />\n"
                           "  </div>\n</template>\n<script setup>\nconst who = 'Amelia Watson-Hart in the choir'\n"
                           "</script>\n",
        "src/Gallery.jsx": "export default function Gallery() {\n  return <Picture src=\"/img/choir.jpg\"\n"
                           "    imgProps={{ alt: \"Tadhg Brennock on stage\" }} />;\n}\n",
    })
    assert sorted((f["path"], f["code"], f["value"]) for f in report["findings"]) == [
        ("pages/index.vue", "SL302", "Amelia Watson-Hart"), ("pages/index.vue", "SL302", "Oliver Pemberton"),
        ("src/Gallery.jsx", "SL302", "Tadhg Brennock")]


def test_an_attribute_object_the_reader_cannot_see_is_noted_as_not_checked(tmp_path):
    report = check(tmp_path / "s", {
        "pages/a.vue": "<template>\n  <NuxtPicture src=\"/img/choir.jpg\" :img-attrs=\"attrs\" />\n</template>\n"})
    assert report["findings"] == []
    assert any("1 alt text or caption" in note["text"] and "not checked" in note["text"] for note in report["notes"])
