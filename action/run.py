"""The action's check step: run schoollint once, writing every view the run needs.

One run writes the capped annotations (stdout), the job summary, the SARIF file
and a JSON report whose counts become the step's outputs. Exits with
schoollint's exit code, after everything is written.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import workflow


def _report_failure(result, summary_file: Path | None) -> None:
    """schoollint stopped before reporting: its error lines become annotations and the summary."""
    from schoollint.discover import find_root
    from schoollint.outcome import Outcome
    from schoollint.report import View, github_action, summary

    lines = result.stderr.strip().splitlines() or [f"schoollint stopped with exit code {result.returncode}"]
    report = Outcome(errors=lines)
    view = View(root=find_root(Path.cwd())[0])
    sys.stdout.write(github_action.render(report, view))
    if summary_file is not None:
        summary_file.write_text(summary.render(report, view), encoding="utf-8")


def main() -> int:
    sys.stdout.reconfigure(errors="backslashreplace")  # file names that are not UTF-8
    report_file = Path(os.environ["RUNNER_TEMP"]) / "schoollint-report.json"
    report_file.unlink(missing_ok=True)
    reports = ["--report", f"json={report_file}"]
    if workflow.switched_on("SUMMARY"):
        summary_file = Path(os.environ["RUNNER_TEMP"]) / "schoollint-summary.md"
        reports += ["--report", f"summary={summary_file}"]
    sarif_file = workflow.setting("SARIF_FILE")
    if sarif_file:
        Path(sarif_file).parent.mkdir(parents=True, exist_ok=True)
        reports += ["--report", f"sarif={sarif_file}"]
    shown = "github-action" if workflow.switched_on("ANNOTATIONS") else "json"
    argv = workflow.check_command(workflow.python(), "--output-format", shown, *reports)
    result = workflow.run_schoollint(argv, stdout_is_commands=shown == "github-action")
    try:
        findings = len(json.loads(report_file.read_text(encoding="utf-8"))["findings"])
    except (OSError, ValueError, KeyError):  # a usage or configuration error: no report was written
        findings = 0
        _report_failure(result, summary_file if workflow.switched_on("SUMMARY") else None)
    if workflow.switched_on("SUMMARY") and summary_file.exists():
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(summary_file.read_text(encoding="utf-8"))
    # The path only when the file was written, so that an upload step can test the output alone
    # (hashFiles() sees nothing outside the workspace, where the SARIF file belongs).
    written = sarif_file if sarif_file and Path(sarif_file).is_file() else ""
    workflow.set_outputs(findings=findings, exit_code=result.returncode, sarif_file=written)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
