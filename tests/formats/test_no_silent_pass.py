"""Issue 12: every kind of place a location or a name hides is found, and --fix removes it
(verified by re-reading, and by ExifTool where it is installed). Each test builds a real file
(ffmpeg, Pillow, raw bytes) and runs schoollint through its command line.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from schoollint.cli import main
from tests.kit.tools import needs_cjxl, needs_exiftool, needs_ffmpeg


def run_json(capsys, *args: str) -> tuple[int, dict]:
    code = main(["check", "--no-cache", "--output-format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def codes_by_path(report: dict) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in report["findings"]:
        found.setdefault(finding["path"], set()).add(finding["code"])
    return found


def fields_of(report: dict, code: str | None = None) -> set[str]:
    """Every field named by the findings (a finding lists its fields joined by commas)."""
    return {name for f in report["findings"] if code in (None, f["code"]) for name in f["field"].split(", ")}


def exiftool_tags(path) -> dict:
    result = subprocess.run(["exiftool", "-json", "-a", "-G1", "-ee", str(path)], capture_output=True, text=True)
    return json.loads(result.stdout)[0]


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True, timeout=60)


# --- 1. A fix that reports success and leaves the location ---------------------------------------

@needs_ffmpeg
def test_quicktime_keys_written_by_ffmpeg_are_found_and_removed(tmp_path, capsys, monkeypatch):
    video = tmp_path / "sports.mp4"
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48:rate=5", "-t", "1", "-c:v", "mpeg4",
           "-metadata", "location=+51.5000-000.1200/", "-metadata", "title=Jane Smith at sports day",
           "-metadata", "artist=Jane Smith", "-movflags", "use_metadata_tags", str(video))
    monkeypatch.chdir(tmp_path)
    _, report = run_json(capsys)
    fields = fields_of(report)
    assert codes_by_path(report)["sports.mp4"] >= {"SL101", "SL102"}
    assert {"QuickTime location", "QuickTime text", "QuickTime person or device"} <= fields
    _, fixed = run_json(capsys, "--fix")
    assert fixed["findings"] == [] and [entry["path"] for entry in fixed["fixed"]] == ["sports.mp4"]


@needs_ffmpeg
@needs_exiftool
def test_exiftool_reads_no_keys_metadata_after_the_fix(tmp_path, capsys, monkeypatch):
    video = tmp_path / "clip.mov"
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48:rate=5", "-t", "1", "-c:v", "mpeg4",
           "-metadata", "location=+51.5000-000.1200/", "-metadata", "artist=Jane Smith",
           "-movflags", "use_metadata_tags", str(video))
    monkeypatch.chdir(tmp_path)
    run_json(capsys, "--fix")
    left = exiftool_tags(video)
    assert not [key for key in left if key.startswith("Keys:") or "GPS" in key or "Location" in key]


# --- 7. Files whose name does not say what they are; honest counts; SL107 --------------------------

GPS = {1: b"N", 2: ((51, 1), (30, 1), (0, 1)), 3: b"W", 4: ((0, 1), (7, 1), (12, 1))}   # GPSLatitude...


def jpeg_with_exif(exif: bytes) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(out, "JPEG", exif=exif)
    return out.getvalue()


def gps_jpeg() -> bytes:
    import piexif

    return jpeg_with_exif(piexif.dump({"GPS": GPS}))


@pytest.mark.parametrize("name", ["photo.dng", "photo.jpg.bak", "photo.thumb", "photo", "photo.jpg~"])
def test_a_photo_is_checked_and_fixed_as_what_it_contains_whatever_its_name(tmp_path, capsys, monkeypatch, name):
    (tmp_path / name).write_bytes(gps_jpeg())
    monkeypatch.chdir(tmp_path)
    _, report = run_json(capsys)
    assert codes_by_path(report) == {name: {"SL101"}} and report["files_checked"] == 1
    _, fixed = run_json(capsys, "--fix")
    assert fixed["findings"] == [] and [entry["path"] for entry in fixed["fixed"]] == [name]


UNREADABLE_FORMATS = {
    "layers.psd": b"8BPS\x00\x01" + bytes(40),
    "raw.cr3": b"\x00\x00\x00\x18ftypcrx \x00\x00\x00\x01crx isom" + bytes(40),
    "raw.raf": b"FUJIFILMCCD-RAW 0201FF383501" + bytes(40),
    "clip.flv": b"FLV\x01\x05" + bytes(40),
    "renamed.bin": b"8BPS\x00\x01" + bytes(40),
}


def test_formats_no_reader_judges_are_sl107_and_counted_as_not_checked(tmp_path, capsys, monkeypatch):
    for name, data in UNREADABLE_FORMATS.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "photo.jpg").write_bytes(gps_jpeg())
    (tmp_path / "site.css").write_text("body { margin: 0 }\n")
    monkeypatch.chdir(tmp_path)
    _, report = run_json(capsys)
    sl107 = {path for path, codes in codes_by_path(report).items() if "SL107" in codes}
    assert sl107 == set(UNREADABLE_FORMATS)
    assert report["files_checked"] == 2      # the photo and the stylesheet, by name
    assert report["files_not_checked"] == {".psd": 1, ".cr3": 1, ".raf": 1, ".flv": 1, ".bin": 1}


def test_the_honest_count_shows_in_every_output_format(tmp_path, capsys, monkeypatch):
    (tmp_path / "layers.psd").write_bytes(UNREADABLE_FORMATS["layers.psd"])
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe1\x00")
    monkeypatch.chdir(tmp_path)
    outputs = {}
    for output in ("text", "json", "sarif", "junit", "github", "summary"):
        main(["check", "--no-cache", "--select", "SL101", "--output-format", output])
        outputs[output] = capsys.readouterr().out
    assert "no findings in 0 files checked; not checked: 1 .jpg, 1 .psd" in outputs["text"]
    assert json.loads(outputs["json"])["files_not_checked"] == {".jpg": 1, ".psd": 1}
    assert json.loads(outputs["sarif"])["runs"][0]["properties"]["filesNotChecked"] == {".jpg": 1, ".psd": 1}
    for output in ("junit", "github", "summary"):
        assert "1 .jpg, 1 .psd" in outputs[output], output


def test_tiff_based_camera_raw_is_read_by_the_tiff_reader(tmp_path, capsys, monkeypatch):
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "blue").save(out, "TIFF", tiffinfo={315: "Jane Smith"})   # Artist
    (tmp_path / "IMG_0001.dng").write_bytes(out.getvalue())
    (tmp_path / "IMG_0002.nef").write_bytes(out.getvalue())
    monkeypatch.chdir(tmp_path)
    _, report = run_json(capsys)
    assert codes_by_path(report) == {"IMG_0001.dng": {"SL102"}, "IMG_0002.nef": {"SL102"}}
    assert report["files_not_checked"] == {}


def test_the_honest_count_is_the_same_from_the_cache(tmp_path, capsys, monkeypatch):
    (tmp_path / "layers.psd").write_bytes(UNREADABLE_FORMATS["layers.psd"])
    (tmp_path / "photo.jpg").write_bytes(gps_jpeg())
    monkeypatch.chdir(tmp_path)
    counts = []
    for _ in range(2):
        main(["check", "--output-format", "json"])
        report = json.loads(capsys.readouterr().out)
        counts.append((report["files_checked"], report["files_not_checked"]))
    assert counts == [(1, {".psd": 1})] * 2


# --- 9. False alarms that hide real ones -----------------------------------------------------------

def _iim(*datasets: tuple[int, bytes]) -> bytes:
    import struct

    return b"".join(b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(value)) + value for number, value in datasets)


def test_imagemagick_raw_iptc_profile_with_a_bad_photoshop_header_is_read_not_sl105(tmp_path, capsys, monkeypatch):
    import io
    import struct

    from PIL import Image

    from tests.kit.chunks import png_chunk_types, png_insert, raw_profile, ztxt_chunk

    iim = _iim((80, b"Jane Smith"), (103, b"JS-2024-06"), (230, b"see https://example.org/jane"))
    # The resource's Pascal name is missing, so its length field is read from the wrong bytes.
    profile = b"8BIM\x04\x04" + struct.pack(">I", len(iim)) + iim
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "red").save(out, "PNG")
    chunk = ztxt_chunk("Raw profile type iptc", raw_profile("iptc", profile))
    (tmp_path / "favicon.png").write_bytes(png_insert(out.getvalue(), "before", b"IDAT", chunk))
    monkeypatch.chdir(tmp_path)
    _, report = run_json(capsys)
    assert codes_by_path(report) == {"favicon.png": {"SL102"}}
    assert {"IPTC By-line", "IPTC Original Transmission Reference", "IPTC Document Notes"} <= fields_of(report)
    _, fixed = run_json(capsys, "--fix")
    assert fixed["findings"] == [] and b"zTXt" not in png_chunk_types((tmp_path / "favicon.png").read_bytes())


def test_gps_block_without_a_position_is_sl102_not_sl101(tmp_path, capsys, monkeypatch):
    import io

    import piexif
    from PIL import Image

    zero = {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((0, 1), (0, 1), (0, 1)),
            piexif.GPSIFD.GPSLongitudeRef: b"E", piexif.GPSIFD.GPSLongitude: ((0, 1), (0, 1), (0, 1)),
            piexif.GPSIFD.GPSImgDirection: (270, 1)}
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(out, "JPEG", exif=piexif.dump({"GPS": zero}))
    (tmp_path / "photo.jpg").write_bytes(out.getvalue())
    monkeypatch.chdir(tmp_path)
    main(["check", "--no-cache", "--show-values"])
    text = capsys.readouterr().out
    assert "SL101" not in text and "SL102" in text and "[0, 0]" not in text and "0, 0" not in text
    _, fixed = run_json(capsys, "--fix")
    assert fixed["findings"] == []


# --- 2. Location in any XMP namespace ------------------------------------------------------------

DJI_XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           b'<rdf:Description xmlns:drone-dji="http://www.dji.com/drone-dji/1.0/" '
           b'xmlns:exif="http://ns.adobe.com/exif/1.0/" drone-dji:GpsLatitude="+53.8008" '
           b'drone-dji:GpsLongtitude="-1.5491" drone-dji:AbsoluteAltitude="+98.2" '
           b'drone-dji:GimbalYawDegree="+0.10"/></rdf:RDF></x:xmpmeta>')


def jpeg_with_app1(app1: bytes, exif: bytes = b"") -> bytes:
    import io
    import struct

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(out, "JPEG", **({"exif": exif} if exif else {}))
    data = out.getvalue()
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + data[2:]


def test_drone_position_in_vendor_xmp_is_sl101_with_zero_exif_gps(tmp_path, capsys, monkeypatch):
    import piexif

    zeros = {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((0, 1), (0, 1), (0, 1)),
             piexif.GPSIFD.GPSLongitudeRef: b"E", piexif.GPSIFD.GPSLongitude: ((0, 1), (0, 1), (0, 1))}
    photo = jpeg_with_app1(b"http://ns.adobe.com/xap/1.0/\0" + DJI_XMP, piexif.dump({"GPS": zeros}))
    (tmp_path / "DJI_0001.JPG").write_bytes(photo)
    monkeypatch.chdir(tmp_path)
    _, report = run_json(capsys, "--show-values")
    sl101 = [f for f in report["findings"] if f["code"] == "SL101"]
    assert [f["field"] for f in sl101] == ["XMP GPS position"] and sl101[0]["value"].startswith("53.8008, -1.5491")
    _, fixed = run_json(capsys, "--fix")
    assert fixed["findings"] == [] and b"GpsLatitude" not in (tmp_path / "DJI_0001.JPG").read_bytes()


@pytest.mark.parametrize("prefix, latitude, longitude", [
    ("Camera", "Latitude", "Longitude"), ("GoPro", "GPSLatitude", "GPSLongitude"),
    ("app", "geo_lat", "geo_lng"), ("app", "Coordinates", None)])
def test_location_by_meaning_in_any_namespace(prefix, latitude, longitude):
    from schoollint.formats.model import LOCATION
    from schoollint.formats.xmp import parse_xmp

    attributes = f'{prefix}:{latitude}="51.5"' + (f' {prefix}:{longitude}="-0.12"' if longitude else "")
    packet = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
              f'<rdf:Description xmlns:{prefix}="http://example.org/{prefix}/" {attributes}/></rdf:RDF></x:xmpmeta>')
    assert [item.kind for item in parse_xmp(packet.encode(), "x")] == [LOCATION]


# --- 4. Content credentials (C2PA) in every container ----------------------------------------------

def bmff_box(kind: bytes, payload: bytes) -> bytes:
    import struct

    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def superbox(label: str, *content: bytes) -> bytes:
    """A JUMBF superbox (ISO/IEC 19566-5): description box (type UUID, toggles 'requestable +
    label', the label) and its content boxes."""
    return bmff_box(b"jumb", bmff_box(b"jumd", bytes(16) + b"\x03" + label.encode() + b"\0") + b"".join(content))


def c2pa_manifest_store() -> bytes:
    """A C2PA manifest store written by hand, as C2PA 2.1 lays it out: a GPS assertion, the
    author, a thumbnail of the original, an ingredient, the claim and its signature."""
    gps = b'{"@context": {"exif": "http://ns.adobe.com/exif/1.0/"}, "exif:GPSLatitude": "53,48.05N"}'
    author = b'{"@type": "CreativeWork", "author": [{"@type": "Person", "name": "Jane Smith"}]}'
    thumbnail = bmff_box(b"bfdb", b"\x00image/jpeg\0") + bmff_box(b"bidb", b"\xff\xd8\xff\xd9")
    assertions = superbox("c2pa.assertions", superbox("c2pa.thumbnail.claim.jpeg", thumbnail),
                          superbox("stds.exif", bmff_box(b"json", gps)),
                          superbox("stds.schema-org.CreativeWork", bmff_box(b"json", author)),
                          superbox("c2pa.ingredient", bmff_box(b"cbor", b"\xa1\x65title\x68orig.jpg")))
    manifest = superbox("urn:uuid:00000000-0000-0000-0000-000000000000", assertions,
                        superbox("c2pa.claim", bmff_box(b"cbor", b"\xa1\x6fclaim_generator\x63app")),
                        superbox("c2pa.signature", bmff_box(b"uuid", bytes(16) + b"COSE signer Jane Smith")))
    return superbox("c2pa", manifest)


def with_c2pa(container: str) -> bytes:
    import io
    import struct
    import zlib

    from PIL import Image

    store = c2pa_manifest_store()
    out = io.BytesIO()
    if container == "png":
        Image.new("RGB", (16, 16), "red").save(out, "PNG")
        data = out.getvalue()
        chunk = struct.pack(">I4s", len(store), b"caBX") + store + struct.pack(">I", zlib.crc32(b"caBX" + store))
        return data[:33] + chunk + data[33:]     # after IHDR
    if container == "webp":
        from tests.kit.chunks import riff_chunks, webp_from_chunks

        Image.new("RGB", (16, 16), "red").save(out, "WEBP", lossless=True, exif=b"Exif\0\0II*\0\x08\0\0\0\0\0\0\0\0\0")
        chunks = riff_chunks(out.getvalue())
        return webp_from_chunks(chunks + [(b"C2PA", store)])
    raise ValueError(container)


def c2pa_uuid_box(store: bytes) -> bytes:
    """C2PA's ISO BMFF binding: a top-level 'uuid' box (D8FEC3D6-...), version/flags, purpose, Merkle offset."""
    return bmff_box(b"uuid", bytes.fromhex("D8FEC3D61B0E483C92975828877EC481") + bytes(4) + b"manifest\0" + bytes(8)
                    + store)


C2PA_FIELDS = {"C2PA content credentials", "C2PA location assertion", "C2PA author assertion",
               "C2PA thumbnail of the original", "C2PA ingredient (the photos it was made from)",
               "C2PA signer's certificate"}


def check_c2pa_found_and_removed(tmp_path, capsys, monkeypatch, name: str, data: bytes,
                                 fields: set[str] = C2PA_FIELDS) -> None:
    (tmp_path / name).write_bytes(data)
    monkeypatch.chdir(tmp_path)
    metadata = ("--select", "SL101,SL102,SL103,SL104,SL105")
    _, report = run_json(capsys, *metadata)
    assert codes_by_path(report)[name] == {"SL101", "SL102", "SL103"}
    assert fields <= fields_of(report)
    _, fixed = run_json(capsys, "--fix", *metadata)
    assert fixed["findings"] == [] and fixed["errors"] == []
    assert b"c2pa.signature" not in (tmp_path / name).read_bytes()


@pytest.mark.parametrize("container", ["png", "webp"])
def test_c2pa_in_png_and_webp_chunks(tmp_path, capsys, monkeypatch, container):
    check_c2pa_found_and_removed(tmp_path, capsys, monkeypatch, f"signed.{container}", with_c2pa(container))


def test_c2pa_in_heif(tmp_path, capsys, monkeypatch):
    from tests.kit.images import encode, gradient

    heic = encode(gradient(), "HEIF") + c2pa_uuid_box(c2pa_manifest_store())
    check_c2pa_found_and_removed(tmp_path, capsys, monkeypatch, "signed.heic", heic)


@needs_ffmpeg
def test_c2pa_in_mp4(tmp_path, capsys, monkeypatch):
    video = tmp_path / "source.mp4"
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48:rate=5", "-t", "1", "-c:v", "mpeg4", "-fflags", "+bitexact",
           "-map_metadata", "-1", str(video))
    data = video.read_bytes() + c2pa_uuid_box(c2pa_manifest_store())
    video.unlink()
    check_c2pa_found_and_removed(tmp_path, capsys, monkeypatch, "signed.mp4", data)


