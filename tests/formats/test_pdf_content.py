"""PDF content streams: text decoded through ToUnicode maps and encodings, pictures in Form
XObjects, inline images, and JPEG 2000 pictures with their own metadata boxes."""

from __future__ import annotations

import io
import struct

import pikepdf
import pytest

from schoollint.formats import pdf
from schoollint.formats.model import KINDS, LOCATION
from schoollint.pages.pdf_text import read as read_page
from tests.kit.documents import CAPTION
from tests.kit.jpeg import phone_jpeg


def _page_pdf(content: bytes, fonts: dict | None = None, xobjects: dict | None = None, document=None) -> bytes:
    """A one-page PDF drawing `content`; fonts and XObjects made in `document` are its own."""
    document = document if document is not None else pikepdf.new()
    resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(fonts or {}), XObject=pikepdf.Dictionary(xobjects or {}))
    document.pages.append(pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                                                          Resources=resources,
                                                          Contents=pikepdf.Stream(document, content))))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _jpeg_xobject(document, jpeg: bytes) -> pikepdf.Stream:
    return pikepdf.Stream(document, jpeg, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=8,
                          Height=8, ColorSpace=pikepdf.Name.DeviceRGB, BitsPerComponent=8,
                          Filter=pikepdf.Name.DCTDecode)


def _captions(data: bytes) -> list[str]:
    return [span.text for image in read_page("n.pdf", data, None).images for span in image.captions]


def test_a_caption_in_a_composite_font_is_decoded_through_its_tounicode_map():
    """Word and Canva write Type0 fonts with two-byte glyph ids: the text is readable only through
    the ToUnicode CMap (ISO 32000-2, 9.10.3), here with both bfchar and bfrange entries."""
    glyphs = {char: 3 + index for index, char in enumerate(sorted(set(CAPTION)))}
    ranges = "".join(f"<{code:04X}> <{code:04X}> <{ord(char):04X}>\n" for char, code in glyphs.items()
                     if char not in "AH")
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange\n<0000> <FFFF>\n"
            "endcodespacerange\n2 beginbfchar\n"
            f"<{glyphs['A']:04X}> <0041>\n<{glyphs['H']:04X}> <0048>\nendbfchar\n"
            f"{len(glyphs) - 2} beginbfrange\n{ranges}endbfrange\nendcmap end end\n").encode()
    shown = "".join(f"{glyphs[char]:04X}" for char in CAPTION)
    document = pikepdf.new()
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name.Arial,
                              Encoding=pikepdf.Name("/Identity-H"), ToUnicode=pikepdf.Stream(document, cmap))
    data = _page_pdf(b"q 200 0 0 150 72 600 cm /Im0 Do Q BT /F1 10 Tf 72 585 Td <" + shown.encode() + b"> Tj ET",
                     {"/F1": font}, {"/Im0": _jpeg_xobject(document, phone_jpeg())}, document)
    assert _captions(data) == [CAPTION]


def test_a_simple_font_with_differences_is_decoded_by_glyph_name():
    document = pikepdf.new()
    encoding = pikepdf.Dictionary(Type=pikepdf.Name.Encoding, BaseEncoding=pikepdf.Name.WinAnsiEncoding,
                                  Differences=[1, pikepdf.Name("/A"), pikepdf.Name("/eacute"),
                                               pikepdf.Name("/uni0142")])
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name.Helvetica, Encoding=encoding)
    shown = (b"q 200 0 0 150 72 600 cm /Im0 Do Q BT /F1 10 Tf 72 585 Td "
             b"[(\x01m) -30 (\x02lie) -400 (Wa\x03\x03ace)] TJ ET")
    data = _page_pdf(shown, {"/F1": font}, {"/Im0": _jpeg_xobject(document, phone_jpeg())}, document)
    assert _captions(data) == ["Am\u00e9lie Wa\u0142\u0142ace"]


def test_a_picture_and_its_caption_inside_a_form_xobject_are_placed_by_the_forms_matrix():
    document = pikepdf.new()
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    form = pikepdf.Stream(document, f"q 100 0 0 80 0 20 cm /Photo Do Q BT /F1 9 Tf 0 8 Td ({CAPTION}) Tj ET".encode(),
                          Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 100, 100],
                          Matrix=[1, 0, 0, 1, 300, 400],
                          Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font), XObject=pikepdf.Dictionary(
                              Photo=_jpeg_xobject(document, phone_jpeg()))))
    far = b" BT /F1 9 Tf 20 20 Td (Mr Davies, headteacher) Tj ET"
    data = _page_pdf(b"q 1 0 0 1 0 0 cm /Fm0 Do Q" + far, {"/F1": font}, {"/Fm0": form}, document)
    (image,) = read_page("n.pdf", data, None).images
    assert image.src == "picture 1 on page 1" and [span.text for span in image.captions] == [CAPTION]


def _inline_jpeg_pdf(jpeg: bytes) -> bytes:
    return _page_pdf(b"q 100 0 0 80 72 600 cm BI /W 8 /H 8 /CS /RGB /BPC 8 /F /DCT ID " + jpeg + b" EI Q\n"
                     b"q 10 0 0 10 300 300 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\x00\xff EI Q")


