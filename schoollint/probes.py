"""Where a page's references lead, and which files' existence decided it.

`ProbingRoot` stands in for the repository root wherever references are resolved
(`pages.references.locate`, `pages.urls.resolve`), noting every path whose existence was asked and
the answer: a cached result or site fact depends on those files (cache.py reads the page again when
one has come or gone). Used by the analysis (analysis.py) and the site facts (site_facts.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class ProbingRoot:
    """Stands in for the repository root in `pages.references.locate`, noting every path whose
    existence it asks about (`root / target` then `.is_file()`), and the answer. `known`: answers
    shared between several (each path is looked up once per run, whoever asks)."""

    def __init__(self, root: Path, known: dict[str, bool] | None = None):
        self.root = root
        self.seen: dict[str, bool] = {}
        self.known = {} if known is None else known

    def __truediv__(self, target: str) -> _Probe:
        return _Probe(self, target)

    def answer(self, target: str) -> bool:
        """Whether `target` (a repository path) is a file, asked once."""
        if target not in self.known:
            self.known[target] = os.path.isfile(os.path.join(self.root, target))
        return self.known[target]


@dataclass
class _Probe:
    """One target of a page's reference, answered by ProbingRoot once a run."""

    probes: ProbingRoot
    target: str

    def is_file(self) -> bool:
        seen = self.probes.seen
        if self.target not in seen:
            seen[self.target] = self.probes.answer(self.target)
        return seen[self.target]


def referenced_files(root: Path, relpath: str, page) -> tuple[dict[str, bool] | None, list | None, list | None]:
    """Where the page's references lead, each resolved once: every path whose existence decides it,
    with whether it is a file (what a cached result depends on); the references that lead to no
    file with the path each was read as (`references.broken`: SL304); and every (reference, the
    path it leads to) (`references.located`: the site facts' targets). (None, None, None) when they
    cannot be listed (the result is then not cached, and SL304 resolves them itself)."""
    from .pages.references import located
    from .pages.urls import file_at

    probes = ProbingRoot(root)
    try:
        pairs = located(probes, relpath, page.links)  # type: ignore[arg-type]
        missing = [pair for pair in pairs if not file_at(probes, pair[1])]   # references.broken, from the same pass
    except Exception:  # a root that is not a Path may not do: then the page is read every run
        return None, None, None
    return probes.seen, missing, pairs
