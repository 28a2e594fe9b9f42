"""Issue 18: the cache is keyed like Git's index (size, mtime, inode, ctime; Git's blob id for
tracked files the index vouches for), never by hashing every byte, and stays trustworthy:
a file whose stat changed is read again, a page's result is dropped when a file its
references lead to comes or goes (issue 9: SL304), a cache of another version is discarded.

Every case runs the real command in a real Git repository.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import time
from pathlib import Path

from tests.kit.sites import make_png, photo_with_gps


def stored(repo: Path) -> dict:
    return json.loads((repo / ".schoollint_cache" / "results.json").read_bytes().partition(b"\n")[2])


def aged(*paths: Path, seconds: float = 10.0) -> None:
    """Set mtime back, as for a file written a while ago (a just-written file is read again next run:
    its signature might not change on a second write in the same clock tick)."""
    for path in paths:
        then = time.time() - seconds
        os.utime(path, (then, then))


def codes(out: str) -> list[str]:
    return [finding["code"] for finding in json.loads(out)["findings"]]


def test_a_referenced_photo_deleted_by_hand_is_a_broken_reference_even_while_the_page_is_cached(repo, cli):
    """Issue 9: the page's cached result used to outlive the photo it shows."""
    make_png(repo / "images" / "pupils.png")
    (repo / "index.html").write_text('<p><img src="images/pupils.png" alt="a class at the zoo"></p>\n')
    aged(repo / "index.html", repo / "images" / "pupils.png")
    assert "SL304" not in codes(cli("check", "--output-format", "json")[1])
    (repo / "images" / "pupils.png").unlink()          # by hand: the page itself is unchanged
    assert "SL304" in codes(cli("check", "--output-format", "json")[1])
    make_png(repo / "images" / "pupils.png")             # and back again: the finding goes
    assert "SL304" not in codes(cli("check", "--output-format", "json")[1])


def test_a_file_rewritten_with_the_same_size_and_mtime_is_read_again(repo, cli):
    page = repo / "index.html"
    page.write_text('<img src="a.png" alt="Emily Johnson at sports day">\n')
    make_png(repo / "a.png")
    aged(page, repo / "a.png")
    assert "SL302" in codes(cli("check", "--output-format", "json", "--select", "SL302")[1])
    before = page.stat()
    page.write_text('<img src="a.png" alt="a pupil running at sportday">\n')
    assert page.stat().st_size == before.st_size
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))      # size and mtime as they were
    assert codes(cli("check", "--output-format", "json", "--select", "SL302")[1]) == []


def test_a_text_run_hashes_nothing_and_a_later_report_still_gets_the_same_fingerprints(repo, cli):
    photo = photo_with_gps(repo / "a.jpg")
    aged(photo)
    expected = json.loads(cli("check", "--no-cache", "--output-format", "json")[1])["findings"]
    assert cli("check")[0] == 1
    assert [entry[5] for entry in stored(repo)["stat"].values()] == [""]     # no SHA-256 for a text report
    again = json.loads(cli("check", "--output-format", "json")[1])["findings"]
    assert [f["fingerprint"] for f in again] == [f["fingerprint"] for f in expected]
    assert stored(repo)["stat"]["a.jpg"][5] == hashlib.sha256(photo.read_bytes()).hexdigest()


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def commit_all(root: Path) -> None:
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "site")


def test_a_clone_hits_the_cache_by_git_blob_id(repo, cli, tmp_path):
    photo = photo_with_gps(repo / "a.jpg")
    commit_all(repo)
    cli("check")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    (clone / ".schoollint_cache").mkdir(mode=0o700)
    (clone / ".schoollint_cache" / "results.json").write_bytes((repo / ".schoollint_cache" / "results.json")
                                                              .read_bytes())
    os.chdir(clone)
    blob = git(clone, "hash-object", "a.jpg").strip()
    assert stored(clone)["stat"]["a.jpg"][4] == "g" + blob           # as the first run keyed it
    assert (clone / "a.jpg").stat().st_ino != photo.stat().st_ino
    code, out, _ = cli("check", "--output-format", "json")
    assert code == 1 and "SL101" in codes(out)
    # A modified tracked file is no longer what the index holds: keyed by its stat, and judged anew.
    photo_with_gps(clone / "a.jpg", colour="red")
    assert "SL101" in codes(cli("check", "--output-format", "json")[1])
    assert stored(clone)["stat"]["a.jpg"][4].startswith("s")


def test_a_file_a_clean_filter_rewrites_is_never_keyed_by_its_blob_id(repo, cli):
    """With a filter that strips metadata on commit, the photo with GPS and the stripped copy share
    a blob id: only the file's own stat may key it."""
    photo_with_gps(repo / "a.jpg")
    (repo / ".gitattributes").write_text("*.jpg filter=strip\n")
    git(repo, "config", "filter.strip.clean", "cat")
    commit_all(repo)
    make_png(repo / "b.png")
    commit_all(repo)
    cli("check")
    keys = {path: entry[4][0] for path, entry in stored(repo)["stat"].items()}
    assert keys["a.jpg"] == "s" and keys["b.png"] == "g"


def test_a_cache_written_by_another_version_is_discarded(repo, cli):
    from schoollint.usercache import mac as _mac

    photo = photo_with_gps(repo / "a.jpg")
    aged(photo)
    assert cli("check")[0] == 1
    path = repo / ".schoollint_cache" / "results.json"
    body = json.loads(path.read_bytes().partition(b"\n")[2])
    body["version"] = "0.0.1/1"
    for record in body["results"].values():
        record["findings"] = []
    encoded = json.dumps(body).encode()
    path.write_bytes(_mac(encoded) + b"\n" + encoded)          # signed with this user's key: only the version is wrong
    code, out, _ = cli("check", "--select", "SL101")
    assert code == 1 and "SL101" in out
    assert stored(repo)["version"] != "0.0.1/1"
