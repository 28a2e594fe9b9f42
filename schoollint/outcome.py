"""What a run found and did: the one object every reporter is given."""

from __future__ import annotations

from dataclasses import dataclass, field

from .finding import Finding
from .fix.model import Applicability, Change


@dataclass
class Outcome:
    """What a run found, fixed and noted: every report format is given this."""

    findings: list[Finding] = field(default_factory=list)   # stamped, suppressions and baseline applied
    errors: list[str] = field(default_factory=list)         # one line each, naming the file
    notes: list[str] = field(default_factory=list)          # things the user should know, not failures
    files_checked: int = 0                                  # files whose content a reader judged
    not_checked: dict[str, int] = field(default_factory=dict)   # the others, by type: {".psd": 12}
    changes: list[Change] = field(default_factory=list)
    stale_baseline: list[str] = field(default_factory=list)
    ignored: int = 0                                        # findings silenced by per-path ignores
    suppressed: int = 0                                     # findings silenced by inline suppressions
    baselined: int = 0                                      # findings held back by the baseline

    def not_checked_text(self) -> str:
        """The honest count of files no reader judged, by type: "12 .psd, 3 .cr2" ("" when none)."""
        from .kind_counts import kind_count   # "2 special files", not "2 special file"

        return ", ".join(kind_count(count, kind) for kind, count in
                         sorted(self.not_checked.items(), key=lambda pair: (-pair[1], pair[0])))

    def fixable(self, unsafe: bool) -> int:
        fixes = [f.fix for f in self.findings if f.fix is not None]
        return len(fixes) if unsafe else sum(1 for fix in fixes if fix.applicability is Applicability.SAFE)
