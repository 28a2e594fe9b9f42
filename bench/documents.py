"""Benchmark schoollint against ExifTool on newsletters (PDF) and letters (DOCX).

    python bench/documents.py [--pdfs 50] [--letters 50] [--pages 10] [--photos 6] [--keep DIR]

Builds N newsletter PDFs (each `--pages` pages with `--photos` phone photos a page, every photo a
distinct 800x600 JPEG with EXIF GPS, identity, a thumbnail, XMP and IPTC, stored as DCTDecode
the way Word and Canva export them; Info and XMP name the author) and N DOCX letters (two photos
each, core properties, Company and Manager, a comment by a teacher), then times, in one run:

  check   schoollint check --no-cache   vs   exiftool -r (which does not open the photos inside a
          PDF) and exiftool -ee -r (which does, as schoollint does)
  fix     schoollint check --fix --no-cache   vs   exiftool -all= -overwrite_original -r

and says what each fixer left, as schoollint's own readers and a byte search see it: files with
a GPS position, an author's name in the bytes, an earlier revision kept inside, or a thumbnail.

With --floor it times instead, each alone on the same files, the steps no checker or fixer that
opens the photos inside can skip (reading the bytes, getting the image streams out, finding each
photo's end, a strip, qpdf's rewrite, writing the files) beside ExifTool's whole runs.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as photos  # noqa: E402  (the photo benchmark's builders and timers, beside this file)

AUTHOR = b"Sarah Jones"
LEFT_KINDS = ("location", "preview")


def distinct_photos(count: int) -> list[bytes]:
    template = photos.phone_jpeg((800, 600))
    at = template.index(photos.UNIQUE_ID_PLACEHOLDER)
    size = len(photos.UNIQUE_ID_PLACEHOLDER)
    return [template[:at] + b"%032x" % number + template[at + size:] for number in range(count)]


def newsletter(pages: list[list[bytes]]) -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    for pictures in pages:
        xobjects, drawing = {}, []
        for slot, jpeg in enumerate(pictures):
            xobjects[f"/Im{slot}"] = pikepdf.Stream(pdf, jpeg, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                                                   Width=800, Height=600, ColorSpace=pikepdf.Name.DeviceRGB,
                                                   BitsPerComponent=8, Filter=pikepdf.Name.DCTDecode)
            x, y = 60 + (slot % 2) * 250, 640 - (slot // 2) * 200
            drawing.append(f"q 200 0 0 150 {x} {y} cm /Im{slot} Do Q BT /F1 9 Tf {x} {y - 12} Td (Sports day) Tj ET")
        pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font), XObject=pikepdf.Dictionary(xobjects)),
            Contents=pikepdf.Stream(pdf, "\n".join(drawing).encode()))))
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [AUTHOR.decode()]
        meta["xmp:CreatorTool"] = "Microsoft Word"
    pdf.docinfo["/Author"] = AUTHOR.decode()
    pdf.docinfo["/Creator"] = "Microsoft Word for Microsoft 365"
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def letter(pictures: list[bytes]) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Dear parents and carers,")
    for jpeg in pictures:
        document.add_picture(io.BytesIO(jpeg))
        document.add_paragraph("Year 4 at sports day")
    paragraph = document.add_paragraph("Please return the slip by Friday.")
    document.add_comment(paragraph.runs, text="Is consent in?", author=AUTHOR.decode(), initials="SJ")
    document.core_properties.author = AUTHOR.decode()
    document.core_properties.last_modified_by = "Office Admin"
    out = io.BytesIO()
    document.save(out)
    return _with_company(out.getvalue())


def _with_company(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "docProps/app.xml":
                part = part.replace(b"</Properties>", b"<Company>Oakfield Primary</Company>"
                                    b"<Manager>Mr Davies</Manager></Properties>")
            target.writestr(info, part)
    return out.getvalue()


def build(folder: Path, args) -> int:
    folder.mkdir(parents=True)
    per_pdf = args.pages * args.photos
    pictures = iter(distinct_photos(args.pdfs * per_pdf + args.letters * 2))
    for number in range(args.pdfs):
        pages = [[next(pictures) for _ in range(args.photos)] for _ in range(args.pages)]
        (folder / f"newsletter-{number:03d}.pdf").write_bytes(newsletter(pages))
    iptc = photos._iptc_segment()   # python-docx only takes a JPEG whose first segment is JFIF or Exif
    for number in range(args.letters):
        (folder / f"letter-{number:03d}.docx").write_bytes(
            letter([next(pictures).replace(iptc, b"", 1), next(pictures).replace(iptc, b"", 1)]))
    return args.pdfs + args.letters


def left_behind(folder: Path) -> dict[str, int]:
    """Files still holding each thing, as schoollint's readers and a byte search see them."""
    from schoollint.formats.model import MediaError
    from schoollint.formats.registry import read_media

    counts = {"GPS position": 0, "author's name in the bytes": 0, "earlier revision or thumbnail": 0,
              "unreadable": 0}
    for path in sorted(path for path in folder.iterdir() if path.is_file()):   # not .schoollint_cache/
        data = path.read_bytes()
        counts["author's name in the bytes"] += AUTHOR in data or AUTHOR in _inflated(data)
        try:
            facts = read_media(data, path.suffix)
        except MediaError:
            counts["unreadable"] += 1
            continue
        counts["GPS position"] += bool(facts.of_kind("location"))
        counts["earlier revision or thumbnail"] += bool(facts.of_kind("preview"))
    return counts


