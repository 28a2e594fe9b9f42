"""Run a composite action's steps locally, the way the GitHub Actions runner does.

Each `run` step gets a bash script, the runner's environment (GITHUB_*,
RUNNER_TEMP, its own GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV /
GITHUB_PATH files) and its `env:`, with `${{ inputs.* }}`, `${{ github.* }}`,
`${{ runner.* }}` and `${{ steps.*.outputs.* }}` substituted in env values
only: a `${{ }}` in a script is refused, since that is how script injection
happens. A failing step skips the rest, as `if: success()` does.

Usage: python run_action.py ACTION_DIR WORKSPACE [name=value ...] (inputs).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
COMMAND = re.compile(r"^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$", re.DOTALL)


class ActionError(Exception):
    pass


@dataclass
class Command:
    """A workflow command, unescaped as the runner reads it."""

    name: str
    properties: dict[str, str]
    message: str


@dataclass
class StepResult:
    id: str
    name: str
    returncode: int
    stdout: str
    stderr: str
    outputs: dict[str, str]
    summary: str
    commands: list[Command]


@dataclass
class ActionRun:
    steps: list[StepResult] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    @property
    def commands(self) -> list[Command]:
        return [command for step in self.steps for command in step.commands]

    @property
    def summary(self) -> str:
        return "".join(step.summary for step in self.steps)

    @property
    def failed(self) -> bool:
        return any(step.returncode for step in self.steps)


def _unescape(text: str, is_property: bool) -> str:
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if is_property else [])
    for escaped, plain in pairs + [("%25", "%")]:
        text = text.replace(escaped, plain)
    return text


def parse_commands(output: str) -> list[Command]:
    """Workflow commands in a step's output, honouring ::stop-commands::."""
    found, stopped_until = [], None
    for raw in output.splitlines():
        line = raw.strip()
        if stopped_until is not None:
            if line == f"::{stopped_until}::":
                stopped_until = None
            continue
        match = COMMAND.match(line)
        if not match:
            continue
        name, props, message = match.groups()
        if name == "stop-commands":
            stopped_until = message
            continue
        properties = {}
        for pair in (props or "").split(","):
            if "=" in pair:
                key, value = pair.split("=", 1)
                properties[key.strip()] = _unescape(value, True)
        found.append(Command(name, properties, _unescape(message, False)))
    return found


def _read_key_values(path: Path) -> dict[str, str]:
    """GITHUB_OUTPUT / GITHUB_ENV syntax: name=value lines and name<<DELIMITER blocks."""
    values: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").split("\n") if path.exists() else []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            body = []
            while index < len(lines) and lines[index] != delimiter:
                body.append(lines[index])
                index += 1
            if index == len(lines):
                raise ActionError(f"{path.name}: no closing delimiter for {name}")
            index += 1
            values[name] = "\n".join(body)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
        elif line:
            raise ActionError(f"{path.name}: unreadable line {line!r}")
    return values


class Expressions:
    def __init__(self, contexts: dict):
        self.contexts = contexts

    def value(self, expression: str) -> str:
        parts = expression.split(".")
        if parts[0] not in self.contexts or not all(re.fullmatch(r"[\w-]+", part) for part in parts):
            raise ActionError(f"expression not supported by this runner: ${{{{ {expression} }}}}")
        current = self.contexts
        for part in parts:
            current = current.get(part) if isinstance(current, dict) else None
        if current is None:
            return ""
        return current if isinstance(current, str) else json.dumps(current)

    def substitute(self, text) -> str:
        return EXPRESSION.sub(lambda found: self.value(found.group(1)), str(text))


