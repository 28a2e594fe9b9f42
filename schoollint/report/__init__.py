"""Reporters: one module per output format, all fed the same Outcome.

A reporter module defines `render(outcome, view) -> str`. Public formats
(json, github, sarif, junit, gitlab, summary) never carry a personal value
unless the user asked for values with --show-values.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..kind_counts import plural as plural   # the one place words take their plural; reporters import it here

FORMATS = {
    "text": "text",
    "json": "json_format",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "gitlab": "gitlab",
    "summary": "summary",
    "github-action": "github_action",
}
PUBLIC_FORMATS = frozenset(FORMATS) - {"text"}


@dataclass(frozen=True)
class View:
    """How the user asked to see the report."""

    root: Path
    show_values: bool = False
    colour: bool = False
    quiet: int = 0              # -q: findings only (no fix hints, no summary line)
    pre_commit: bool = False    # run by pre-commit: fixes are offered as hooks
    prefix: str = ""            # one of several repositories (repositories.py): its folder, before each path


# Formats that carry each text as it is, in their own escapes (JSON's \n, GitHub's %0A, a SARIF URI's
# %0A): a file's real name, not the escape `escaped` shows on a terminal (trial 9 item 9). Not JUnit: XML
# text keeps a newline raw, and a CI log that prints the report would read a line after it as a command.
OWN_ESCAPES = frozenset({"json", "sarif", "gitlab", "github", "github-action"})


def render(name: str, report, view: View) -> str:
    """The report in format `name`; every text in it from a file (paths, messages, values) escaped."""
    outcome = report if name in OWN_ESCAPES else escaped_outcome(report)
    return importlib.import_module(f"{__name__}.{FORMATS[name]}").render(outcome, view)


# C0 and C1 controls (newline and ESC included), DEL, and the Unicode line separators and
# bidirectional controls that can make shown text differ from what it is (CVE-2021-42574).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What `escaped` changes: those controls, and surrogates (bytes that were not UTF-8, display_path).
_TO_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def escaped(text: str) -> str:
    """`text` with every control character shown as an escape (`\\n`, `\\x1b`, `\\u202e`).

    The one place text from files (names, page attributes, metadata) is made safe to print:
    a newline could start a CI workflow command (`::error ...`) and ESC or OSC bytes a
    terminal sequence. Bytes that are not UTF-8 (surrogate escapes) are shown as \\xNN.
    Text with nothing to escape is returned as it is (the same object: escaped_outcome copies
    only what changed).
    """
    if _printable(text) or not _TO_ESCAPE.search(text):
        return text
    text = display_path(text)
    return _CONTROLS.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


_PRINTABLE: dict[str, None] = {}    # texts found printable so far (a warm run's findings share their messages)


def _printable(text: str) -> bool:
    """True when `text` holds no character `escaped` would change. Every character _TO_ESCAPE matches is
    unprintable (Cc, Cf, Cs, Zl, Zp), so printable text needs no regex (its character-set test per
    character was 5% of a warm run); a text seen before is not looked through again (`isprintable`
    asks Unicode's table about each character: 3% of a warm run of 1,000 photos before this memo)."""
    if text in _PRINTABLE:
        return True
    if not text.isprintable():
        return False
    if len(_PRINTABLE) > 50_000:      # bounded: a run's texts come from files
        _PRINTABLE.clear()
    _PRINTABLE[text] = None
    return True


def _clean(value):
    return escaped(value) if isinstance(value, str) else value


def escaped_outcome(report):
    """A copy of the Outcome with every text in it `escaped`; counts and flags as they were. A finding
    with nothing to escape is kept as it is (frozen), not copied: `dataclasses.replace` on each finding
    was the largest cost of reporting 1,000 photos from the cache."""
    import dataclasses

    changes = [dataclasses.replace(c, path=escaped(c.path), summaries=[escaped(s) for s in c.summaries],
                                   renamed=[(escaped(a), escaped(b)) for a, b in c.renamed],
                                   written=[escaped(p) for p in c.written], created=[escaped(p) for p in c.created],
                                   error=_clean(c.error)) for c in report.changes]
    return dataclasses.replace(report, findings=[escaped_finding(f) for f in report.findings], changes=changes,
                               errors=[escaped(e) for e in report.errors], notes=[escaped(n) for n in report.notes],
                               stale_baseline=[escaped(e) for e in report.stale_baseline])


def escaped_finding(finding):
    """The finding with every text in it `escaped` (the same object when none needs it)."""
    fix, value, known = finding.fix, finding.value, _PRINTABLE
    # printable text needs no escape (`escaped`): asked of each text at once, it is most findings' whole cost
    # (a text seen before is found in the memo without a call)
    if ((finding.path in known or _printable(finding.path))
            and (finding.message in known or _printable(finding.message))
            and (finding.field is None or finding.field in known or _printable(finding.field))
            and (not isinstance(value, str) or _printable(value))
            and (fix is None or fix.summary in known or _printable(fix.summary))):
        return finding
    import dataclasses

    path, message, field, value = (escaped(finding.path), escaped(finding.message), _clean(finding.field),
                                   _clean(finding.value))
    summary = fix and escaped(fix.summary)
    if (path is finding.path and message is finding.message and field is finding.field and value is finding.value
            and (fix is None or summary is fix.summary)):
        return finding
    return dataclasses.replace(finding, path=path, message=message, field=field, value=value,
                               fix=fix and dataclasses.replace(fix, summary=summary))


# What a note that says something was not checked or not judged says: such a note is kept under -q
# (only -qq hides it) and listed first by every report, since no finding will ever tell it.
_UNJUDGED = re.compile(r"\bnot (?:been )?(?:checked|judged|read)\b|\bjudged? no one\b|\bcannot (?:judge|resolve)\b")


def says_unjudged(note: str) -> bool:
    """True for a note saying that something was not checked or that a rule judged no one
    ("... were not checked for names", "SL601-SL603 judge no one"), by its words."""
    return _UNJUDGED.search(note) is not None


def run_notes(outcome) -> list[tuple[str, bool]]:
    """The run's notes for a report, (text, says_unjudged), those saying what was not checked first.

    Notes hold no personal value by construction (they name files, rules and counts, never a
    field's value), so every public format carries them.
    """
    marked = [(note, says_unjudged(note)) for note in outcome.notes]
    return [pair for pair in marked if pair[1]] + [pair for pair in marked if not pair[1]]


def fix_hint(finding, rule, pre_commit: bool = False) -> str:
    """One line saying how to fix a finding, with the command that does it.

    Under pre-commit (which sets PRE_COMMIT=1) there is often no `schoollint` on the PATH:
    the hint names the hook that runs the fix instead (`hook_hint`).
    """
    fix = finding.fix
    if fix is None:
        from .fix_tried import LEFT    # the rule's fix would be `--fix`, which the finding says leaves it

        return "by hand, as the finding says (--fix leaves it)" if LEFT.search(finding.message) else \
            first_sentence(rule.fix)
    if pre_commit:
        return f"{fix.summary} ({hook_hint(fix.safe)})"
    return f"{fix.summary} (run `schoollint check --fix{'' if fix.safe else ' --unsafe-fixes'}`)"


# The hooks of .pre-commit-hooks.yaml that fix, and how pre-commit runs each: the unsafe one stays in
# the manual stage, so it runs only when asked by name with --hook-stage manual.
FIX_HOOKS = {True: ("schoollint-fix", "pre-commit run schoollint-fix --all-files"),
             False: ("schoollint-fix-unsafe", "pre-commit run schoollint-fix-unsafe --hook-stage manual --all-files")}


def hook_hint(safe: bool) -> str:
    """How to run a fix under pre-commit: the `pre-commit run` command when the repository's
    .pre-commit-config.yaml has the hook, else first the line to add there (pre-commit answers
    "No hook with id ..." for a hook that is not configured)."""
    hook, command = FIX_HOOKS[safe]
    hooks = configured_hooks(os.getcwd())
    if hooks is not None and hook in hooks:
        return f"run `{command}`"
    unsure = " if it is not there" if hooks is None else ""   # `pre-commit -c FILE`: a config we cannot see
    return f"add `- id: {hook}` to the schoollint hooks in .pre-commit-config.yaml{unsure}, then run `{command}`"


@functools.lru_cache(maxsize=4)
def configured_hooks(folder: str) -> frozenset[str] | None:
    """The hook ids of `folder`/.pre-commit-config.yaml (pre-commit runs hooks from the repository's top
    folder); None when there is none or it cannot be read (then the hint says what to add)."""
    import yaml

    from ..yamlload import safe_load

    try:
        config = safe_load(Path(folder, ".pre-commit-config.yaml").read_text(encoding="utf-8"))
        return frozenset(str(hook["id"]) for repo in config["repos"] for hook in repo.get("hooks") or ()
                         if isinstance(hook, dict) and "id" in hook)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, LookupError, TypeError, AttributeError):
        return None


