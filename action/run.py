"""The action's check step: run schoollint once, writing every view the run needs.

One run writes the capped annotations (stdout), the job summary, the SARIF file
and a JSON report whose counts become the step's outputs. Exits with
schoollint's exit code, after everything is written. A run that stops before
reporting sets `findings` empty, never 0, and says that nothing was checked.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import workflow


# A line schoollint writes on stderr: its kind, and the file and line it names, if any
# (`schoollint: error: .schoollint.yml:1: unknown key 'selcet'`).
_SAID = re.compile(r"schoollint: (?P<kind>error|warning|note): (?:(?P<file>[^:\n]+?)(?::(?P<line>\d+))?: )?")
_LEVELS = {"error": "error", "warning": "warning", "note": "notice"}


def _report_failure(result, summary_file: Path | None) -> None:
    """schoollint stopped before reporting (a usage or configuration error, exit 2): its lines become
    annotations, on the file and line they name when that file is in the checkout (so the error shows
    on `.schoollint.yml` line 1), and the summary says that nothing was checked, with no table of
    zeros that reads as a clean run (trial 10 item 8)."""
    from schoollint.report.summary import cell

    lines = result.stderr.strip().splitlines() or [f"schoollint stopped with exit code {result.returncode}"]
    for line in lines:
        said = _SAID.match(line)
        kind = _LEVELS[said.group("kind")] if said else "error"
        where = {"title": "schoollint"}
        if said and said.group("file") and Path(said.group("file")).is_file():
            where["file"] = said.group("file")
            where.update({"line": said.group("line")} if said.group("line") else {})
        workflow.command(kind, where, line)
    if summary_file is not None:
        summary_file.write_text("\n".join([
            "## schoollint", "",
            f"**Nothing was checked**: schoollint stopped before checking any file (exit code "
            f"{result.returncode}), so this is no clean result. Fix what the error says and run it again.",
            "", "### Errors", "", *(f"- {cell(line)}" for line in lines), ""]), encoding="utf-8")


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
        findings = ""   # not 0: a step testing `findings == '0'` must not take a run that checked nothing as clean
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