def test_c2pa_in_jpeg_app11(tmp_path, capsys, monkeypatch):
    from tests.kit.jpeg import segment

    from tests.kit.images import encode, gradient

    store = c2pa_manifest_store()
    app11 = segment(0xEB, b"JP" + (1).to_bytes(2, "big") + (1).to_bytes(4, "big") + store)
    plain = encode(gradient(), "JPEG")
    # JPEG names the block by its APPn (JUMBF content credentials); the kinds are the same.
    check_c2pa_found_and_removed(tmp_path, capsys, monkeypatch, "signed.jpg", plain[:2] + app11 + plain[2:],
                                 {"JUMBF content credentials"})


# --- 6. JPEG XL, Matroska/WebM and AVI ---------------------------------------------------------------

@needs_cjxl
def test_jpeg_xl_from_a_phone_jpeg_keeps_brotli_exif_found_and_removed(tmp_path, capsys, monkeypatch):
    import piexif

    from tests.kit.images import decoded

    artist = {piexif.ImageIFD.Artist: b"Jane Smith", piexif.ImageIFD.Orientation: 6}
    source = tmp_path / "phone.jpg"
    source.write_bytes(jpeg_with_exif(piexif.dump({"0th": artist, "GPS": GPS})))
    site = tmp_path / "site"
    site.mkdir()
    subprocess.run(["cjxl", str(source), str(site / "photo.jxl")], check=True, capture_output=True, timeout=60)
    assert b"brob" in (site / "photo.jxl").read_bytes()       # cjxl compresses the EXIF box
    monkeypatch.chdir(site)
    _, report = run_json(capsys, "--show-values")
    assert codes_by_path(report) == {"photo.jxl": {"SL101", "SL102"}}
    assert {"EXIF GPS position", "EXIF Artist"} <= fields_of(report)
    before = djxl_pixels(site / "photo.jxl", tmp_path / "before.png")
    _, fixed = run_json(capsys, "--fix")
    assert fixed["findings"] == [] and fixed["errors"] == []
    assert djxl_pixels(site / "photo.jxl", tmp_path / "after.png") == before   # pixels and orientation kept
    assert decoded((tmp_path / "after.png").read_bytes())[1] == (30, 40)     # still turned upright


