"""How a document fix rewrites the file: what it copies as it was, and what it derives."""

from __future__ import annotations

import io
import zipfile

import pikepdf
import pytest

from schoollint.formats import odf, ooxml, pdf
from schoollint.formats.model import KINDS, MediaError
from schoollint.formats.package_zip import stored_bytes, write
from schoollint.formats.registry import read_media
from tests.kit.documents import letter_docx, newsletter_pdf, odt_document, zip_members


def _stored(data: bytes) -> dict[str, bytes]:
    """Each member's bytes as the package stores them (compressed), by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: stored_bytes(data, info) for info in archive.infolist()}


def _recompressed(data: bytes) -> bytes:
    """The package with its deflated parts deflated again at level 1 (not zlib's default, which a
    rewrite that inflated and deflated every part would use: it could not give the same bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info), compresslevel=1)
    return out.getvalue()


@pytest.mark.parametrize("build, plugin", [(letter_docx, ooxml), (odt_document, odf)])
def test_package_fix_copies_every_part_it_does_not_change_as_stored(build, plugin):
    original = _recompressed(build())
    stripped = plugin.strip(original, KINDS)
    before, after = zip_members(original), zip_members(stripped)
    unchanged = [name for name in after if after[name] == before[name]]
    changed = [name for name in after if name not in unchanged]
    assert unchanged and changed                       # the letter has both kinds of part
    old, new = _stored(original), _stored(stripped)
    assert all(new[name] == old[name] for name in unchanged)   # compressed bytes copied, not deflated anew
    with zipfile.ZipFile(io.BytesIO(stripped)) as archive:
        assert archive.testzip() is None                 # every CRC-32 holds
        infos = {info.filename: info for info in archive.infolist()}
        assert [info.filename for info in archive.infolist()] == [name for name in before if name in after]
    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        for info in archive.infolist():
            if info.filename in unchanged:
                assert infos[info.filename].compress_type == info.compress_type
                assert infos[info.filename].date_time == info.date_time
    pictures = [name for name in changed if name.endswith((".jpg", ".jpeg", ".png"))]
    methods = {info.filename: info.compress_type for info in zipfile.ZipFile(io.BytesIO(original)).infolist()}
    assert pictures and all(infos[name].compress_type == methods[name] for name in pictures)   # as the source had them
    assert read_media(stripped, ".docx" if plugin is ooxml else ".odt").items == ()


def test_opendocument_keeps_its_mimetype_first_and_stored():
    stripped = odf.strip(odt_document(), KINDS)
    with zipfile.ZipFile(io.BytesIO(stripped)) as archive:
        first = archive.infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    assert stripped[30:38] == b"mimetype"               # no extra field: the type is readable at offset 38
    assert stripped[38:38 + 39] == b"application/vnd.oasis.opendocument.text"


def test_member_whose_local_header_is_missing_is_refused_not_copied():
    data = letter_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.infolist()[1]
    damaged = data[:info.header_offset] + b"XX" + data[info.header_offset + 2:]
    with pytest.raises(MediaError, match="local header"):
        write(damaged, [(info, None)])


def _identifier(data: bytes) -> list[bytes] | None:
    with pikepdf.open(io.BytesIO(data)) as document:
        found = document.trailer.get("/ID")
        return None if found is None else [bytes(part) for part in found]


def _without_identifier(data: bytes) -> bytes:
    """The same PDF with no /ID in its trailer (qpdf always writes one, so it is cut out)."""
    with pikepdf.open(io.BytesIO(data)) as document:
        out = io.BytesIO()
        document.save(out, static_id=True, qdf=True, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    written = out.getvalue()
    start = written.rindex(b"/ID [")
    end = written.index(b"]", start) + 1
    return written[:start] + b" " * (end - start) + written[end:]   # same length: the xref still holds


def test_pdf_fix_is_byte_identical_run_to_run_and_keeps_the_permanent_identifier():
    original = newsletter_pdf(pages=1)
    first, second = pdf.strip(original, KINDS), pdf.strip(original, KINDS)
    assert first == second
    assert _identifier(first)[0] == _identifier(original)[0]


def test_pdf_without_identifier_is_given_one_of_its_own():
    one, other = (_without_identifier(newsletter_pdf(pages=1, caption=caption)) for caption in ("Year 3", "Year 4"))
    assert _identifier(one) is None and pdf.read(one).format == "PDF"
    given = [_identifier(pdf.strip(document, KINDS)) for document in (one, other)]
    assert given[0][0] != given[1][0]                  # each document its own, not qpdf's fixed value
    assert pdf.strip(one, KINDS) == pdf.strip(one, KINDS)
