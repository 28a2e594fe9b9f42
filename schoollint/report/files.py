"""Report files: private when they hold personal data, and never left unawares where the site publishes them.

A report written inside the site's folder is published with it: GitHub Pages, Netlify and
the like build from the repository, so a file Git does not ignore goes public as soon as
someone commits "all changes" (GitHub Desktop's default). The audit holds a thumbnail of
every photo (and, with --show-values, names and GPS positions), which is what the guidance
(Managing student image and video content, "Ensure Image Metadata is Removed") keeps off
the web. So, like ssh-keygen with a private key:

- a personal report (the audit always; any report with --show-values) is written 0600,
  through a temporary file beside it (mkstemp makes it 0600 from the start, so no other
  user can open it in between) renamed over the target, whatever mode an old report had;
- it is refused (ReportPlaceError, exit 2) inside the site unless Git ignores it, since a
  warning scrolls past a school's web editor; `--force` writes it anyway, with a warning;
- a report without personal values (SARIF, JUnit, GitLab for CI, written into the
  workspace by design) keeps the user's umask, and is written with a warning only: a
  refusal would break CI workflows that upload it, and 0600 would break a container
  writing it for the host user.

Every HTML or Markdown report carries MARKER in its first lines, so a run that finds one
left in the site knows it for schoollint's own report, not a page of the site.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..discover import REPORT_MARKER as MARKER
from ..errors import UserError

# In the first 512 bytes of every HTML and Markdown report (as an HTML comment).
MARKER_COMMENT = f"<!-- {MARKER} -->"


class ReportPlaceError(UserError):
    """A personal report would be written where the site publishes it."""


def published(root: Path, target: Path) -> bool:
    """True when `target` lies inside the site folder `root` and Git does not ignore it
    (outside Git, everything in the folder is uploaded: nothing is ignored)."""
    return _place(root, target) in ("git", "plain")


def _place(root: Path, target: Path) -> str:
    """Where `target` is: "outside" the site folder `root`, "ignored" by Git, inside a Git site and
    not ignored ("git"), or inside a plain folder's site ("plain": no Git, nothing is ignored)."""
    folder = Path(os.path.realpath(target.parent))
    real_root = Path(os.path.realpath(root))
    if folder != real_root and real_root not in folder.parents:
        return "outside"
    # exit 0: ignored; 1: not ignored (a tracked file counts as not ignored); 128: no repository.
    # check-ignore reads its argument as a pathspec when it asks the index ("[p]upils.csv" matches a
    # tracked pupils.csv) and refuses :(literal): a name with glob characters asks Git two literal questions.
    import subprocess   # here: a run writing no report file starts no Git for it

    where = str(folder / target.name)
    globbed = any(character in target.name for character in "*?[\\")
    try:
        code = subprocess.run(["git", "check-ignore", "-q", *(["--no-index"] if globbed else []), "--", where],
                              cwd=real_root, capture_output=True).returncode
        if code == 0 and globbed and subprocess.run(
                ["git", "--literal-pathspecs", "ls-files", "--error-unmatch", "--", where], cwd=real_root,
                capture_output=True).returncode == 0:
            code = 1    # tracked: ignore rules do not apply to it
    except FileNotFoundError:   # no git on this machine: nothing is ignored
        return "plain"
    return "ignored" if code == 0 else "git" if code == 1 else "plain"


def outside_example(root: Path, name: str) -> str:
    """A path for `name` outside the site folder `root`, as the user would type it: in the home
    folder when the site is not it or above it, else in the folder that holds the site."""
    real_root = Path(os.path.realpath(root))
    home = Path(os.path.realpath(Path.home()))
    if home != real_root and real_root not in home.parents:
        return f"~/{name}"
    return os.path.relpath(real_root.parent / name)


def check_place(path: str, root: Path, *, personal: bool, force: bool = False) -> str | None:
    """The warning to print on stderr before writing a report to `path`, or None.

    Raises ReportPlaceError for a personal report the site would publish, unless `force`.
    The advice fits the site: in a plain folder (no Git) nothing is ignored, so only a place
    outside it helps, and the example given is one (`outside_example`), never `path` itself.
    """
    place = _place(root, Path(path))
    if place in ("outside", "ignored"):
        return None
    top = os.path.relpath(os.path.realpath(root))
    top = "the current folder" if top == "." else top
    elsewhere = f"-o {outside_example(root, Path(path).name)}"
    if place == "git":
        why = (f"inside the site (the Git repository {top}), where Git does not ignore it: it would be "
               "published once committed")
        advice = f"write it outside the site ({elsewhere}), add it to .gitignore"
    else:
        why = (f"inside the site folder ({top}), which has no Git: everything in it is uploaded with the "
               "site, this report too")
        advice = f"write it outside that folder ({elsewhere})"
    if personal and not force:
        raise ReportPlaceError(f"{path}: not written: this report holds pupils' photos or personal values "
                               f"and is {why}; {advice}, or pass --force")
    what = "holds pupils' photos or personal values and" if personal else "holds no personal value, but"
    return f"{path}: this report {what} is {why}; {advice}"


def write_report(path: str, text: str, *, personal: bool) -> None:
    """Write report `text` to `path` (0600 when `personal`, else as the umask says), replacing it whole.

    A path that is no regular file (/dev/stdout, a FIFO) is written in place. ReportPlaceError
    naming `path` (not the temporary file beside it) when its folder cannot be written to; OSError
    when the write fails later.
    """
    target = Path(path)
    data = text.encode("utf-8", "surrogateescape")
    if os.path.exists(target) and not target.is_file():
        with open(target, "wb") as handle:
            handle.write(data)
        return
    import tempfile   # here: a run that writes no report file needs none (about 17 M instructions of imports)

    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                                 dir=target.parent)   # created 0600
    except OSError as exc:
        raise ReportPlaceError(f"{path}: not written: cannot create a file in {target.parent} "
                               f"({exc.strerror or exc})") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        if not personal:   # the mode a new plain file gets under the user's umask
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
