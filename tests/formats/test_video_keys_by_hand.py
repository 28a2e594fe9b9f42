"""Video metadata layouts ffmpeg does not write, built box by box (tests/kit/isobmff.py): a QuickTime
international text whose first language is empty, an item list entry with one 'data' box per
locale, vendors' user data atoms, iTunes freeform items, XML in a 'meta' box, hostile key names.
Each is found through the command line, named without its value, and removed by `--fix` with the
media data unchanged; what only describes playback is neither reported nor removed.
"""

from __future__ import annotations

import json
import struct
import subprocess
import time

from tests.kit.isobmff import (ENGLISH, apple_meta, box, boxes_of, data_box, full_box, hdlr, movie,
                               qt_text, tkhd)
from tests.kit.tools import needs_exiftool

UNKNOWN = "a metadata field schoollint does not know: "
NAME = "Amelia Watson"


def language(code: str) -> int:
    """An ISO 639-2 code packed as QuickTime writes it: three 5-bit letters."""
    return sum((ord(letter) - 0x60) << shift for letter, shift in zip(code, (10, 5, 0), strict=True))


def international_text(kind: bytes, *entries: tuple[str, str]) -> bytes:
    """A QuickTime user data text atom with one (language, text) entry per language."""
    return box(kind, *(struct.pack(">HH", len(text.encode()), language(code)) + text.encode()
                       for code, text in entries))


def freeform(mean: str, name: str, value: str) -> bytes:
    return box(b"----", full_box(b"mean", 0, 0, mean.encode()), full_box(b"name", 0, 0, name.encode()),
               data_box(value))


def clip_with(*udta_children: bytes, moov: tuple[bytes, ...] = ()) -> bytes:
    return movie(box(b"trak", tkhd(64, 48)), box(b"udta", *udta_children), *moov)


def report(cli, *args: str) -> tuple[int, dict]:
    code, out, _ = cli("check", "--no-cache", "--output-format", "json", *args)
    return code, json.loads(out)


def fields(found: dict) -> set[str]:
    return {name for f in found["findings"] for name in f["field"].split(", ")}


def mdat(data: bytes) -> bytes:
    kind, offset, size = next(entry for entry in boxes_of(data) if entry[0] == b"mdat")
    return data[offset:offset + size]


def found_then_fixed(cli, tmp_path, data: bytes, expected: set[str], value: str | None = NAME) -> bytes:
    """Check (the fields `expected` among the findings, the value only with --show-values), fix,
    check again (nothing left, rc 0); the fixed file's bytes, its media data unchanged."""
    path = tmp_path / "clip.mp4"
    path.write_bytes(data)
    code, found = report(cli, str(path))
    assert code == 1 and expected <= fields(found)
    _, out, _ = cli("check", "--no-cache", str(path))
    if value:
        assert value not in out
        _, shown, _ = cli("check", "--no-cache", "--show-values", str(path))
        assert value in shown
    code, fixed = report(cli, "--fix", str(path))
    assert [entry["path"] for entry in fixed["fixed"]] == ["clip.mp4"]
    code, after = report(cli, str(path))
    assert (code, after["findings"]) == (0, [])
    result = path.read_bytes()
    assert len(result) == len(data) and mdat(result) == mdat(data)
    return result


def exiftool_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "exiftool.mp4"
    path.write_bytes(data)
    return subprocess.run(["exiftool", "-a", "-G1", "-s", str(path)], capture_output=True, text=True).stdout


@needs_exiftool
def test_title_empty_in_english_and_a_name_in_french(tmp_path, cli):
    data = clip_with(international_text(b"\xa9nam", ("eng", ""), ("fra", NAME)))
    assert NAME in exiftool_text(data, tmp_path)
    fixed = found_then_fixed(cli, tmp_path, data, {"QuickTime title"})
    assert NAME not in exiftool_text(fixed, tmp_path)


def test_item_with_one_data_box_per_locale(tmp_path, cli):
    comment = box(b"\xa9cmt", data_box(""), data_box(f"{NAME} solo"))
    data = clip_with(full_box(b"meta", 0, 0, hdlr(b"mdir"), box(b"ilst", comment)))
    found_then_fixed(cli, tmp_path, data, {"QuickTime comment"})


