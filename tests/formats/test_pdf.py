"""PDF: what a newsletter carries, found; --fix removes it losslessly, through the command line."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess

import pikepdf
import pytest

from schoollint.formats import pdf
from schoollint.formats.model import IDENTITY, KINDS, LOCATION, PREVIEW, MediaError
from schoollint.formats.registry import read_media
from tests.kit.documents import (
    AUTHOR, CAPTION, fixes_completely_and_once, have, incremental_update, newsletter_pdf, render,
)
from tests.kit import corpus
from tests.kit.damage import only_media_errors, patched
from tests.kit.images import pixels
from tests.kit.tools import needs_exiftool, needs_poppler


def fields(facts, kind=None) -> list[str]:
    return [item.field for item in facts.items if kind is None or item.kind == kind]


def test_newsletter_items_name_the_part_they_sit_in():
    facts = read_media(newsletter_pdf(pages=2, photos_per_page=2, extras=True), ".pdf")
    assert facts.format == "PDF" and facts.frames == 2
    assert {"document info: Author", "document info: Creator", "document: XMP dc:creator",
            "page 1: annotation author", "page 1: private application data (PieceInfo)"} <= set(fields(facts, IDENTITY))
    # one item per field for the 6 pictures (summed up: formats.picture_items), each photo named in `where`
    gps = next(item for item in facts.items if item.field == "EXIF GPS position in 6 pictures")
    places = gps.where.split("; ")
    assert places[0] == "embedded image 1 on page 1" and "embedded image 4 on page 2" in places
    # the photo drawn through a Form XObject is on page 1 too, not "somewhere in the file"
    assert "embedded image 3 on page 1" in places
    assert fields(pdf.read(newsletter_pdf(pages=1)), LOCATION)[0] == "embedded image 1 on page 1: EXIF GPS position"
    assert {"page 1: thumbnail", "document: attached files"} <= set(fields(facts, PREVIEW))
    author = next(item for item in facts.items if item.field == "document info: Author")
    assert author.value == AUTHOR and AUTHOR not in author.field


def test_an_incremental_save_is_an_earlier_revision():
    data = incremental_update(newsletter_pdf(pages=1))
    assert AUTHOR.encode() in data                 # the old Author is still in the bytes
    facts = pdf.read(data)
    assert "file: 1 earlier revision kept by incremental saves (old metadata and pictures)" in fields(facts, PREVIEW)
    assert [item.value for item in facts.items if item.field == "document info: Author"] == ["Office Admin"]
    assert AUTHOR.encode() not in pdf.strip(data, KINDS)


@needs_poppler
def test_strip_keeps_pages_and_picture_data_and_renders_the_same(tmp_path):
    original = newsletter_pdf(pages=2, photos_per_page=2, extras=True)
    stripped = pdf.strip(original, KINDS)
    assert pdf.read(stripped).items == ()
    with pikepdf.open(io.BytesIO(original)) as before, pikepdf.open(io.BytesIO(stripped)) as after:
        contents = [page.Contents.read_bytes() for page in before.pages]
        assert contents == [page.Contents.read_bytes() for page in after.pages]
        for old_page, new_page in zip(before.pages, after.pages, strict=True):
            old, new = _images(old_page), _images(new_page)
            assert old.keys() == new.keys()
            for name in old:                       # the same decoded pixels: segments removed, scans kept
                assert pixels(new[name]) == pixels(old[name])
    with pikepdf.open(io.BytesIO(original)) as before:      # the sticky note (a markup note) goes, on purpose
        del before.pages[0].obj["/Annots"]
        before.save(tmp_path / "before.pdf")
    (tmp_path / "after.pdf").write_bytes(stripped)
    assert render(tmp_path / "before.pdf", tmp_path / "b") == render(tmp_path / "after.pdf", tmp_path / "a")
    if have("qpdf"):
        checked = subprocess.run(["qpdf", "--check", str(tmp_path / "after.pdf")], capture_output=True, check=False)
        assert checked.returncode == 0


def _images(page) -> dict[str, bytes]:
    """The JPEG bytes of each image XObject a page draws (Form XObjects included), by resource name."""
    return {name: image.read_raw_bytes() for name, image in page.get_images().items()}


def test_strip_of_location_alone_keeps_the_author():
    stripped = pdf.strip(newsletter_pdf(pages=1), frozenset({LOCATION}))
    facts = pdf.read(stripped)
    assert fields(facts, LOCATION) == []
    assert "document info: Author" in fields(facts)


def test_fix_through_the_cli_removes_everything_and_is_idempotent(repo, cli):
    fixed = fixes_completely_and_once(cli, repo / "newsletters" / "summer.pdf",
                                      incremental_update(newsletter_pdf(pages=2, photos_per_page=2, extras=True)),
                                      {"SL101", "SL102", "SL103", "SL104"})
    for leftover in (AUTHOR.encode(), b"Office Admin", b"xmpmeta", b"Pupilcam", b"SN-0042", b"Leeds", b"pupil list"):
        assert leftover not in fixed


@needs_exiftool
def test_exiftool_reads_no_author_creator_gps_or_thumbnail_after_fix(repo, cli):
    path = repo / "letter.pdf"
    path.write_bytes(newsletter_pdf(pages=1, photos_per_page=2, extras=True))
    cli("check", "--fix")
    tags = json.loads(subprocess.run(["exiftool", "-json", "-G1", "-a", "-ee", str(path)],
                                     capture_output=True, text=True, check=True).stdout)[0]
    leaks = {key for key in tags if key.split(":")[-1] in
             ("Author", "Creator", "CreatorTool", "Artist", "GPSLatitude", "GPSPosition", "ThumbnailImage")}
    assert leaks == set()
    assert not [key for key, value in tags.items() if AUTHOR in str(value)]


@needs_exiftool
def test_exiftool_edit_keeps_the_old_revision_inside_and_ours_does_not(tmp_path):
    """ExifTool's PDF edits are incremental updates (reversible by design): the old Author is
    still in the file after `exiftool -all=`. schoollint's rewrite keeps no earlier revision."""
    original = newsletter_pdf(pages=1)
    theirs = tmp_path / "theirs.pdf"
    theirs.write_bytes(original)
    subprocess.run(["exiftool", "-q", "-overwrite_original", "-all=", str(theirs)], check=True)
    assert AUTHOR.encode() in theirs.read_bytes()
    assert "earlier revision" in " ".join(fields(pdf.read(theirs.read_bytes()), PREVIEW))
    ours = pdf.strip(original, KINDS)
    assert AUTHOR.encode() not in ours and pdf.read(ours).items == ()


