"""Trial 9 item 1, audio: a school's podcast or assembly recording (MP3, WAV, FLAC, Ogg Vorbis and
Opus) was passed as checked with no finding. Now its tags that name people (artist, comments) are
SL102, its cover picture is judged as the photo it is (its GPS is SL101), and --fix removes them
with every audio sample decoded the same (ffmpeg's MD5 of the decoded audio) and the files read
again by ExifTool. Real files built with ffmpeg and mutagen, checked through the command line."""

from __future__ import annotations

import base64
import subprocess

import pytest

from schoollint.cli import main
from tests.formats.test_no_silent_pass import exiftool_tags, ffmpeg, fields_of, run_json
from tests.kit.jpeg import phone_jpeg
from tests.kit.tools import needs_exiftool, needs_ffmpeg

ARTIST = "Jane Parent"
COMMENT = "Episode with Amelia Watson"
pytestmark = needs_ffmpeg


def _tagged(path, *extra: str) -> None:
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=0.5", *extra, "-metadata", f"artist={ARTIST}",
           "-metadata", f"comment={COMMENT}", str(path))


def _with_cover(path, cover: bytes) -> None:
    """Add `cover` as the recording's picture, as a tagger writes it (mutagen)."""
    import mutagen
    from mutagen.flac import Picture
    from mutagen.id3 import APIC, ID3

    if path.suffix == ".mp3":
        tags = ID3(path)
        tags.add(APIC(encoding=3, mime="image/jpeg", type=3, desc="Cover", data=cover))
        tags.save(path)
        return
    picture = Picture()
    picture.type, picture.mime, picture.data = 3, "image/jpeg", cover
    opened = mutagen.File(path)
    if path.suffix == ".flac":
        opened.add_picture(picture)
    else:   # Ogg: a base64 FLAC picture block in a Vorbis comment
        opened["metadata_block_picture"] = [base64.b64encode(picture.write()).decode("ascii")]
    opened.save()


def _decoded_md5(path) -> str:
    return subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-map", "0:a", "-f", "md5", "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("name, extra", [("podcast.mp3", ("-id3v2_version", "3")), ("assembly.flac", ()),
                                         ("concert.ogg", ("-c:a", "libvorbis")), ("choir.opus", ())])
def test_audio_tags_and_cover_picture_are_found_and_fixed_with_the_audio_untouched(repo, capsys, name, extra):
    path = repo / name
    _tagged(path, *extra)
    _with_cover(path, phone_jpeg())
    before = _decoded_md5(path)
    code, report = run_json(capsys, "--no-vision", name)
    assert code == 1
    assert any("artist" in field.lower() for field in fields_of(report, "SL102")), report
    assert "EXIF GPS position" in {field.partition(": ")[2] for field in fields_of(report, "SL101")}
    assert "cover picture" in next(iter(fields_of(report, "SL101")))
    assert ARTIST not in str(report) and report["files_not_checked"] == {}
    assert main(["check", "--no-cache", "--no-vision", "--fix", name]) == 1
    capsys.readouterr()
    assert _decoded_md5(path) == before
    code, report = run_json(capsys, "--no-vision", name)
    assert code == 0 and report["findings"] == []


def test_wav_info_and_id3_chunks_are_found_and_fixed(repo, capsys):
    from mutagen.id3 import TPE1
    from mutagen.wave import WAVE

    path = repo / "assembly.wav"
    _tagged(path)
    recording = WAVE(path)
    recording.add_tags()      # an 'id3 ' chunk, as taggers write one into a WAV
    recording.tags.add(TPE1(encoding=3, text=[ARTIST]))
    recording.save()
    before, size = _decoded_md5(path), path.stat().st_size
    code, report = run_json(capsys, "--no-vision", "assembly.wav")
    assert code == 1
    assert {"RIFF INFO artist (IART)", "ID3 artist (TPE1)"} <= fields_of(report, "SL102")
    assert main(["check", "--no-cache", "--no-vision", "--fix", "assembly.wav"]) == 1
    capsys.readouterr()
    assert _decoded_md5(path) == before and path.stat().st_size == size   # chunks blanked in place
    assert run_json(capsys, "--no-vision", "assembly.wav")[0] == 0


@needs_exiftool
def test_exiftool_finds_nothing_left_after_the_fix(repo, capsys):
    path = repo / "podcast.mp3"
    _tagged(path)
    _with_cover(path, phone_jpeg())
    assert main(["check", "--no-cache", "--no-vision", "--fix", "podcast.mp3"]) == 1
    tags = exiftool_tags(path)
    assert not any(ARTIST in str(value) or COMMENT in str(value) for value in tags.values()), tags
    cover = subprocess.run(["exiftool", "-b", "-Picture", str(path)], capture_output=True, check=True).stdout
    (repo / "cover.jpg").write_bytes(cover)
    assert not any(key.endswith(("GPSLatitude", "SerialNumber")) for key in exiftool_tags(repo / "cover.jpg"))


def test_an_mp3_with_only_an_id3v1_tag(repo, capsys):
    path = repo / "old.mp3"
    from mutagen.id3 import delete

    ffmpeg("-f", "lavfi", "-i", "sine=duration=0.3", "-write_id3v1", "1", "-metadata", f"artist={ARTIST}", str(path))
    delete(path, delete_v1=False, delete_v2=True)
    assert path.read_bytes()[-128:-125] == b"TAG"
    code, report = run_json(capsys, "--no-vision", "old.mp3")
    assert code == 1 and "ID3 artist (TPE1)" in fields_of(report, "SL102")
    assert main(["check", "--no-cache", "--no-vision", "--fix", "old.mp3"]) == 1
    assert ARTIST.encode() not in path.read_bytes()


def test_aiff_and_damaged_audio_are_never_counted_as_checked(repo, capsys):
    ffmpeg("-f", "lavfi", "-i", "sine=duration=0.3", "-metadata", f"artist={ARTIST}", str(repo / "a.aiff"))
    _tagged(repo / "b.flac")
    (repo / "b.flac").write_bytes((repo / "b.flac").read_bytes()[:30])     # cut inside its first block
    code, report = run_json(capsys, "--no-vision", ".")
    assert code == 1
    by_path = {finding["path"]: finding["code"] for finding in report["findings"]}
    assert by_path == {"a.aiff": "SL107", "b.flac": "SL105"}
    assert report["files_not_checked"] == {".aiff": 1, ".flac": 1}


@pytest.mark.parametrize("name, extra", [("a.mp3", ()), ("b.flac", ()), ("c.ogg", ("-c:a", "libvorbis")),
                                         ("d.wav", ())])
def test_damaged_audio_gives_a_media_error_and_nothing_else(repo, name, extra):
    from schoollint.formats import audio
    from tests.kit.damage import only_media_errors, patched

    _tagged(repo / name, *extra)
    data = (repo / name).read_bytes()
    mutants = [data[:cut] for cut in range(0, len(data), max(1, len(data) // 30))]
    mutants += list(patched(data, seed=7, patch=lambda rng: rng.randbytes(rng.randint(1, 8)), count=60))
    only_media_errors(audio, mutants)
