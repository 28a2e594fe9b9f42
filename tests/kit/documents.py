"""Builders for real documents: PDFs written with pikepdf, OOXML packages written with
python-docx, python-pptx and openpyxl, ODF and SVG assembled from their XML text.

Every picture in them is a phone JPEG with EXIF GPS, identity and a thumbnail
(kit.jpeg.phone_jpeg), stored byte for byte as Word, PowerPoint and PDF
exporters store it.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

from .jpeg import phone_jpeg

AUTHOR = "Sarah Jones"
CAPTION = "Amelia Hartley (Year 4) receiving the reading cup"


def _pdf_image(pdf, jpeg: bytes):
    import pikepdf
    from PIL import Image

    with Image.open(io.BytesIO(jpeg)) as image:
        width, height = image.size
    return pikepdf.Stream(pdf, jpeg, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=width,
                          Height=height, ColorSpace=pikepdf.Name.DeviceRGB, BitsPerComponent=8,
                          Filter=pikepdf.Name.DCTDecode)


def newsletter_pdf(pages: int = 2, photos_per_page: int = 1, info: bool = True, xmp: bool = True,
                   extras: bool = False, caption: str = "Year 4 at sports day") -> bytes:
    """A newsletter: each page shows phone photos with `caption` printed under each.

    `extras` adds what fewer files carry: a page thumbnail, an annotation with an author, an
    attached file, /PieceInfo, and a photo drawn through a Form XObject."""
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    for number in range(pages):
        xobjects, drawing = {}, []
        for slot in range(photos_per_page):
            name = f"/Im{slot}"
            xobjects[name] = _pdf_image(pdf, phone_jpeg())
            y = 650 - slot * 120
            drawing.append(f"q 128 0 0 96 72 {y} cm {name} Do Q BT /F1 10 Tf 72 {y - 14} Td ({caption}) Tj ET")
        if extras and number == 0:
            form = pikepdf.Stream(pdf, b"q 64 0 0 48 0 0 cm /Inner Do Q", Type=pikepdf.Name.XObject,
                                  Subtype=pikepdf.Name.Form, BBox=[0, 0, 64, 48],
                                  Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(
                                      Inner=_pdf_image(pdf, phone_jpeg()))))
            xobjects["/Fm0"] = form
            drawing.append("q 1 0 0 1 300 100 cm /Fm0 Do Q")
        page = pikepdf.Page(pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font), XObject=pikepdf.Dictionary(xobjects)),
            Contents=pikepdf.Stream(pdf, "\n".join(drawing).encode())))
        pdf.pages.append(page)
    # XMP first: pikepdf copies it into the Info dictionary when it closes
    if xmp:
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:creator"] = [AUTHOR]
            meta["xmp:CreatorTool"] = "Microsoft Word"
    if info:
        pdf.docinfo["/Author"] = AUTHOR
        pdf.docinfo["/Creator"] = "Microsoft Word for Microsoft 365"
        pdf.docinfo["/Title"] = "Summer newsletter"
    if extras:
        _add_extras(pdf)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _add_extras(pdf) -> None:
    import pikepdf

    page = pdf.pages[0].obj
    page.Thumb = _pdf_image(pdf, phone_jpeg())
    page.PieceInfo = pikepdf.Dictionary(Illustrator=pikepdf.Dictionary(Private=pikepdf.String("Sarah's layers")))
    attached = pikepdf.AttachedFileSpec(pdf, b"pupil list", filename="pupils.txt")
    pdf.attachments["pupils.txt"] = attached
    page.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[10, 10, 30, 30],
        T=pikepdf.String(AUTHOR), Contents=pikepdf.String("check names")))]))


def incremental_update(data: bytes, author: str = "Office Admin") -> bytes:
    """The same PDF saved again as Acrobat's Save does: an update appended, the old revision kept."""
    from pypdf import PdfWriter

    writer = PdfWriter(io.BytesIO(data), incremental=True)
    writer.add_metadata({"/Author": author})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render(pdf_path, out_prefix) -> list[bytes]:
    """Every page rendered by poppler's pdftoppm at 50 dpi, as PPM bytes."""
    subprocess.run(["pdftoppm", "-r", "50", str(pdf_path), str(out_prefix)], check=True, capture_output=True)
    pages = sorted(out_prefix.parent.glob(out_prefix.name + "*.ppm"))
    return [page.read_bytes() for page in pages]


