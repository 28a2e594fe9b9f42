"""Video metadata under names schoollint does not know exactly (session 5 trial follow-up): keys with
a language suffix ('location-eng', ffmpeg's `-metadata key-lang=...`), keys of any vendor
('com.example.pupil'), Matroska tags and AVI INFO chunks of no known meaning. Each is found through
the command line, named without its value, and `--fix` leaves nothing of it for ExifTool or
ffprobe to read, with every media packet as it was (lossless stream copy).

Files are written by ffmpeg; tests/formats/test_video_keys_by_hand.py builds the layouts ffmpeg
does not write.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.kit.tools import needs_exiftool, needs_ffmpeg

pytestmark = [needs_ffmpeg, needs_exiftool]

POSITION = "+51.5074-000.1278/"
PEOPLE = ("Mrs Jane Smith", "Amelia Watson")
UNKNOWN = "a metadata field schoollint does not know: "


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True, timeout=60)


def video(path, *metadata: str, codec: str = "mpeg4", extra: tuple[str, ...] = ()) -> None:
    """A one-second test-pattern video with `metadata` ("key=value", each as -metadata)."""
    tags = [arg for pair in metadata for arg in ("-metadata", pair)]
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48:rate=5", "-t", "1", "-c:v", codec, *tags, *extra, str(path))


def report(cli, *args: str) -> tuple[int, dict]:
    code, out, _ = cli("check", "--no-cache", "--output-format", "json", *args)
    return code, json.loads(out)


def fields(found: dict, code: str) -> set[str]:
    return {name for f in found["findings"] if f["code"] == code for name in f["field"].split(", ")}


def exiftool_text(path) -> str:
    return subprocess.run(["exiftool", "-a", "-G1", "-s", str(path)], capture_output=True, text=True,
                          check=True).stdout


def ffprobe_tags(path) -> dict:
    result = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format_tags:stream_tags", "-of", "json",
                             str(path)], capture_output=True, text=True, check=True)
    found = json.loads(result.stdout)
    tags = dict(found.get("format", {}).get("tags", {}))
    for stream in found.get("streams", []):
        tags.update(stream.get("tags", {}))
    return tags


def packets(path) -> str:
    """The MD5 of every media packet, read by ffmpeg with a stream copy."""
    return subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-map", "0", "-c", "copy", "-f", "md5", "-"],
                          capture_output=True, text=True, check=True).stdout


def fix_and_recheck(cli, path) -> None:
    """--fix, then a check of the fixed file finds nothing (rc 0), with the packets unchanged."""
    before = packets(path)
    code, fixed = report(cli, "--fix", str(path))
    assert code == 1 and [entry["path"] for entry in fixed["fixed"]] == [path.name]
    code, out, _ = cli("check", "--no-cache", str(path))
    assert (code, out.strip().splitlines()[-1]) == (0, "no findings in 1 file checked")
    assert packets(path) == before


@pytest.mark.parametrize("extension", ["mp4", "mov", "m4v"])
def test_language_suffixed_and_vendor_keys_are_found_and_removed(tmp_path, cli, extension):
    path = tmp_path / f"sports.{extension}"
    video(path, f"location={POSITION}", f"location-eng={POSITION}", f"artist-eng={PEOPLE[0]}",
          f"comment-eng={PEOPLE[1]} solo", f"com.example.pupil={PEOPLE[1]}", extra=("-movflags", "+use_metadata_tags"))
    assert "Location-eng" in exiftool_text(path) and "com.example.pupil" in ffprobe_tags(path)

    code, found = report(cli, str(path))
    assert code == 1 and {f["code"] for f in found["findings"]} == {"SL101", "SL102"}
    assert {"QuickTime person or device", "QuickTime text", UNKNOWN + "QuickTime key com.example.pupil"} \
        <= fields(found, "SL102")
    _, out, _ = cli("check", "--no-cache", str(path))
    assert not any(secret in out for secret in (*PEOPLE, "51.5074"))      # fields named, values not

    fix_and_recheck(cli, path)
    left = exiftool_text(path)
    assert "[Keys]" not in left and not any(secret in left for secret in (*PEOPLE, "51.5074"))
    tags = ffprobe_tags(path)
    assert set(tags) <= {"major_brand", "minor_version", "compatible_brands", "handler_name", "vendor_id",
                         "language", "encoder"}
    # What ffprobe still calls the stream's encoder is the codec's compressorname in the sample
    # description (ISO/IEC 14496-12 section 12.1.3), part of how to decode it, not user metadata.
    assert tags.get("encoder", "Lavc").startswith("Lavc")


def test_a_location_only_under_a_language_suffix_is_sl101(tmp_path, cli):
    path = tmp_path / "onlyeng.mp4"
    video(path, f"location-eng={POSITION}", extra=("-movflags", "+use_metadata_tags"))

    code, out, _ = cli("check", "--no-cache", "--show-values", str(path))
    assert code == 1 and "SL101" in out and "51.5074, -0.1278" in out
    fix_and_recheck(cli, path)
    assert "Location" not in exiftool_text(path) and "location-eng" not in ffprobe_tags(path)


def test_3gpp_asset_boxes_beyond_title_and_author(tmp_path, cli):
    path = tmp_path / "sports.3gp"
    video(path, f"album={PEOPLE[1]}", "genre=Sport", f"copyright={PEOPLE[0]}")    # 'albm', 'gnre', 'cprt'

    _, found = report(cli, str(path))
    assert {"3GPP album", "3GPP genre"} <= fields(found, "SL102")
    fix_and_recheck(cli, path)
    assert not any(secret in exiftool_text(path) for secret in PEOPLE)


@pytest.mark.parametrize("extension", ["mp4", "mov"])
def test_a_track_title_in_the_track_user_data(tmp_path, cli, extension):
    path = tmp_path / f"sports.{extension}"
    video(path, extra=("-metadata:s:v", f"title={PEOPLE[1]}"))     # ffmpeg writes trak/udta/'name'
    assert PEOPLE[1] in exiftool_text(path)

    _, found = report(cli, str(path))
    assert "QuickTime track name" in fields(found, "SL102")
    fix_and_recheck(cli, path)
    assert PEOPLE[1] not in exiftool_text(path)


def test_encoder_is_named_software_not_a_person(tmp_path, cli):
    path = tmp_path / "plain.mp4"
    video(path, extra=("-movflags", "+use_metadata_tags"))      # ffmpeg's 'encoder' key alone

    _, found = report(cli, str(path))
    assert fields(found, "SL102") == {"QuickTime software"}


@pytest.mark.parametrize("extension, codec", [("mkv", "mpeg4"), ("webm", "libvpx")])
def test_matroska_tags_with_a_language_in_the_name_or_of_no_known_meaning(tmp_path, cli, extension, codec):
    path = tmp_path / f"sports.{extension}"
    # ffmpeg splits 'key-lang' into TagName and TagLanguage, but writes 'location_fra' as the TagName.
    video(path, f"location_fra={POSITION}", f"artist-eng={PEOPLE[0]}", f"com.example.pupil={PEOPLE[1]}",
          codec=codec, extra=("-b:v", "100k"))

    code, found = report(cli, str(path))
    assert code == 1 and fields(found, "SL101") == {"Matroska LOCATION_FRA tag"}
    assert {"Matroska ARTIST tag", UNKNOWN + "Matroska tag COM.EXAMPLE.PUPIL"} <= fields(found, "SL102")

    fix_and_recheck(cli, path)
    left = exiftool_text(path)
    assert not any(secret in left for secret in (*PEOPLE, "51.5074"))
    assert not {"LOCATION_FRA", "ARTIST", "COM.EXAMPLE.PUPIL"} & set(ffprobe_tags(path))


def test_avi_info_chunk_of_no_known_meaning_is_named(tmp_path, cli):
    made = tmp_path / "made.avi"
    video(made, f"artist={PEOPLE[0]}")
    data = made.read_bytes()
    assert data.count(b"IART") == 1
    path = tmp_path / "sports.avi"
    path.write_bytes(data.replace(b"IART", b"IPUP"))     # a chunk the RIFF INFO list does not define

    _, found = report(cli, str(path))
    assert UNKNOWN + "AVI INFO chunk IPUP" in fields(found, "SL102")
    fix_and_recheck(cli, path)
    assert PEOPLE[0] not in exiftool_text(path)


def test_avi_chunks_outside_info_of_no_known_meaning(tmp_path, cli):
    made = tmp_path / "made.avi"
    video(made, f"artist={PEOPLE[0]}")
    data = made.read_bytes()
    assert data.count(b"INFO") == 1 and data.count(b"IART") == 1
    path = tmp_path / "sports.avi"
    # Adobe Premiere's LIST 'Tdat' holds reel names ('rn_O') as chunks of their own.
    path.write_bytes(data.replace(b"INFO", b"Tdat").replace(b"IART", b"rn_O"))

    _, found = report(cli, str(path))
    assert UNKNOWN + "AVI chunk rn_O" in fields(found, "SL102")
    fix_and_recheck(cli, path)
    assert PEOPLE[0].encode() not in path.read_bytes()
