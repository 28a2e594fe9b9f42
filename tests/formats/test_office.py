"""Word, PowerPoint and Excel files (OOXML) and OpenDocument: found, fixed, and still opening."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile

import pytest

from schoollint.formats import odf, ooxml
from schoollint.formats.model import IDENTITY, KINDS, LOCATION, PREVIEW, MediaError
from schoollint.formats.registry import read_media
from tests.kit.documents import (
    AUTHOR, CAPTION, assembly_pptx, consent_xlsx, fixes_completely_and_once, have, letter_docx, odt_document,
    zip_members,
)
from tests.kit.damage import only_media_errors, patched
from tests.kit.images import pixels
from tests.kit.tools import needs_exiftool, needs_libreoffice


def fields(facts, kind=None) -> set[str]:
    return {item.field for item in facts.items if kind is None or item.kind == kind}


def test_letter_items_name_their_part():
    facts = read_media(letter_docx(), ".docx")
    assert facts.format == "DOCX"
    assert {"core properties: creator", "core properties: last modified by", "app properties: company",
            "app properties: manager",
            "word/comments.xml: comment and tracked-change authors"} <= fields(facts, IDENTITY)
    assert "picture word/media/image1.jpg: EXIF GPS position" in fields(facts, LOCATION)
    assert "thumbnail (docProps/thumbnail.jpeg)" in fields(facts, PREVIEW)
    assert all(AUTHOR not in field for field in fields(facts))


@pytest.mark.parametrize("build, opener", [(letter_docx, "docx"), (assembly_pptx, "pptx"), (consent_xlsx, "xlsx")])
def test_strip_removes_everything_changes_only_those_parts_and_the_file_still_opens(build, opener):
    original = build()
    stripped = ooxml.strip(original, KINDS)
    assert ooxml.read(stripped).items == ()
    before, after = zip_members(original), zip_members(stripped)
    changed = {name for name in before if before[name] != after.get(name)}
    assert changed <= {"docProps/core.xml", "docProps/app.xml", "docProps/thumbnail.jpeg", "_rels/.rels",
                       "[Content_Types].xml", "word/comments.xml", "xl/comments/comment1.xml",
                       "word/document.xml", "word/_rels/document.xml.rels", "xl/worksheets/sheet1.xml",
                       "xl/worksheets/_rels/sheet1.xml.rels", "xl/drawings/commentsDrawing1.vml"} | {
        name for name in before if "/media/" in name}
    for name in before:
        if "/media/" in name:
            assert pixels(after[name]) == pixels(before[name])
    assert "docProps/thumbnail.jpeg" not in after and b"thumbnail" not in after["_rels/.rels"]
    for leftover in (AUTHOR.encode(), b"Office Admin", b"Oakfield", b"Mr Davies", b"Pupilcam", b"SN-0042"):
        assert all(leftover not in data for data in after.values())
    _opens(opener, stripped)


def _opens(kind: str, data: bytes) -> None:
    """The library a school's own scripts would use reads the fixed file back."""
    if kind == "docx":
        import docx

        document = docx.Document(io.BytesIO(data))
        assert document.core_properties.author == "" and len(document.inline_shapes) == 2
    elif kind == "pptx":
        import pptx

        assert len(pptx.Presentation(io.BytesIO(data)).slides) == 2
    else:
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(data))
        assert workbook.active["A1"].value == "Pupil"


def test_location_alone_keeps_the_properties():
    facts = ooxml.read(ooxml.strip(letter_docx(), frozenset({LOCATION})))
    assert not fields(facts, LOCATION) and "core properties: creator" in fields(facts)


def test_fix_through_the_cli_is_idempotent(repo, cli):
    fixes_completely_and_once(cli, repo / "letters" / "trip.docx", letter_docx(), {"SL101", "SL102", "SL103", "SL104"})


@needs_exiftool
def test_exiftool_reads_no_author_creator_gps_or_thumbnail_after_fix(repo, cli):
    for name, build in (("a.docx", letter_docx), ("b.pptx", assembly_pptx), ("c.xlsx", consent_xlsx),
                        ("d.odt", odt_document)):
        (repo / name).write_bytes(build())
    cli("check", "--fix")
    result = subprocess.run(["exiftool", "-json", "-G1", "-a", "-ee", "-r", str(repo)],
                            capture_output=True, text=True, check=True)
    for tags in json.loads(result.stdout):
        leaks = {key for key, value in tags.items() if value and key.split(":")[-1] in (
            "Creator", "LastModifiedBy", "Company", "Manager", "InitialCreator", "Author", "GPSLatitude",
            "GPSPosition", "ThumbnailImage", "PreviewImage")}
        assert leaks == set(), tags["SourceFile"]
        assert not [key for key, value in tags.items()
                    if any(name in str(value) for name in (AUTHOR, "Office Admin", "Oakfield", "Mr Davies"))]


def test_odt_items_and_strip():
    original = odt_document()
    facts = read_media(original, ".odt")
    assert facts.format == "ODT"
    assert {"document properties: initial creator", "document properties: creator",
            "content.xml: comment and tracked-change authors"} <= fields(facts, IDENTITY)
    assert "picture Pictures/photo.jpg: EXIF GPS position" in fields(facts, LOCATION)
    assert "thumbnail (Thumbnails/thumbnail.png)" in fields(facts, PREVIEW)
    stripped = odf.strip(original, KINDS)
    assert odf.read(stripped).items == ()
    with zipfile.ZipFile(io.BytesIO(stripped)) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert b"Thumbnails/thumbnail.png" not in archive.read("META-INF/manifest.xml")
        assert AUTHOR.encode() not in archive.read("content.xml")