def fixes_completely_and_once(cli, path, data: bytes, codes: set[str]) -> bytes:
    """Through the command line: `check` reports `codes` without echoing a name, `--fix` leaves no
    finding, and a second `--fix` changes no byte. Returns the fixed bytes."""
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    code, out, _ = cli("check", "--output-format", "json")
    assert code == 1 and codes <= {finding["code"] for finding in json.loads(out)["findings"]}
    assert AUTHOR not in out                         # never echoed without --show-values
    code, out, _ = cli("check", "--fix")
    assert code == 1 and "no findings in 1 file" in out
    fixed = path.read_bytes()
    assert cli("check", "--fix")[0] == 0 and path.read_bytes() == fixed
    return fixed


def have(tool: str) -> bool:
    return shutil.which(tool) is not None


def zip_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _with_app_properties(data: bytes, company: str = "Oakfield Primary School", manager: str = "Mr Davies") -> bytes:
    """The package with Company and Manager added to docProps/app.xml, as Word writes them."""
    members = zip_members(data)
    app = members["docProps/app.xml"].decode()
    members["docProps/app.xml"] = app.replace(
        "</Properties>", f"<Company>{company}</Company><Manager>{manager}</Manager></Properties>").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, members[info.filename])
    return out.getvalue()


def letter_docx(photos: int = 2, comment: bool = True, caption: str = "Year 4 at sports day",
                alt: str | None = None) -> bytes:
    """A letter home: photos, each followed by its caption (and with `alt` as its alt text), a
    comment by a teacher, the core properties Word fills in, and Company/Manager in app.xml."""
    import docx

    document = docx.Document()
    document.add_paragraph("Dear parents and carers,")
    for _ in range(photos):
        picture = document.add_picture(io.BytesIO(phone_jpeg()))
        if alt:
            picture._inline.docPr.set("descr", alt)   # python-docx has no public setter for alt text
        document.add_paragraph(caption)
    if comment:
        paragraph = document.add_paragraph("Please check the names.")
        document.add_comment(paragraph.runs, text="Is consent in?", author=AUTHOR, initials="SJ")
    properties = document.core_properties
    properties.author, properties.last_modified_by = AUTHOR, "Office Admin"
    properties.title, properties.keywords = "Letter home", "sports day"
    out = io.BytesIO()
    document.save(out)
    return _with_app_properties(out.getvalue())


def assembly_pptx(slides: int = 2, caption: str | None = None) -> bytes:
    """An assembly deck: a phone photo on each slide (python-pptx writes its file name as the alt
    text), with `caption` in a text box beside it when given."""
    import pptx
    from pptx.util import Inches

    presentation = pptx.Presentation()
    for _ in range(slides):
        slide = presentation.slides.add_slide(presentation.slide_layouts[6])
        slide.shapes.add_picture(io.BytesIO(phone_jpeg()), Inches(1), Inches(1), Inches(4))
        if caption:
            slide.shapes.add_textbox(Inches(1), Inches(5), Inches(6), Inches(1)).text_frame.text = caption
    presentation.core_properties.author = AUTHOR
    presentation.core_properties.last_modified_by = "Office Admin"
    out = io.BytesIO()
    presentation.save(out)
    return _with_app_properties(out.getvalue())


def consent_xlsx() -> bytes:
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.drawing.image import Image as SheetImage

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "Pupil"
    sheet["A1"].comment = Comment("check consent", AUTHOR)
    sheet.add_image(SheetImage(io.BytesIO(phone_jpeg())), "C3")
    workbook.properties.creator = AUTHOR
    workbook.properties.lastModifiedBy = "Office Admin"
    out = io.BytesIO()
    workbook.save(out)
    return _with_app_properties(out.getvalue())


