"""SL202 served-larger-than-shown through the command line: each way a page states the size it
shows a photo at, the references that leave the size unknown, and the downscale fix."""

from __future__ import annotations

import io
import json

import piexif
import pytest
from PIL import Image, ImageChops, ImageOps, ImageStat

from tests.kit.images import encode, gradient, srgb_icc

WIDE = (1200, 800)          # under SL201's 1600 px limit: only SL202 can speak


def _photo(root, relpath: str = "images/choir.jpg", size=WIDE, **options) -> bytes:
    data = encode(gradient(size), "JPEG", quality=90, **options)
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def _write(root, relpath: str, text: str) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _sl202(cli, *extra: str) -> list[dict]:
    code, out, err = cli("check", "--no-cache", "--select", "SL202", "--output-format", "json", *extra)
    assert code in (0, 1), err
    return [finding for finding in json.loads(out)["findings"] if finding["code"] == "SL202"]


# Each means of stating a displayed width (or height) of 300 CSS px, in the file that states it.
SHOWN_AT_300 = {
    "width attribute": ("index.html", '<img src="images/choir.jpg" width="300" alt="The choir">'),
    "height attribute through the shape": ("index.html", '<img src="images/choir.jpg" height="200" alt="x">'),
    "srcset with sizes": ("index.html", '<img src="images/small.jpg" srcset="images/small.jpg 300w, '
                          'images/choir.jpg 1200w" sizes="(max-width: 600px) 200px, 300px" alt="x">'),
    "inline CSS width": ("index.html", '<img src="images/choir.jpg" style="border: 0; width: 300px" alt="x">'),
    "inline CSS max-width": ("index.html", '<img src="images/choir.jpg" style="width: 100%; max-width: 300px">'),
    "picture source": ("index.html", '<picture><source srcset="images/choir.jpg 1x" type="image/jpeg">'
                       '<img src="images/small.jpg" width="300" alt="x"></picture>'),
    "Kramdown attribute list": ("news/choir.md", '![The choir](../images/choir.jpg){: width="300"}\n'),
    "Pandoc attribute list": ("news/choir.md", "![The choir](../images/choir.jpg){width=300px}\n"),
    "Hugo figure shortcode": ("content/choir.md", '{{< figure src="/images/choir.jpg" width="300" >}}\n'),
    "Jekyll include": ("_posts/2024-06-01-choir.md",
                       '{% include figure.html image="/images/choir.jpg" width="300" %}\n'),
    "JSX prop": ("src/Choir.jsx", 'export default () => <img src="/images/choir.jpg" width={300} alt="x" />;\n'),
    "Vue attribute": ("src/Choir.vue", '<template><img src="/images/choir.jpg" width="300" alt="x"></template>\n'),
}


@pytest.mark.parametrize("means", sorted(SHOWN_AT_300))
def test_each_means_of_stating_the_displayed_size_gives_sl202(repo, cli, means):
    _photo(repo)
    _photo(repo, "images/small.jpg", (300, 200))
    page, text = SHOWN_AT_300[means]
    _write(repo, page, text)
    found = _sl202(cli)
    assert [(f["path"], f["fix"]["safe"]) for f in found] == [("images/choir.jpg", True)], means
    assert "at most 300 px wide" in found[0]["message"] and "600 px is enough" in found[0]["message"]
    assert page in found[0]["message"]


# The same photo shown at 300 px, and also somewhere that does not say at what size.
UNKNOWN_SIZE = {
    "another page without a size": ("about.html", '<img src="images/choir.jpg" alt="The choir">'),
    "a percentage width": ("about.html", '<img src="images/choir.jpg" width="50%">'),
    "a CSS width in another unit": ("about.html", '<img src="images/choir.jpg" width="300" style="width: 20em">'),
    "sizes in viewport widths": ("about.html", '<img src="images/x.jpg" srcset="images/choir.jpg 1200w" '
                                 'sizes="(max-width: 600px) 100vw, 300px">'),
    "srcset without sizes": ("about.html", '<img src="images/x.jpg" srcset="images/choir.jpg 1200w">'),
    "a link to the file itself": ("about.html", '<a href="images/choir.jpg">full size</a>'),
    "a stylesheet background": ("css/site.css", ".hero { background: url(../images/choir.jpg); }\n"),
    "a data file": ("_data/gallery.yml", "- image: /images/choir.jpg\n  caption: The choir\n"),
    "front matter": ("news/choir.md", "---\nimage: /images/choir.jpg\n---\nThe choir sang.\n"),
    "a style object prop": ("src/Choir.jsx", 'export default () => <img src="/images/choir.jpg" width={300} '
                            "style={{width: size}} />;\n"),
}


