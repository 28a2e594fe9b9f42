"""Human-readable report, grouped by file, coloured on a terminal."""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter

from .. import catalogue
from . import View, display_path, explained_by, first_sentence, fix_hint, held_back, plural, where
from .fix_tried import advice_lines, failed_paths, not_fixed_error, shared_advice, tried, tried_hint

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "path": "\033[1m", "dim": "\033[2m", "ok": "\033[32m"}
RESET = "\033[0m"


def _paint(text: str, colour: str, view: View) -> str:
    return f"{COLOURS[colour]}{text}{RESET}" if view.colour else text


def render(report, view: View) -> str:
    rules = catalogue.load()
    out: list[str] = []
    shared = shared_advice(report.changes)   # a refusal's advice once, not on each file's line
    for change in report.changes if not view.quiet else ():
        out.extend(_change_lines(change, view.prefix, shared))
    out += advice_lines(shared) if not view.quiet else []
    explained: set[str] = set()   # why a rule matters is said once per run, at its first finding
    # A finding's head ("  error SL101 location-metadata: ") and fix hint line are made once for each rule,
    # severity and fix: the same few for every photo of a run (a fix by id: every finding stays alive
    # while this runs, so no id is reused).
    shapes: dict[tuple[str, str | None, int, bool], tuple[str, str]] = {}
    show, append, failed = view.show_values, out.append, failed_paths(report)
    for path, findings in groupby(report.findings, key=attrgetter("path")):
        append(_paint(display_path(view.prefix + path), "path", view))
        for finding in findings:
            code, fix, was_tried = finding.code, finding.fix, tried(finding, failed)   # fix_tried.py
            shape = shapes.get((code, finding.severity, id(fix), was_tried))
            if shape is None:
                rule = rules[code]
                level = finding.severity or rule.severity
                hint = tried_hint(fix) if was_tried else fix_hint(finding, rule, view.pre_commit)
                shape = shapes[code, finding.severity, id(fix), was_tried] = (
                    f"  {_paint(level, level, view)} {code} {rule.name}: ", _paint(f"      fix: {hint}", "dim", view))
            value = show and finding.value     # shown_value's test, inline: it runs for every finding
            line = f"{shape[0]}{where(finding) if finding.line else ''}{finding.message}"
            append(f"{line} [{value}]" if value else line)
            if view.quiet:
                continue
            append(shape[1])
            if code not in explained:
                explained.add(code)
                append(_paint(f"      why: {first_sentence(rules[code].why)} "
                              f"({explained_by(code, view.pre_commit)})", "dim", view))
        out.append("")
    if view.quiet:
        return "\n".join(out) + "\n" if out else ""
    for entry in report.stale_baseline:
        out.append(f"baseline entry no longer matches anything: {entry}")
    out.append(_summary(report, view))
    return "\n".join(out) + "\n"


def _change_lines(change, prefix: str = "", shared=None) -> list[str]:
    """What --fix did to one file, down to every other file it touched (paths after `prefix`); a refusal's
    advice `shared` with other files is left to the line that says it once."""
    path = display_path(prefix + change.path)
    if change.error:
        return [f"{path}: not fixed: {not_fixed_error(change, shared)}"]
    if not change.changed:
        return []
    lines = [f"{path}: fixed: {'; '.join(change.summaries)}"]
    if change.size_after is not None:
        lines.append(f"    {change.size_before:,} -> {change.size_after:,} bytes")
    lines += [f"    renamed {display_path(prefix + old)} -> {display_path(prefix + new)}"
              for old, new in change.renamed]
    lines += [f"    rewrote {display_path(prefix + other)}" for other in change.written]
    lines += [f"    created {display_path(prefix + other)}" for other in change.created]
    return lines


def _summary(report, view: View) -> str:
    files = len({f.path for f in report.findings})
    count = len(report.findings)
    fixed = sum(1 for c in report.changes if c.changed)
    parts = []
    if fixed:
        parts.append(f"fixed {fixed} file{'s' if fixed != 1 else ''}")
    held = held_back(report)
    if count == 0:
        new = "new " if report.baselined else ""
        parts.append(_paint(f"no {new}findings in {plural(report.files_checked, 'file')} checked", "ok", view))
    else:
        failed = failed_paths(report)
        not_made = sum(1 for finding in report.findings if tried(finding, failed))   # fix_tried.py
        fixable = report.fixable(False) - not_made
        hidden = report.fixable(True) - fixable - not_made
        # under pre-commit the hooks fix, not options the user may have no command to give
        safe, unsafe = ("the schoollint-fix hook", "schoollint-fix-unsafe") if view.pre_commit \
            else ("--fix", "--unsafe-fixes")
        extra = f"{fixable} fixable with {safe}" if fixable else f"none fixable with {safe}"
        extra = f"{not_made} not fixed by this run, as said above; {extra}" if not_made else extra
        if hidden:
            extra += f", {hidden} more with {unsafe}"
        parts.append(f"{plural(count, 'finding')} in {plural(files, 'file')} ({extra})")
    parts.extend(held)
    if report.not_checked:   # never "no findings" alone about files no reader judged (issue 12)
        parts.append(f"not checked: {report.not_checked_text()}")
    if report.not_read:      # nor about files whose names alone were looked at (a font, a .txt)
        parts.append(report.not_read_text())
    return "; ".join(parts)
