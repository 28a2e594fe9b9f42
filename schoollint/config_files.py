"""Where the configuration is: `.schoollint.yml` (or `.schoollint.yaml`, the same file under the other
spelling of YAML's suffix) at the repository root, else `[tool.schoollint]` in pyproject.toml.

A file named as schoollint configurations sometimes are (`schoollint.yml`, `.schoollint.toml`,
`.schoollintrc`) is not read: it is said (`unread_lookalikes`), never silently ignored.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

CONFIG_FILES = (".schoollint.yml", ".schoollint.yaml")


def find_config(root: Path) -> Path | None:
    """The configuration file at the repository root, if any. ConfigError for one that is a
    symlink to a file outside the repository (its content is not the repository's to read), and
    for both spellings of its name at once."""
    from .config import ConfigError    # (plain_site asks only CONFIG_FILES: a replay at start imports no config)

    for name in (*CONFIG_FILES, "pyproject.toml"):
        path = root / name
        if path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(root):
            raise ConfigError(f"{name}: is a symlink to a file outside the repository; not read. "
                              "Put the configuration in the repository, or name it with --config")
    found = [name for name in CONFIG_FILES if (root / name).is_file()]
    if len(found) > 1:      # which one holds the settings meant is not ours to guess
        raise ConfigError(f"both {' and '.join(found)} are at the repository root: keep one (they are the same "
                          "file under two spellings)")
    if found:
        return root / found[0]
    pyproject = root / "pyproject.toml"
    if pyproject.is_file() and "[tool.schoollint" in pyproject.read_text(encoding="utf-8", errors="replace"):
        return pyproject
    from .bare_repo import bare_repository

    if (root / "HEAD").is_file() and bare_repository(root) == root:   # no work tree: HEAD's (bare_config)
        from .bare_config import committed_config

        return committed_config(root, (*CONFIG_FILES, "pyproject.toml"))
    return None


# Names a schoollint configuration is sometimes given that are not read: a file under one is said,
# never silently ignored. Not our own other files (.schoollint-baseline.json, -review.yml, -roster).
LOOKALIKE = re.compile(r"\.?schoollint(?:rc.*|\.(?:toml|ya?ml|json|ini|cfg|conf))", re.IGNORECASE)


def unread_lookalikes(root: Path) -> list[str]:
    """Warnings for each file at the repository root whose name looks like a schoollint configuration's
    but is not one that is read (`schoollint.yml`, `.schoollint.toml`, `.schoollintrc`)."""
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return []
    from .config_shadowed import shadowed_pyproject   # [tool.schoollint] beside .schoollint.yml: said too

    return shadowed_pyproject(root, CONFIG_FILES) + [
        f"{name}: not read (schoollint reads its configuration from {', '.join(CONFIG_FILES)} or "
        "[tool.schoollint] in pyproject.toml): rename it, or name it with --config" for name in names
        if name not in CONFIG_FILES and LOOKALIKE.fullmatch(name) and (root / name).is_file()]