@needs_exiftool
def test_vendor_user_data_atoms_are_reported_by_type(tmp_path, cli):
    data = clip_with(box(b"smta", b"\0\0\0\0", box(b"mdln", b"SM-G991B serial R5CR10")),
                     qt_text(b"\xa9hst", "Jane Smith's MacBook"), qt_text(b"\xa9zzz", NAME))
    fixed = found_then_fixed(cli, tmp_path, data, {UNKNOWN + "QuickTime user data atom smta",
                                                   "QuickTime host computer",
                                                   UNKNOWN + "QuickTime user data atom ©zzz"})
    assert not any(text in exiftool_text(fixed, tmp_path) for text in ("R5CR10", "MacBook", NAME))


def test_itunes_freeform_and_unknown_items(tmp_path, cli):
    items = box(b"ilst", freeform("com.example", "PUPIL", NAME), box(b"zzzz", data_box("Class 3")))
    data = clip_with(full_box(b"meta", 0, 0, hdlr(b"mdir"), items))
    found_then_fixed(cli, tmp_path, data, {UNKNOWN + "QuickTime item ----:com.example:PUPIL",
                                           UNKNOWN + "QuickTime item zzzz"})


def test_keys_of_any_vendor_with_language_suffixes(tmp_path, cli):
    data = movie(box(b"trak", tkhd(64, 48)), apple_meta({
        "com.example.camera.operator-en-GB": NAME, "title_fr": "Sports day", "com.acme.tracker.id": "A1"}))
    found_then_fixed(cli, tmp_path, data, {"QuickTime person or device", "QuickTime text",
                                           UNKNOWN + "QuickTime key com.acme.tracker.id"})


def test_xml_in_a_meta_box(tmp_path, cli):
    xml = full_box(b"xml ", 0, 0, b'<NonRealTimeMeta><Device manufacturer="Sony" serialNo="3141592"/>'
                                  b"</NonRealTimeMeta>")
    data = clip_with(moov=(full_box(b"meta", 0, 0, hdlr(b"nrtm"), xml),))
    fixed = found_then_fixed(cli, tmp_path, data, {UNKNOWN + "XML box 'xml' in 'meta'"}, value=None)
    assert b"3141592" not in fixed


def test_id3_in_a_meta_box(tmp_path, cli):
    frame = b"TPE1" + struct.pack(">IH", 1 + len(NAME), 0) + b"\x03" + NAME.encode()     # ID3v2.4 artist, UTF-8
    tag = b"ID3\x04\0\0" + struct.pack(">I", len(frame)) + frame      # (a size this small is its own syncsafe form)
    id3 = full_box(b"ID32", 0, 0, struct.pack(">H", ENGLISH), tag)
    data = clip_with(full_box(b"meta", 0, 0, hdlr(b"ID32"), id3))
    fixed = found_then_fixed(cli, tmp_path, data, {UNKNOWN + "ID3 box 'ID32' in 'meta'"}, value=None)
    assert NAME.encode() not in fixed


def test_a_hostile_key_name_is_shown_printable_and_short(tmp_path, cli):
    data = movie(box(b"trak", tkhd(64, 48)), apple_meta({"com.example.\n\x1b[31m" + "x" * 5000: NAME}))
    path = tmp_path / "clip.mp4"
    path.write_bytes(data)
    _, found = report(cli, str(path))
    (field,) = fields(found)
    assert field.startswith(UNKNOWN + "QuickTime key com.example.??[31m") and len(field) < 200


def test_playback_atoms_and_items_are_left_alone(tmp_path, cli):
    items = box(b"ilst", box(b"stik", data_box(b"\x09", 21)), freeform("com.apple.iTunes", "iTunSMPB", " 0 840"))
    data = movie(box(b"trak", tkhd(64, 48), box(b"udta", box(b"tsel", bytes(12)), box(b"ludt", bytes(8)))),
                 box(b"udta", box(b"free", bytes(8)), full_box(b"meta", 0, 0, hdlr(b"mdir"), items)),
                 apple_meta({"com.apple.quicktime.live-photo.auto": "1", "com.android.capture.fps": "240.0"}))
    path = tmp_path / "clip.mp4"
    path.write_bytes(data)
    code, found = report(cli, str(path))
    assert (code, found["findings"]) == (0, [])


def test_an_atom_of_many_empty_languages_is_read_in_bounded_time(tmp_path, cli):
    atom = box(b"\xa9nam", struct.pack(">HH", 0, ENGLISH) * 100_000, struct.pack(">HH", len(NAME), ENGLISH),
               NAME.encode())
    path = tmp_path / "clip.mp4"
    path.write_bytes(clip_with(atom))
    started = time.process_time()
    code, found = report(cli, str(path))
    assert time.process_time() - started < 10
    assert code in (0, 1) and found["errors"] == []
