"""What SL101-SL104 share: one finding per rule per file for the metadata items of its kinds.

Not a check module itself. The finding names the fields (never their values);
its fix strips exactly the kinds the rule covers, losslessly.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from ..finding import Finding
from ..fix.model import Applicability, Fix
from ..formats.fields import plain


def fields_of(items) -> str:
    """The distinct field names of these items, in the order found (the finding's identity)."""
    return ", ".join(dict.fromkeys(item.field for item in items))


def described(items) -> str:
    """The same fields in words a person understands, each with its technical name."""
    return ", ".join(dict.fromkeys(plain(item.field) for item in items))


def metadata_finding(subject, code: str, kinds: Sequence[str], opening,
                     fix_summary) -> Iterator[Finding]:
    """The rule's finding when the file holds items of `kinds` (nothing for an unreadable file).
    `opening` and `fix_summary` are words, or functions of the items found that give them."""
    facts = subject.facts
    if facts is None:
        return
    items = facts.of_kind(*kinds)
    if not items:
        return
    values = [item.value for item in items if item.value]
    message = f"{opening(items) if callable(opening) else opening} ({described(items)})"
    if facts.not_rewritten:      # a damaged PDF or SVG, an archive: no fix is offered that --fix would refuse
        why = facts.not_rewritten     # a damaged file's starts "not rewritten: " (formats.archive's does not)
        message += (f"; the file is damaged, so --fix leaves it: {why.removeprefix('not rewritten: ')}"
                    if why.startswith("not rewritten: ") else f"; --fix leaves it: {why}")
    yield Finding(
        code, subject.path, message, field=fields_of(items), value="; ".join(values) or None,
        fix=None if facts.not_rewritten else _strip(
            tuple(kinds), fix_summary(items) if callable(fix_summary) else fix_summary),
    )


@lru_cache(maxsize=64)    # one frozen Fix per rule, shared by its findings: not built again for every photo
def _strip(kinds: tuple[str, ...], summary: str) -> Fix:
    return Fix("strip-metadata", kinds, Applicability.SAFE, summary=summary)
