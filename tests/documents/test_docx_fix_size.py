"""A fixed Word file is no larger than the original (trial 6, item 12: a newsletter grew from
224,731 to 251,592 bytes when its deflated photo was written back stored): every member keeps
its compression method and deflate option (APPNOTE 4.4.4 bits 1-2), and the document still opens."""

from __future__ import annotations

import io
import subprocess
import zipfile

import pytest

from tests.kit.documents import AUTHOR, have, letter_docx, zip_members
from tests.kit.jpeg import phone_jpeg
from tests.kit.tools import needs_libreoffice


def _infos(data: bytes) -> dict[str, zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: info for info in archive.infolist()}


def _by_hand(level: int) -> bytes:
    """A DOCX as another writer makes one: every part deflated at `level` (so flag bits 1-2 say
    which option), the photo (EXIF GPS, owner, thumbnail) too, but the core properties stored."""
    members = zip_members(letter_docx(photos=1, comment=False))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, body in members.items():
            method = zipfile.ZIP_STORED if name == "docProps/core.xml" else zipfile.ZIP_DEFLATED
            archive.writestr(name, body, compress_type=method, compresslevel=level)
    return out.getvalue()


def _fix(cli, repo, name: str, data: bytes) -> bytes:
    (repo / name).write_bytes(data)
    code, out, _ = cli("check", "--fix", name)
    assert code == 1 and "fixed" in out, out
    assert cli("check", name)[0] == 0                    # the reader that found it finds nothing now
    return (repo / name).read_bytes()


def _removed(original: bytes, fixed: bytes) -> int:
    """Uncompressed bytes the fix took out of the package (metadata removed)."""
    before, after = zip_members(original), zip_members(fixed)
    return sum(map(len, before.values())) - sum(map(len, after.values()))


@pytest.mark.parametrize("level", [9, 6, 1])
def test_fixed_docx_is_not_larger_and_keeps_each_members_compression(cli, repo, level):
    original = _by_hand(level)
    fixed = _fix(cli, repo, "letter.docx", original)
    assert _removed(original, fixed) > 0
    assert len(fixed) <= len(original)                   # the trial's DOCX grew by 27 kB
    before, after = _infos(original), _infos(fixed)
    assert list(after) == [name for name in before if name in after]   # the page thumbnail is removed
    for name, info in after.items():
        old = before[name]
        assert (info.compress_type, info.flag_bits & 6) == (old.compress_type, old.flag_bits & 6), name
    photo = next(name for name in after if name.startswith("word/media/"))
    assert after[photo].compress_type == zipfile.ZIP_DEFLATED
    assert after[photo].compress_size <= before[photo].compress_size
    assert zip_members(fixed)["docProps/core.xml"] != zip_members(original)["docProps/core.xml"]   # rewritten,
    assert after["docProps/core.xml"].compress_type == zipfile.ZIP_STORED                              # still stored


def test_python_docx_letter_shrinks_and_still_opens(cli, repo):
    import docx

    original = letter_docx(photos=2)
    fixed = _fix(cli, repo, "newsletter-july.docx", original)
    assert len(fixed) < len(original)
    assert {info.compress_type for info in _infos(fixed).values()} == {zipfile.ZIP_DEFLATED}   # as python-docx wrote it
    document = docx.Document(io.BytesIO(fixed))
    assert len(document.inline_shapes) == 2 and document.core_properties.author != AUTHOR
    for shape in document.inline_shapes:
        blob = document.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
        assert blob.startswith(b"\xff\xd8") and len(blob) < len(phone_jpeg())   # metadata gone, picture kept


@needs_libreoffice
def test_libreoffice_opens_the_fixed_docx(cli, repo, tmp_path):
    fixed = _fix(cli, repo, "letter.docx", _by_hand(6))
    (tmp_path / "out").mkdir()
    (tmp_path / "fixed.docx").write_bytes(fixed)
    office = "soffice" if have("soffice") else "libreoffice"
    subprocess.run([office, "--headless", "--convert-to", "txt", "--outdir", str(tmp_path / "out"),
                    str(tmp_path / "fixed.docx")], check=True, capture_output=True, timeout=120)
    assert "Dear parents" in (tmp_path / "out" / "fixed.txt").read_text()
