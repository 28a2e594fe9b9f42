"""Issue 17, reliability and security under attack: interrupted fixes, leftover temporary files,
orphaned workers, read-only files, long names, files that shrink while read, control characters
in output, symlinks out of the repository, rename tags, and the cache.

Every case runs the real command (in-process through `cli`, or as a process where it must be
killed) on real files in a temporary folder.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path


import pytest

from tests.kit.sites import make_png, photo_with_gps

GIVEN = ["Emily", "Oliver", "Amelia", "Jack", "Isla", "George", "Ava", "Noah"]
FAMILY = ["Johnson", "Smith", "Brown", "Taylor", "Evans", "Wilson", "Walker", "Wright"]
_SOURCE = re.compile(r'src="([^"]+)"')


def build_site(root: Path, images: int, pages: int) -> Path:
    """Photos named after pupils (SL301 renames them) and pages that show every one of them.

    Returns the roster that names the pupils (kept outside the site, as a roster must be)."""
    names = [f"{GIVEN[i % len(GIVEN)]} {FAMILY[(i + i // len(GIVEN)) % len(FAMILY)]}" for i in range(images)]
    for name in names:
        make_png(root / "photos" / f"{name.lower().replace(' ', '-')}.png", size=(16, 12))
    for number in range(pages):
        tags = "".join(f'<img src="photos/{name.lower().replace(" ", "-")}.png" alt="a pupil">' for name in names)
        (root / f"page{number}.html").write_text(f"<html><body><p>Page {number}</p>{tags}</body></html>")
    roster = root.parent / f"{root.name}-roster.txt"
    roster.write_text("\n".join(names) + "\n")
    return roster


def broken_references(root: Path) -> list[str]:
    """Every `src` in every page that does not lead to an existing file."""
    broken = []
    for page in sorted(root.glob("*.html")):
        broken += [f"{page.name}: {source}" for source in _SOURCE.findall(page.read_text())
                   if not (root / source).is_file()]
    return broken


def leftovers(root: Path) -> list[str]:
    return [str(path.relative_to(root)) for path in root.rglob("*.schoollint-tmp")]


def schoollint(root: Path, *args: str, pythonpath: str | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": pythonpath} if pythonpath else None
    return subprocess.Popen([sys.executable, "-m", "schoollint", "check", "--no-progress", *args], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _seconds(site: Path, *command: str, pythonpath: str | None) -> float:
    started = time.monotonic()
    schoollint(site, *command, pythonpath=pythonpath).communicate()
    return time.monotonic() - started


def kill_trials(folder: Path, trials: int, seed: int, images: int = 5, pages: int = 6,
                pythonpath: str | None = None) -> list[dict]:
    """Kill `--fix --unsafe-fixes` with SIGKILL at a random instant while it fixes, then run a
    plain check (which finishes an interrupted fix).

    The instant is drawn from where the fixing starts (the time a plain check takes, less a
    tenth) to half-way through what the fix run takes beyond that (the rest is checking the
    fixed files again), one trial in each of `trials` equal slices of that window. The next
    run is a plain check: any run finishes an interrupted fix first. Per trial: the broken
    references right after the kill and after the next run, that run's notes, and the
    temporary files and journal left.
    """
    template = folder / "template"
    roster = build_site(template, images, pages)
    command = ("--fix", "--unsafe-fixes", "--no-cache", "--roster", str(roster))
    timing = folder / "timing"
    shutil.copytree(template, timing)
    checking = _seconds(timing, "--no-cache", "--roster", str(roster), pythonpath=pythonpath)
    length = _seconds(timing, *command, pythonpath=pythonpath)
    assert broken_references(timing) == [] and not list((timing / "photos").glob("emily*"))

    def trial(number: int) -> dict:
        site = folder / f"trial{number}"
        shutil.copytree(template, site)
        process = schoollint(site, *command, pythonpath=pythonpath)
        # Stratified: trial k of n dies at a random instant of the k-th n-th of the window, so the
        # kills cover the whole window however short the multi-file part of the fix is.
        start, span = 0.9 * checking, 0.1 * checking + (length - checking) / 2
        time.sleep(start + span * (number + random.Random(seed * 1000 + number).random()) / trials)
        process.send_signal(signal.SIGKILL)
        process.communicate()
        after_kill = broken_references(site)
        _out, err = schoollint(site, "--no-cache", pythonpath=pythonpath).communicate()
        result = {"killed": after_kill, "next": broken_references(site), "notes": err, "leftovers": leftovers(site),
                  "journal": (site / ".schoollint_cache/journal.json").exists()}
        shutil.rmtree(site)
        return result

    return [trial(number) for number in range(trials)]


def test_killed_unsafe_fixes_never_leave_a_broken_reference(tmp_path):
    """Item 1: SIGKILL at 30 random instants; every reference resolves at the kill and after the next run."""
    # 20 photos named after pupils on 12 pages: a fix long enough (tens of milliseconds of renames
    # and page rewrites) for kills to land in it, now that one takes about a tenth of a second
    results = kill_trials(tmp_path, trials=30, seed=17, images=20, pages=12)
    assert [r["killed"] for r in results if r["killed"]] == []
    assert [r["next"] for r in results if r["next"]] == []
    assert [r for r in results if r["journal"] or r["leftovers"]] == []
    # some kills landed in a multi-file fix, and the next run said it finished it
    assert any("finished a fix an earlier run was stopped in" in r["notes"] for r in results)


# --- item 3: temporary files and the fix lock ------------------------------------------------

def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_temporary_files_are_never_checked_and_stale_ones_are_removed(repo, cli):
    photo_with_gps(repo / "a.jpg")
    stale = repo / f".{_dead_pid()}-abcd1234.schoollint-tmp"
    shutil.copy(repo / "a.jpg", stale)
    os.utime(stale, (time.time() - 60, time.time() - 60))
    live = repo / f".{os.getpid()}-efgh5678.schoollint-tmp"   # this process is alive: not touched
    shutil.copy(repo / "a.jpg", live)
    code, out, err = cli("check", "--output-format", "json")
    report = json.loads(out)
    assert {finding["path"] for finding in report["findings"]} == {"a.jpg"}
    assert not stale.exists() and live.exists()
    assert "removed 1 temporary file that a stopped run left" in err


def test_a_second_fix_waits_for_the_first(tmp_path):
    import fcntl

    photo_with_gps(tmp_path / "a.jpg")
    (tmp_path / ".schoollint_cache").mkdir()
    with open(tmp_path / ".schoollint_cache" / "fix.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)           # as a first run fixing would hold it
        second = schoollint(tmp_path, "--fix")
        time.sleep(1.5)
        assert second.poll() is None               # waiting, not failing over the first run's files
    out, err = second.communicate(timeout=60)
    assert "another schoollint run is fixing this repository; waiting" in err
    assert second.returncode == 1 and "a.jpg: fixed" in out


# --- item 4: workers die with the main process ------------------------------------------------

def test_workers_exit_when_the_main_process_is_killed(tmp_path):
    for number in range(400):
        photo_with_gps(tmp_path / f"p{number:03}.jpg", size=(64, 48))
    # no pipes: a worker that outlived its parent would hold them open and hang the test
    process = subprocess.Popen([sys.executable, "-m", "schoollint", "check", "--no-progress", "--no-cache",
                                "--jobs", "2"], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 30
    while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
        workers = _schoollint_children(process.pid)
        time.sleep(0.002)
    assert len(workers) == 2, "the two worker processes were not seen"
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()
             and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]]
    for pid in alive:                  # so that a failure leaves nothing running
        os.kill(pid, signal.SIGKILL)
    assert alive == []


def _schoollint_children(pid: int) -> list[int]:
    """The child processes of `pid` that run schoollint (its workers, not `git`)."""
    found = []
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        try:
            if b"schoollint" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(int(child))
        except OSError:
            continue
    return found


# --- item 5: read-only files, owner and group --------------------------------------------------

def test_a_read_only_file_is_refused_unless_forced(repo, cli):
    photo = photo_with_gps(repo / "a.jpg")
    before = photo.read_bytes()
    photo.chmod(0o444)
    code, out, err = cli("check", "--fix")
    assert photo.read_bytes() == before and code == 1
    assert "a.jpg: not fixed: read-only, so not changed" in out and "--force" in out
    code, out, err = cli("check", "--fix", "--force")
    assert photo.read_bytes() != before and "a.jpg: fixed" in out
    assert photo.stat().st_mode & 0o777 == 0o444
    assert cli("check", "--select", "SL101")[0] == 0


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another user")
def test_a_fix_as_root_keeps_the_owner_and_group(repo, cli):
    photo = photo_with_gps(repo / "a.jpg")
    os.chown(photo, 4321, 4322)
    cli("check", "--fix")
    assert cli("check", "--select", "SL101")[0] == 0
    assert (photo.stat().st_uid, photo.stat().st_gid) == (4321, 4322)


# --- item 6: long names -------------------------------------------------------------------------

@pytest.mark.parametrize("length", [231, 250, 255])
def test_a_file_with_a_name_of_up_to_255_bytes_is_fixed(repo, cli, length):
    photo = photo_with_gps(repo / ("é" * ((length - 4) // 2) + "x" * ((length - 4) % 2) + ".jpg"))
    assert len(os.fsencode(photo.name)) == length
    code, out, err = cli("check", "--fix")
    assert "fixed" in out and "not fixed" not in out and err == ""
    assert cli("check", "--select", "SL101")[0] == 0
    assert leftovers(repo) == []


# --- item 7: a worker that dies costs only its own file ------------------------------------------

def read_or_die(job):
    """Analyse a file, except one named die.png: its worker dies of SIGBUS, as a read of a mapped
    file that shrank makes it."""
    from schoollint.pool import analyse_in_worker

    if job[0] == "die.png":
        import faulthandler

        faulthandler.disable()      # pytest's dump of the deliberate crash would only be noise
        os.kill(os.getpid(), signal.SIGBUS)
    return analyse_in_worker(job)


def test_a_worker_killed_by_sigbus_loses_only_its_own_file(tmp_path):
    from schoollint.analysis import Analyser
    from schoollint.config import Config
    from schoollint.pool import analysis_crashed, run_jobs

    names = [f"p{number:02}.png" for number in range(30)]
    for name in names + ["die.png"]:
        make_png(tmp_path / name, size=(1800, 20))
    config = Config()
    analyser = Analyser(tmp_path, config, config.selected_codes(), {})
    jobs = [(name, None) for name in names[:10] + ["die.png"] + names[10:]]
    results = run_jobs(analyser, read_or_die, jobs, 2, "checking", False, analysis_crashed)
    assert [result.path for result in results] == [job[0] for job in jobs]
    assert [result.path for result in results if result.errors] == ["die.png"]
    assert "the process reading it was killed" in results[10].errors[0]
    assert all(any(f.code == "SL201" for f in result.findings) for result in results if result.path != "die.png")


SHRINK_WHILE_READ = """
import sys
from pathlib import Path
from schoollint.fsio import mapped
path = Path(sys.argv[1])
with mapped(path) as data:
    with open(path, "r+b") as handle:
        handle.truncate(10)        # another program cuts the file while a reader holds it
    print(len(data), data[len(data) - 1])   # a read past the new end: SIGBUS were it mapped