@pytest.mark.parametrize("reference", sorted(UNKNOWN_SIZE))
def test_a_reference_without_a_known_size_withholds_sl202(repo, cli, reference):
    _photo(repo)
    _write(repo, "index.html", '<img src="images/choir.jpg" width="300" alt="The choir">')
    page, text = UNKNOWN_SIZE[reference]
    _write(repo, page, text)
    assert _sl202(cli) == [], reference


def test_clean_variants_are_silent(repo, cli):
    _photo(repo)
    _write(repo, "index.html", '<img src="images/choir.jpg" width="600" alt="The choir">\n'   # 2 x 600 = 1200
           '<img src="images/choir.jpg" width="100" alt="Again, smaller">')
    assert _sl202(cli) == []
    _write(repo, "index.html", '<img src="images/choir.jpg" width="300" alt="The choir">')
    _write(repo, ".schoollint.yml", "SL202:\n  factor: 4\n")        # 4 x 300 = 1200
    assert _sl202(cli) == []


def test_the_widest_display_decides_and_the_message_names_it(repo, cli):
    _photo(repo)
    _write(repo, "index.html", '<img src="images/choir.jpg" width="100">')
    _write(repo, "news/choir.md", '![The choir](../images/choir.jpg){: width="250"}\n')
    found = _sl202(cli)
    assert len(found) == 1
    assert "its 2 pages show it at most 250 px wide (news/choir.md line 1)" in found[0]["message"]


def test_the_fix_downscales_to_the_width_shown_keeping_orientation_and_profile(repo, cli):
    # Stored 1200x800 with EXIF orientation 6: shown upright as 800 wide, 1200 tall.
    exif = piexif.dump({"0th": {piexif.ImageIFD.Orientation: 6}})
    original = _photo(repo, exif=exif, icc_profile=srgb_icc())
    page = '<p><img src="images/choir.jpg" width="200" alt="The choir"></p>\n'
    _write(repo, "index.html", page)
    code, _out, err = cli("check", "--no-cache", "--select", "SL202", "--fix")
    assert code == 1, err
    fixed = (repo / "images" / "choir.jpg").read_bytes()
    with Image.open(io.BytesIO(fixed)) as image:
        assert image.format == "JPEG"
        assert image.size == (400, 600)                                   # 2 x 200 wide, upright
        assert image.getexif().get(piexif.ImageIFD.Orientation, 1) == 1
        assert image.info.get("icc_profile") == srgb_icc()
        after = image.convert("RGB")
    with Image.open(io.BytesIO(original)) as image:
        expected = ImageOps.exif_transpose(image).convert("RGB").resize((400, 600), Image.Resampling.LANCZOS)
    assert max(ImageStat.Stat(ImageChops.difference(after, expected)).mean) < 4   # the same picture, upright
    assert (repo / "index.html").read_text(encoding="utf-8") == page                # references untouched
    assert _sl202(cli) == []                                                         # verified by a re-check
    code, _out, err = cli("check", "--no-cache", "--select", "SL202", "--fix")      # a second fix: nothing
    assert code == 0, err
    assert (repo / "images" / "choir.jpg").read_bytes() == fixed


def test_sl201_and_sl202_together_take_the_smaller_size(repo, cli):
    _photo(repo, size=(3200, 2400))
    _write(repo, "index.html", '<img src="images/choir.jpg" width="500" alt="The choir">')
    code, _out, err = cli("check", "--no-cache", "--select", "SL201,SL202", "--fix")
    assert code == 1, err
    with Image.open(repo / "images" / "choir.jpg") as image:
        assert image.size == (1000, 750)