def test_encrypted_pdf_is_unreadable_with_its_reason_and_never_rewritten(repo, cli):
    document = pikepdf.open(io.BytesIO(newsletter_pdf(pages=1)))
    out = io.BytesIO()
    document.save(out, encryption=pikepdf.Encryption(owner="o", user="secret"))
    with pytest.raises(MediaError, match="encrypted"):
        pdf.read(out.getvalue())
    (repo / "locked.pdf").write_bytes(out.getvalue())
    _code, text, _ = cli("check", "--fix")
    assert "SL105" in text and "encrypted" in text
    assert (repo / "locked.pdf").read_bytes() == out.getvalue()


def test_owner_password_only_is_refused_too():
    document = pikepdf.open(io.BytesIO(newsletter_pdf(pages=1)))
    out = io.BytesIO()
    document.save(out, encryption=pikepdf.Encryption(owner="o", user=""))
    with pytest.raises(MediaError, match="encrypted"):
        pdf.read(out.getvalue())


@pytest.mark.parametrize("damage", ["truncated", "xref", "garbage", "flate-bomb-xmp"])
def test_damaged_pdfs_give_facts_or_a_media_error(damage):
    data = newsletter_pdf(pages=2)
    if damage == "truncated":
        mutants = [data[:cut] for cut in range(0, len(data), max(1, len(data) // 40))]
    elif damage == "xref":
        mutants = [data.replace(b"xref", b"xxxx"), data.replace(b"startxref", b"startxxxx")]
    elif damage == "garbage":
        mutants = [b"%PDF-1.7\n" + bytes(range(256)) * 40]
    else:
        mutants = [_flate_bomb_xmp()]
    only_media_errors(pdf, mutants)


def test_random_damage_gives_facts_or_a_media_error():
    data = newsletter_pdf(pages=1)
    only_media_errors(pdf, patched(data, seed=11, patch=lambda rng: rng.randbytes(rng.randint(1, 8)), count=60))


def _flate_bomb_xmp() -> bytes:
    """A PDF whose XMP stream inflates to 1 GiB of zeros: read cuts it short."""
    import zlib

    compressor = zlib.compressobj(9)
    chunk = compressor.compress(b"\0" * (1 << 20))
    body = chunk * 1024 + compressor.flush()   # a valid deflate stream is not needed to be exact
    document = pikepdf.new()
    document.add_blank_page()
    document.Root.Metadata = pikepdf.Stream(document, b"")
    document.Root.Metadata.write(body, filter=pikepdf.Name.FlateDecode)
    out = io.BytesIO()
    document.save(out, fix_metadata_version=False)
    return out.getvalue()


def test_a_pdf_with_100000_objects_is_read_in_bounded_time():
    import time

    document = pikepdf.new()
    document.add_blank_page()
    document.Root.Junk = pikepdf.Array([document.make_indirect(pikepdf.Dictionary(N=number))
                                        for number in range(100_000)])
    out = io.BytesIO()
    document.save(out)
    started = time.process_time()
    facts = pdf.read(out.getvalue())
    assert time.process_time() - started < 20 and facts.items == ()


def test_content_hash_of_pages_survives_a_second_strip():
    once = pdf.strip(newsletter_pdf(pages=1, extras=True), KINDS)
    assert hashlib.sha256(pdf.strip(once, KINDS)).digest() == hashlib.sha256(once).digest()


@needs_exiftool
@needs_poppler
@pytest.mark.parametrize("sample", corpus.params(corpus.files(".pdf"), ids=lambda path: path.name))
def test_corpus_pdfs_fixed_leave_exiftool_no_author_creator_or_producer(sample, tmp_path):
    """ExifTool's own sample PDFs: after the strip, ExifTool reads no author, creator, producer,
    GPS or thumbnail, and every page renders as before."""
    original = sample.read_bytes()
    fixed = tmp_path / "fixed.pdf"
    fixed.write_bytes(pdf.strip(original, KINDS))
    tags = json.loads(subprocess.run(["exiftool", "-json", "-G1", "-a", "-ee", str(fixed)],
                                     capture_output=True, text=True, check=True).stdout)[0]
    assert not [key for key in tags if key.split(":")[-1] in
                ("Author", "Creator", "Producer", "CreatorTool", "GPSLatitude", "ThumbnailImage")]
    assert render(sample, tmp_path / "b") == render(fixed, tmp_path / "a")


def test_a_photo_inside_that_cannot_be_read_makes_the_pdf_not_checked(repo, cli):
    """No silent pass: a JPEG stream that is not a JPEG is SL107, and the rest is still reported."""
    document = pikepdf.open(io.BytesIO(newsletter_pdf(pages=1, photos_per_page=1)))
    image = document.pages[0].Resources.XObject["/Im0"]
    image.write(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40, filter=pikepdf.Name.DCTDecode)
    out = io.BytesIO()
    document.save(out)
    (repo / "broken-photo.pdf").write_bytes(out.getvalue())
    _code, text, _ = cli("check", "--output-format", "json")
    findings = {f["code"]: f["message"] for f in json.loads(text)["findings"]}
    assert "embedded image 1 on page 1: cannot be read as a picture" in findings["SL107"]
    assert "SL102" in findings


def test_a_name_printed_under_a_photo_is_sl303_by_page(repo, cli):
    (repo / "newsletter.pdf").write_bytes(newsletter_pdf(pages=2, photos_per_page=1, caption=CAPTION))
    (repo / "plain.pdf").write_bytes(newsletter_pdf(pages=1, photos_per_page=2))
    _code, out, _ = cli("check", "--select", "SL303", "--output-format", "json")
    found = {(f["path"], f["line"], f["field"]) for f in json.loads(out)["findings"]}
    assert found == {("newsletter.pdf", 1, "text near the picture"), ("newsletter.pdf", 2, "text near the picture")}


def test_text_far_from_a_photo_is_not_its_caption():
    from schoollint.pages.pdf_text import read

    document = pikepdf.open(io.BytesIO(newsletter_pdf(pages=1, photos_per_page=1, caption="x")))
    page = document.pages[0]
    page.Contents.write(page.Contents.read_bytes() + f" BT /F1 10 Tf 300 100 Td ({CAPTION}) Tj ET".encode())
    out = io.BytesIO()
    document.save(out)
    (image,) = read("n.pdf", out.getvalue(), None).images
    assert [span.text for span in image.captions] == ["x"]


def test_damaged_pdfs_give_a_page_or_a_page_error_in_bounded_time():
    from schoollint.pages.model import PageError
    from schoollint.pages.pdf_text import read
    from tests.kit.damage import SECONDS

    import time

    data = newsletter_pdf(pages=1, caption=CAPTION)
    for damaged in [*list(patched(data, seed=3, patch=lambda rng: rng.randbytes(rng.randint(1, 8)), count=60)),
                    *(data[:cut] for cut in range(0, len(data), len(data) // 20))]:
        started = time.process_time()
        try:
            read("n.pdf", damaged, None)
        except PageError:
            pass
        assert time.process_time() - started < SECONDS
