"""Issue 18, warm runs: a check that finds everything as the run before writes that run's report as the
process starts, before the configuration is read or the pipeline imported (warm_start.py), and only
then: whatever that decision did not read again must still be seen. Each run is `python -m schoollint
check` in its own process (test_warm_replay.Runs); a run that replayed at start is told apart by what
it imported (no pipeline). After every change, the report is the one a run without the cache writes."""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from schoollint import cache, usercache, warm_start
from tests.core.test_warm_replay import Runs, _aged, site_of_two_photos
from tests.kit.sites import photo_with_gps


class StartRuns(Runs):
    def __call__(self, *arguments: str, environment: dict | None = None, stdout=None) -> tuple[int, str, str, bool]:
        """(exit code, stdout, stderr, whether the report was written before the pipeline was imported)."""
        if stdout is None:
            code, out, err, _ = super().__call__(*arguments, environment=environment)
        else:   # standard output redirected to a file, as a shell does
            with open(stdout, "w") as target:
                completed = subprocess.run([sys.executable, str(self.script), "check", "--no-vision", "--no-progress",
                                            *arguments], cwd=self.site, env=environment or self.environment,
                                           stdout=target, stderr=subprocess.PIPE, text=True, timeout=120)
            code, out, err = completed.returncode, Path(stdout).read_text(encoding="utf-8"), completed.stderr
        modules = set(Path(f"{self.script}.modules").read_text(encoding="utf-8").split("\n"))
        return code, out, err, "schoollint.pipeline" not in modules

    def cold(self, *arguments: str, **how) -> tuple[int, str, str]:
        return self("--no-cache", *arguments, **how)[:3]

    def warm(self, *arguments: str, **how) -> tuple[int, str, str]:
        """The cache filled, the replay kept and used at start once; what it wrote."""
        self(*arguments, **how)
        self(*arguments, **how)
        code, out, err, early = self(*arguments, **how)
        assert early
        return code, out, err


@pytest.fixture
def runs(tmp_path) -> StartRuns:
    return StartRuns(site_of_two_photos(tmp_path), tmp_path)


def test_an_unchanged_site_is_replayed_before_the_pipeline_is_imported(runs):
    assert warm_start.CACHE_FOLDER == cache.CACHE_DIR
    for arguments in ((), ("--output-format", "json")):
        assert runs.warm(*arguments) == runs.cold(*arguments)
    assert runs.cold()[0] == 1 and "a.jpg" in runs.cold()[1]


def test_a_configuration_outside_the_site_edited_in_place_is_read_again(runs, tmp_path):
    """Opened before the replay was decided, listed nowhere, and rewritten in place (its folder unchanged)."""
    config = tmp_path / "shared.yml"
    config.write_text("ignore: [SL103]\n", encoding="utf-8")
    _aged(config)
    given = ("--config", str(config))
    runs.warm(*given)
    folder = os.stat(tmp_path).st_mtime_ns
    config.write_text("ignore: [SL101]\n", encoding="utf-8")
    _aged(config)
    assert os.stat(tmp_path).st_mtime_ns == folder
    code, out, err, early = runs(*given)
    assert not early and (code, out, err) == runs.cold(*given)


def test_a_git_work_tree_made_above_the_site_is_seen(runs, tmp_path):
    runs.warm()
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    code, out, err, early = runs()
    assert not early and (code, out, err) == runs.cold()


def test_a_package_installed_on_the_module_path_is_seen(runs, tmp_path):
    """Optional parts (the vision extra) are found on Python's module path: a package that comes changes a run."""
    library = tmp_path / "library"
    library.mkdir()
    _aged(library)
    environment = {**runs.environment, "PYTHONPATH": os.pathsep.join(filter(None, [
        os.environ.get("PYTHONPATH"), str(library)]))}
    runs.warm(environment=environment)
    (library / "newly_installed").mkdir()
    code, out, err, early = runs(environment=environment)
    assert not early and (code, out, err) == runs.cold(environment=environment)


def test_a_replay_of_another_shape_is_not_believed(runs, tmp_path, monkeypatch):
    """Signed with this user's key (so not a forgery) but written by a schoollint whose replays had another shape."""
    runs.warm()
    [path] = (runs.site / cache.CACHE_DIR).glob(f"{warm_start.REPLAY_PREFIX}*")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    kept = marshal.loads(usercache.read_signed(path))
    usercache.write_signed(path, marshal.dumps((1, *kept[1:7])))     # session 9's: no record for the start
    code, out, err, early = runs()
    assert not early and (code, out, err) == runs.cold()
    usercache.write_signed(path, marshal.dumps((*kept[:7], (kept[7][0], kept[7][1], "not a list"))))
    code, out, err, early = runs()
    assert not early and (code, out, err) == runs.cold()


def test_a_run_naming_files_decides_after_reading_them(runs):
    """A named path, or a Git work tree, is replayed (warm_replay.py) only once listed: not at start."""
    runs("a.jpg")
    runs("a.jpg")
    code, out, err, early = runs("a.jpg")
    assert not early and (code, out, err) == runs.cold("a.jpg")


def test_a_report_redirected_into_the_site_is_judged_as_a_cold_run_judges_it(runs):
    """Standard output to a file inside the site (in a folder the configuration excludes, so the file is
    not among those checked) draws report/redirected.py's warning; to a pipe, none: a replay kept for
    the one is not the other's."""
    (runs.site / "reports").mkdir()
    (runs.site / ".schoollint.yml").write_text("exclude: [reports/**]\n", encoding="utf-8")
    inside = runs.site / "reports" / "out.txt"
    inside.write_text("", encoding="utf-8")
    _aged(runs.site / ".schoollint.yml", inside, runs.site / "reports")
    runs.warm()
    redirected = runs(stdout=inside)
    assert redirected[:3] == runs.cold(stdout=inside)
    assert "out.txt" in redirected[2] and not redirected[3]


@pytest.mark.parametrize("option", sorted(warm_start.NEVER_KEPT))
def test_a_command_line_not_looked_up_at_start_could_keep_no_replay(option):
    """warm_start skips the lookup for these options: each is one with which warm_replay keeps nothing."""
    from schoollint.cli_options import build_parser, parse
    from schoollint.warm_replay import _may_replay

    value = {"--diff-base": ["HEAD"], "-o": ["r.txt"], "--output-file": ["r.txt"], "--report": ["json=r.json"]}
    args = parse(build_parser("check"), ["check", "--no-progress", option, *value.get(option, [])])
    assert not _may_replay(args)
    assert _may_replay(parse(build_parser("check"), ["check", "--no-progress"]))


@pytest.mark.skipif(shutil.which("strace") is None or shutil.which("git") is None, reason="needs strace and git")
def test_a_run_in_a_git_work_tree_asks_git_for_its_top_once(tmp_path):
    """The start's lookup is for plain folders: in a work tree it starts no `git rev-parse` of its own."""
    site = tmp_path / "site"
    site.mkdir()
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    photo_with_gps(site / "a.jpg")
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    command = [sys.executable, "-m", "schoollint", "check", "--no-progress", "--no-vision"]
    for _ in range(2):
        subprocess.run(command, cwd=site, env=environment, capture_output=True)
    log = tmp_path / "exec.log"
    subprocess.run(["strace", "-f", "-qq", "-o", str(log), "-e", "trace=execve", *command], cwd=site, env=environment,
                   capture_output=True)
    started = [line for line in log.read_text().splitlines() if '"rev-parse"' in line and line.endswith("= 0")]
    assert len(started) == 1, started