def djxl_pixels(path, png) -> bytes:
    from tests.kit.images import pixels

    subprocess.run(["djxl", str(path), str(png)], check=True, capture_output=True, timeout=60)
    return pixels(png.read_bytes())


@needs_cjxl
def test_c2pa_and_xmp_boxes_in_a_jpeg_xl_container(tmp_path, capsys, monkeypatch):
    from tests.kit.images import encode, gradient

    (tmp_path / "plain.png").write_bytes(encode(gradient(), "PNG"))
    subprocess.run(["cjxl", str(tmp_path / "plain.png"), str(tmp_path / "bare.jxl"), "--container=0"],
                   check=True, capture_output=True, timeout=60)
    codestream = (tmp_path / "bare.jxl").read_bytes()
    assert codestream.startswith(b"\xff\x0a")
    store = c2pa_manifest_store()
    container = (b"\x00\x00\x00\x0cJXL \r\n\x87\n" + bmff_box(b"ftyp", b"jxl \x00\x00\x00\x00jxl ")
                 + bmff_box(b"xml ", DJI_XMP) + bmff_box(b"jxlc", codestream) + bmff_box(b"jumb", store[8:]))
    site = tmp_path / "site"
    site.mkdir()
    check_c2pa_found_and_removed(site, capsys, monkeypatch, "signed.jxl", container)
    assert (site / "signed.jxl").read_bytes().endswith(bmff_box(b"jxlc", codestream))


