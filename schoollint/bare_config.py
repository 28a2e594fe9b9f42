"""The configuration of a bare repository (bare_repo.py), read from its HEAD commit: a mirror has no
work tree, so its `.schoollint.yml` (or `[tool.schoollint]` in pyproject.toml) is a blob of HEAD's
tree, and `schoollint history` there judges with the site's own selection and per-path ignores, as it
does in a clone (trial 10 item 1)."""

from __future__ import annotations

import subprocess
from pathlib import Path


class CommittedFile(type(Path())):  # type: ignore[misc]  # the platform's concrete Path class
    """A file of HEAD's tree named as if it were at the repository's top; `read_text` gives its blob."""

    text = ""

    def read_text(self, encoding=None, errors=None, newline=None) -> str:
        return self.text

    def is_file(self) -> bool:
        return True


def committed_config(root: Path, names: tuple[str, ...]) -> Path | None:
    """The first of `names` in the bare repository `root`'s HEAD commit (pyproject.toml only with a
    [tool.schoollint] table), as a CommittedFile; None when HEAD holds none (or there is no HEAD)."""
    for name in names:
        said = subprocess.run(["git", "cat-file", "blob", f"HEAD:{name}"], cwd=root, capture_output=True)
        text = said.stdout.decode("utf-8", "replace")
        if said.returncode == 0 and (name != "pyproject.toml" or "[tool.schoollint" in text):
            found = CommittedFile(root / name)
            found.text = text
            return found
    return None