def test_an_inline_jpeg_with_gps_is_found_stripped_in_its_stream_and_plain_inline_images_are_counted():
    """An inline image (8.9.7) in DCT is a whole JPEG and may carry EXIF; raw inline pixels cannot."""
    jpeg = phone_jpeg()
    data = _inline_jpeg_pdf(jpeg)
    facts = pdf.read(data)
    assert "inline image 1 on page 1: EXIF GPS position" in [item.field for item in facts.of_kind(LOCATION)]
    assert facts.notes == ("1 inline image in page content (pixels only: no metadata)",)
    stripped = pdf.strip(data, KINDS)
    assert pdf.read(stripped).items == ()
    with pikepdf.open(io.BytesIO(stripped)) as after, pikepdf.open(io.BytesIO(data)) as before:
        old, new = before.pages[0].Contents.read_bytes(), after.pages[0].Contents.read_bytes()
    start = old.index(jpeg)
    assert new[:start] == old[:start] and new.endswith(old[start + len(jpeg):])   # only the JPEG's bytes changed
    assert b"GPS" not in new and new[start:].startswith(b"\xff\xd8")
    assert _pixels(new[start:len(new) - len(old) + start + len(jpeg)]) == _pixels(jpeg)


def _pixels(jpeg: bytes) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(jpeg)) as image:
        return image.tobytes()


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def test_a_jpeg_2000_picture_keeps_its_filter_and_pixels_and_loses_its_exif_box():
    import piexif
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(out, "JPEG2000", no_jp2=False)
    gps = {1: b"N", 2: ((51, 1), (30, 1), (0, 1)), 3: b"W", 4: ((0, 1), (7, 1), (12, 1))}
    exif = piexif.dump({"0th": {piexif.ImageIFD.Artist: b"Jane Smith"}, "GPS": gps})[6:]
    jpx = out.getvalue() + _box(b"uuid", b"JpgTiffExif->JP2" + exif)
    document = pikepdf.new()
    image = pikepdf.Stream(document, jpx, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=8,
                           Height=8, Filter=pikepdf.Name.JPXDecode)
    data = _page_pdf(b"q 100 0 0 100 72 600 cm /Im0 Do Q", None, {"/Im0": image}, document)
    facts = pdf.read(data)
    assert {"embedded image 1 on page 1: EXIF GPS position", "embedded image 1 on page 1: EXIF Artist"} <= {
        item.field for item in facts.items}
    stripped = pdf.strip(data, KINDS)
    assert pdf.read(stripped).items == ()
    with pikepdf.open(io.BytesIO(stripped)) as after:
        kept = after.pages[0].Resources.XObject["/Im0"]
        assert kept.Filter == pikepdf.Name.JPXDecode
        new = kept.read_raw_bytes()
    assert b"Jane Smith" not in new and _pixels(new) == _pixels(jpx)


@pytest.mark.parametrize("content", [b"BT /F1 Tf (x) Tj ET", b"1 0 0 cm /Im0 Do", b"Q Q Q q q cm Tm Td TJ",
                                     b"BT /Nope 9 Tf 1 2 Td <00> Tj ET", b"[(a) /b] TJ"])
def test_damaged_operands_are_skipped_one_instruction_at_a_time(content):
    assert read_page("n.pdf", _page_pdf(content), None).images == ()


def test_earlier_revisions_are_counted_along_the_prev_chain_and_a_linearized_file_has_none(tmp_path):
    from tests.kit.documents import incremental_update, newsletter_pdf

    once = newsletter_pdf(pages=1)
    twice = incremental_update(incremental_update(once), author="Mr Davies")
    revisions = [item.field for item in pdf.read(twice).items if "earlier revision" in item.field]
    assert revisions == ["file: 2 earlier revisions kept by incremental saves (old metadata and pictures)"]
    linear = io.BytesIO()
    with pikepdf.open(io.BytesIO(once)) as document:
        document.save(linear, linearize=True)
    assert b"/Linearized" in linear.getvalue()[:1024]
    assert not [item for item in pdf.read(linear.getvalue()).items if "earlier revision" in item.field]
    assert [item.field for item in pdf.read(incremental_update(linear.getvalue())).items
            if "earlier revision" in item.field] == [
        "file: 1 earlier revision kept by incremental saves (old metadata and pictures)"]


def test_a_field_found_in_many_pictures_is_one_item_with_the_count(repo, cli):
    """60 photos do not make a message of 60 parts: one entry per field, the photos in `where`."""
    import json

    from tests.kit.documents import newsletter_pdf

    (repo / "newsletter.pdf").write_bytes(newsletter_pdf(pages=3, photos_per_page=4))
    _code, out, _ = cli("check", "--select", "SL101,SL103", "--output-format", "json", "--show-values")
    findings = {f["code"]: f for f in json.loads(out)["findings"]}
    assert "EXIF GPS position in 12 pictures" in findings["SL101"]["message"]
    assert "embedded image" not in findings["SL101"]["message"]
    assert findings["SL103"]["message"].endswith("(EXIF thumbnail in 12 pictures)")
    assert len(findings["SL101"]["message"]) < 200


def test_a_form_that_draws_itself_and_a_cmap_claiming_four_billion_codes_cost_bounded_time():
    import time

    document = pikepdf.new()
    cmap = (b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange "
            b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange")
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name.Arial,
                              ToUnicode=pikepdf.Stream(document, cmap))
    form = document.make_indirect(pikepdf.Stream(document, b"/Me Do BT /F1 9 Tf 0 0 Td <00000001> Tj ET",
                                                 Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                                                 BBox=[0, 0, 10, 10]))
    form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Me=form), Font=pikepdf.Dictionary(F1=font))
    data = _page_pdf(b"/Me Do", None, {"/Me": form}, document)
    started = time.process_time()
    assert read_page("n.pdf", data, None).images == ()
    assert pdf.read(data).items == ()
    assert time.process_time() - started < 5