def packets_md5(path) -> str:
    result = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-map", "0:v", "-c", "copy", "-f", "md5", "-"],
                            capture_output=True, text=True, check=True, timeout=60)
    return result.stdout.strip()


@needs_ffmpeg
@pytest.mark.parametrize("name, codec", [("clip.webm", "libvpx"), ("clip.mkv", "mpeg4"), ("clip.avi", "mpeg4")])
def test_matroska_webm_and_avi_tags_are_found_and_blanked_in_place(tmp_path, capsys, monkeypatch, name, codec):
    video = tmp_path / name
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48:rate=5", "-t", "1", "-c:v", codec,
           "-metadata", "title=Jane Smith at sports day", "-metadata", "artist=Jane Smith",
           "-metadata", "location=+51.5000-000.1200/", "-metadata", "date=2024-06-01",
           "-metadata:s:v:0", "title=Jane's camera", str(video))
    before, size = packets_md5(video), video.stat().st_size
    monkeypatch.chdir(tmp_path)
    _, report = run_json(capsys, "--show-values")
    assert {"SL102"} <= codes_by_path(report)[name]
    values = " ".join(f["value"] or "" for f in report["findings"])
    assert "Jane Smith" in values and "Jane Smith at sports day" in values
    if name != "clip.avi":                       # AVI's INFO list has no place for a location
        assert "SL101" in codes_by_path(report)[name]
    _, fixed = run_json(capsys, "--fix")
    assert fixed["findings"] == [] and fixed["errors"] == []
    assert packets_md5(video) == before and video.stat().st_size == size   # no frame moved
    assert b"Jane" not in video.read_bytes()


