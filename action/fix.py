"""The action's fix step (`fix: commit`): apply schoollint's safe fixes and push
them to the pull request's branch.

Only for a pull request from this repository whose branch is checked out: a
fork's token cannot push, and a merge commit must not be pushed onto the
branch. Anything that stops the push leaves the work tree as it was, so the
check step still reports what the branch holds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import NamedTuple

import workflow

BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")


def why_not(payload: dict) -> str | None:
    """Why fixes cannot be committed for this run, or None when they can."""
    request = payload.get("pull_request")
    if not os.environ.get("GITHUB_EVENT_NAME", "").startswith("pull_request") or not request:
        return "fixes are committed only on pull_request events"
    head_repo = (request.get("head", {}).get("repo") or {}).get("full_name")
    if head_repo != os.environ.get("GITHUB_REPOSITORY"):
        return ("this pull request comes from a fork, whose token cannot push: "
                "run `schoollint check --fix` locally and push the result")
    head = workflow.git("rev-parse", "HEAD").stdout.strip()
    if head != request.get("head", {}).get("sha"):
        return ("the pull request branch is not checked out (a merge commit is): use actions/checkout "
                "with `ref: ${{ github.head_ref }}` to let the action commit fixes")
    return None


class Changed(NamedTuple):
    """A path Git sees as changed or new: where it was renamed or copied from (else None), and
    whether the work tree holds changes the index does not (Y is not a space, or untracked)."""

    source: str | None
    unstaged: bool


def changed_paths() -> dict[str, Changed]:
    """Each path Git sees as changed or new, from `git status --porcelain=v1 -z`.

    git-status(1), "Porcelain Format Version 1": each entry is "XY PATH" ended by NUL, and a
    rename or copy (R or C in X or Y) is followed by its source path as an entry of its own,
    with no status. NUL-separated and unquoted, so any file name survives (spaces, newlines,
    bytes that are not UTF-8: `workflow.git`).
    """
    entries = iter(workflow.git("status", "--porcelain=v1", "-z", "--untracked-files=all").stdout.split("\0"))
    changed: dict[str, Changed] = {}
    for entry in entries:
        if entry:
            source = next(entries, None) if {"R", "C"} & set(entry[:2]) else None
            changed[entry[3:]] = Changed(source, entry[1] != " ")
    return changed


def main() -> int:
    mode = workflow.setting("FIX", "none")
    if mode not in ("none", "commit"):
        workflow.command("error", {"title": "schoollint"}, f"fix must be none or commit, not {mode!r}")
        return 2
    reason = None if mode == "none" else why_not(workflow.event())
    if mode == "none" or reason:
        if reason:
            workflow.command("notice", {"title": "schoollint fixes not committed"}, reason)
        workflow.set_outputs(fixed=0)
        return 0
    before = changed_paths()
    workflow.run_schoollint(workflow.check_command(workflow.python(), "--fix", "--exit-zero", "--no-progress"))
    fixed = {path: change for path, change in changed_paths().items()
             if path not in before or before[path].source != change.source}
    if fixed:
        try:
            fixed = _commit_and_push(fixed, workflow.event()["pull_request"]["head"]["ref"])
        except subprocess.CalledProcessError as failed:     # git add or commit refused (a lock, signing)
            workflow.echo_untrusted(failed.stderr)
            undone = not before and _undo(fixed)
            workflow.command("warning", {"title": "schoollint fixes not committed"},
                             "git could not commit the fixes (its message is above); " + (
                                 "they were undone, so the check reports the branch as it is" if undone
                                 else "they are left in the work tree"))
            fixed = {}
    workflow.set_outputs(fixed=len(fixed))
    return 0


def _undo(fixed: dict[str, Changed]) -> bool:
    """Put the work tree back as the branch holds it, the files the fixes created removed; only
    called when the tree was clean before the fixes (nothing of anyone else's is lost). Whether
    that worked."""
    if workflow.git("reset", "--quiet", "--hard", "HEAD", check=False).returncode != 0:
        return False
    tracked = set(workflow.git("ls-tree", "-r", "-z", "--name-only", "HEAD").stdout.split("\0"))
    for path in fixed:
        if path not in tracked and os.path.lexists(path):
            os.remove(path)
    return True


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"


def _subject(changed: int, renamed: int) -> str:
    """The fix commit's subject: what the fixes did, in counts only (a path may hold the name the
    fix took away, and the commit is public)."""
    if not renamed:
        return f"schoollint: remove personal metadata from {_files(changed)}"
    others = changed - renamed
    return (f"schoollint: rename {_files(renamed)} whose name{'s' if renamed != 1 else ''} identified someone"
            + (f", update {others} other{'s' if others != 1 else ''}" if others else ""))


def _commit_and_push(fixed: dict[str, Changed], branch: str) -> dict[str, Changed]:
    """Commit the `fixed` paths (a rename's source too, so the commit holds the move) and push."""
    paths = sorted(fixed)
    unstaged = [path for path in paths if fixed[path].unstaged]     # a staged deletion matches no file to add
    if unstaged:
        _git_with_paths(unstaged, "add", "--all")
    sources = [change.source for change in fixed.values() if change.source]
    message = f"{_subject(len(paths), len(sources))}\n\nApplied by the schoollint action (`schoollint check --fix`)."
    _git_with_paths(sorted({*paths, *sources}), "-c", f"user.name={BOT[0]}", "-c", f"user.email={BOT[1]}",
                    "commit", "--quiet", "--no-verify", "-m", message)
    pushed = workflow.git("push", "--quiet", "origin", f"HEAD:refs/heads/{branch}", check=False)
    if pushed.returncode == 0:
        workflow.command("notice", {"title": "schoollint"},
                         f"committed fixes for {len(paths)} file(s) to {branch}")
        if workflow.switched_on("SUMMARY"):
            _summarise(fixed, branch)
        return fixed
    # Undo our commit and its changes (and nothing else) so the check reports the branch as it is.
    workflow.git("reset", "--quiet", "--keep", "HEAD~1")
    workflow.echo_untrusted(pushed.stderr)
    workflow.command("warning", {"title": "schoollint fixes not pushed"},
                     "could not push the fixes (does the workflow have `permissions: contents: write`?)")
    return {}


def _git_with_paths(paths: list[str], *args: str) -> None:
    """`git args` for exactly `paths`, given on standard input, each whole and taken literally: no
    name is read as a pattern or an option, and no number of files overflows the command line."""
    workflow.git("--literal-pathspecs", *args, "--pathspec-from-file=-", "--pathspec-file-nul",
                 input="".join(f"{path}\0" for path in paths))


def _summarise(fixed: dict[str, Changed], branch: str) -> None:
    from schoollint.report.summary import cell

    count = len(fixed)
    lines = [f"### schoollint fixed and committed {count} file{'s' if count != 1 else ''} to {cell(branch)}", ""]
    lines += [f"- {cell(change.source)} → {cell(path)}" if change.source else f"- {cell(path)}"
              for path, change in sorted(fixed.items())]
    with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8", errors="backslashreplace") as out:
        out.write("\n".join(lines) + "\n\n")


if __name__ == "__main__":
    sys.exit(main())
