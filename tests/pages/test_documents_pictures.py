"""SL302/SL303 in spreadsheets, OpenDocument files and SVG drawings: a picture's alt text, and the
words beside it, through the command line."""

from __future__ import annotations

import io
import json
import time
import zipfile

import pytest

from schoollint.pages.documents import read
from tests.kit.damage import SECONDS, patched
from tests.kit.documents import BILLION_LAUGHS_SVG, CAPTION, consent_xlsx, odt_document
from tests.kit.jpeg import phone_jpeg

NAMED_ALT = "Amelia Hartley holding the cup"


def _findings(cli) -> set[tuple[str, str, int, str]]:
    _code, out, _ = cli("check", "--select", "SL302,SL303", "--output-format", "json")
    return {(f["path"], f["code"], f["line"], f["field"]) for f in json.loads(out)["findings"]}


def _rewritten(data: bytes, part: str, edit) -> bytes:
    """The package with one part's text edited; every other member as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            member = source.read(info)
            target.writestr(info, edit(member) if info.filename == part else member)
    return out.getvalue()


def _register_xlsx(names_below: str, far: str, alt: str = "Picture") -> bytes:
    import openpyxl
    from openpyxl.drawing.image import Image as SheetImage

    workbook = openpyxl.Workbook()
    workbook.active.title = "Cover"
    sheet = workbook.create_sheet("Sports day")
    sheet["A1"] = "Sports day 2024"
    sheet.add_image(SheetImage(io.BytesIO(phone_jpeg())), "C3")
    sheet["C5"] = names_below
    sheet["A30"] = far
    out = io.BytesIO()
    workbook.save(out)
    return _rewritten(out.getvalue(), "xl/drawings/drawing1.xml",
                      lambda text: text.replace(b'descr="Picture"', f'descr="{alt}"'.encode()))


def test_a_spreadsheets_picture_alt_text_and_the_cells_beside_it(repo, cli):
    """Cells under and beside the picture's anchor are its words; a cell far down the sheet is not.
    The "line" is the sheet number (the picture is on the second sheet)."""
    (repo / "register.xlsx").write_bytes(_register_xlsx(CAPTION, "Mr Davies signed the register", NAMED_ALT))
    assert _findings(cli) == {("register.xlsx", "SL302", 2, "alt text"),
                              ("register.xlsx", "SL303", 2, "cells beside the picture on sheet 2")}


def test_a_spreadsheet_without_names_by_its_picture_gives_nothing(repo, cli):
    (repo / "register.xlsx").write_bytes(_register_xlsx("Year 4 relay team", "Amelia Hartley, Ben Okafor"))
    (repo / "consent.xlsx").write_bytes(consent_xlsx())
    assert _findings(cli) == set()


def test_an_odt_pictures_alt_text_and_the_paragraph_after_it(repo, cli):
    """LibreOffice's alt text is the frame's svg:desc; the comment author (office:annotation) is
    metadata, not words on the page, and the comment's own paragraph is not counted."""
    described = _rewritten(odt_document(), "content.xml", lambda text: text.replace(
        b'<draw:image xlink:href="Pictures/photo.jpg"/>',
        f'<draw:image xlink:href="Pictures/photo.jpg"/><svg:desc>{NAMED_ALT}</svg:desc>'.encode()))
    (repo / "letter.odt").write_bytes(described)
    assert _findings(cli) == {("letter.odt", "SL302", 2, "alt text"),
                              ("letter.odt", "SL303", 2, "paragraph with the picture and the next")}
    (image,) = read("letter.odt", described, None).images
    assert CAPTION in image.captions[0].text and "Sarah Jones" not in image.captions[0].text


