"""What analysing one file gives (`FileResult`), as worker processes send it back and the result
cache keeps it (codec.py's records), how the honest count names a file's type (`kind_of`), and which
files no reader claims still hold something no rule looked at (`holds_unread`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from .cache import Signature
from .codec import finding_from_dict, finding_to_dict, suppression_from_dict, suppression_to_dict
from .finding import Finding, Suppression


@dataclass
class FileResult:
    """What analysing one file gave: findings as the checks yielded them (not yet stamped)."""

    path: str
    content_hash: str = ""   # SHA-256 of the bytes, the findings' identity: only when the run needs it
    findings: list[Finding] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cache_key: str = ""
    content_key: str = ""                  # what the cache knows these bytes by (cache.py)
    stat: Signature | None = None          # the file's signature when read
    read_at: int = 0                       # when it was read, ns since the epoch
    # The files whose existence this result depends on, with whether each was a file (the
    # targets the page's references resolve to); None when they could not be listed (not cached).
    depends: dict[str, bool] | None = field(default_factory=dict)
    # Why no reader judged this file's content ("PSD", "unreadable .jpg"), or "" when one did:
    # such a file is counted as not checked (issue 12), never among the files checked.
    unchecked: str = ""
    # No reader claims the file's kind (a font, a .txt, a Gemfile): nothing inside it was looked at, only
    # its name, so it is counted apart from the files checked ("not read"), never among them (session 10).
    not_read: bool = False
    # Alt texts a page builds from values its reader cannot see (a template tag, an unresolved
    # expression): unknown, never clean, so the run says how many there were.
    unknown_alts: int = 0
    # What the site rules need from a text file (site_facts.read_facts), read with its analysis
    # so that the run's parent, which judges the site, need not read and scan it again.
    site_facts: dict | None = None

    def to_cache(self) -> dict:
        return {
            "findings": [finding_to_dict(f) for f in self.findings],
            "suppressions": [suppression_to_dict(s) for s in self.suppressions],
            "unknown_alts": self.unknown_alts,
            "unchecked": bool(self.unchecked),   # kept as judged: no finding tells it (trial 7 item 10)
            "not_read": self.not_read,
        }

    @classmethod
    def restore(cls, path: str, digest: str, key: str, record: dict) -> FileResult:
        return cls(
            path=path, content_hash=digest, cache_key=key,
            findings=[finding_from_dict(path, f) for f in record["findings"]],
            suppressions=[suppression_from_dict(s) for s in record["suppressions"]],
            unchecked=kind_of(path) if record["unchecked"] else "", unknown_alts=record["unknown_alts"],
            not_read=record["not_read"],
        )


def kind_of(relpath: str) -> str:
    """How the honest count names a file's type: its extension, lower-case ("other" for one that
    is not a plain extension: the count is printed as it is, and a name can hold anything)."""
    extension = os.path.splitext(relpath)[1].lower()
    if not extension:
        return "(no extension)"
    return extension if _PLAIN_EXTENSION.fullmatch(extension) else "(other)"


_PLAIN_EXTENSION = re.compile(r"\.[a-z0-9_+-]{1,12}")

# Files that by their kind's own definition hold nothing a rule could judge: Git's settings and
# folder markers, GitHub Pages' CNAME (one host name), package managers' lock files (generated
# lists of packages and digests). Their name is the whole of what there is to check.
NOTHING_INSIDE = frozenset({
    ".gitignore", ".gitattributes", ".gitmodules", ".gitkeep", ".keep", ".nojekyll", "cname",
    "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "gemfile.lock",
    "composer.lock", "poetry.lock", "pipfile.lock", "cargo.lock", "go.sum",
})


def holds_unread(relpath: str, data) -> bool:
    """Whether a file no media or page reader claims (`data`, its bytes) holds something no rule looked
    at: True but for an empty file, the kinds in NOTHING_INSIDE and schoollint's own files at the top
    (its configuration, baseline, review log and hashed roster, which it reads itself), counted as checked."""
    if not len(data) or relpath.rpartition("/")[2].lower() in NOTHING_INSIDE:
        return False
    from .run_settings import HASHED_ROSTER
    from .site_facts import OWN_FILES

    return relpath not in OWN_FILES and relpath != HASHED_ROSTER
