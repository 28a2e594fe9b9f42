"""What the action's scripts share: GitHub Actions plumbing and the schoollint command line.

Inputs arrive as SCHOOLLINT_* environment variables (set from `inputs.*` in
action.yml), never spliced into shell text.
"""

from __future__ import annotations

import json
import os
import secrets
import shlex
import subprocess
import sys
from pathlib import Path


def setting(name: str, default: str = "") -> str:
    return os.environ.get(f"SCHOOLLINT_{name}", default).strip()


def switched_on(name: str, default: str = "true") -> bool:
    return setting(name, default).lower() in ("true", "yes", "on", "1")


def set_outputs(**values) -> None:
    """Step outputs, each in a heredoc whose random delimiter no value can contain."""
    with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as out:
        for name, value in values.items():
            delimiter = f"schoollint_{secrets.token_hex(16)}"
            out.write(f"{name.replace('_', '-')}<<{delimiter}\n{value}\n{delimiter}\n")


def command(name: str, properties: dict[str, str] | None = None, message: str = "") -> None:
    """One workflow command (::notice::, ::warning::...) with its text escaped."""
    from schoollint.report.github import escape_data, escape_property

    shown = ",".join(f"{key}={escape_property(value)}" for key, value in (properties or {}).items())
    print(f"::{name}{' ' + shown if shown else ''}::{escape_data(message)}", flush=True)


def echo_untrusted(text: str) -> None:
    """Print tool output that may hold file names: with workflow commands off, so
    a file called "x\\n::error::..." cannot speak to the runner."""
    if not text:
        return
    token = secrets.token_hex(16)
    print(f"::stop-commands::{token}", flush=True)
    print(text, end="" if text.endswith("\n") else "\n", flush=True)
    print(f"::{token}::", flush=True)


def event() -> dict:
    path = os.environ.get("GITHUB_EVENT_PATH")
    if not path or not Path(path).is_file():
        return {}
    return json.loads(Path(path).read_text(encoding="utf-8"))


def git(*args: str, check: bool = True, input: str | None = None) -> subprocess.CompletedProcess:
    """Run git; its output as text in which any file name survives (bytes that are not UTF-8 as
    surrogate escapes, PEP 383, written back as the same bytes in `input` and in arguments)."""
    return subprocess.run(["git", *args], capture_output=True, text=True, encoding="utf-8",
                          errors="surrogateescape", input=input, check=check)


def base_revision(payload: dict) -> str | None:
    """The commit a pull request or push started from, fetched if the checkout is shallow."""
    name = os.environ.get("GITHUB_EVENT_NAME", "")
    if name.startswith("pull_request"):
        base = payload.get("pull_request", {}).get("base", {}).get("sha")
    elif name == "merge_group":
        base = payload.get("merge_group", {}).get("base_sha")
    elif name == "push":
        base = payload.get("before")
    else:
        base = None
    if not base or set(base) == {"0"}:  # a push that created the branch has no "before"
        return None
    if git("cat-file", "-e", f"{base}^{{commit}}", check=False).returncode != 0:
        git("fetch", "--no-tags", "--quiet", "--depth=1", "origin", base, check=False)
        if git("cat-file", "-e", f"{base}^{{commit}}", check=False).returncode != 0:
            return None
    return base


def check_command(python: str, *extra: str) -> list[str]:
    """`schoollint check` with the action's inputs; --diff-base for changed-only runs."""
    argv = [python, "-m", "schoollint", "check", *shlex.split(setting("PATHS", "."))]
    if setting("CONFIG"):
        argv += ["--config", setting("CONFIG")]
    if setting("FAIL_LEVEL"):
        argv += ["--fail-level", setting("FAIL_LEVEL")]
    if switched_on("CHANGED_ONLY", "false"):
        base = base_revision(event())
        if base is None:
            command("notice", {"title": "schoollint"},
                    "changed-only: no base commit for this event, so every file is checked")
        else:
            argv += ["--diff-base", base]
    return argv + shlex.split(setting("ARGS")) + list(extra)


def run_schoollint(argv: list[str], stdout_is_commands: bool = False) -> subprocess.CompletedProcess:
    """Run schoollint; its output is fenced off unless it is our own escaped workflow commands."""
    result = subprocess.run(argv, capture_output=True, text=True, errors="backslashreplace",
                            env={**os.environ, "NO_COLOR": "1"})
    if stdout_is_commands:
        sys.stdout.write(result.stdout)
        sys.stdout.flush()
    else:
        echo_untrusted(result.stdout)
    echo_untrusted(result.stderr)
    return result


def python() -> str:
    return os.environ.get("SCHOOLLINT_PYTHON") or sys.executable
