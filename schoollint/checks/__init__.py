"""Checks: one small module per rule, named after the rule (SL201 oversized-image is
`checks/oversized_image.py`).

A check module satisfies `CheckModule`:

    CODES = ("SL201",)          # the rules it implements (their words live in rules/)
    READS = "media"             # what it reads: one of READS
    def check(subject, ctx) -> Iterator[Finding]

`subject` is the Subject for what it reads; `ctx.options(code)` gives the
rule's options for this file (catalogue defaults, then the config, then
per-path overrides). A check never opens a file and never knows how its
findings are reported; it sets a severity only when a rule option chooses one
(the pipeline stamps the catalogue's otherwise).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..finding import Finding, Suppression

# What a check can read: a file's path, its media facts, its page model, or (after the
# other checks) the inline suppressions that silenced nothing.
READS = ("path", "media", "page", "suppressions")


class CheckModule(Protocol):
    CODES: tuple[str, ...]
    READS: str

    def check(self, subject: Any, ctx: Context) -> Iterator[Finding]: ...


@dataclass(frozen=True)
class PathSubject:
    """What a check that READS "path" is given: the file's repository-relative path."""

    path: str


@dataclass(frozen=True)
class MediaSubject:
    """What a check that READS "media" is given: the file's facts as its format's reader found them."""

    path: str
    facts: Any | None          # schoollint.formats.model.MediaFacts, None when unreadable
    error: str | None = None   # why the file could not be read
    picture: Any | None = None  # schoollint.vision.Picture, when vision looked at the pixels


@dataclass(frozen=True)
class PageSubject:
    """What a check that READS "page" is given: the page as its language's reader found it."""

    path: str
    page: Any                  # schoollint.pages.model.Page, None when unreadable
    error: str | None = None   # why the page could not be read
    # (reference, the path it was read as) for each reference that leads to no file, when the
    # analysis resolved them already (probes.referenced_files); None: SL304 resolves them itself.
    broken: tuple | None = None


@dataclass(frozen=True)
class SuppressionSubject:
    """What a check that READS "suppressions" is given: a file's inline suppressions after its findings."""

    path: str
    unused: tuple[Suppression, ...]   # inline suppressions that silenced no finding
    active: frozenset[str]            # the rules running for this file
    # (suppression, the words it names that are no rule's code or name): a typo silences nothing
    unknown: tuple[tuple[Suppression, frozenset[str]], ...] = ()


@dataclass(frozen=True)
class RunSubject:
    """What rules about the run as a whole read (READS "run"; driven by `schoollint audit`)."""

    first_published: Mapping[str, Any]   # each photo shown on a page -> datetime.date first published
    last_review: Any | None              # datetime.date of the last recorded review, None if none
    today: Any                           # datetime.date the run judges ages against (UTC)
    options_for: Any                     # path -> that path's rule options (Config.options_for)


@dataclass
class Context:
    """What a check may know about the run besides its subject."""

    root: Path
    rule_options: Mapping[str, Mapping[str, Any]]
    settings: Mapping[str, Any] = field(default_factory=dict)  # global config: roster, staff...

    def options(self, code: str) -> Mapping[str, Any]:
        return self.rule_options.get(code, {})


def module_name(rule_name: str) -> str:
    """The check module of a rule: its name with underscores (oversized-image -> oversized_image)."""
    return rule_name.replace("-", "_")


class ByReads(Mapping[str, list[CheckModule]]):
    """The check modules of the rules `codes` by what they read (READS; the catalogue says which without
    importing them), each group imported when first asked for: a run of photos imports no page check,
    and through them no page reader (issue 18: the 3-file run)."""

    def __init__(self, codes: set[str]):
        from .. import catalogue

        self._codes: dict[str, set[str]] = {}
        for code, rule in catalogue.load().items():
            if code in codes:
                self._codes.setdefault(rule.reads, set()).add(code)
        self._modules: dict[str, list[CheckModule]] = {}

    def __getitem__(self, reads: str) -> list[CheckModule]:
        if reads not in self._modules:
            self._modules[reads] = modules(self._codes[reads])
        return self._modules[reads]

    def __contains__(self, reads: object) -> bool:     # asked without importing (Mapping's would)
        return reads in self._codes

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


def modules(codes: set[str] | None = None) -> list[CheckModule]:
    """The check module of every rule (or of these codes), in catalogue order, each once."""
    from .. import catalogue

    names = dict.fromkeys(module_name(rule.name) for code, rule in catalogue.load().items()
                          if codes is None or code in codes)
    return [importlib.import_module(f"{__name__}.{name}") for name in names]
