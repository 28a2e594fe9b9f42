"""`--diff-base REF` that Git cannot find here, said in words with how to get it (trial 8 item 13: Git's
own three-line "ambiguous argument" error was passed on with literal \\n and no hint). In a shallow
clone (actions/checkout's default `fetch-depth: 1`) the base is usually older than the history that
was fetched: the message says how deep the clone is and how to fetch more.
"""

from __future__ import annotations

from pathlib import Path


def require_commit(root: Path, base: str) -> None:
    """UsageError (exit 2) when `base` names no commit in the repository at `root`."""
    import subprocess

    from .errors import UsageError
    from .shallow import shallow_boundary

    found = subprocess.run(["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}"],
                           cwd=root, capture_output=True)
    if found.returncode == 0:
        return
    cut = shallow_boundary(root)
    if cut:
        raise UsageError(f"--diff-base {base}: no such commit in this clone, which is shallow (its history stops at "
                         f"{', '.join(c[:12] for c in cut)}): fetch more history (`git fetch --deepen=50`, or "
                         "`git fetch --unshallow`; in GitHub Actions, `fetch-depth: 0` in actions/checkout)")
    raise UsageError(f"--diff-base {base}: no such commit, branch or tag in this repository (fetch it first, "
                     "as in `git fetch origin main` for origin/main)")
