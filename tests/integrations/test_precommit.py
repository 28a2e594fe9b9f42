"""The pre-commit hooks, run by the real pre-commit against this repository's committed state.

pre-commit installs schoollint from a clone of this repository at HEAD into
its own virtualenv, so these tests see committed files only.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.kit import REPO_ROOT
from tests.kit.git import commit_all, git
from tests.kit.sites import photo_with_gps
from tests.kit.tools import PRE_COMMIT, needs_pre_commit

HOOKS = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def head_commit() -> str:
    return git(REPO_ROOT, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    """One store for the module: the hook's virtualenv is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def config_using(folder: Path, *hook_ids: str) -> Path:
    """A .pre-commit-config.yaml that takes these hooks from this repository at HEAD."""
    config = folder / "pre-commit-config.yaml"
    config.write_text(yaml.safe_dump({"repos": [{
        "repo": str(REPO_ROOT), "rev": head_commit(), "hooks": [{"id": hook} for hook in hook_ids],
    }]}), encoding="utf-8")
    return config


def pre_commit(site: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("CI", None)
    return subprocess.run(PRE_COMMIT + list(args) + ["--color", "never"], cwd=site, env=env,
                          capture_output=True, text=True, timeout=600)


def heic_with_gps(path: Path) -> Path:
    import pillow_heif
    from PIL import Image

    from tests.kit.sites import gps_exif

    pillow_heif.register_heif_opener()
    Image.new("RGB", (64, 48), "orange").save(path, "HEIF", exif=gps_exif())
    return path


def pixels(path: Path) -> bytes:
    from PIL import Image

    with Image.open(path) as image:
        return image.tobytes()


def exif_of(path: Path):
    from PIL import Image

    with Image.open(path) as image:
        return image.getexif()


# --- the files regex ----------------------------------------------------------------------------

def test_files_regex_covers_every_format_schoollint_reads():
    from schoollint.pages import registry as pages

    pattern = re.compile(HOOKS[0]["files"])
    assert HOOKS[1]["files"] == HOOKS[0]["files"]
    # Every media file name (SL301 reads names even of formats whose insides we do not read), documents,
    # and pages.
    from schoollint.formats.registry import document_extensions

    # Languages that claim a file by its ending alone; site data and content collections claim by folder.
    extensions = set(pages.media_suffixes()) | {suffix for language in pages.LANGUAGES for suffix in language.suffixes
                                                if language.claims(f"photo{suffix}")}
    extensions |= document_extensions()
    assert {".jpg", ".png", ".heic", ".mp4", ".mov", ".webp", ".gif", ".avif"} <= extensions
    for extension in sorted(extensions):
        for name in (f"photo{extension}", f"Trip/IMG_1{extension.upper()}"):
            assert pattern.search(name), name
    data_files = ["_data/staff.yml", "site/_data/team/people.yaml", "data/gallery.json", "content/data/x.yml",
                  "data/prizes.toml", "src/content/staff/head.json", "site/src/content/team/a/deputy.yaml"]
    other = ["_config.yml", "package.json", "notes.txt", "mydata/x.yml", "photo.jpg.txt", "readme", "setup.py",
             "src/content/config.json", "src/content.json"]
    for name in data_files + other:
        assert bool(pattern.search(name)) == (pages.is_data_file(name) or pages.is_page(name)), name
    assert not any(pattern.search(name) for name in other)
    # Google Takeout sidecars are JSON beside a photo: the sidecar reader knows them by content (SL108).
    for name in ("Trip/IMG_1.jpg.json", "IMG_2.HEIC.json", "photo.jpg.supplemental-metadata.json"):
        assert pattern.search(name), name
    # Folder files (SL109) are known by name: every name folder_files knows reaches the hook, no other.
    from schoollint.formats import folder_files

    for name in ("images/Thumbs.db", "ehthumbs_vista.db", "trip/.DS_Store", "trip/._IMG_1.jpg", "desktop.ini",
                 "news/~$wsletter.docx", "trip/IMG_1.jpg:Zone.Identifier", "Sports photos.lnk",
                 "thumbs.dbx", "my~$file.txt", "linked.txt", "zone.identifier.txt"):
        assert bool(pattern.search(name)) == (folder_files.kind(name) is not None), name


def test_hooks_are_python_serial_and_force_exclude():
    by_id = {hook["id"]: hook for hook in HOOKS}
    assert by_id["schoollint"]["entry"] == "schoollint check --force-exclude --fail-level error"
    assert by_id["schoollint-fix"]["entry"] == "schoollint check --fix --force-exclude --fail-level error"
    assert by_id["schoollint-fix-unsafe"]["stages"] == ["manual"]
    for hook in HOOKS:
        assert hook["language"] == "python" and hook["require_serial"] is True
        assert "types" not in hook and "types_or" not in hook


def test_identify_gives_heic_and_video_no_image_tag():
    """Why the hooks do not use `types: [image]`."""
    from identify import identify

    assert "image" in identify.tags_from_filename("a.jpg")
    for name in ("a.heic", "a.heif", "a.mp4", "a.mov"):
        assert "image" not in identify.tags_from_filename(name), name


# --- real pre-commit runs -------------------------------------------------------------------------

@pytest.fixture
def site(repo):
    photo_with_gps(repo / "images" / "trip.png")
    photo_with_gps(repo / "images" / "trip.jpg")
    (repo / "style.css").write_text("body { color: black }\n", encoding="utf-8")
    return repo


@needs_pre_commit
def test_try_repo_check_hook_fails_and_names_every_file_including_heic_and_mp4(site, pre_commit_home):
    heic_with_gps(site / "images" / "IMG_0001.heic")
    (site / "video" / "clip.mp4").parent.mkdir()
    (site / "video" / "clip.mp4").write_bytes(b"this is not a movie")
    git(site, "add", "--all")
    done = pre_commit(site, pre_commit_home, "try-repo", str(REPO_ROOT), "schoollint", "--ref", head_commit(),
                      "--all-files", "--verbose")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert re.search(r"schoollint \(pupil photo safety\)\.+Failed", output), output
    for name in ("images/trip.png", "images/trip.jpg", "images/IMG_0001.heic", "video/clip.mp4"):
        assert name in output, name
    assert "SL101 location-metadata" in output
    assert "SL106 heic-on-website" in output          # the HEIC reached the hook...
    assert "SL105 unreadable-media" in output         # ...and so did the .mp4
    assert "style.css" not in output


@needs_pre_commit
def test_fix_hook_strips_metadata_losslessly_then_check_passes(site, pre_commit_home, tmp_path):
    commit_all(site, "photos from the trip")
    before = {name: pixels(site / "images" / name) for name in ("trip.png", "trip.jpg")}
    config = config_using(tmp_path, "schoollint-fix", "schoollint")

    fixed = pre_commit(site, pre_commit_home, "run", "-c", str(config), "schoollint-fix", "--all-files")
    output = fixed.stdout + fixed.stderr
    assert fixed.returncode == 1, output
    assert "files were modified by this hook" in output
    assert "images/trip.png: fixed" in output and "images/trip.jpg: fixed" in output
    changed = git(site, "status", "--porcelain").split("\n")
    assert " M images/trip.png" in changed and " M images/trip.jpg" in changed
    for name, data in before.items():
        path = site / "images" / name
        exif = exif_of(path)
        assert not exif.get_ifd(0x8825), f"{name} still has GPS"          # GPS IFD gone
        assert 0x010F not in exif and 0x0110 not in exif                   # Make, Model gone
        assert exif.get(0x0112) == 6                                        # orientation kept
        assert pixels(path) == data                                         # not re-encoded

    again = pre_commit(site, pre_commit_home, "run", "-c", str(config), "--all-files")
    output = again.stdout + again.stderr
    assert again.returncode == 0, output
    assert re.search(r"schoollint --fix \(strip photo metadata\)\.+Passed", output)
    assert re.search(r"schoollint \(pupil photo safety\)\.+Passed", output)


@needs_pre_commit
def test_configured_excludes_apply_to_files_pre_commit_names(site, pre_commit_home, tmp_path):
    (site / ".schoollint.yml").write_text("exclude: ['images/**']\n", encoding="utf-8")
    git(site, "add", "--all")
    config = config_using(tmp_path, "schoollint")
    done = pre_commit(site, pre_commit_home, "run", "-c", str(config), "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr


@needs_pre_commit
def test_warnings_pass_unsafe_fixes_are_offered_as_the_manual_hook_and_it_renames(site, pre_commit_home, tmp_path):
    """A warning alone (a HEIC) does not block a commit; a finding that needs --unsafe-fixes names the
    hook that applies it (there may be no `schoollint` on the PATH); that hook, run on demand, renames."""
    from PIL import Image

    for name in ("trip.png", "trip.jpg"):
        (site / "images" / name).unlink()
    Image.new("RGB", (32, 24), "teal").save(site / "images" / "amelia-watson.png")
    (site / "index.html").write_text('<img src="images/amelia-watson.png" alt="Sports day">\n', encoding="utf-8")
    git(site, "add", "--all")
    config = config_using(tmp_path, "schoollint", "schoollint-fix-unsafe")

    named = pre_commit(site, pre_commit_home, "run", "-c", str(config), "schoollint", "--all-files")
    output = named.stdout + named.stderr
    assert named.returncode == 1, output
    assert "pre-commit run schoollint-fix-unsafe --hook-stage manual --all-files" in output
    assert "schoollint check --fix --unsafe-fixes" not in output

    renamed = pre_commit(site, pre_commit_home, "run", "-c", str(config), "schoollint-fix-unsafe",
                         "--hook-stage", "manual", "--all-files")
    assert "renamed images/amelia-watson.png -> " in renamed.stdout + renamed.stderr
    assert not (site / "images" / "amelia-watson.png").exists()

    import pillow_heif

    pillow_heif.register_heif_opener()
    Image.new("RGB", (64, 48), "orange").save(site / "images" / "IMG_0002.heic", "HEIF")   # no metadata
    git(site, "add", "--all")
    warned = pre_commit(site, pre_commit_home, "run", "-c", str(config), "schoollint", "--files",
                        "images/IMG_0002.heic", "--verbose")
    output = warned.stdout + warned.stderr
    assert "SL106 heic-on-website" in output
    assert warned.returncode == 0, output     # a warning alone is shown, and the commit goes ahead


def test_hooks_are_verbose_so_a_passing_hooks_warnings_are_seen():
    assert all(hook["verbose"] is True for hook in HOOKS)


@needs_pre_commit
def test_a_warning_on_a_commit_that_goes_ahead_is_shown_without_asking(site, pre_commit_home, tmp_path):
    """Trial item 11: pre-commit hides a passing hook's output unless the hook is verbose."""
    heic_with_gps(site / "images" / "IMG_0003.heic")
    git(site, "add", "--all")
    config = config_using(tmp_path, "schoollint")
    done = pre_commit(site, pre_commit_home, "run", "-c", str(config), "schoollint", "--files",
                      "images/IMG_0003.heic")
    output = done.stdout + done.stderr
    assert "SL106 heic-on-website" in output, output


@needs_pre_commit
def test_staged_file_names_that_look_like_options_are_checked_as_files(site, pre_commit_home, tmp_path):
    """Trial item 10: pre-commit appends file names with no `--`, so a committed file named
    `--exclude=*.jpg` was taken for the option and the GPS photo beside it passed; `-qq.jpg`
    stopped the hook with a usage error. Both are now files, and the photo's GPS blocks the commit."""
    (site / "--exclude=*.jpg").write_bytes(b"")
    (site / "-qq.jpg").write_bytes(b"")
    git(site, "add", "--all")
    config = config_using(tmp_path, "schoollint")
    (site / "images" / "trip.png").unlink()
    git(site, "add", "--all")
    done = pre_commit(site, pre_commit_home, "run", "-c", str(config), "schoollint", "--all-files")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "images/trip.jpg" in output and "SL101 location-metadata" in output
    assert "unrecognized arguments" not in output and "ignored explicit argument" not in output


def test_outside_pre_commit_an_option_stays_an_option(repo, cli, monkeypatch):
    (repo / "--select=SL999").write_bytes(b"")
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    code, _, err = cli("check", "--select=SL999")
    assert code == 2 and "SL999" in err


def test_under_pre_commit_an_existing_file_named_like_an_option_is_a_file(site, cli, monkeypatch):
    (site / "--exclude=*.jpg").write_bytes(b"")
    git(site, "add", "--all")
    monkeypatch.setenv("PRE_COMMIT", "1")
    code, out, _ = cli("check", "--no-cache", "--force-exclude", "--exclude=*.jpg", "images/trip.jpg")
    assert code == 1 and "SL101" in out
