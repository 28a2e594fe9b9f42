"""The action's fix step (`fix: commit`): apply schoollint's safe fixes and push
them to the pull request's branch.

Only for a pull request from this repository whose branch is checked out: a
fork's token cannot push, and a merge commit must not be pushed onto the
branch. Anything that stops the push leaves the work tree as it was, so the
check step still reports what the branch holds.
"""

from __future__ import annotations

import os
import sys

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


def changed_paths() -> set[str]:
    """Paths git sees as changed or new, NUL-separated so any file name survives."""
    output = workflow.git("status", "--porcelain=v1", "-z", "--untracked-files=all").stdout
    return {entry[3:] for entry in output.split("\0") if entry}


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
    fixed = sorted(changed_paths() - before)
    if fixed:
        fixed = _commit_and_push(fixed, workflow.event()["pull_request"]["head"]["ref"])
    workflow.set_outputs(fixed=len(fixed))
    return 0


def _commit_and_push(paths: list[str], branch: str) -> list[str]:
    workflow.git("add", "--all", "--", *paths)
    message = (f"schoollint: remove personal metadata from {len(paths)} file{'s' if len(paths) != 1 else ''}\n\n"
               "Applied by the schoollint action (`schoollint check --fix`).")
    workflow.git("-c", f"user.name={BOT[0]}", "-c", f"user.email={BOT[1]}",
                 "commit", "--quiet", "--no-verify", "-m", message, "--", *paths)
    pushed = workflow.git("push", "--quiet", "origin", f"HEAD:refs/heads/{branch}", check=False)
    if pushed.returncode == 0:
        workflow.command("notice", {"title": "schoollint"},
                         f"committed fixes for {len(paths)} file(s) to {branch}")
        if workflow.switched_on("SUMMARY"):
            _summarise(paths, branch)
        return paths
    # Undo our commit and its changes (and nothing else) so the check reports the branch as it is.
    workflow.git("reset", "--quiet", "--keep", "HEAD~1")
    workflow.echo_untrusted(pushed.stderr)
    workflow.command("warning", {"title": "schoollint fixes not pushed"},
                     "could not push the fixes (does the workflow have `permissions: contents: write`?)")
    return []


def _summarise(paths: list[str], branch: str) -> None:
    from schoollint.report.summary import cell

    lines = [f"### schoollint fixed and committed {len(paths)} file{'s' if len(paths) != 1 else ''} "
             f"to {cell(branch)}", ""] + [f"- {cell(path)}" for path in paths]
    with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n\n")


if __name__ == "__main__":
    sys.exit(main())
