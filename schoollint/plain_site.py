"""A plain folder's site (no Git work tree): where it starts, and which files below it are its own.

The site rules list and read every file of the site, so the site must not be taken to be the
current folder merely because the run started there: `cd ~ && schoollint check Pictures/trip`
would read the whole home folder. As Git finds its work tree (the nearest folder above with
`.git`) and ruff its project (the nearest folder above the files it is given with a
pyproject.toml), a plain folder's site is the nearest folder on the way up from the named files
that says it is a site (`says_site`):

- a schoollint configuration at its top (config_files.CONFIG_FILES, or `[tool.schoollint]` in
  its pyproject.toml);
- a site generator's configuration that pages/site_layout.py recognises (Hugo, Eleventy,
  Jekyll, MkDocs, Astro, ...);

else the outermost folder of the nearest run of nested folders that each hold an index page
(`INDEX_PAGES`: a built site has one in every section, and none above its top). A Git work tree
is found before all of these (discover.find_root). When none of them is found, discover.start_of
takes the named folder itself and the run says that pages outside it were not read.
"""

from __future__ import annotations

import os
from pathlib import Path

from .bare_repo import laid_out_as_git_dir
from .config_files import CONFIG_FILES

# A site's home page as web servers and generators name it (Apache's and nginx's DirectoryIndex
# defaults, IIS's default documents, a Markdown site's index page).
INDEX_PAGES = frozenset({
    "index.html", "index.htm", "index.xhtml", "index.shtml", "index.php", "index.asp", "index.aspx",
    "index.jsp", "index.cfm", "default.htm", "default.html", "default.asp", "default.aspx",
    "index.md", "index.markdown", "index.mdx",
})
PYPROJECT_TABLE = b"[tool.schoollint"


def _names(folder: Path) -> frozenset[str]:
    try:
        return frozenset(os.listdir(folder))
    except OSError:
        return frozenset()


def says_site(folder: Path, names: frozenset[str] | None = None) -> bool:
    """Whether `folder` (absolute) holds a schoollint configuration or a site generator's configuration
    that pages/site_layout.py reads as one (its readers parse it as text; nothing is run)."""
    names = _names(folder) if names is None else names
    if names & set(CONFIG_FILES):
        return True
    if "pyproject.toml" in names:
        try:
            with open(folder / "pyproject.toml", "rb") as file:
                if PYPROJECT_TABLE in file.read(1 << 20):
                    return True
        except OSError:
            pass
    from .site_configs import CONFIG_NAMES

    if not names & CONFIG_NAMES:    # the common case: no config to parse, no reader imported
        return False
    from .pages.site_layout import layout_at

    return bool(layout_at(folder, "").generator)


def is_site(folder: Path) -> bool:
    """`says_site`, or an index page at the top of `folder`."""
    names = _names(folder)
    return bool(names & INDEX_PAGES) or says_site(folder, names)


def site_above(start: Path) -> Path | None:
    """The site that holds `start` (an absolute folder), as the module docstring says; None when no
    folder from `start` up to the file system's root is one."""
    indexed: Path | None = None     # the outermost folder of the nearest run of index-page folders
    for folder in (start, *start.parents):
        names = _names(folder)
        if says_site(folder, names):
            return folder
        if names & INDEX_PAGES:
            indexed = folder
        elif indexed is not None:   # the run ended: a configuration further up is another site's, or
            break                   # the user's (`~/.schoollint.yml`), never this one's top
    return indexed


def outside_note(root: Path) -> list[str]:
    """A plain folder below the current one taken as the site because nothing says where the site
    starts (start_of): the run says so, since a page outside it that shows its photos was not read."""
    if Path.cwd().resolve() not in root.parents or is_site(root):
        return []
    return [f"{os.path.relpath(root)}/: no Git work tree, schoollint configuration, site generator's "
            "configuration or index page in it or above, so it is checked as a site of its own: pages "
            "outside it were not read (run schoollint from the site's top folder, or put a .schoollint.yml there)"]


# What marks a folder as another tool's or another site's, not this site's (a plain folder's walk does
# not enter it): a Git work tree of its own, a Python virtual environment (PEP 405's pyvenv.cfg), a
# cache folder tagged as the Cache Directory Tagging Specification says (CACHEDIR.TAG).
OTHERS_FOLDERS = {
    ".git": "a Git work tree of its own",
    "pyvenv.cfg": "a Python virtual environment",
    "CACHEDIR.TAG": "a cache folder (CACHEDIR.TAG)",
}


# Work trees the current run checks apart (absolute, resolved: repositories.py): a plain folder's walk
# skips them without saying "name the folder to check it", since the run does.
CHECKED_APART: set[Path] = set()


def others(root: Path, current: str, name: str, notes: list[str]) -> bool:
    """Whether the folder `name` in `current` is another site's or tool's (OTHERS_FOLDERS); said in `notes`."""
    path = os.path.join(current, name)
    what = marked_as(path) or _bare_layout(path)
    if what and Path(path).resolve() not in CHECKED_APART:  # a work tree this run checks apart: no note
        notes.append(skipped_others(Path(os.path.relpath(path, root)).as_posix(), what))
    return bool(what)


def _bare_layout(path: str) -> str:
    """A folder laid out as a Git directory (HEAD, objects/, refs/: a bare repository, a mirror) holds
    Git's own files, never the site's (bare_repo.py); its history is `schoollint history`'s to read."""
    if laid_out_as_git_dir(path):
        return "a bare Git repository (run `schoollint history` in it to check its history)"
    return ""


def marked_as(path: str, markers: tuple[str, ...] = tuple(OTHERS_FOLDERS)) -> str:
    """What the folder at `path` is by its OTHERS_FOLDERS marker, "" when it has none."""
    return next((OTHERS_FOLDERS[marker] for marker in markers if os.path.lexists(os.path.join(path, marker))), "")


def skipped_others(folder: str, what: str) -> str:
    return f"{folder}/: skipped, {what}; name the folder to check it"


def tool_folder(root: Path, relpath: str, asked: list[str], memo: dict[str, str]) -> tuple[str, str] | None:
    """(folder, what it is) of a virtual environment or tagged cache folder that `relpath`, a file Git
    lists, lies under, unless the user named that folder or something in it; Git's own ignore rules and
    its stopping at nested work trees leave these in a site whose .gitignore does not name them.
    `memo`: each folder's answer (_marked), looked up once a listing."""
    parts = relpath.split("/")[:-1]
    for index in range(len(parts)):
        folder = "/".join(parts[: index + 1])
        if folder not in memo:
            memo[folder] = marked_as(os.path.join(root, folder), ("pyvenv.cfg", "CACHEDIR.TAG"))
        if memo[folder] and not any(path == folder or path.startswith(folder + "/") for path in asked):
            return folder, memo[folder]
    return None