@needs_ffmpeg
@pytest.mark.parametrize("name, plugin", [("clip.webm", "matroska"), ("clip.avi", "avi")])
def test_damaged_matroska_and_avi_give_facts_or_a_media_error(tmp_path, name, plugin):
    import importlib

    from tests.kit.damage import mixed_damage, only_media_errors

    video = tmp_path / name
    codec = "mpeg4" if plugin == "avi" else "libvpx"
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48:rate=5", "-t", "1", "-c:v", codec, "-metadata", "title=Jane Smith",
           str(video))
    module = importlib.import_module(f"schoollint.formats.{plugin}")
    only_media_errors(module, mixed_damage(video.read_bytes(), seed=12, count=300))


@needs_cjxl
def test_damaged_jpeg_xl_gives_facts_or_a_media_error(tmp_path):
    import piexif

    from schoollint.formats import jxl
    from tests.kit.damage import mixed_damage, only_media_errors

    (tmp_path / "in.jpg").write_bytes(jpeg_with_exif(piexif.dump({"GPS": GPS})))
    subprocess.run(["cjxl", str(tmp_path / "in.jpg"), str(tmp_path / "out.jxl")], check=True, capture_output=True)
    only_media_errors(jxl, mixed_damage((tmp_path / "out.jxl").read_bytes(), seed=6, count=300))


