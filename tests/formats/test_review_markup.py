"""Comments and tracked changes in Word and OpenDocument files (trial 7 item 1): reported as SL102
free text (the text itself only with --show-values), and removed by --fix as Word's Document
Inspector removes them: comments with their parts and anchors, every change accepted as the
final document shows it; the package still consistent, and the fix verified by the reader."""

from __future__ import annotations

import io
import json
import zipfile

from tests.kit.review_markup import (
    COMMENT, DELETED, FINAL_BODY, FINAL_HEADER, HEADER_DELETED, MODERN_COMMENT, MOVED, PUPIL, ROW_DELETED,
    SLIDE_COMMENT, consistent, deck_with_comments, newsletter_docx, odf_package, paragraphs, report_odt,
)


def _sl102(cli, path: str, *extra: str) -> dict:
    code, out, err = cli("check", "--no-cache", "--no-progress", "--no-vision", "--output-format", "json",
                         "--select", "SL102", *extra, path)
    assert code in (0, 1) and "Traceback" not in err, err
    found = [finding for finding in json.loads(out)["findings"] if finding["code"] == "SL102"]
    return found[0] if found else {}


def test_word_comments_and_tracked_changes_are_reported_without_their_text(repo, cli):
    (repo / "zoo.docx").write_bytes(newsletter_docx())
    finding = _sl102(cli, "zoo.docx")
    assert "word/comments.xml: comments" in finding["field"]
    assert {"word/document.xml: tracked changes", "word/header1.xml: tracked changes"} <= set(
        finding["field"].split(", "))
    assert PUPIL not in json.dumps(finding) and "Okafor" not in json.dumps(finding)
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--no-vision", "zoo.docx")
    assert code == 1 and PUPIL not in out and "comments" in out
    shown = _sl102(cli, "zoo.docx", "--show-values")["value"]
    assert COMMENT in shown and DELETED.strip() in shown and HEADER_DELETED in shown and ROW_DELETED in shown


def test_word_fix_removes_comments_and_accepts_every_change_as_the_final_document_shows(repo, cli):
    path = repo / "zoo.docx"
    path.write_bytes(newsletter_docx())
    code, out, err = cli("check", "--no-cache", "--no-progress", "--no-vision", "--fix", "zoo.docx")
    assert code == 1 and "fixed 1 file; no findings in 1 file checked" in out, (out, err)   # 1: files changed
    fixed = path.read_bytes()
    consistent(fixed)
    assert paragraphs(fixed) == FINAL_BODY and paragraphs(fixed, "word/header1.xml") == FINAL_HEADER
    with zipfile.ZipFile(io.BytesIO(fixed)) as archive:
        names = set(archive.namelist())
        everything = b"".join(archive.read(name) for name in names)
    assert not names & {"word/comments.xml", "word/commentsExtended.xml", "word/commentsIds.xml"}
    for gone in (PUPIL.encode(), b"Okafor", b"Whitfield", ROW_DELETED.encode(), HEADER_DELETED.encode(),
                 b"commentRangeStart", b"commentReference", b"w:del ", b"w:ins ", b"moveFrom", b"PrChange"):
        assert gone not in everything, gone
    assert everything.count(MOVED.encode()) == 1
    assert _sl102(cli, "zoo.docx") == {}                 # re-read by the reader that found them
    assert cli("check", "--no-cache", "--fix", "zoo.docx")[0] == 0 and path.read_bytes() == fixed


def test_location_only_fix_keeps_the_comments(repo, cli):
    from schoollint.formats import ooxml
    from schoollint.formats.model import LOCATION

    kept = ooxml.strip(newsletter_docx(), frozenset({LOCATION}))
    assert {item.field for item in ooxml.read(kept).items} >= {"word/comments.xml: comments"}


