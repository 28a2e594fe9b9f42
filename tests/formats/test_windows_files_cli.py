"""Windows leftovers (trial 7 item 13) through the command line: Office owner files `~$name.docx`
and `~$name.xlsx`, `name:Zone.Identifier` download marks copied to Linux, and `.lnk` shortcuts
are SL109 (never SL105 "damaged"), named by what they hold and never by a value (a user name, a
URL, a computer's name); one so named whose content is not one is said and counted as not
checked; --fix --unsafe-fixes deletes the committed ones and stages the removals."""

from __future__ import annotations

import json
import struct

from tests.kit.git import commit_all, git
from tests.kit.sites import clean_photo

USER = "Sarah Whitfield"
MACHINE = b"OAKFIELD-PC12"
TARGET = b"C:\\Users\\sarah.whitfield\\Pictures\\Sports Day\\IMG_0412.jpg"
REFERRER = "https://mail.example.org/mail/u/0/"


def owner_file(user: str = USER, size: int = 162) -> bytes:
    """An Office owner file as Word writes it: a length byte, the name padded to byte 54, its
    length again and the name in UTF-16LE, padded to the file's fixed size."""
    name = user.encode("cp1252")
    data = bytes([len(name)]) + name + b"\0" * (53 - len(name)) + struct.pack("<H", len(user))
    data += user.encode("utf-16-le")
    return data + b"\0" * (size - len(data))


def zone_identifier() -> bytes:
    return (f"[ZoneTransfer]\r\nZoneId=3\r\nReferrerUrl={REFERRER}\r\n"
            "HostUrl=https://attachments.example.org/attachment?id=0.1\r\n").encode()


def shortcut() -> bytes:
    """A Shell Link ([MS-SHLLINK]): header, LinkInfo with a VolumeID and LocalBasePath, and a
    TrackerDataBlock naming the machine, then the terminal block."""
    header = struct.pack("<I16sIIQQQIIII2s8x", 0x4C, bytes.fromhex("0114020000000000C000000000000046"),
                         0x2, 0x20, 0, 0, 0, 0, 1, 0, 0, b"\0\0")
    volume = struct.pack("<IIII", 0x11, 3, 0x1234ABCD, 0x10) + b"\0"
    base_offset = 0x1C + len(volume)
    suffix_offset = base_offset + len(TARGET) + 1
    body = volume + TARGET + b"\0" + b"\0"
    info = struct.pack("<7I", 0x1C + len(body), 0x1C, 0x1, 0x1C, base_offset, 0, suffix_offset) + body
    tracker = struct.pack("<IIII", 0x60, 0xA0000003, 0x58, 0) + MACHINE.ljust(16, b"\0") + bytes(64)
    return header + info + tracker + b"\0\0\0\0"


def _report(cli, *extra: str) -> tuple[dict[str, dict], dict]:
    code, out, err = cli("check", "--no-cache", "--no-progress", "--no-vision", "--output-format", "json", *extra)
    assert code in (0, 1) and "Traceback" not in err, err
    report = json.loads(out)
    by_path: dict[str, dict] = {}
    for finding in report["findings"]:
        by_path.setdefault(finding["path"], {})[finding["code"]] = finding
    return by_path, report


def test_windows_leftovers_are_sl109_said_without_values_and_deleted_under_unsafe_fixes(repo, cli):
    clean_photo(repo / "images" / "trip.jpg")
    files = {"letters/~$wsletter.docx": owner_file(), "letters/~$nsent.xlsx": owner_file("Dan Okafor", 165),
             "images/trip.jpg:Zone.Identifier": zone_identifier(), "Sports photos.lnk": shortcut()}
    for path, data in files.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_bytes(data)
    commit_all(repo, "a folder copied from a staff laptop")
    found, report = _report(cli)
    assert {path: set(codes) for path, codes in found.items()} == {path: {"SL109"} for path in files}
    assert report["files_not_checked"] == {}
    messages = {path: codes["SL109"]["message"] for path, codes in found.items()}
    assert "owner file" in messages["letters/~$wsletter.docx"] and "holds a user name" in messages[
        "letters/~$wsletter.docx"]
    assert "ReferrerUrl" in messages["images/trip.jpg:Zone.Identifier"]
    assert "names the user" in messages["Sports photos.lnk"] and "TrackerDataBlock" in messages["Sports photos.lnk"]
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--no-vision", "--select", "SL109")
    for secret in ("Whitfield", "whitfield", "Okafor", "mail.example.org", "attachments.example", "OAKFIELD-PC12"):
        assert secret not in out and secret not in json.dumps(found), secret
    code, out, err = cli("check", "--no-cache", "--no-progress", "--no-vision", "--fix", "--unsafe-fixes")
    assert code in (0, 1), (out, err)
    assert not any((repo / path).exists() for path in files) and (repo / "images" / "trip.jpg").is_file()
    staged = git(repo, "diff", "--cached", "--name-only", "--diff-filter=D", "-z").strip("\0").split("\0")
    assert sorted(staged) == sorted(files) and len(git(repo, "status", "--porcelain").splitlines()) == len(files)
    assert _report(cli)[0] == {}


def test_a_misnamed_one_is_said_and_not_checked(repo, cli):
    (repo / "notes.lnk").write_bytes(b"Remember: Tyler Brookes has no photo consent\n")
    (repo / "~$port.docx").write_bytes(b"\x00" * 10)
    (repo / "a.jpg:Zone.Identifier").write_bytes(b"garbage")
    found, report = _report(cli)
    for path in ("notes.lnk", "~$port.docx", "a.jpg:Zone.Identifier"):
        assert "SL109" in found[path] and "not checked" in found[path]["SL109"]["message"], path
        assert found[path]["SL109"]["fix"] is None or "SL107" in found[path]
    assert sum(report["files_not_checked"].values()) == 3
    assert report["files_checked"] == 0