# --- 3. Location in telemetry and subtitle tracks ----------------------------------------------------

def gpmf_sample() -> bytes:
    """A GoPro GPMF sample: a DEVC container holding one GPS5 record (latitude, longitude, altitude...)."""
    import struct

    gps5 = b"GPS5l\x14\x00\x01" + struct.pack(">5i", 515010000, -1419000, 12000, 0, 0)
    return b"DEVC\x00\x01\x00" + bytes([len(gps5)]) + gps5


@needs_ffmpeg
@needs_exiftool
def test_gopro_telemetry_track_is_blanked_in_place(tmp_path, capsys, monkeypatch):
    (tmp_path / "gpmf.bin").write_bytes(gpmf_sample())
    site = tmp_path / "site"
    site.mkdir()
    video = site / "GX010001.MOV"
    ffmpeg("-f", "lavfi", "-t", "1", "-i", "testsrc=size=64x48:rate=5",
           "-f", "data", "-i", str(tmp_path / "gpmf.bin"), "-map", "0:v", "-map", "1", "-c:v", "mpeg4",
           "-c:d", "copy", "-tag:d", "gpmd", "-f", "mov", str(video))
    assert any("GPS" in key for key in exiftool_tags(video))
    before, size = packets_md5(video), video.stat().st_size
    monkeypatch.chdir(site)
    _, report = run_json(capsys)
    assert "video GoPro telemetry track" in fields_of(report, "SL101")
    _, fixed = run_json(capsys, "--fix")
    assert fixed["findings"] == [] and fixed["errors"] == []
    assert not [key for key in exiftool_tags(video) if "GPS" in key]
    assert packets_md5(video) == before and video.stat().st_size == size


