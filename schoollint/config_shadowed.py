"""A `[tool.schoollint]` table in pyproject.toml that is not read because `.schoollint.yml` is there
too (config_files.find_config reads the YAML file first): said as a warning, never silently ignored
(trial 8 item 13), as a file named like a configuration that is not read is."""

from __future__ import annotations

from pathlib import Path


def shadowed_pyproject(root: Path, names: tuple[str, ...]) -> list[str]:
    """The warning for pyproject.toml's `[tool.schoollint]` at `root` when a file of `names`
    (config_files.CONFIG_FILES) is there and read instead."""
    found = [name for name in names if (root / name).is_file()]
    pyproject = root / "pyproject.toml"
    if not found or not pyproject.is_file():
        return []
    if "[tool.schoollint" not in pyproject.read_text(encoding="utf-8", errors="replace"):
        return []
    return [f"pyproject.toml: [tool.schoollint] not read: {found[0]} is the configuration and is read instead; "
            f"move those settings into {found[0]} (or delete one of them)"]
