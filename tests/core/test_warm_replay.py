"""Issue 18, warm runs: a check whose inputs are all as the run before found them writes that run's
report again (warm_replay.py), and only then. Each run is `python -m schoollint check` in its own
process on real photos and pages; a run that replayed is told apart by what it imported (no site
rules, no report writer: `sys.modules` as it ends, not a timing). After every change below, the
report is the one a run without the cache (`--no-cache`) writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from schoollint.cache import CACHE_DIR
from schoollint.warm_replay import REPLAY_PREFIX
from tests.kit.sites import photo_with_gps

# Runs `python -m schoollint` as the command line does (cli.main with no argument list), then
# writes the modules it ended with beside the script.
RUNNER = """
import runpy, sys
sys.argv = ["schoollint", *sys.argv[1:]]
try:
    runpy.run_module("schoollint", run_name="__main__")
finally:
    with open(__file__ + ".modules", "w") as out:
        out.write("\\n".join(sorted(sys.modules)))
"""


class Runs:
    def __init__(self, site: Path, tmp_path: Path):
        self.site, self.script = site, tmp_path / "run.py"
        self.script.write_text(RUNNER, encoding="utf-8")
        self.environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}
        self.environment.pop("CI", None)

    def __call__(self, *arguments: str, environment: dict | None = None) -> tuple[int, str, str, bool]:
        """(exit code, stdout, stderr, whether the report was replayed)."""
        completed = subprocess.run([sys.executable, str(self.script), "check", "--no-vision", "--no-progress",
                                    *arguments], cwd=self.site, env=environment or self.environment,
                                   capture_output=True, text=True, timeout=120)
        modules = set(Path(f"{self.script}.modules").read_text(encoding="utf-8").split("\n"))
        return completed.returncode, completed.stdout, completed.stderr, "schoollint.site_rules" not in modules

    def cold(self, *arguments: str) -> tuple[int, str, str]:
        return self("--no-cache", *arguments)[:3]


def _aged(*paths: Path) -> None:
    """Files changed a while ago (their change time, now, then over a clock tick old: cache.RACY_NS)."""
    then = time.time() - 10
    for path in paths:
        os.utime(path, (then, then))
    time.sleep(0.1)


def site_of_two_photos(tmp_path: Path) -> Path:
    """A plain folder's site: two photos with GPS, a page that shows one, a folder of older photos."""
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    photo_with_gps(site / "a.jpg")
    photo_with_gps(site / "old" / "b.jpg")
    (site / "index.html").write_text('<img src="a.jpg" alt="Sports day">\n', encoding="utf-8")
    _aged(site / "a.jpg", site / "old" / "b.jpg", site / "index.html")
    return site


@pytest.fixture
def runs(tmp_path) -> Runs:
    return Runs(site_of_two_photos(tmp_path), tmp_path)


def _replays(runs: Runs) -> list[Path]:
    return sorted((runs.site / CACHE_DIR).glob(f"{REPLAY_PREFIX}*"))


def _warm(runs: Runs, *arguments: str) -> tuple[int, str, str]:
    """The cache filled, the replay kept and used once; what it replayed."""
    runs(*arguments)
    runs(*arguments)
    code, out, err, replayed = runs(*arguments)
    assert replayed and _replays(runs)
    return code, out, err


def test_a_run_that_finds_nothing_changed_writes_the_report_a_cold_run_writes(runs):
    for arguments in ((), ("--output-format", "json")):
        assert _warm(runs, *arguments) == runs.cold(*arguments)
    assert runs.cold()[0] == 1 and "a.jpg" in runs.cold()[1]


def test_a_photo_changed_is_read_again(runs):
    _warm(runs)
    photo = runs.site / "old" / "b.jpg"
    photo.write_bytes(photo.read_bytes().replace(b"Exif", b"Exif", 1) + b"\xff\xd9trailer")   # same name, new bytes
    _aged(photo)
    code, out, err, replayed = runs()
    assert not replayed and (code, out, err) == runs.cold()


