"""What checks report and what fixes do, as plain frozen data.

Frozen dataclasses so that equality and hashing agree, and so findings can
cross process boundaries and be cached as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field as attribute


@dataclass(frozen=True)
class Fix:
    """What to do about a problem; an applier in schoollint.fixes carries it out.

    `action` names the applier ("strip-metadata", "downscale", "rename", ...),
    `args` are its arguments, `safe` says whether plain --fix may apply it
    (unsafe fixes need --unsafe-fixes), `summary` is what the report says.
    """

    action: str
    args: tuple = ()
    safe: bool = True
    summary: str = ""


@dataclass(frozen=True)
class Problem:
    """What a check yields; the engine adds the path and content hash.

    `message` is public: it may name the field that leaked ("GPS position"),
    never the personal value. The value itself goes in `value`, shown only
    with --show-values (or as text on the user's own terminal).
    """

    code: str
    message: str
    line: int | None = None
    field: str | None = None
    value: str | None = attribute(default=None, compare=False)
    fix: Fix | None = attribute(default=None, compare=False)
    severity: str | None = None   # only when a rule option sets it (e.g. staff: warn); else the catalogue's


@dataclass(frozen=True)
class Finding:
    code: str
    path: str                     # repository-relative, forward slashes
    message: str
    line: int | None = None
    field: str | None = None
    content_hash: str = ""        # sha256 of the file: identity without line numbers
    value: str | None = attribute(default=None, compare=False)
    fix: Fix | None = attribute(default=None, compare=False)
    severity: str | None = None

    @property
    def fingerprint(self) -> str:
        """Stable identity for baselines and SARIF: survives edits that move lines."""
        return f"{self.path}:{self.code}:{self.field or ''}:{self.content_hash}"


@dataclass(frozen=True)
class Suppression:
    """An inline `schoollint: ignore` in a page, found by the page reader.

    `line` is where the comment or attribute is written; `covers` the lines
    whose findings it silences; `codes` empty means every rule.
    """

    line: int
    covers: frozenset[int]
    codes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Write:
    path: str
    data: bytes


@dataclass(frozen=True)
class Rename:
    old: str
    new: str
