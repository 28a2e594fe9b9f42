"""What checks report, as plain frozen data.

A check yields `Finding`s that know what the check knows (code, path,
message, line, field, value, fix); the pipeline stamps the file's content
hash and the severity in force, once, with `stamped`. Frozen so that equality
and hashing agree, and so findings cross process boundaries and are cached as
JSON.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field as attribute

from .fix.model import Fix


@dataclass(frozen=True)
class Finding:
    """One problem in one file.

    `message` is public: it may name the field that leaked ("GPS position"),
    never the personal value. The value itself goes in `value`, shown only with
    --show-values (or as text on the user's own terminal). `severity` is None
    as a check yields it unless a rule option sets it (staff: warn); after
    `stamped` it is always "error" or "warning".
    """

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

    def stamped(self, content_hash: str, default_severity: str) -> Finding:
        """This finding with its file's content hash and the severity that applies to it (what `changed`
        does, without its check of the names: a warm run stamps every finding of every file)."""
        new = object.__new__(Finding)
        new.__dict__.update(self.__dict__, content_hash=content_hash, severity=self.severity or default_severity)
        return new

    @classmethod
    def restored(cls, code: str, path: str, message: str, line: int | None, field: str | None, fix: Fix | None,
                 severity: str | None) -> Finding:
        """The finding a cache record keeps (codec.finding_from_dict: no value, no content hash), built
        as `changed` builds a copy: the instance dict filled at once, not `__init__`'s frozen
        `object.__setattr__` field by field (a warm run of 1,000 photos restores 4,000)."""
        new = object.__new__(cls)
        new.__dict__.update(code=code, path=path, message=message, line=line, field=field, content_hash="",
                            value=None, fix=fix, severity=severity)
        return new

    def changed(self, **fields) -> Finding:
        """`dataclasses.replace(self, **fields)` at a twelfth of the cost (1 against 12 us): the
        instance dict copied, not `__init__` run again field by field through the frozen class's
        `object.__setattr__`. Sound because Finding has no `__post_init__` and no derived field.
        TypeError for a name that is no field, as `replace` raises."""
        unknown = fields.keys() - _FIELDS
        if unknown:
            raise TypeError(f"Finding has no field {', '.join(sorted(unknown))}")
        new = object.__new__(Finding)
        new.__dict__.update(self.__dict__, **fields)
        return new


_FIELDS = frozenset(field.name for field in dataclasses.fields(Finding))


@dataclass(frozen=True)
class Suppression:
    """An inline `schoollint: ignore` in a page, found by the page reader.

    `line` is where the comment or attribute is written; `covers` the lines
    whose findings it silences; `codes` empty means every rule.
    """

    line: int
    covers: frozenset[int]
    codes: frozenset[str] = frozenset()
