"""Trial 9 item 7: a PDF newsletter with an attached consent.csv was reported as SL103 "hides another
picture (document: attached files)", its why about JPEG thumbnails and motion photos. SL103's catalogue
entry covers a document's attached files and earlier revisions (no new code): its message now says what
is hidden, and its why opens with words that fit every kind of hidden content."""

from __future__ import annotations

import io
import json

import pikepdf
from PIL import Image

from tests.audit.sites import gps_jpeg


def _pdf_with_attachment() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.attachments["consent.csv"] = pikepdf.AttachedFileSpec(pdf, b"Forename,Surname,Consent\nAmelia,Watson,No\n")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _jpeg_with_thumbnail() -> bytes:
    import piexif

    thumb = io.BytesIO()
    Image.new("RGB", (16, 12), "red").save(thumb, "JPEG")
    exif = piexif.dump({"0th": {}, "1st": {piexif.ImageIFD.JPEGInterchangeFormat: 0}, "thumbnail": thumb.getvalue()})
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "teal").save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_attached_files_are_called_attached_files(repo, cli):
    (repo / "newsletter.pdf").write_bytes(_pdf_with_attachment())
    (repo / "thumb.jpg").write_bytes(_jpeg_with_thumbnail())
    (repo / "trip.jpg").write_bytes(gps_jpeg())
    code, out, err = cli("check", "--output-format", "json", "--no-progress", "--no-vision")
    sl103 = {f["path"]: f["message"] for f in json.loads(out)["findings"] if f["code"] == "SL103"}
    assert sl103["newsletter.pdf"].startswith("hides attached files (") and "picture" not in sl103["newsletter.pdf"]
    assert sl103["thumb.jpg"].startswith("hides another picture (")
    code, text, err = cli("check", "--no-progress", "--no-vision", "newsletter.pdf")
    why = next(line for line in text.splitlines() if line.strip().startswith("why:") and "SL103" in line)
    assert "JPEG" not in why and "motion photo" not in why


def test_the_fix_says_it_removes_the_attached_files(repo, cli):
    (repo / "newsletter.pdf").write_bytes(_pdf_with_attachment())
    (repo / "thumb.jpg").write_bytes(_jpeg_with_thumbnail())
    code, out, err = cli("check", "--output-format", "json", "--no-progress", "--no-vision")
    fixes = {f["path"]: f["fix"]["summary"] for f in json.loads(out)["findings"] if f["code"] == "SL103"}
    assert fixes == {"newsletter.pdf": "remove the attached files",
                     "thumb.jpg": "remove embedded previews and appended data"}
    code, text, err = cli("check", "--fix", "--no-progress", "--no-vision", "newsletter.pdf")
    assert "newsletter.pdf: fixed: remove the attached files" in text + err, text + err
    assert not pikepdf.open(repo / "newsletter.pdf").attachments
