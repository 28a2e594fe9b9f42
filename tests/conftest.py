"""Fixtures shared by every test: real Git repositories and real image files."""

from __future__ import annotations

import os
import subprocess
import zlib
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT.parent / "shared" / "corpus"


# ExifTool's names for a position, in EXIF, XMP, QuickTime and composite form.
POSITION_KEYS = ("GPS:GPSLatitude", "Composite:GPSPosition", "XMP-exif:GPSLatitude", "Keys:GPSCoordinates",
                 "UserData:GPSCoordinates", "ItemList:GPSCoordinates")


def has_gps_position(entry: dict) -> bool:
    """ExifTool (-n) found a real position: a number, not an empty placeholder ('' or 'undef')."""
    def numeric(value) -> bool:
        return isinstance(value, (int, float)) or any(char.isdigit() for char in str(value).replace("0", ""))

    return any(numeric(entry[key]) for key in POSITION_KEYS if key in entry)


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """An empty Git repository, as the current directory."""
    root = tmp_path / "site"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    monkeypatch.chdir(root)
    monkeypatch.delenv("SCHOOLLINT_ROSTER", raising=False)
    monkeypatch.delenv("CI", raising=False)
    return root


@pytest.fixture
def cli(capsys):
    """Run schoollint in-process: returns (exit code, stdout, stderr)."""
    from schoollint.cli import main

    def run(*argv: str):
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def make_png(path: Path, size=(64, 48), colour="navy", text: dict[str, str] | None = None) -> Path:
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    for key, value in (text or {}).items():
        info.add_text(key, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, pnginfo=info)
    return path


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    return len(payload).to_bytes(4, "big") + kind + payload + zlib.crc32(kind + payload).to_bytes(4, "big")


def make_png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims a size; its pixels would never fit in memory."""
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr)
                     + png_chunk(b"IDAT", zlib.compress(b"\0" * 64)) + png_chunk(b"IEND", b""))
    return path