def test_a_file_that_comes_or_goes_anywhere_under_the_site_is_seen(runs):
    _warm(runs)
    (runs.site / "old" / "c.jpg").write_bytes((runs.site / "a.jpg").read_bytes())
    _aged(runs.site / "old" / "c.jpg")
    code, out, err, replayed = runs()
    assert not replayed and "old/c.jpg" in out and (code, out, err) == runs.cold()
    _warm(runs)
    (runs.site / "a.jpg").unlink()     # the page now shows a photo that is not there
    code, out, err, replayed = runs()
    assert not replayed and (code, out, err) == runs.cold()


def test_an_excluded_photo_the_page_shows_is_watched_too(runs):
    """The configuration excludes old/; the page shows old/b.jpg: the site rules read it. Replaced by a
    photo without metadata (same folder, same name), the report follows."""
    (runs.site / "schoollint.toml").write_text('exclude = ["old/**"]\n', encoding="utf-8")
    (runs.site / "index.html").write_text('<img src="old/b.jpg" alt="Sports day" width="50">\n', encoding="utf-8")
    _aged(runs.site / "schoollint.toml", runs.site / "index.html")
    _warm(runs)
    photo = runs.site / "old" / "b.jpg"
    photo.write_bytes(photo.read_bytes()[:-2] + b"\x00\xff\xd9")
    _aged(photo)
    code, out, err, replayed = runs()
    assert not replayed and (code, out, err) == runs.cold()


def test_options_configuration_and_environment_are_part_of_what_is_compared(runs):
    _warm(runs)
    assert runs("--select", "SL101")[3] is False
    assert runs("--select", "SL101")[:3] == runs.cold("--select", "SL101")
    _warm(runs)
    (runs.site / "schoollint.toml").write_text('ignore = ["SL101"]\n', encoding="utf-8")
    _aged(runs.site / "schoollint.toml")
    code, out, err, replayed = runs()
    assert not replayed and (code, out, err) == runs.cold()
    _warm(runs)
    changed = {**runs.environment, "NO_COLOR": "1"}
    assert runs(environment=changed)[3] is False


def test_each_command_line_keeps_its_own_replay(runs):
    _warm(runs)
    _warm(runs, "--jobs", "1")
    assert runs()[3] and runs("--jobs", "1")[3] and len(_replays(runs)) == 2


def test_a_replay_that_was_edited_is_not_believed(runs):
    _warm(runs)
    [path] = _replays(runs)
    path.write_bytes(path.read_bytes().replace(b"a.jpg", b"x.jpg"))
    code, out, err, replayed = runs()
    assert not replayed and (code, out, err) == runs.cold()


def test_no_replay_is_kept_by_a_fix_an_error_or_a_file_changed_a_moment_before(runs):
    runs("--fix")
    runs("--fix")
    assert not _replays(runs)
    runs()
    for path in _replays(runs):
        path.unlink()
    photo_with_gps(runs.site / "new.jpg")
    ahead = time.time() + 3600             # changed "after" the run looked (a clock behind the file system's):
    os.utime(runs.site / "new.jpg", (ahead, ahead))   # racily clean, a later change could keep its signature
    runs()
    runs()
    assert not _replays(runs)
    _aged(runs.site / "new.jpg")
    (runs.site / "broken.jpg").write_bytes(b"\xff\xd8\xff")
    _aged(runs.site / "broken.jpg")
    os.chmod(runs.site / "broken.jpg", 0)
    if os.access(runs.site / "broken.jpg", os.R_OK):   # root reads it anyway: nothing to test here
        return
    assert runs()[0] == 2 and runs()[0] == 2
    assert not _replays(runs)


def test_what_the_replay_keeps_is_the_report_as_written(runs):
    """stdout and stderr (a note) both, and the exit code."""
    (runs.site / "node_modules").mkdir()
    (runs.site / "node_modules" / "menu.js").write_text("export const menu = 1;\n", encoding="utf-8")
    _aged(runs.site / "node_modules" / "menu.js")
    cold = runs.cold("--output-format", "json")
    assert cold[2] and json.loads(cold[1])["findings"]
    assert _warm(runs, "--output-format", "json") == cold
