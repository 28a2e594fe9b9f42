"""Trial 9 item 6: the parts of Office and OpenDocument files that hold people's words and were not
read. PowerPoint speaker notes ("Amelia Watson and Harvey Lewis in the middle") are SL102 and, beside
the slide's photo, SL303; --fix removes the notes and the deck still opens. A photo in a Word header
with a full name beside it is SL303. Custom XML data (a bibliography's authors) and Impress notes are
SL102 and removed by --fix. Real files (python-pptx, python-docx, raw ODF), through the command line."""

from __future__ import annotations

import io
import zipfile


from schoollint.cli import main
from tests.formats.test_no_silent_pass import fields_of, run_json
from tests.kit.documents import zip_members
from tests.kit.jpeg import phone_jpeg

NAMES = "Amelia Watson and Harvey Lewis in the middle"


def _deck_with_notes() -> bytes:
    import pptx
    from pptx.util import Inches

    presentation = pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    slide.shapes.add_picture(io.BytesIO(phone_jpeg()), Inches(1), Inches(1), Inches(4))
    slide.notes_slide.notes_text_frame.text = NAMES
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def _codes(report) -> set[str]:
    return {finding["code"] for finding in report["findings"]}


def test_speaker_notes_are_read_reported_and_removed(repo, capsys):
    import pptx

    (repo / "leavers.pptx").write_bytes(_deck_with_notes())
    code, report = run_json(capsys, "--no-vision", "--select", "SL102,SL303", "leavers.pptx")
    assert code == 1 and _codes(report) == {"SL102", "SL303"}
    assert "speaker notes (ppt/notesSlides/notesSlide1.xml)" in fields_of(report, "SL102")
    assert "Amelia" not in str(report)
    assert main(["check", "--no-cache", "--no-vision", "--select", "SL102,SL303", "--fix", "leavers.pptx"]) == 1
    capsys.readouterr()
    members = zip_members((repo / "leavers.pptx").read_bytes())
    assert not any(name.startswith("ppt/notesSlides/") for name in members)
    assert not any(b"notesSlide" in data for name, data in members.items() if name.endswith(".rels"))
    assert [slide.has_notes_slide for slide in pptx.Presentation(repo / "leavers.pptx").slides] == [False]
    assert run_json(capsys, "--no-vision", "--select", "SL102,SL303", "leavers.pptx")[0] == 0


def test_a_fix_that_leaves_the_notes_leaves_their_sl303(repo, capsys):
    (repo / "leavers.pptx").write_bytes(_deck_with_notes())
    main(["check", "--no-cache", "--no-vision", "--select", "SL101,SL303", "--fix", "leavers.pptx"])
    capsys.readouterr()
    code, report = run_json(capsys, "--no-vision", "--select", "SL303", "leavers.pptx")
    assert code == 1 and _codes(report) == {"SL303"}     # the fix of SL101 promised nothing about notes


def test_a_photo_in_a_word_header_with_a_full_name_beside_it(repo, capsys):
    import docx

    document = docx.Document()
    document.add_paragraph("Dear parents and carers,")
    header = document.sections[0].header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(phone_jpeg()))
    header.add_run(" Head girl Amelia Watson")
    out = io.BytesIO()
    document.save(out)
    (repo / "letter.docx").write_bytes(out.getvalue())
    code, report = run_json(capsys, "--no-vision", "--select", "SL303", "letter.docx")
    assert code == 1 and _codes(report) == {"SL303"}
    assert "word/header1.xml" in report["findings"][0]["message"]


def test_custom_xml_data_is_reported_and_removed(repo, capsys):
    import docx

    document = docx.Document()
    document.add_paragraph("Reading list")
    out = io.BytesIO()
    document.save(out)
    members = zip_members(out.getvalue())
    members["customXml/item1.xml"] = (b'<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/'
                                      b'bibliography"><b:Source><b:Author>Harriet Quinlan</b:Author></b:Source>'
                                      b'</b:Sources>')
    members["customXml/itemProps1.xml"] = (b'<ds:datastoreItem ds:itemID="{1}" xmlns:ds="http://schemas.'
                                           b'openxmlformats.org/officeDocument/2006/customXml"/>')
    members["customXml/_rels/item1.xml.rels"] = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" '
        b'Target="itemProps1.xml"/></Relationships>')
    rels = members["word/_rels/document.xml.rels"]
    members["word/_rels/document.xml.rels"] = rels.replace(b"</Relationships>", (
        b'<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'customXml" Target="../customXml/item1.xml"/></Relationships>'))
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    (repo / "reading.docx").write_bytes(packed.getvalue())
    code, report = run_json(capsys, "--no-vision", "--select", "SL102", "reading.docx")
    assert code == 1 and "custom XML data (customXml/item1.xml)" in fields_of(report, "SL102")
    assert main(["check", "--no-cache", "--no-vision", "--select", "SL102", "--fix", "reading.docx"]) == 1
    capsys.readouterr()
    fixed = zip_members((repo / "reading.docx").read_bytes())
    assert not any(name.startswith("customXml/") for name in fixed)
    assert b"customXml" not in fixed["word/_rels/document.xml.rels"]
    docx.Document(repo / "reading.docx")      # still opens


_ODP_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" office:version="1.3">
<office:body><office:presentation><draw:page draw:name="page1"><draw:frame><draw:text-box><text:p>Leavers
</text:p></draw:text-box></draw:frame><presentation:notes><draw:page-thumbnail draw:page-number="1"/><draw:frame>
<draw:text-box><text:p>{NAMES}</text:p></draw:text-box></draw:frame></presentation:notes></draw:page>
</office:presentation></office:body></office:document-content>""".encode()
_ODP_MANIFEST = (b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                 b'opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
                 b'manifest:media-type="application/vnd.oasis.opendocument.presentation"/><manifest:file-entry '
                 b'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')


def test_impress_speaker_notes_are_reported_and_removed(repo, capsys):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument.presentation",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", _ODP_MANIFEST)
        archive.writestr("content.xml", _ODP_CONTENT)
    (repo / "leavers.odp").write_bytes(out.getvalue())
    code, report = run_json(capsys, "--no-vision", "--select", "SL102", "leavers.odp")
    assert code == 1 and fields_of(report, "SL102") == {"speaker notes (content.xml)"}
    assert main(["check", "--no-cache", "--no-vision", "--select", "SL102", "--fix", "leavers.odp"]) == 1
    capsys.readouterr()
    content = zip_members((repo / "leavers.odp").read_bytes())["content.xml"]
    assert b"Amelia" not in content and b"page-thumbnail" in content and b"Leavers" in content
    assert run_json(capsys, "--no-vision", "--select", "SL102", "leavers.odp")[0] == 0
