"""Paths written in a configuration file are read from the file's own folder, as ruff and pre-commit
read theirs, and `~` is the user's home folder (trial 8 item 11): `roster: pupils.csv` in the file
named with `--config /safe/schoollint.yml` is /safe/pupils.csv, and `roster: ~/pupils.csv` is in
the home folder. For the configuration at the repository's top, its folder is the repository's
top, where such paths were always read from, so they are shown as written.
"""

from __future__ import annotations

import os
from pathlib import Path


def from_its_folder(value: str, path: Path, display: str | None) -> str:
    """`value`, a path written in the configuration file `path` (shown as `display`: relative to the
    repository's top when the file is inside it), as a path from the repository's top or absolute."""
    value = os.path.expanduser(value)
    if os.path.isabs(value):
        return value
    if display is not None and not os.path.isabs(display):   # inside the repository: from its top
        return os.path.normpath(os.path.join(os.path.dirname(display), value))
    return os.path.join(os.path.dirname(os.path.abspath(path)), value)


def with_paths_from_its_folder(config, path: Path, display: str | None):
    """`config` (a config.Config read from `path`) with its `roster:` read from the file's folder."""
    if config.roster:
        config.roster = from_its_folder(config.roster, path, display)
    return config