"""


def test_a_file_cut_short_while_it_is_read_does_not_kill_the_reader(tmp_path):
    photo = tmp_path / "a.jpg"
    photo.write_bytes(photo_with_gps(tmp_path / "b.jpg").read_bytes() + random.Random(7).randbytes(65536))
    size = photo.stat().st_size              # many pages: the last lies wholly past the cut
    result = subprocess.run([sys.executable, "-c", SHRINK_WHILE_READ, str(photo)], capture_output=True, text=True)
    assert result.returncode == 0, result      # -7 (SIGBUS) with a mapping
    assert result.stdout.split()[0] == str(size)


# --- item 8: control characters in names and page text --------------------------------------------

HOSTILE = "pic\n::error file=README.md,line=1::owned\x1b]8;;x\x07\x1b[2J"


@pytest.mark.parametrize("output", ["text", "json", "github", "sarif", "junit", "gitlab", "summary",
                                    "github-action"])
def test_control_characters_never_reach_any_output(repo, cli, output):
    make_png(repo / f"{HOSTILE}.png", size=(1800, 20))
    (repo / "page.html").write_text('<img src="a&#10;::error::injected&#27;[2J.png" alt="">\n')
    code, out, err = cli("check", "--output-format", output)
    for text in (out, err):
        assert "\x1b" not in text and "\x07" not in text
        assert not any(line.lstrip().startswith(("::error file=README.md", "::error::injected", "owned"))
                       for line in text.splitlines())
    assert "pic" in out


def test_control_characters_never_reach_stderr(repo, cli):
    (repo / f"{HOSTILE}.jpg").write_bytes(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00broken")
    code, out, err = cli("check", f"{HOSTILE}.jpg", "nothing\x1b[2J")
    assert code == 2 and "\x1b" not in err and "nothing\\x1b[2J: no such file" in err


# --- item 9: symlinks out of the repository ------------------------------------------------------

def test_a_configuration_that_links_out_of_the_repository_is_refused(repo, cli, tmp_path):
    outside = tmp_path / "secret.yml"
    outside.write_text("private-key-name: 1\n")
    (repo / ".schoollint.yml").symlink_to(outside)
    code, out, err = cli("check")
    assert code == 2 and ".schoollint.yml: is a symlink to a file outside the repository" in err
    assert "private-key-name" not in err


def test_a_baseline_that_links_out_of_the_repository_is_neither_read_nor_written(repo, cli, tmp_path):
    photo_with_gps(repo / "a.jpg")
    outside = tmp_path / "precious.txt"
    outside.write_text("do not overwrite\n")
    (repo / ".schoollint-baseline.json").symlink_to(outside)
    code, out, err = cli("check", "--write-baseline")
    assert code == 2 and "outside the repository" in err
    assert outside.read_text() == "do not overwrite\n"
    code, out, err = cli("check")
    assert code == 2 and "outside the repository" in err


def test_a_cache_folder_that_links_out_of_the_repository_is_refused(repo, cli, tmp_path):
    photo_with_gps(repo / "a.jpg")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (repo / ".schoollint_cache").symlink_to(outside)
    code, out, err = cli("check", "--fix")
    assert code == 2 and ".schoollint_cache: is a symlink" in err
    assert list(outside.iterdir()) == []


# --- item 11: rename tags ------------------------------------------------------------------------

def test_a_rename_tag_is_keyed_by_the_users_secret_and_the_same_in_every_run(repo, cli, tmp_path, monkeypatch):
    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY", raising=False)
    roster = tmp_path / "roster.txt"
    roster.write_text("Emily Johnson\n")
    for name in ("one.png", "two.png"):
        make_png(repo / "emily-johnson" / name)

    def new_names() -> set[str]:
        report = json.loads(cli("check", "--roster", str(roster), "--output-format", "json")[1])
        return {finding["fix"]["summary"].split()[2].rpartition("/")[0] for finding in report["findings"]
                if finding["code"] == "SL301"}

    first, second = new_names(), new_names()
    assert len(first) == 1 and first == second      # one folder, the same in every run (fix/tags.py)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))
    second = new_names()
    assert len(second) == 1 and second != first     # another user's secret: another tag, so none is guessable
    cache = (repo / ".schoollint_cache" / "results.json").read_text()
    assert first.pop().rpartition("-")[2] not in cache and second.pop().rpartition("-")[2] not in cache


# --- item 12: the cache ---------------------------------------------------------------------------

def test_the_cache_holds_no_personal_value_and_is_private(repo, cli):
    photo_with_gps(repo / "a.jpg")
    report = json.loads(cli("check", "--output-format", "json", "--show-values")[1])
    values = [finding["value"] for finding in report["findings"]]
    assert "51.503428, -0.1275" in values
    folder = repo / ".schoollint_cache"
    stored = (folder / "results.json").read_text()
    assert not any(value in stored for value in values) and "iPhone" not in stored
    assert folder.stat().st_mode & 0o777 == 0o700
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in folder.iterdir())
    # values come back with --show-values from a cached run: the file is read again
    again = json.loads(cli("check", "--output-format", "json", "--show-values")[1])
    assert [finding["value"] for finding in again["findings"]] == values
    # and a fix from a cached run still has what it needs
    assert cli("check", "--fix")[0] == 1 and cli("check", "--select", "SL101")[0] == 0


@pytest.mark.parametrize("results", [
    [], {"k": []}, {"k": {"findings": [{"code": "SL101"}], "suppressions": []}},
    {"k": {"findings": [], "suppressions": [{"line": "x", "covers": [], "codes": []}]}},
    {"k": {"findings": [{"code": "SL999", "message": "", "line": None, "field": None, "value": False,
                         "severity": None}], "suppressions": []}},
])
def test_a_cache_of_the_wrong_shape_is_discarded(repo, cli, results):
    """Signed with the user's own key (so only the shape is wrong): discarded, never an internal error."""
    from schoollint import __version__
    from schoollint.cache import SCHEMA
    from schoollint.usercache import mac as _mac

    photo_with_gps(repo / "a.jpg")
    expected = cli("check", "--no-cache", "--output-format", "json")[1]
    folder = repo / ".schoollint_cache"
    folder.mkdir()
    body = json.dumps({"version": f"{__version__}/{SCHEMA}", "results": results, "stat": {}}).encode()
    (folder / "results.json").write_bytes(_mac(body) + b"\n" + body)
    code, out, err = cli("check", "--output-format", "json")
    assert code == 1 and err == "" and out == expected
    stored = (folder / "results.json").read_bytes().partition(b"\n")[2]
    assert json.loads(stored)["results"] != results


def test_an_edited_cache_cannot_make_a_gps_photo_pass(repo, cli):
    """Records emptied by hand, size and mtime still matching: the signature no longer does."""
    photo_with_gps(repo / "a.jpg")
    assert cli("check")[0] == 1
    path = repo / ".schoollint_cache" / "results.json"
    mac, _, body = path.read_bytes().partition(b"\n")
    stored = json.loads(body)
    for record in stored["results"].values():
        record["findings"] = []
    path.write_bytes(mac + b"\n" + json.dumps(stored, separators=(",", ":")).encode())
    code, out, err = cli("check", "--select", "SL101")
    assert code == 1 and "SL101" in out


def test_a_png_text_keyword_is_shown_only_when_it_is_a_known_one(repo, cli):
    """Item 10: a keyword is free text (a person's name can be one): only known keywords are quoted."""
    make_png(repo / "a.png", text={"Rosalind Featherstonehaugh": "at the zoo", "Comment": "Year 4 trip"})
    for fmt in ("text", "json", "sarif", "github", "summary"):
        _code, out, _err = cli("check", "--no-cache", "--output-format", fmt)
        assert "Featherstonehaugh" not in out, fmt
        assert "custom text chunk" in out and "'Comment'" in out, fmt