@needs_ffmpeg
@needs_exiftool
def test_drone_gps_in_a_subtitle_track_is_found_and_blanked(tmp_path, capsys, monkeypatch):
    (tmp_path / "dji.srt").write_text(
        "1\n00:00:00,000 --> 00:00:00,500\n[latitude: 22.543100] [longitude: 113.958100]\n\n"
        "2\n00:00:00,500 --> 00:00:01,000\n[latitude: 22.5432] [longitude: 113.9582]\n")
    site = tmp_path / "site"
    site.mkdir()
    video = site / "DJI_0001.MP4"
    ffmpeg("-f", "lavfi", "-t", "1", "-i", "testsrc=size=64x48:rate=5", "-i", str(tmp_path / "dji.srt"),
           "-map", "0", "-map", "1", "-c:v", "mpeg4", "-c:s", "mov_text", str(video))
    monkeypatch.chdir(site)
    _, report = run_json(capsys)
    assert "video subtitle track with GPS positions" in fields_of(report, "SL101")
    _, fixed = run_json(capsys, "--fix")
    assert fixed["findings"] == [] and fixed["errors"] == []
    subtitles = subprocess.run(["ffmpeg", "-v", "error", "-i", str(video), "-map", "0:s", "-f", "srt", "-"],
                               capture_output=True, text=True, timeout=60)
    assert subtitles.stderr == "" and "latitude" not in subtitles.stdout and "-->" in subtitles.stdout


