"""A photo's caption given to a component of the site's own (issue 10, real Gatsby and MDX sites): a wrapper
holding the photo alone takes the caption as a prop (`<Figure caption="Name ..."><StaticImage/></Figure>`),
or a caption component follows the photo (`<StaticImage/><Caption text="Name"/>`); read through the command
line on real components and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import JPEG, lint

WRAPPED = '''import { StaticImage } from "gatsby-plugin-image"
import Figure from "../components/figure"

export default function Play() {
  return (<main>
    <Figure caption="Ferdinand Okonjo-Welles as the Tin Man"><StaticImage src="../images/cw1.jpg" alt="" /></Figure>
  </main>)
}
'''
FOLLOWED = '''import { StaticImage } from "gatsby-plugin-image"
import { Caption } from "../components/caption"

export default function Choir() {
  return (<div className="photo"><StaticImage src="../images/cw2.jpg" alt="" />
    <Caption text="Marisela Quenby-Hart sings the solo" /></div>)
}
'''


def photos(root, *names):
    """Real JPEGs where the components' relative addresses lead (src/images/)."""
    (root / "src" / "images").mkdir(parents=True)
    for name in names:
        (root / "src" / "images" / name).write_bytes(JPEG)
    return root


def test_a_caption_prop_of_the_photos_wrapper_and_a_caption_component_after_it(tmp_path):
    root = photos(tmp_path / "s", "cw1.jpg", "cw2.jpg")
    found = lint(root, {"src/pages/play.jsx": WRAPPED, "src/pages/choir.jsx": FOLLOWED})
    assert {(path, value) for _code, path, value in found} == {
        ("src/pages/play.jsx", "Ferdinand Okonjo-Welles"), ("src/pages/choir.jsx", "Marisela Quenby-Hart")}


def test_a_layouts_or_a_gallerys_props_are_not_one_photos_caption(tmp_path):
    """The traps: a layout holding the page's text and one photo, a gallery wrapper holding two."""
    layout = WRAPPED.replace('<Figure caption="Ferdinand Okonjo-Welles as the Tin Man">', '<PageLayout heading="Thanks '
                             'to Ferdinand Okonjo-Welles">' + "<p>" + "The play ran for three nights. " * 12 + "</p>") \
        .replace("</Figure>", "</PageLayout>")
    two = '<StaticImage src="../images/cw3.jpg" alt="" /><StaticImage src="../images/cw4.jpg" alt="" />'
    gallery = WRAPPED.replace('<StaticImage src="../images/cw1.jpg" alt="" />', two)
    root = photos(tmp_path / "s", "cw1.jpg", "cw3.jpg", "cw4.jpg")
    found = lint(root, {"src/pages/layout.jsx": layout, "src/pages/gallery.jsx": gallery})
    assert found == []
