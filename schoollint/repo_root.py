"""Where a run's repository or site starts: the Git work tree's top (asking Git only when a `.git` could
answer), or the folder a plain site starts at (plain_site.py). discover.py re-exports these for its callers.
"""

from __future__ import annotations

import os
from pathlib import Path

from .bare_repo import bare_repository, refuse_bare
from .submodules import is_submodule


def find_root(start: Path) -> tuple[Path, bool]:
    """The repository root above `start` (and whether it is a Git work tree); in a plain folder, the
    site that holds `start` (_plain_top).

    Git is asked only when it could say yes: a `.git` (folder or file) in `start` or a folder above
    it, as the file system has them (symlinks resolved, as Git's own discovery walks them), or
    GIT_DIR set. Otherwise Git finds no work tree either, and a run in a plain folder starts no process."""
    if not _in_git(start):   # a bare repository is one, with no work tree (bare_repo.py)
        bare = bare_repository(start.resolve())
        return (bare, True) if bare is not None else (_plain_top(start), False)
    import subprocess

    try:
        result = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=start, capture_output=True)
    except FileNotFoundError:  # no git on this machine: treat as a plain folder
        return start.resolve(), False
    if result.returncode == 0:
        return Path(os.fsdecode(result.stdout.rstrip(b"\n"))).resolve(), True
    return _plain_top(start), False


def _plain_top(start: Path) -> Path:
    """A plain folder's site: the site that holds `start` (plain_site.site_above: the nearest folder on
    the way up with a configuration, else the top of the run of index-page folders `start` is in), else
    `start` itself (start_of chose it: no site above). So `cd news && schoollint check` in a plain site
    runs with the site's configuration and cache, as from a Git work tree's subfolder (trial 10 item 6)."""
    from .plain_site import site_above

    real = start.resolve()
    return site_above(real) or real

def start_of(paths: list[str]) -> Path | None:
    """Where to look for the site's top folder (None: the current folder), judged on the paths as
    written, so a link is not followed. The current folder, unless the named paths lie elsewhere
    (`check ../other-site`), or below it in a Git work tree or a configuration of their own
    (`check stmarys` from the folder that holds the sites), or the current folder is a plain folder
    that is no site (site_top.is_site): then the site above them (site_top.site_above), else the
    folder that holds them all (`cd ~ && check Pictures/trip` reads Pictures/trip, not the home
    folder; `discover` says that pages outside it were not read)."""
    from .config_files import CONFIG_FILES
    from .plain_site import is_site, site_above

    refuse_bare(Path(os.path.abspath(paths[0] if paths else ".")))   # no files to check there (bare_repo.py)
    named = [Path(os.path.abspath(path)) for path in paths if os.path.lexists(path)]
    if not paths or not os.path.lexists(paths[0]):
        return None
    folders = [path if path.is_dir() and not path.is_symlink() else path.parent for path in named]
    common = Path(os.path.commonpath(folders))
    here = Path.cwd()
    if not named[0].is_relative_to(here):
        return common if _in_git(common) else site_above(common) or common
    folder = folders[0]
    while folder != here and folder.is_relative_to(here):
        if any(os.path.lexists(folder / name) for name in (".git", *CONFIG_FILES)) and not is_submodule(folder):
            return folder     # a submodule's files are the site's, named from its top (submodules.py)
        folder = folder.parent
    if _in_git(here) or is_site(here):
        return None
    return site_above(common) or common


def _in_git(folder: Path) -> bool:
    """Whether Git could find a work tree from `folder` (find_root's cheap test: a `.git` there or above)."""
    real = folder.resolve()
    return "GIT_DIR" in os.environ or any(os.path.lexists(above / ".git") for above in (real, *real.parents))
