"""`schoollint rules`, `schoollint rule CODE` and the README table, from rules/*.yaml."""

from __future__ import annotations

import json
from dataclasses import asdict

from . import catalogue
from .errors import UsageError


def _fix_word(rule) -> str:
    return {"safe": "--fix", "unsafe": "--unsafe-fixes", "none": "by hand"}[rule.fix_safety]


def list_rules(output_format: str) -> str:
    rules = catalogue.load().values()
    if output_format == "json":
        return json.dumps([asdict(rule) for rule in rules], indent=2) + "\n"
    if output_format == "markdown":
        return markdown_table(rules)
    width = max(len(rule.name) for rule in rules)
    lines = [f"{rule.code}  {rule.name:<{width}}  {rule.severity:<7}  {_fix_word(rule):<14}  {rule.summary}"
             for rule in rules]
    return "\n".join(lines) + "\n"


def markdown_table(rules) -> str:
    lines = ["| Code | Name | Severity | Fix | What it flags |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| {rule.code} | `{rule.name}` | {rule.severity} | {_fix_word(rule)} | {rule.summary} |"
              for rule in rules]
    return "\n".join(lines) + "\n"


def explain_rule(word: str, output_format: str) -> str:
    rule = catalogue.by_name_or_code(word)
    if rule is None:
        raise UsageError(f"unknown rule {word!r}; `schoollint rules` lists them all")
    if output_format == "json":
        return json.dumps(asdict(rule), indent=2) + "\n"
    width = _width()
    options = "\n".join(_flow(f"{name} (default {spec['default']!r}): {spec['description']}", width, hang=4)
                        for name, spec in rule.options.items()) or "  none"
    fix_safety = {
        "safe": "`schoollint check --fix` fixes this safely.",
        "unsafe": "`schoollint check --fix --unsafe-fixes` can fix this; review the change.",
        "none": "No automatic fix: this needs a person's judgement.",
    }[rule.fix_safety]
    return (
        f"{rule.code} {rule.name} ({rule.severity})\n\n"
        f"What it checks\n{_flow(rule.summary, width)}\n\n"
        f"Why it matters\n{_flow(rule.why, width)}\n\n"
        f"How to fix\n{_flow(rule.fix, width)}\n\n{_flow(fix_safety, width)}\n\n"
        f"Example\n{_indent(rule.example)}\n\n"
        f"Options\n{options}\n"
    )


def _width() -> int:
    """Columns to fill: the terminal's, at most 100 (long lines are hard to read), at least 40."""
    import shutil

    return max(40, min(100, shutil.get_terminal_size((100, 24)).columns))


def _flow(text: str, width: int, hang: int = 2) -> str:
    """`text` indented two spaces, each paragraph (blank-line separated) filled to `width` columns:
    the YAML's own line breaks are where its editor wrapped it, not where the reader's screen does."""
    import textwrap

    return "\n\n".join(textwrap.fill(" ".join(paragraph.split()), width, initial_indent="  ",
                                      subsequent_indent=" " * hang, break_on_hyphens=False)
                        for paragraph in text.strip().split("\n\n"))


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.splitlines())
