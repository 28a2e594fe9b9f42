"""The action's check step: run schoollint once, then annotate, summarise and write SARIF.

schoollint writes its JSON report; every other view (annotations, job summary,
SARIF) is rendered from that one run by schoollint's own reporters.
Exits with schoollint's exit code, after everything is written.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import workflow


def report_from_json(payload: dict):
    """schoollint's JSON report back into the Report the reporters take."""
    from schoollint.engine import Change, Report
    from schoollint.finding import Finding, Fix

    findings = []
    for record in payload["findings"]:
        fix = record["fix"]
        findings.append(Finding(
            code=record["code"], path=record["path"], message=record["message"], line=record["line"],
            field=record["field"],
            # the fingerprint ends with the content hash, which never holds a colon
            content_hash=record["fingerprint"].rsplit(":", 1)[1],
            fix=Fix("", safe=fix["safe"], summary=fix["summary"]) if fix else None,
        ))
    changes = [Change(c["path"], c["summaries"], operations=[c["path"]]) for c in payload["fixed"]]
    changes += [Change(c["path"], [], error=c["error"]) for c in payload["not_fixed"]]
    return Report(findings=findings, errors=payload["errors"], files_checked=payload["files_checked"],
                  changes=changes, stale_baseline=payload["stale_baseline"])


def _report(result, report_file: Path):
    from schoollint.engine import Report

    try:
        return report_from_json(json.loads(report_file.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError):  # a usage or configuration error: no report written
        lines = result.stderr.strip().splitlines() or [f"schoollint stopped with exit code {result.returncode}"]
        return Report(errors=lines)


def main() -> int:
    from schoollint.discover import find_root
    from schoollint.report import View, github_action, sarif, summary

    sys.stdout.reconfigure(errors="backslashreplace")  # file names that are not UTF-8
    report_file = Path(os.environ["RUNNER_TEMP"]) / "schoollint-report.json"
    report_file.unlink(missing_ok=True)
    argv = workflow.check_command(workflow.python(), "--output-format", "json", "-o", str(report_file))
    result = workflow.run_schoollint(argv)
    report = _report(result, report_file)
    view = View(root=find_root(Path.cwd())[0])

    if workflow.switched_on("ANNOTATIONS"):
        sys.stdout.write(github_action.render(report, view))
    if workflow.switched_on("SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(summary.render(report, view))
    sarif_file = workflow.setting("SARIF_FILE")
    if sarif_file:
        target = Path(sarif_file)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(sarif.render(report, view), encoding="utf-8")
    workflow.set_outputs(findings=len(report.findings), exit_code=result.returncode, sarif_file=sarif_file)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