_ODP_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">
<office:body><office:presentation>
<draw:page draw:name="page1"><draw:frame><draw:text-box><text:p>Welcome</text:p></draw:text-box></draw:frame>
</draw:page>
<draw:page draw:name="page2"><draw:frame draw:name="Photo"><draw:image xlink:href="Pictures/photo.jpg"/>
<svg:title>Relay</svg:title></draw:frame>
<draw:frame><draw:text-box><text:p>{CAPTION}</text:p></draw:text-box></draw:frame></draw:page>
</office:presentation></office:body></office:document-content>""".encode()


def _odp() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.presentation",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", _ODP_CONTENT)
        archive.writestr("Pictures/photo.jpg", phone_jpeg())
    return out.getvalue()


def test_an_odp_pictures_words_are_the_text_on_its_page(repo, cli):
    (repo / "assembly.odp").write_bytes(_odp())
    assert _findings(cli) == {("assembly.odp", "SL303", 2, "text on page 2")}
    (image,) = read("assembly.odp", _odp(), None).images
    assert (image.src, image.title) == ("Photo", "Relay")


_ODS_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">
<office:body><office:spreadsheet><table:table table:name="Sheet1">
<table:table-row><table:table-cell><text:p>Sports day</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><draw:frame draw:name="Relay"><draw:image xlink:href="Pictures/photo.jpg"/>
</draw:frame></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>{CAPTION}</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Mr Davies</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>""".encode()


def test_an_ods_picture_in_a_cell_has_its_row_and_the_next_as_its_words():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", _ODS_CONTENT)
    (image,) = read("register.ods", out.getvalue(), None).images
    assert (image.src, image.line) == ("Relay", 2)
    assert [(span.text, span.label) for span in image.captions] == [(CAPTION, "the picture's row and the next")]


def _poster(desc: str, near: str, far: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="600" height="800">
  <title>Sports day poster</title>
  <image x="100" y="100" width="200" height="150" xlink:href="photos/relay.jpg">
    <desc>{desc}</desc>
  </image>
  <text x="110" y="270">{near}</text>
  <text x="100" y="700">{far}</text>
  <g>
    <image x="0" y="0" width="10" height="10" href="photos/cup.jpg"/>
    <text transform="translate(0 500)"><tspan>{CAPTION}</tspan></text>
  </g>
</svg>
""".encode()


def test_an_svg_pictures_desc_is_its_alt_text_and_text_under_it_or_in_its_group_is_its_caption(repo, cli):
    """SVG is text: the findings carry real line numbers (the desc on line 5, the captions on 7 and 11)."""
    (repo / "poster.svg").write_bytes(_poster(NAMED_ALT, CAPTION, "Mr Davies, headteacher"))
    found = _findings(cli)
    assert ("poster.svg", "SL302", 5, "alt text") in found
    assert {(line, field) for path, code, line, field in found if code == "SL303"} == {
        (7, "text near the picture"), (11, "text near the picture")}


def test_an_svg_with_names_far_from_its_pictures_gives_nothing(repo, cli):
    (repo / "poster.svg").write_bytes(_poster("The relay", "Year 4 relay", "Amelia Hartley ran the 100 m")
                                      .replace(CAPTION.encode(), b"The cup"))
    assert _findings(cli) == set()


@pytest.mark.parametrize("name, build", [("letter.odt", odt_document), ("register.xlsx", consent_xlsx),
                                         ("poster.svg", lambda: _poster(NAMED_ALT, CAPTION, "x"))])
def test_damaged_documents_give_a_page_in_bounded_time(name, build):
    """The page side of a damaged file: a page (maybe empty; the document reader reports SL105)."""
    data = build()
    for damaged in [*patched(data, seed=5, patch=lambda rng: rng.randbytes(rng.randint(1, 8)), count=40),
                    *(data[:cut] for cut in range(0, len(data), max(1, len(data) // 10)))]:
        started = time.perf_counter()
        read(name, damaged, None)
        assert time.perf_counter() - started < SECONDS


def test_a_billion_laughs_svg_is_an_empty_page_at_once():
    started = time.perf_counter()
    assert read("bomb.svg", BILLION_LAUGHS_SVG, None).images == ()
    assert time.perf_counter() - started < 1
