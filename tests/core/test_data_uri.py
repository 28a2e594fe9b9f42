"""Issue 9: pictures written into pages as data: URIs are read like any photo, reported on the page's
line, and stripped in place by the fix (verified by re-reading), through the command line."""

from __future__ import annotations

import base64
import io
import json
import re
from pathlib import Path

from tests.formats.test_no_silent_pass import exiftool_tags
from tests.kit.sites import photo_with_gps
from tests.kit.tools import needs_exiftool, needs_vision


def encoded_photo(tmp_path: Path) -> str:
    """A phone JPEG (make, model, orientation 6, GPS position), base64-encoded."""
    photo = photo_with_gps(tmp_path / "phone.jpg")
    data = photo.read_bytes()
    photo.unlink()
    return base64.b64encode(data).decode()


def findings(cli, *extra: str) -> list[dict]:
    code, out, err = cli("check", "--no-cache", "--no-progress", "--output-format", "json", *extra)
    assert code in (0, 1), err
    assert "Traceback" not in err
    return json.loads(out)["findings"]


def pictures_in(path: Path) -> list[bytes]:
    payloads = re.findall(rb"base64,((?:[A-Za-z0-9+/=]|\n[ \t]*)+)", path.read_bytes())
    return [base64.b64decode(re.sub(rb"\s", b"", payload)) for payload in payloads]


def build_pages(root: Path, photo: str) -> None:
    (root / "index.html").write_text(
        f'<html><body>\n<p>Sports day</p>\n<img src="data:image/jpeg;base64,{photo}" alt="The relay">\n'
        "</body></html>\n", encoding="utf-8")
    # wrapped at 76 columns, as base64(1) writes it: the fix keeps the lines
    wrapped = "\n    ".join(photo[i:i + 76] for i in range(0, len(photo), 76))
    (root / "site.css").write_text(f".hero {{\n  background: url(data:image/jpeg;base64,{wrapped});\n}}\n",
                                   encoding="utf-8")
    (root / "news.md").write_text(f"# News\n\n![The hall](data:image/jpeg;base64,{photo} \"Hall\")\n",
                                  encoding="utf-8")


def test_a_gps_photo_in_a_data_uri_is_reported_at_its_page_line_and_stripped_in_place(repo, cli, tmp_path):
    from PIL import Image

    build_pages(repo, encoded_photo(tmp_path))
    lines_before = {name: (repo / name).read_text().count("\n") for name in ("index.html", "site.css", "news.md")}
    pixels_before = Image.open(io.BytesIO(pictures_in(repo / "site.css")[0])).tobytes()

    before = {(f["path"], f["code"], f["line"]) for f in findings(cli)}
    assert {("index.html", "SL101", 3), ("index.html", "SL102", 3), ("site.css", "SL101", 2),
            ("site.css", "SL102", 2), ("news.md", "SL101", 3), ("news.md", "SL102", 3)} <= before
    code, out, err = cli("check", "--no-cache", "--no-progress")
    assert "line 3: the picture in a data: URI: stores where it was taken (EXIF GPS position)" in out
    assert "51" not in out.replace("1,", "")          # the position itself is never echoed

    code, out, err = cli("check", "--fix", "--no-cache", "--no-progress")
    assert "fixed 3 files" in err + out, (out, err)
    assert [f for f in findings(cli) if f["code"] in ("SL101", "SL102")] == []
    for name, count in lines_before.items():
        assert (repo / name).read_text().count("\n") == count, name
        for picture in pictures_in(repo / name):
            exif = Image.open(io.BytesIO(picture)).getexif()
            assert not exif.get_ifd(0x8825) and 0x010F not in exif, name       # no GPS IFD, no Make
            assert exif.get(0x0112) == 6, name                                 # orientation kept
    assert Image.open(io.BytesIO(pictures_in(repo / "site.css")[0])).tobytes() == pixels_before
    code, out, err = cli("check", "--fix", "--no-cache", "--no-progress")      # idempotent
    assert code == 0 and "fixed" not in out + err, (out, err)


@needs_exiftool
def test_exiftool_reads_no_position_in_the_fixed_picture(repo, cli, tmp_path):
    build_pages(repo, encoded_photo(tmp_path))
    cli("check", "--fix", "--no-cache", "--no-progress")
    picture = tmp_path / "out.jpg"
    picture.write_bytes(pictures_in(repo / "index.html")[0])
    tags = exiftool_tags(picture)
    assert not [tag for tag in tags if "GPS" in tag or tag.endswith(("Make", "Model"))], tags