def _inflated(data: bytes) -> bytes:
    """A DOCX's parts as text (they are deflated in the file); b"" for anything else."""
    if not data.startswith(b"PK"):
        return b""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist() if name.endswith(".xml"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pdfs", type=int, default=50)
    parser.add_argument("--letters", type=int, default=50)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--photos", type=int, default=6, help="photos a page")
    parser.add_argument("--keep", metavar="DIR", help="build the files here and keep them")
    parser.add_argument("--floor", action="store_true", help="time the steps any such tool must take")
    args = parser.parse_args(argv)
    exiftool = photos.tool_path("exiftool")
    if exiftool is None:
        print("ExifTool is not installed (apt-get install libimage-exiftool-perl): nothing to compare with")
        return 2
    load = f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "unknown"
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="schoollint-docbench-"))
    photos.TOOL_ENVIRONMENT["PYTHONPYCACHEPREFIX"] = str(work / "bytecode")
    try:
        files = build(work / "pristine", args)
        size = sum(path.stat().st_size for path in (work / "pristine").iterdir())
        if args.floor:
            print(floor(work, exiftool, load))
            return 0
        rows, left = [], {}
        check = {"schoollint": photos.schoollint("--no-cache", "--exit-zero", "."), "exiftool": [exiftool, "-r", "."],
                 "exiftool -ee": [exiftool, "-ee", "-r", "."]}
        for tool, command in check.items():
            photos.timed(command, work / "pristine")   # warm-up: caches and bytecode, as an installed tool has
            rows.append(photos.best_of(1, "check", tool, files, command, work / "pristine"))
        fix = {"schoollint": photos.schoollint("--fix", "--no-cache", "--exit-zero", "."),
               "exiftool": [exiftool, "-q", "-all=", "-overwrite_original", "-r", "."]}
        for tool, command in fix.items():
            folder = work / tool
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(work / "pristine", folder)
            rows.append(photos.best_of(1, "fix", tool, files, command, folder))
            left[tool] = left_behind(folder)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(report(rows, left, args, files, size, load))
    return 0


def floor(work: Path, exiftool: str, load: str) -> str:
    """CPU seconds of each step alone, in this process (the tools' runs: GNU time)."""
    import hashlib
    import re
    import time

    import pikepdf

    from schoollint.formats import jpeg
    from schoollint.formats.model import KINDS

    paths = sorted(path for path in (work / "pristine").iterdir() if path.is_file())
    rows: list[tuple[str, float]] = []

    def step(label: str, function):
        started = time.process_time()
        result = function()
        rows.append((label, time.process_time() - started))
        return result

    def images(data: bytes) -> list[bytes]:
        with pikepdf.open(io.BytesIO(data)) as document:
            return [obj.read_raw_bytes() for obj in document.objects
                    if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"]

    def saved(data: bytes, **how) -> None:
        with pikepdf.open(io.BytesIO(data)) as document:
            document.save(io.BytesIO(), **how)

    scan_end = re.compile(rb"\xff[^\x00\xd0-\xd7]")   # as formats/jpeg.py finds a scan's end
    datas = step("read the files into memory", lambda: [path.read_bytes() for path in paths])
    documents = [data for path, data in zip(paths, datas, strict=True) if path.suffix == ".pdf"]
    photos_inside = step("pikepdf: open the PDFs, copy out every image stream",
                         lambda: [raw for data in documents for raw in images(data)])
    step("regex scan of each photo's entropy-coded data to its end",   # the main image's scan is the last
         lambda: [scan_end.search(raw, raw.rindex(b"\xff\xda") + 2) for raw in photos_inside])
    step("schoollint's JPEG reader on every photo", lambda: [jpeg.read(raw) for raw in photos_inside])
    step("schoollint's JPEG strip of every photo", lambda: [jpeg.strip(raw, KINDS) for raw in photos_inside])
    step("pikepdf: open and save the PDFs unchanged, static ID", lambda: [saved(data, static_id=True)
                                                                            for data in documents])
    step("the same, deterministic ID", lambda: [saved(data, deterministic_id=True) for data in documents])
    step("SHA-256 of the files", lambda: [hashlib.sha256(data).digest() for data in datas])
    scratch = work / "scratch"
    step("write the files (no sync)", lambda: [scratch.write_bytes(data) for data in datas])
    scratch.unlink()
    for label, command in (("`exiftool -r` (check), the whole run", [exiftool, "-r", "."]),
                           ("`exiftool -all=` (fix), the whole run",
                            [exiftool, "-q", "-q", "-all=", "-overwrite_original", "-r", "."])):
        folder = work / "exiftool-floor"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(work / "pristine", folder)
        rows.append((label, photos.timed(command, folder)[1]))
    lines = [f"{len(paths)} files, {len(photos_inside):,} photos inside the PDFs; load average {load} before the run",
             "", "| step | CPU s |", "| --- | ---: |"]
    return "\n".join(lines + [f"| {label} | {seconds:.2f} |" for label, seconds in rows])


def report(rows, left, args, files: int, size: int, load: str) -> str:
    lines = [f"{args.pdfs} newsletter PDFs ({args.pages} pages, {args.photos} photos a page) and {args.letters} "
             f"DOCX letters (2 photos each): {files} files, {size / 1e6:.0f} MB; load average {load} before the run",
             "", "| task | tool | seconds | files/s | CPU seconds | peak RSS MB |",
             "| --- | --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {row.task} | {row.tool} | {row.seconds:.2f} | {row.files_per_second:,.1f} | {row.cpu_seconds:.2f} "
              f"| {row.peak_rss_mb:.0f} |" for row in rows]
    names = list(next(iter(left.values())))
    lines += ["", "| after fix by | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
    lines += [f"| {tool} | " + " | ".join(str(counts[name]) for name in names) + " |" for tool, counts in left.items()]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