_ODF_MANIFEST = (b'<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
                 b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                 b'<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.'
                 b'opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
                 b'"text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                 b'<manifest:file-entry manifest:full-path="Pictures/photo.jpg" manifest:media-type="image/jpeg"/>'
                 b'<manifest:file-entry manifest:full-path="Thumbnails/thumbnail.png" manifest:media-type='
                 b'"image/png"/></manifest:manifest>')
_ODF_META = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3"><office:meta><meta:initial-creator>{AUTHOR}</meta:initial-creator>
<dc:creator>Office Admin</dc:creator><meta:creation-date>2024-05-01T10:00:00</meta:creation-date>
<meta:generator>LibreOffice/7.4</meta:generator><dc:title>Letter home</dc:title></office:meta>
</office:document-meta>""".encode()
_ODF_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">
<office:body><office:text><text:p>Dear parents,<office:annotation><dc:creator>{AUTHOR}</dc:creator>
<dc:date>2024-05-01T10:00:00</dc:date><text:p>check consent</text:p></office:annotation></text:p>
<text:p><draw:frame svg:width="4cm" svg:height="3cm"><draw:image xlink:href="Pictures/photo.jpg"/></draw:frame></text:p>
<text:p>{CAPTION}</text:p></office:text></office:body></office:document-content>""".encode()


def odt_document(manifest: bytes = _ODF_MANIFEST) -> bytes:
    """An OpenDocument text as LibreOffice lays it out: `mimetype` first and stored."""
    from PIL import Image

    thumbnail = io.BytesIO()
    Image.new("RGB", (32, 45), "white").save(thumbnail, "PNG")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        for name, data in (("META-INF/manifest.xml", manifest), ("meta.xml", _ODF_META), ("content.xml", _ODF_CONTENT),
                           ("Pictures/photo.jpg", phone_jpeg()), ("Thumbnails/thumbnail.png", thumbnail.getvalue())):
            archive.writestr(name, data)
    return out.getvalue()


def poster_svg(photo: bytes | None = None) -> bytes:
    """An Inkscape poster: RDF metadata, Sodipodi/Inkscape file names, a comment, and the same
    phone photo embedded twice as data URIs (once by xlink:href, once by SVG 2's href)."""
    import base64

    payload = base64.b64encode(photo or phone_jpeg()).decode()
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) by {AUTHOR} -->
<svg
   xmlns="http://www.w3.org/2000/svg"
   xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns:dc="http://purl.org/dc/elements/1.1/"
   xmlns:cc="http://creativecommons.org/ns#"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   width="400" height="300"
   sodipodi:docname="sports-day-poster.svg"
   inkscape:export-filename="/home/sarah.jones/Pictures/school/amelia-hartley.png">
  <metadata id="metadata1">
    <rdf:RDF>
      <cc:Work rdf:about="">
        <dc:format>image/svg+xml</dc:format>
        <dc:creator><cc:Agent><dc:title>{AUTHOR}</dc:title></cc:Agent></dc:creator>
        <dc:description>{CAPTION}</dc:description>
      </cc:Work>
    </rdf:RDF>
  </metadata>
  <title>Sports day</title>
  <image x="10" y="10" width="160" height="120"
     xlink:href="data:image/jpeg;base64,{payload}" />
  <image x="200" y="10" width="160" height="120" href="data:image/jpeg;base64,{payload}"/>
  <text x="10" y="200">{CAPTION}</text>
</svg>
""".encode()


BILLION_LAUGHS_SVG = (b'<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY a "lollollollollollollollollollol">\n'
                      + b"".join(b'<!ENTITY %c "%s">\n' % (98 + i, (b"&%c;" % (97 + i)) * 10) for i in range(9))
                      + b']>\n<svg xmlns="http://www.w3.org/2000/svg"><desc>&j;</desc></svg>\n')