def test_bad_base64_is_a_finding_naming_the_page_and_line_and_the_page_is_not_counted_as_checked(repo, cli):
    (repo / "index.html").write_text(
        "<html><body>\n<p>Hi</p>\n\n<img src=\"data:image/png;base64,iVBORw0K!!Gg==\" alt=\"logo\">\n"
        "<img src=\"data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ\" alt=\"cut short\">\n</body></html>\n",
        encoding="utf-8")
    found = findings(cli)
    assert {(f["path"], f["code"], f["line"]) for f in found} >= {("index.html", "SL105", 4),
                                                                ("index.html", "SL105", 5)}
    assert any("not valid base64" in f["message"] for f in found)
    code, out, err = cli("check", "--no-cache", "--no-progress")
    assert "Traceback" not in err and "not checked: 1 .html" in out + err, (out, err)


def test_a_payload_over_the_bound_is_not_decoded_and_says_so(repo, cli):
    from schoollint.formats.data_uri import MAX_PAYLOAD

    payload = "A" * (MAX_PAYLOAD + 4)
    (repo / "big.css").write_text(f"a {{\n  background: url('data:image/png;base64,{payload}');\n}}\n",
                                  encoding="utf-8")
    found = findings(cli)
    assert [(f["code"], f["line"]) for f in found] == [("SL105", 2)]
    assert "not decoded" in found[0]["message"]


def test_text_that_only_mentions_data_uris_and_clean_pictures_give_nothing(repo, cli):
    from PIL import Image

    clean = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(clean, "PNG")
    (repo / "index.html").write_text(
        "<html><body>\n<p>Write data:image/png;base64, then the bytes.</p>\n"
        f"<img srcset=\"data:image/png;base64,{base64.b64encode(clean.getvalue()).decode()} 1x, b.png 2x\" "
        "alt=\"dot\">\n</body></html>\n", encoding="utf-8")
    (repo / "b.png").write_bytes(clean.getvalue())
    code, out, err = cli("check", "--no-cache", "--no-progress", "--output-format", "json")
    assert json.loads(out)["findings"] == [], out


def test_an_svg_in_a_data_uri_in_a_component_is_read_with_its_own_pictures_and_stripped(repo, cli):
    from tests.kit.documents import AUTHOR, poster_svg

    payload = base64.b64encode(poster_svg()).decode()
    (repo / "src").mkdir()
    (repo / "src" / "Poster.jsx").write_text(
        "export const Poster = () => (\n"
        f"  <img src=\"data:image/svg+xml;base64,{payload}\" alt=\"Sports day poster\" />\n);\n", encoding="utf-8")
    found = {(f["path"], f["code"], f["line"]) for f in findings(cli)}
    assert {("src/Poster.jsx", "SL101", 2), ("src/Poster.jsx", "SL102", 2)} <= found, found
    cli("check", "--fix", "--no-cache", "--no-progress")
    assert [f for f in findings(cli) if f["code"] in ("SL101", "SL102")] == []
    [svg] = pictures_in(repo / "src" / "Poster.jsx")
    assert AUTHOR.encode() not in svg and b"<svg" in svg


@needs_vision
def test_vision_looks_at_a_picture_in_a_data_uri_like_at_a_photo(repo, cli):
    from tests.vision.conftest import photo

    out = io.BytesIO()
    photo("astronaut").resize((1024, 1024)).save(out, "JPEG", quality=90)      # a face about 220 px tall
    (repo / "index.html").write_text(
        f'<html><body>\n<p>Visit</p>\n<img src="data:image/jpeg;base64,{base64.b64encode(out.getvalue()).decode()}" '
        'alt="Visitor">\n</body></html>\n', encoding="utf-8")
    found = findings(cli, "--select", "ALL")
    assert ("index.html", "SL403", 3) in {(f["path"], f["code"], f["line"]) for f in found}, found


def test_an_svg_written_as_text_in_a_data_uri_is_read_and_rewritten_as_base64_without_its_metadata(repo, cli):
    from urllib.parse import quote

    icon = ("<svg xmlns='http://www.w3.org/2000/svg' "
            "xmlns:sodipodi='http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd' "
            "sodipodi:docname='/home/sarah.jones/Pictures/amelia-watson-badge.svg' viewBox='0 0 8 8'>"
            "<circle cx='4' cy='4' r='3' transform='rotate(45)'/></svg>")
    (repo / "site.css").write_text(f'.badge {{\n  background: url("data:image/svg+xml,{quote(icon, safe=" =:/")}");\n'
                                   "}\n", encoding="utf-8")
    (repo / "index.html").write_text(f'<html><body>\n<img src="data:image/svg+xml;utf8,{icon}" alt="Badge">\n'
                                     "</body></html>\n", encoding="utf-8")
    found = {(f["path"], f["code"], f["line"]) for f in findings(cli)}
    assert {("site.css", "SL102", 2), ("index.html", "SL102", 2)} <= found, found
    cli("check", "--fix", "--no-cache", "--no-progress")
    assert [f for f in findings(cli) if f["code"] == "SL102"] == []
    for name in ("site.css", "index.html"):
        text = (repo / name).read_text(encoding="utf-8")
        assert "sarah.jones" not in text and "data:image/svg+xml;base64," in text, text
        [svg] = pictures_in(repo / name)
        assert b"<circle" in svg and b"rotate(45)" in svg