def test_gopro_gpmf_udta_with_the_camera_serial_is_reported():
    from schoollint.formats.isobmff import plugin
    from tests.kit.isobmff import box, movie

    facts = plugin.read(movie(box(b"udta", box(b"GPMF", b"DEVC\x00\x01\x00\x10CASNc\x0c\x00\x01C3141324555"))))
    assert [(item.kind, item.field) for item in facts.items] == [("identity", "GoPro camera data (GPMF)")]


# --- 8. Sidecar files ----------------------------------------------------------------------------

SIDECAR = ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">'
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
           'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
           'exif:GPSLatitude="53,48.05N" exif:GPSLongitude="1,32.9W">'
           '<dc:creator><rdf:Seq><rdf:li>Jane Teacher</rdf:li></rdf:Seq></dc:creator>'
           '<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Amelia Watson</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>'
           '</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>\n')


@pytest.mark.parametrize("name", ["photo.xmp", "photo.jpg.xmp", "photo.XMP"])
def test_an_xmp_sidecar_beside_a_clean_photo_is_read_and_emptied(tmp_path, capsys, monkeypatch, name):
    from tests.kit.images import encode, gradient

    (tmp_path / "photo.jpg").write_bytes(encode(gradient(), "JPEG"))
    (tmp_path / name).write_text(SIDECAR, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, report = run_json(capsys)
    assert codes_by_path(report) == {name: {"SL101", "SL102", "SL104", "SL108"}}
    assert report["files_checked"] == 2
    _, fixed = run_json(capsys, "--fix")     # emptied; deleted only under --unsafe-fixes (SL108)
    assert [f["code"] for f in fixed["findings"]] == ["SL108"] and fixed["errors"] == []
    left = (tmp_path / name).read_bytes()
    assert b"Amelia" not in left and b"GPS" not in left and b"x:xmpmeta" in left


# --- formats the generic reader only measured: JPEG 2000 metadata ------------------------------------

def test_jpeg_2000_exif_xmp_and_geojp2_boxes_are_found_and_removed(tmp_path, capsys, monkeypatch):
    import io

    import piexif
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (32, 24), "blue").save(out, "JPEG2000", no_jp2=False)
    exif = piexif.dump({"0th": {piexif.ImageIFD.Artist: b"Jane Smith"}, "GPS": GPS})[6:]
    photo = (out.getvalue() + bmff_box(b"uuid", b"JpgTiffExif->JP2" + exif)
             + bmff_box(b"uuid", bytes.fromhex("B14BF8BD083D4B43A5AE8CD7D5A6CE03") + b"II*\0geotiff")
             + bmff_box(b"xml ", DJI_XMP))
    (tmp_path / "scan.jp2").write_bytes(photo)
    monkeypatch.chdir(tmp_path)
    _, report = run_json(capsys)
    assert codes_by_path(report) == {"scan.jp2": {"SL101", "SL102"}}
    assert {"EXIF GPS position", "EXIF Artist", "GeoJP2 map position", "XMP GPS position"} <= fields_of(report)
    _, fixed = run_json(capsys, "--fix")
    assert fixed["findings"] == [] and fixed["errors"] == []
    with Image.open(tmp_path / "scan.jp2") as after, Image.open(io.BytesIO(photo)) as before:
        assert after.tobytes() == before.tobytes()


# --- 5. Another picture or a video inside the photo, in any container ----------------------------------

@pytest.mark.parametrize("container", ["PNG", "WEBP", "GIF"])
def test_a_photo_appended_to_another_is_sl103_and_its_gps_is_sl101(tmp_path, capsys, monkeypatch, container):
    from tests.kit.images import encode, gradient

    name = f"collage.{container.lower()}"
    (tmp_path / name).write_bytes(encode(gradient(), container) + gps_jpeg())
    monkeypatch.chdir(tmp_path)
    _, report = run_json(capsys)
    assert codes_by_path(report)[name] >= {"SL101", "SL103"}
    assert "EXIF GPS position" in fields_of(report, "SL101")
    _, fixed = run_json(capsys, "--fix", "--select", "SL101")      # the location fix alone takes it away
    assert fixed["findings"] == [] and (tmp_path / name).read_bytes() == encode(gradient(), container)
