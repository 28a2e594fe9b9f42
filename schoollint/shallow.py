"""Where a shallow clone's history stops (`git clone --depth`, actions/checkout's default
`fetch-depth: 1`): `history` says how deep it looked, `audit` dates no photo by the cut, and
`--diff-base` says to fetch more when its base is older than the cut."""

from __future__ import annotations

from pathlib import Path


def shallow_boundary(root: Path) -> list[str]:
    """The commits a shallow clone's history stops at (their parents are not here;
    gitrepository-layout(5), `shallow`), empty for a full clone."""
    from .gitlog import git

    shallow_file = Path(git(root, "rev-parse", "--git-path", "shallow").strip())
    shallow_file = shallow_file if shallow_file.is_absolute() else root / shallow_file
    return shallow_file.read_text().split() if shallow_file.is_file() else []
