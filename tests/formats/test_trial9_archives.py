"""Trial 9 item 1, archives and mislabelled documents: a ZIP photo pack, an EPUB yearbook and a Word
letter named `.rtf` were passed as checked with no finding. Now the photos inside are judged as the
photos they are (SL101/SL102 naming the member), an EPUB's package metadata (dc:creator) is read, a
Word file is read as Word whatever its name, and what an archive holds that is not opened (a video,
another archive), a zip bomb or an encrypted member is never counted as checked. Archives are not
rewritten: the findings offer no fix and say why, and --fix leaves the bytes as they were."""

from __future__ import annotations

import io
import time
import zipfile


from schoollint.cli import main
from tests.formats.test_no_silent_pass import fields_of, run_json
from tests.kit.documents import letter_docx
from tests.kit.jpeg import phone_jpeg

CREATOR = "Harriet Quinlan"
_OPF = f"""<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">yearbook</dc:identifier><dc:title>Leavers 2026</dc:title>
    <dc:creator>{CREATOR}</dc:creator><dc:language>en</dc:language>
  </metadata>
  <manifest><item id="p" href="images/leavers.jpg" media-type="image/jpeg"/></manifest><spine/>
</package>""".encode()
_CONTAINER = b"""<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_photos_in_a_zip_are_judged_and_the_zip_is_not_rewritten(repo, capsys):
    data = _zip({"sports-day/IMG_0001.jpg": phone_jpeg(), "readme.txt": b"Photos from sports day"})
    (repo / "photos.zip").write_bytes(data)
    code, report = run_json(capsys, "--no-vision", ".")
    assert code == 1
    assert "sports-day/IMG_0001.jpg: EXIF GPS position" in fields_of(report, "SL101")
    assert all(finding.get("fix") is None for finding in report["findings"])
    assert "does not rebuild archives" in report["findings"][0]["message"]
    assert "damaged" not in report["findings"][0]["message"]
    assert report["files_not_checked"] == {}
    assert main(["check", "--no-cache", "--no-vision", "--fix", "."]) == 1
    assert (repo / "photos.zip").read_bytes() == data


def test_an_epub_names_its_creator_and_its_photos(repo, capsys):
    (repo / "yearbook.epub").write_bytes(_zip({"mimetype": b"application/epub+zip",
                                               "META-INF/container.xml": _CONTAINER, "OEBPS/content.opf": _OPF,
                                               "OEBPS/images/leavers.jpg": phone_jpeg()}))
    code, report = run_json(capsys, "--no-vision", "yearbook.epub")
    assert code == 1
    assert "EPUB package metadata: creator" in fields_of(report, "SL102")
    assert "OEBPS/images/leavers.jpg: EXIF GPS position" in fields_of(report, "SL101")
    assert CREATOR not in str(report)


def test_a_word_letter_named_rtf_is_read_as_the_word_file_it_is(repo, capsys):
    (repo / "letter.rtf").write_bytes(letter_docx(photos=1))
    code, report = run_json(capsys, "--no-vision", "letter.rtf")
    assert code == 1
    assert "core properties: creator" in fields_of(report, "SL102")
    assert any(field.endswith("EXIF GPS position") for field in fields_of(report, "SL101"))
    assert main(["check", "--no-cache", "--no-vision", "--fix", "letter.rtf"]) == 1
    capsys.readouterr()
    assert run_json(capsys, "--no-vision", "letter.rtf")[0] == 0


def test_what_an_archive_does_not_open_is_never_counted_as_checked(repo, capsys):
    inner = _zip({"IMG_0002.jpg": phone_jpeg()})
    (repo / "pack.zip").write_bytes(_zip({"inner.zip": inner, "clip.mp4": b"\0\0\0\x18ftypisom" + bytes(20),
                                          "ok.jpg": phone_jpeg()}))
    (repo / "real.rtf").write_bytes(b"{\\rtf1\\ansi{\\info{\\author Harriet Quinlan}} Hello}")
    code, report = run_json(capsys, "--no-vision", ".")
    assert code == 1
    sl107 = {finding["path"]: finding["message"] for finding in report["findings"] if finding["code"] == "SL107"}
    assert "inner.zip" in sl107["pack.zip"] and "clip.mp4" in sl107["pack.zip"]
    assert "RTF" in sl107["real.rtf"]
    assert report["files_not_checked"] == {".zip": 1, ".rtf": 1}


def test_a_zip_bomb_and_an_encrypted_member_are_errors_in_bounded_time(repo, capsys):
    (repo / "bomb.zip").write_bytes(_zip({"huge.jpg": b"\xff\xd8\xff" + bytes(80 << 20)}))
    locked = bytearray(_zip({"a.jpg": phone_jpeg()}))
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):   # APPNOTE 4.4.4 bit 0: encrypted
        at = locked.index(signature)
        locked[at + flags_at] |= 1
    (repo / "locked.zip").write_bytes(bytes(locked))
    started = time.process_time()
    code, report = run_json(capsys, "--no-vision", ".")
    assert time.process_time() - started < 20
    messages = {finding["path"]: finding["message"] for finding in report["findings"] if finding["code"] == "SL105"}
    assert "zip bomb" in messages["bomb.zip"] and "encrypted" in messages["locked.zip"]
    assert report["files_not_checked"] == {".zip": 2}
