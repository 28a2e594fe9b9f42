"""`schoollint history` reading blobs itself (schoollint.gitobjects): byte for byte what git gives,
loose and packed, SHA-1 and SHA-256, and the same findings as reading everything through git."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import piexif
import pytest

from schoollint import gitobjects
from schoollint.gitlog import MAX_BLOB
from tests.audit.sites import gps_jpeg, page, write
from tests.kit.git import commit_all, git


def noisy_gps_jpeg(seed: int) -> bytes:
    """A photo-sized JPEG with GPS whose scan does not compress away (so a pack stores it whole)."""
    from PIL import Image

    picture = Image.effect_noise((160, 120), 60 + seed).convert("RGB")
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=90, exif=piexif.dump({"GPS": piexif.load(gps_jpeg())["GPS"]}))
    return out.getvalue()


def stripped(photo: bytes) -> bytes:
    """The same photo with its EXIF removed: the same scan, so a pack stores one as a delta of the other."""
    out = io.BytesIO()
    piexif.remove(photo, out)
    return out.getvalue()


def commented(photo: bytes, text: bytes) -> bytes:
    """The photo with a JPEG COM segment after SOI: another version with the same scan."""
    return photo[:2] + b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text + photo[2:]


def build(repo: Path) -> None:
    """Photos committed, one replaced by its stripped version, one changed three times (a chain
    of deltas in a pack), then all but p0 taken down; a page; an empty file."""
    photos = [noisy_gps_jpeg(seed) for seed in range(4)]
    for number, photo in enumerate(photos):
        write(repo, f"images/p{number}.jpg", photo)
    write(repo, "index.html", page(("images/p0.jpg", "Sports day")))
    write(repo, "images/empty.png", b"")
    commit_all(repo, "photos", "2022-01-01T10:00:00+00:00")
    write(repo, "images/p0.jpg", stripped(photos[0]))
    commit_all(repo, "p0 stripped", "2022-02-01T10:00:00+00:00")
    for version in range(3):
        write(repo, "images/p1.jpg", commented(photos[1], b"edit %d " % version * (version + 1)))
        commit_all(repo, f"p1 edit {version}", f"2022-02-0{2 + version}T10:00:00+00:00")
    for number in range(1, 4):
        (repo / f"images/p{number}.jpg").unlink()
    commit_all(repo, "taken down", "2022-03-01T10:00:00+00:00")


def blobs(repo: Path) -> list[str]:
    listing = git(repo, "cat-file", "--batch-all-objects", "--batch-check=%(objectname) %(objecttype)")
    return [line.split()[0] for line in listing.splitlines() if line.endswith(" blob")]


def from_git(repo: Path, oid: str) -> bytes:
    return subprocess.run(["git", "cat-file", "blob", oid], cwd=repo, check=True, capture_output=True).stdout


def deltas(repo: Path) -> set[str]:
    """Objects stored as deltas in the packs (git verify-pack -v: a depth and a base name follow)."""
    found = set()
    for index in (repo / ".git/objects/pack").glob("*.idx"):
        for line in git(repo, "verify-pack", "-v", str(index)).splitlines():
            fields = line.split()
            if len(fields) == 7 and fields[1] == "blob":
                found.add(fields[0])
    return found


def read_all(repo: Path) -> dict[str, bytes | None]:
    with gitobjects.Store(gitobjects.place(repo), MAX_BLOB) as store:
        return {oid: store.blob(oid) for oid in blobs(repo)}


@pytest.mark.parametrize(("object_format", "base_by"), [("sha1", "offset"), ("sha256", "offset"),
                                                        ("sha1", "name")])
def test_blobs_read_without_git_are_byte_for_byte_what_git_gives(tmp_path, object_format, base_by, monkeypatch):
    repo = tmp_path / "site"
    repo.mkdir()
    git(repo, "init", "-q", f"--object-format={object_format}")
    build(repo)
    loose = read_all(repo)
    expected = {oid: from_git(repo, oid) for oid in loose}
    assert len(loose) == 10 and loose == expected, "every loose blob read, exactly"
    git(repo, "-c", f"repack.useDeltaBaseOffset={'true' if base_by == 'offset' else 'false'}",
        "repack", "-a", "-d", "-f", "-q", "--depth=50")       # deltas based on an offset (OFS) or a name (REF)
    git(repo, "prune-packed")
    assert not list((repo / ".git/objects").glob("??/*")), "everything is packed now"
    assert len(deltas(repo)) >= 3, "the stripped photo and the edits of p1 are stored as deltas"
    assert read_all(repo) == expected, "whole entries and deltas read, exactly"
    monkeypatch.setattr(gitobjects, "MAX_DEPTH", 0)
    assert {oid for oid, data in read_all(repo).items() if data is None} == deltas(repo), \
        "a chain deeper than the reader follows is left to git"
    monkeypatch.setattr(gitobjects, "MAX_DEPTH", 64)
    monkeypatch.setitem(sys.modules, "deflate", None)      # installed without the wheel: the standard zlib
    assert read_all(repo) == expected


def test_history_gives_the_same_findings_loose_packed_and_through_git_alone(repo, cli, monkeypatch):
    build(repo)

    def report():
        code, out, err = cli("history", "--output-format", "json")
        assert code == 1, err
        return json.loads(out)

    loose = report()
    git(repo, "gc", "-q", "--prune=now")
    packed = report()
    monkeypatch.setattr(gitobjects.Store, "blob", lambda self, oid: None)     # every blob through git cat-file
    through_git = report()
    assert loose == packed == through_git
    located = {(f["path"], f["blob"]) for f in loose["findings"] if f["code"] == "SL101"}
    assert {path for path, _blob in located} == {"images/p0.jpg", "images/p1.jpg", "images/p2.jpg", "images/p3.jpg"}
    assert len(located) == 7, "p0's first version, p1's four, p2, p3"
    assert loose["blobs_checked"] == 10 and loose["not_checked"] == []


def test_a_partial_clone_with_a_missing_blob_says_so_with_two_readers(repo, tmp_path, cli, monkeypatch):
    """Some blobs fetched, the rest missing: the workers read what is here and name what is not."""
    from schoollint import history_check, pool

    count = 2 * pool.POOL_THRESHOLD
    for number in range(count):
        write(repo, f"images/p{number:02d}.jpg", noisy_gps_jpeg(number))
    commit_all(repo, "photos", "2022-01-01T10:00:00+00:00")
    for number in range(count):
        (repo / f"images/p{number:02d}.jpg").unlink()
    commit_all(repo, "taken down", "2022-02-01T10:00:00+00:00")
    git(repo, "config", "uploadpack.allowFilter", "true")
    clone = tmp_path / "partial"
    git(tmp_path, "clone", "-q", "--filter=blob:none", "--no-checkout", repo.as_uri(), str(clone))
    fetched = {git(clone, "rev-parse", f"HEAD~1:images/p{number:02d}.jpg").strip() for number in range(0, count, 2)}
    for oid in fetched:                                   # a lazy fetch: these now sit in promisor packs
        from_git(clone, oid)
    monkeypatch.chdir(clone)
    monkeypatch.setattr(history_check, "BLOBS_PER_JOB", 1)
    started = []
    real = pool._pooled
    monkeypatch.setattr(pool, "_pooled", lambda *args, **kwargs: started.append(1) or real(*args, **kwargs))
    code, out, err = cli("history", "--output-format", "json", "--jobs", "2")
    assert code == 1, err
    assert started, "the worker pool ran"
    report = json.loads(out)
    assert report["blobs_checked"] == len(fetched) == count // 2
    assert {f["blob"] for f in report["findings"] if f["code"] == "SL101"} == fetched
    missing = {entry["where"].split(" @ ")[0] for entry in report["not_checked"]}
    assert missing == {f"images/p{number:02d}.jpg" for number in range(1, count, 2)}
    assert {entry["why"] for entry in report["not_checked"]} == {"blob not present in this partial clone"}


def test_a_damaged_loose_object_stops_with_its_name_not_a_wrong_answer(repo, cli):
    write(repo, "images/gone.jpg", noisy_gps_jpeg(1))
    commit_all(repo, "photo", "2022-01-01T10:00:00+00:00")
    oid = git(repo, "rev-parse", "HEAD:images/gone.jpg").strip()
    (repo / "images/gone.jpg").unlink()
    commit_all(repo, "taken down", "2022-02-01T10:00:00+00:00")
    stored = repo / ".git/objects" / oid[:2] / oid[2:]
    damaged = bytearray(stored.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    stored.chmod(0o644)
    stored.write_bytes(bytes(damaged))
    with gitobjects.Store(gitobjects.place(repo), MAX_BLOB) as store:
        assert store.blob(oid) is None, "a checksum that does not match is left to git"
    code, _out, err = cli("history")
    assert code == 2 and oid in err and "Traceback" not in err