def test_an_encrypted_office_file_is_refused_with_its_reason(repo, cli):
    ole = ooxml.OLE + bytes(504)
    with pytest.raises(MediaError, match="password-protected"):
        ooxml.read(ole)
    (repo / "locked.docx").write_bytes(ole)
    _code, out, _ = cli("check", "--fix")
    assert "SL105" in out and "password-protected" in out and (repo / "locked.docx").read_bytes() == ole


def test_an_encrypted_odf_is_refused():
    manifest = (b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                b'<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
                b'</manifest:file-entry></manifest:manifest>')
    with pytest.raises(MediaError, match="encrypted"):
        odf.read(odt_document(manifest=manifest))


def _zip(members: dict[str, bytes], compress=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compress) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_zip_bomb_part_is_an_error_in_bounded_memory():
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/media/image1.jpg": b"\0" * (80 << 20)})
    assert len(bomb) < 200_000
    with pytest.raises(MediaError, match="zip bomb"):
        ooxml.read(bomb)


def test_billion_laughs_in_a_part_is_not_expanded():
    laughs = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' +
              b"".join(b'<!ENTITY %c "&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;">' % ((98 + i,) + (97 + i,) * 10)
                       for i in range(8)) + b']><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
              b'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
              b"<dc:creator>&i;</dc:creator></cp:coreProperties>")
    rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            b'Id="r" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
            b'Target="docProps/core.xml"/></Relationships>')
    data = _zip({"[Content_Types].xml": b"<Types/>", "_rels/.rels": rels, "docProps/core.xml": laughs})
    try:
        facts = ooxml.read(data)
    except MediaError:
        return
    assert all(len(item.value or "") < 1000 for item in facts.items)


@pytest.mark.parametrize("build, plugin", [(letter_docx, ooxml), (odt_document, odf)])
def test_truncated_and_corrupted_packages_give_facts_or_a_media_error(build, plugin):
    data = build()
    mutants = [data[:cut] for cut in range(0, len(data), max(1, len(data) // 30))]
    mutants += list(patched(data, seed=7, patch=lambda rng: rng.randbytes(rng.randint(1, 8)), count=60))
    only_media_errors(plugin, mutants)


def test_a_zip_that_is_no_office_document_is_read_as_the_archive_it_is():
    # trial 9 item 1: a ZIP without [Content_Types].xml is judged as a ZIP archive (formats/archive.py),
    # whatever its name, not refused as a damaged Office file
    assert read_media(_zip({"readme.txt": b"hello"}), ".docx").format == "ZIP"


@needs_libreoffice
def test_libreoffice_converts_the_fixed_letter(tmp_path):
    path = tmp_path / "letter.docx"
    path.write_bytes(ooxml.strip(letter_docx(), KINDS))
    office = "soffice" if have("soffice") else "libreoffice"
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120)
    assert (tmp_path / "letter.pdf").stat().st_size > 0


def test_names_beside_and_in_the_alt_text_of_a_letters_pictures(repo, cli):
    """SL303 for the paragraph with the picture and the next, SL302 for the picture's alt text;
    the "line" is the paragraph number, and no text edit is offered for a package."""
    path = repo / "letter.docx"
    path.write_bytes(letter_docx(photos=1, caption=CAPTION, alt="Amelia Hartley holding the cup"))
    _code, out, _ = cli("check", "--select", "SL302,SL303", "--output-format", "json")
    findings = {(f["code"], f["line"], f["field"]) for f in json.loads(out)["findings"]}
    assert findings == {("SL302", 2, "alt text"), ("SL303", 2, "paragraph with the picture and the next")}
    before = path.read_bytes()
    cli("check", "--select", "SL302,SL303", "--fix", "--unsafe-fixes")
    assert path.read_bytes() == before


def test_names_on_a_slide_with_a_picture(repo, cli):
    (repo / "assembly.pptx").write_bytes(assembly_pptx(slides=2, caption=CAPTION))
    _code, out, _ = cli("check", "--select", "SL303", "--output-format", "json")
    assert {(f["line"], f["field"]) for f in json.loads(out)["findings"]} == {
        (1, "text on slide 1"), (2, "text on slide 2")}


def test_a_letter_without_names_gives_no_name_finding(repo, cli):
    (repo / "letter.docx").write_bytes(letter_docx(photos=2))
    _code, out, _ = cli("check", "--select", "SL302,SL303", "--output-format", "json")
    assert json.loads(out)["findings"] == []


@pytest.mark.parametrize("build", [letter_docx, assembly_pptx])
def test_damaged_packages_give_a_page_in_bounded_time(build):
    """The page side of a damaged package: an empty page (the document reader reports SL105)."""
    import time

    from schoollint.pages.documents import read
    from tests.kit.damage import SECONDS

    for damaged in patched(build(), seed=9, patch=lambda rng: rng.randbytes(rng.randint(1, 8)), count=60):
        started = time.process_time()
        read("x.docx", damaged, None)
        assert time.process_time() - started < SECONDS