def test_odt_annotations_and_tracked_changes_are_reported_and_removed(repo, cli):
    path = repo / "report.odt"
    path.write_bytes(report_odt())
    finding = _sl102(cli, "report.odt", "--show-values")
    assert {"content.xml: comments", "content.xml: tracked changes"} <= set(finding["field"].split(", "))
    assert COMMENT in finding["value"] and DELETED.strip() in finding["value"]
    assert PUPIL not in _sl102(cli, "report.odt")["message"]
    assert cli("check", "--no-cache", "--no-progress", "--no-vision", "--fix", "report.odt")[0] == 1
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        assert archive.infolist()[0].filename == "mimetype" and archive.infolist()[0].compress_type == 0
        content = archive.read("content.xml")
    text = "".join(etree.fromstring(content).itertext())
    assert text == "Our trip to the zoo was a great success."
    assert PUPIL.encode() not in content and b"Okafor" not in content and b"change" not in content
    assert _sl102(cli, "report.odt") == {}


def test_powerpoint_and_excel_comments_are_reported_and_removed_with_their_references(repo, cli):
    import openpyxl
    import pptx

    from tests.kit.documents import consent_xlsx

    (repo / "assembly.pptx").write_bytes(deck_with_comments())
    (repo / "consent.xlsx").write_bytes(consent_xlsx())      # a note on A1, drawn through a VML drawing
    finding = _sl102(cli, "assembly.pptx", "--show-values")
    assert {"ppt/comments/comment1.xml: comments", "ppt/comments/modernComment_101_1A2B3C4D.xml: comments"} <= set(
        finding["field"].split(", "))
    assert SLIDE_COMMENT in finding["value"] and MODERN_COMMENT in finding["value"]
    assert PUPIL not in _sl102(cli, "assembly.pptx")["message"]
    assert "xl/comments/comment1.xml: comments" in _sl102(cli, "consent.xlsx")["field"]
    code, out, err = cli("check", "--no-cache", "--no-progress", "--no-vision", "--fix", "assembly.pptx",
                         "consent.xlsx")
    assert code == 1 and "fixed 2 files" in out, (out, err)
    for name in ("assembly.pptx", "consent.xlsx"):
        data = (repo / name).read_bytes()
        consistent(data)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            everything = b"".join(archive.read(member) for member in archive.namelist())
            assert not [member for member in archive.namelist() if "omment" in member.rpartition("/")[2]
                        and "uthors" not in member]
        for gone in (PUPIL.encode(), b"Maisie", b"Okafor", b"commentRel", b"check consent", b"legacyDrawing"):
            assert gone not in everything, (name, gone)
        assert _sl102(cli, name) == {}
    assert len(pptx.Presentation(repo / "assembly.pptx").slides) == 2
    sheet = openpyxl.load_workbook(repo / "consent.xlsx").active
    assert sheet["A1"].value == "Pupil" and sheet["A1"].comment is None


def test_impress_slide_comments_are_reported_and_removed(repo, cli):
    """LibreOffice Impress writes a slide's comment as officeooo:annotation inside draw:page."""
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:officeooo="http://openoffice.org/2009/office" '
               'office:version="1.3"><office:body><office:presentation><draw:page draw:name="page1">'
               '<officeooo:annotation><dc:creator>Dan Okafor</dc:creator><dc:date>2024-05-14T09:00:00</dc:date>'
               f'<text:p>{SLIDE_COMMENT}</text:p></officeooo:annotation></draw:page></office:presentation>'
               '</office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.presentation"/></manifest:manifest>')
    (repo / "assembly.odp").write_bytes(odf_package("application/vnd.oasis.opendocument.presentation", content,
                                                    manifest))
    finding = _sl102(cli, "assembly.odp", "--show-values")
    assert "content.xml: comments" in finding["field"] and SLIDE_COMMENT in finding["value"]
    assert cli("check", "--no-cache", "--no-progress", "--no-vision", "--fix", "assembly.odp")[0] == 1
    with zipfile.ZipFile(repo / "assembly.odp") as archive:
        assert b"annotation" not in archive.read("content.xml") and b"draw:page" in archive.read("content.xml")
    assert _sl102(cli, "assembly.odp") == {}
