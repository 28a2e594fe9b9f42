"""--fix and --diff through the command line: what changes, what must never change."""

from __future__ import annotations

import os
import stat

from PIL import Image

from tests.kit.sites import make_png


def pixels(path):
    with Image.open(path) as image:
        return image.mode, image.size, image.tobytes()


def test_fix_strips_losslessly_keeps_permissions_and_is_idempotent(repo, cli):
    photo = make_png(repo / "gala.png", text={"Description": "Amelia Watson", "Author": "Mrs Jones"})
    os.chmod(photo, 0o640)
    before = pixels(photo)
    code, out, _ = cli("check", "--fix")
    assert code == 1                                   # files changed: pre-commit convention
    assert "gala.png: fixed: remove identifying metadata" in out
    assert "no findings in 1 file checked" in out     # what remains after fixing
    assert pixels(photo) == before
    assert stat.S_IMODE(photo.stat().st_mode) == 0o640
    with Image.open(photo) as image:
        assert not image.text
    assert [p.name for p in repo.iterdir() if "schoollint-tmp" in p.name] == []
    fixed = photo.read_bytes()
    code, out, _ = cli("check", "--fix")
    assert code == 0 and photo.read_bytes() == fixed   # a second --fix changes no byte


def test_diff_shows_the_change_and_writes_nothing(repo, cli):
    photo = make_png(repo / "gala.png", text={"Comment": "x"})
    original = photo.read_bytes()
    code, out, _ = cli("check", "--diff")
    assert f"gala.png: remove: PNG text chunk 'Comment', {len(original):,} ->" in out
    assert photo.read_bytes() == original
    assert code == 1


def test_fix_and_diff_together_is_a_usage_error(repo, cli):
    make_png(repo / "a.png")
    code, _, err = cli("check", "--fix", "--diff")
    assert code == 2 and "use one or the other" in err


def test_unsafe_fix_needs_the_flag(repo, cli):
    """SL106's conversion is unsafe: --fix alone must leave it, and say how to get it."""
    from pillow_heif import register_heif_opener

    register_heif_opener()
    Image.new("RGB", (64, 48), "teal").save(repo / "phone.heic")
    code, out, _ = cli("check", "--select", "SL106")
    assert "SL106 heic-on-website" in out
    assert "(0 fixable with --fix, 1 more with --unsafe-fixes)" in out or "none fixable with --fix, 1 more" in out
    cli("check", "--select", "SL106", "--fix")
    assert not (repo / "phone.jpg").exists()


def test_diff_is_for_people_not_for_reports(repo, cli):
    make_png(repo / "gala.png", text={"Comment": "x"})
    code, _, err = cli("check", "--diff", "--output-format", "json")
    assert code == 2 and "--diff prints a diff, not a report" in err
    code, out, err = cli("check", "--diff")
    assert "fixed" not in out and "1 file would be fixed (0 could not be)" in err