def run_action(action_dir: Path, workspace: Path, inputs: dict[str, str], *, github: dict | None = None,
               runner_temp: Path, env: dict[str, str] | None = None) -> ActionRun:
    """Run action_dir/action.yml in workspace; `github` is the github context (event included)."""
    spec = yaml.safe_load((action_dir / "action.yml").read_text(encoding="utf-8"))
    if spec["runs"]["using"] != "composite":
        raise ActionError("only composite actions can be run")
    declared = spec.get("inputs") or {}
    unknown = sorted(set(inputs) - set(declared))
    if unknown:
        raise ActionError(f"unknown inputs: {', '.join(unknown)}")
    github = {"event_name": "push", "repository": "school/site", "event": {}, **(github or {})}
    runner_temp.mkdir(parents=True, exist_ok=True)
    event_path = runner_temp / "_event.json"
    event_path.write_text(json.dumps(github["event"]), encoding="utf-8")
    contexts = {"github": {**github, "action_path": str(action_dir), "workspace": str(workspace)},
                "runner": {"temp": str(runner_temp), "os": "Linux"}, "steps": {}, "env": {}}
    expressions = Expressions(contexts)
    contexts["inputs"] = {
        name: str(inputs[name]) if name in inputs else expressions.substitute(spec_in.get("default", ""))
        for name, spec_in in declared.items()
    }

    base_env = {**os.environ, **(env or {}), "CI": "true", "GITHUB_ACTIONS": "true",
                "GITHUB_ACTION_PATH": str(action_dir), "GITHUB_WORKSPACE": str(workspace),
                "GITHUB_EVENT_PATH": str(event_path), "RUNNER_TEMP": str(runner_temp)}
    base_env.update({f"GITHUB_{key.upper()}": value for key, value in github.items() if isinstance(value, str)})
    job_env: dict[str, str] = {}
    extra_path: list[str] = []
    run = ActionRun()
    for number, step in enumerate(spec["runs"]["steps"]):
        name = step.get("name", f"step {number}")
        if "uses" in step:
            run.skipped.append(name)
            continue
        if "if" in step:
            raise ActionError(f"{name}: `if:` conditions are not evaluated by this runner")
        if step.get("shell") != "bash":
            raise ActionError(f"{name}: only `shell: bash` steps are run")
        if "${{" in step["run"]:
            raise ActionError(f"{name}: expression in the script text (script injection): {step['run']!r}")
        files = {kind: runner_temp / f"_{number}_{kind.lower()}" for kind in
                 ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_ENV", "GITHUB_PATH")}
        for path in files.values():
            path.write_text("", encoding="utf-8")
        step_env = {**base_env, **job_env, **{key: str(path) for key, path in files.items()}}
        step_env.update({key: expressions.substitute(value) for key, value in (step.get("env") or {}).items()})
        if extra_path:
            step_env["PATH"] = os.pathsep.join(extra_path + [step_env.get("PATH", "")])
        script = runner_temp / f"_{number}_script.sh"
        script.write_text(step["run"], encoding="utf-8")
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                              cwd=workspace, env=step_env, capture_output=True, text=True,
                              errors="backslashreplace", stdin=subprocess.DEVNULL)
        outputs = _read_key_values(files["GITHUB_OUTPUT"])
        job_env.update(_read_key_values(files["GITHUB_ENV"]))
        extra_path = [line for line in files["GITHUB_PATH"].read_text().splitlines() if line] + extra_path
        result = StepResult(
            id=step.get("id", f"__{number}"), name=name, returncode=done.returncode, stdout=done.stdout,
            stderr=done.stderr, outputs=outputs, summary=files["GITHUB_STEP_SUMMARY"].read_text(encoding="utf-8"),
            commands=parse_commands(done.stdout) + parse_commands(done.stderr),
        )
        run.steps.append(result)
        contexts["steps"][result.id] = {"outputs": outputs,
                                        "outcome": "success" if done.returncode == 0 else "failure"}
        if done.returncode != 0:
            break
    run.outputs = {name: expressions.substitute(spec_out["value"])
                   for name, spec_out in (spec.get("outputs") or {}).items()}
    return run


def main(argv: list[str]) -> int:
    import tempfile

    action_dir, workspace, *pairs = argv
    inputs = dict(pair.split("=", 1) for pair in pairs)
    with tempfile.TemporaryDirectory() as temp:
        result = run_action(Path(action_dir).resolve(), Path(workspace).resolve(), inputs,
                            runner_temp=Path(temp))
    for step in result.steps:
        print(f"== {step.name} (exit {step.returncode})\n{step.stdout}{step.stderr}", end="")
        if step.summary:
            print(f"-- job summary --\n{step.summary}", end="")
    print(f"== outputs: {json.dumps(result.outputs)}")
    return 1 if result.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