def explained_by(code: str, pre_commit: bool = False) -> str:
    """Where the full explanation of rule `code` is, in words that work where the reader is: under
    pre-commit there may be no `schoollint` command, so the rule's page or the README's Rules section."""
    if not pre_commit:
        return f"`schoollint rule {code}` explains"
    from ..catalogue import load

    uri = load()[code].help_uri
    return f"{uri} explains" if uri else f"see {code} under Rules in schoollint's README"


def unique_fingerprints(findings) -> list[str]:
    """A SHA-256 per finding that stays put when lines move and never repeats within a run.

    Two findings of one rule in one file share a fingerprint (it leaves out the
    line); numbering the repeats keeps GitHub and GitLab from merging them.
    """
    import hashlib

    seen: dict[str, int] = {}
    digests = []
    for finding in findings:
        occurrence = seen.get(finding.fingerprint, 0)
        seen[finding.fingerprint] = occurrence + 1
        identity = f"{finding.fingerprint}#{occurrence}".encode("utf-8", "surrogateescape")
        digests.append(hashlib.sha256(identity).hexdigest())
    return digests


def display_path(path: str) -> str:
    """A path as text: bytes that are not UTF-8 shown as \\xNN rather than breaking the output."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def first_sentence(text: str) -> str:
    """Up to the first full stop that ends a sentence (not one inside `code`, like `...`)."""
    flat = " ".join(text.split())
    for stop in re.finditer(r"\. ", flat):
        if flat.count("`", 0, stop.start()) % 2 == 0:
            return flat[: stop.start() + 1]
    return flat


def held_back(outcome) -> list[str]:
    """What the baseline, inline suppressions and per-path ignores kept out of the report, in words.

    A baseline that silently hides every finding is the worst surprise a linter can give,
    so every format says how many findings it held back and how to see them.
    """
    parts = []
    if outcome.baselined:
        parts.append(f"{plural(outcome.baselined, 'known finding')} held by the baseline "
                     "(`schoollint check --no-baseline` shows them)")
    if outcome.suppressed:
        parts.append(f"{plural(outcome.suppressed, 'finding')} silenced by inline `schoollint: ignore` comments")
    if outcome.ignored:
        parts.append(f"{outcome.ignored} ignored by per-path configuration")
    return parts


def where(finding) -> str:
    """"line 7: " before a finding's message in words, or "" when there is no line to name.

    A document's reader (PDF, Word, PowerPoint, Excel, OpenDocument) numbers its pages, slides,
    sheets or paragraphs, not lines, and its messages already say where ("on page 2"): "line 2"
    would only mislead a reader who opens the newsletter. Machine formats (SARIF, JSON) keep the number.
    """
    if not finding.line:
        return ""
    from ..pages import documents, pdf_text    # light: their readers' suffixes (the readers import lazily)

    if not finding.path.lower().endswith(documents.SUFFIXES + pdf_text.SUFFIXES):
        return f"line {finding.line}: "     # a page: no document reader claims it, and no page reader is imported
    from ..pages.registry import language_of

    language = language_of(finding.path)
    return "" if language is not None and language.document else f"line {finding.line}: "


def shown_value(finding, view: View) -> str | None:
    return finding.value if view.show_values and finding.value else None
