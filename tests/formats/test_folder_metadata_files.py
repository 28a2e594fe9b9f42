"""SL109's reader (formats/folder_files.py) on real bytes of each folder file: a Windows
Thumbs.db built as an OLE compound file ([MS-CFB] version 3) with a JPEG thumbnail per stream,
a .DS_Store with its Bud1 header, and an AppleDouble file (RFC 1740) whose Finder info holds
the extended attributes macOS writes (xnu attr_header); and files so named that are not one."""

from __future__ import annotations

import math
import plistlib
import struct

import pytest

from schoollint.formats import folder_files
from schoollint.formats.registry import read_media, recognised
from tests.kit.images import encode, photo

_SECTOR = 512
_FREE, _END, _FAT, _NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _entry(name: str, kind: int, start: int = _END, size: int = 0, child: int = _NONE, right: int = _NONE) -> bytes:
    """A 128-byte directory entry ([MS-CFB] 2.6.1), black, with no left sibling."""
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", _NONE, right, child) + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size))


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file (version 3, 512-byte sectors) holding `streams` under the root
    storage. Each stream is padded to the 4,096-byte mini stream cutoff, so all live in ordinary
    sectors and no mini FAT is needed; siblings form a chain of right siblings in [MS-CFB]'s
    order (shorter names first, then by upper case), which is a valid all-black tree."""
    names = sorted(streams, key=lambda name: (len(name), name.upper()))
    bodies = [streams[name].ljust(4096, b"\0") for name in names]
    entries = 1 + len(names)
    directory_sectors = math.ceil(entries * 128 / _SECTOR)
    data_sectors = [math.ceil(len(body) / _SECTOR) for body in bodies]
    fat_sectors = 1
    while (fat_sectors + directory_sectors + sum(data_sectors)) > fat_sectors * 128:
        fat_sectors += 1
    fat = [_FAT] * fat_sectors
    first_directory = len(fat)
    fat += [first_directory + index + 1 for index in range(directory_sectors - 1)] + [_END]
    starts = []
    for count in data_sectors:
        starts.append(len(fat))
        fat += [len(fat) + index + 1 for index in range(count - 1)] + [_END]
    fat += [_FREE] * (fat_sectors * 128 - len(fat))
    directory = _entry("Root Entry", 5, child=1 if names else _NONE)
    for index, (name, body) in enumerate(zip(names, bodies, strict=True)):
        right = index + 2 if index + 1 < len(names) else _NONE
        directory += _entry(name, 2, starts[index], len(body), right=right)
    directory = directory.ljust(directory_sectors * _SECTOR, b"\0")
    empty = _entry("", 0)
    directory = directory[:entries * 128] + empty * (directory_sectors * 4 - entries)
    difat = list(range(fat_sectors)) + [_FREE] * (109 - fat_sectors)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + bytes(6) + struct.pack("<IIIIIIIII", 0, fat_sectors, first_directory, 0, 4096, _END, 0, _END, 0)
              + struct.pack("<109I", *difat))
    assert len(header) == _SECTOR
    return (header + struct.pack(f"<{len(fat)}I", *fat) + directory
            + b"".join(body.ljust(count * _SECTOR, b"\0") for body, count in zip(bodies, data_sectors, strict=True)))


def thumbs_db(thumbnails: int = 14) -> bytes:
    """A Windows XP Thumbs.db: each stream (named by its number written backwards) a 12-byte
    header (header size, index, JPEG size) then a 96-pixel JPEG; the Catalog names the photos."""
    streams = {}
    for index in range(1, thumbnails + 1):
        jpeg = encode(photo(size=(96, 72), seed=index), "JPEG")
        streams[str(index)[::-1]] = struct.pack("<III", 12, index, len(jpeg)) + jpeg
    streams["Catalog"] = b"".join(f"IMG_{index:04d}.JPG".encode("utf-16-le") for index in range(thumbnails))
    return compound_file(streams)


def ds_store(names: tuple[str, ...] = ("IMG_0412.JPG", "Olivia Brown face paint.jpg")) -> bytes:
    """A .DS_Store: the 4-byte alignment word, `Bud1`, the root block's offset and size twice,
    then records of each file name (UTF-16BE, as Finder writes them) with an `Iloc` position."""
    records = b"".join(struct.pack(">I", len(name)) + name.encode("utf-16-be") + b"Iloc" + b"blob"
                       + struct.pack(">I", 16) + struct.pack(">II", 64, 96) + bytes(8) for name in names)
    return (b"\x00\x00\x00\x01Bud1" + struct.pack(">III", 0x1000, 0x800, 0x1000) + bytes(16)
            + records).ljust(0x1800, b"\0")


def apple_double(attributes: dict[str, bytes]) -> bytes:
    """An AppleDouble version 2 file as macOS writes one beside `name` on a FAT or SMB volume:
    a Finder info entry (ID 9) with the extended attributes after it, and an empty resource fork."""
    entries_at = 84 + 36
    table, data = b"", b""
    names = list(attributes)
    sizes = [(11 + len(name) + 1 + 3) & ~3 for name in names]
    data_start = entries_at + sum(sizes)
    offset = data_start
    for name, size in zip(names, sizes, strict=True):
        encoded = name.encode() + b"\0"
        table += (struct.pack(">IIHB", offset, len(attributes[name]), 0, len(encoded)) + encoded).ljust(size, b"\0")
        offset += len(attributes[name])
        data += attributes[name]
    total = data_start + len(data)
    attr_header = b"ATTR" + struct.pack(">IIII", 0, total, data_start, len(data)) + bytes(12) + struct.pack(
        ">HH", 0, len(names))
    header = (b"\x00\x05\x16\x07\x00\x02\x00\x00" + b"Mac OS X        " + struct.pack(">H", 2)
              + struct.pack(">III", 9, 50, total - 50) + struct.pack(">III", 2, total, 0))
    return header + bytes(32) + bytes(2) + attr_header + table + data


# kMDItemWhereFroms as Safari writes it: a binary property list of the file's URL and the page it came from.
WHERE_FROMS = plistlib.dumps(["https://photos.example/p/abc123", "https://mail.example/"], fmt=plistlib.FMT_BINARY)


def test_a_thumbs_db_is_known_by_name_and_magic_and_its_thumbnails_counted():
    pytest.importorskip("olefile", reason="olefile lists the compound file's directory")
    facts = read_media(thumbs_db(14), ".db", "Thumbs.db")
    assert facts.format == folder_files.THUMBS and facts.unchecked is None
    assert facts.notes == ("holds 14 thumbnails",)
    assert "holds 14 thumbnails" in folder_files.describe(facts)


def test_olefile_reads_the_compound_file_as_windows_would_write_it():
    olefile = pytest.importorskip("olefile")
    with olefile.OleFileIO(thumbs_db(3)) as ole:
        assert sorted(ole.listdir()) == [["1"], ["2"], ["3"], ["Catalog"]]
        assert ole.openstream("2").read()[12:14] == b"\xff\xd8"     # a JPEG thumbnail after its header


def test_a_damaged_thumbs_db_is_still_reported_without_a_count():
    damaged = thumbs_db(2)[:700]
    facts = read_media(damaged, ".db", "ehthumbs.db")
    assert facts.format == folder_files.THUMBS and facts.notes == () and facts.unchecked is None


def test_ds_store_and_apple_double_are_read_and_say_what_they_hold_by_name_only():
    assert read_media(ds_store(), "", ".DS_Store").format == folder_files.DS_STORE
    facts = read_media(apple_double({"com.apple.metadata:kMDItemWhereFroms": WHERE_FROMS,
                                     "com.apple.quarantine": b"0081;65f0a1b2;Safari;"}), ".jpg", "._IMG_0412.jpg")
    assert facts.format == folder_files.APPLE_DOUBLE
    assert facts.notes == ("where it was downloaded from (com.apple.metadata:kMDItemWhereFroms)",
                           "the app that downloaded it (com.apple.quarantine)")
    assert "photos.example" not in folder_files.describe(facts)     # attribute names, never their values


def test_desktop_ini_is_read_in_utf16_or_ansi():
    text = "[.ShellClassInfo]\r\nIconResource=C:\\Users\\office\\school.ico,0\r\n"
    for data in (b"\xff\xfe" + text.encode("utf-16-le"), text.encode("cp1252")):
        facts = read_media(data, ".ini", "desktop.ini")
        assert facts.format == folder_files.DESKTOP_INI and facts.unchecked is None


@pytest.mark.parametrize("name, data", [("Thumbs.db", b"\xef\xea\x06\xd7" * 512), (".DS_Store", b"x"),
                                        ("._photo.jpg", b"\x00\x05\x16"), ("desktop.ini", b"hello")])
def test_a_file_so_named_that_is_not_one_is_said_and_not_checked(name, data):
    facts = read_media(data, "", name)
    assert facts.format in folder_files.FORMATS
    assert facts.unchecked and "its content is not one" in facts.unchecked
    assert folder_files.describe(facts).startswith("named as a ") and "not checked" in folder_files.describe(facts)


def test_a_picture_so_named_is_read_as_the_picture_it_is():
    assert read_media(encode(photo(), "JPEG"), ".jpg", "._photo.jpg").format == "JPEG"


def test_only_these_names_are_folder_files_and_a_plain_database_is_left_alone():
    for name in ("Thumbs.db", "thumbs.DB", "ehthumbs.db", ".DS_Store", "._IMG_0412.jpg", "Desktop.ini"):
        assert folder_files.kind(f"images/{name}") is not None and recognised(b"", "", name), name
    for name in ("site.db", "._", "config.ini", "DS_Store", "my.DS_Store"):
        assert folder_files.kind(name) is None, name
    assert not recognised(b"SQLite format 3\0", ".db", "site.db")
