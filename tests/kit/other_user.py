"""schoollint run as another user, for what only a user without root's rights sees: a folder it
cannot open, a file it cannot write. The command line runs under `setpriv` as nobody (uid and gid
65534, no supplementary groups, so no capability either) when the tests run as root; elsewhere
the tests that need it are skipped with `needs_another_user`'s reason.

Files are built in a folder under /tmp that nobody can enter (pytest's own tmp_path is 0700 root).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.kit.tools import Resource

NOBODY = 65534


def _can_switch() -> bool:
    return os.geteuid() == 0 and shutil.which("setpriv") is not None


needs_another_user = Resource(_can_switch, "needs root and setpriv (util-linux) to run schoollint as nobody").mark


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A fresh folder nobody can enter (0755, under /tmp), with `home/` owned by nobody as its HOME;
    removed after."""
    folder = Path(tempfile.mkdtemp(prefix="schoollint-shared-", dir="/tmp"))
    folder.chmod(0o755)
    (folder / "home").mkdir()
    os.chown(folder / "home", NOBODY, NOBODY)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def give_to_nobody(path: Path) -> None:
    """Make nobody the owner of `path` and everything below it (a site nobody works in)."""
    for current, dirs, files in os.walk(path):
        for name in [*dirs, *files, ""]:
            os.chown(os.path.join(current, name), NOBODY, NOBODY, follow_symlinks=False)


def as_nobody(cwd: Path, *argv: str, home: Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """`python -m schoollint argv` in `cwd` as nobody: (exit code, stdout, stderr), with this
    environment (PYTHONPATH too) but HOME set to `home`."""
    result = subprocess.run(
        ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
         sys.executable, "-m", "schoollint", *argv],
        cwd=cwd, capture_output=True, text=True, timeout=300,
        env={**os.environ, "HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1", **(env or {})})
    return result.returncode, result.stdout, result.stderr


def as_nobody_json(cwd: Path, *argv: str, home: Path, env: dict[str, str] | None = None) -> tuple[int, dict, str]:
    """as_nobody with `--output-format json`: (exit code, the report, stderr)."""
    code, out, err = as_nobody(cwd, "check", "--no-vision", "--output-format", "json", *argv, home=home, env=env)
    return code, json.loads(out), err
