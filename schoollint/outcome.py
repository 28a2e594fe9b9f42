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
    not_checked: dict[str, int] = field(default_factory=dict)   # files a reader could not judge, by type: {".psd": 12}
    not_read: dict[str, int] = field(default_factory=dict)  # files no reader reads, by type: {".woff2": 3}
    changes: list[Change] = field(default_factory=list)
    stale_baseline: list[str] = field(default_factory=list)
    ignored: int = 0                                        # findings silenced by per-path ignores
    suppressed: int = 0                                     # findings silenced by inline suppressions
    baselined: int = 0                                      # findings held back by the baseline

    def not_checked_text(self) -> str:
        """The honest count of files no reader could judge, by type: "12 .psd, 3 .cr2" ("" when none)."""
        from .kind_counts import kinds_text   # "2 special files", not "2 special file"

        return kinds_text(self.not_checked)

    def not_read_text(self) -> str:
        """The files no reader reads (a font, a .txt: only their names were looked at), in the words every
        output uses: "3 files not read, since schoollint has no reader for what is inside them: 2 .woff2,
        1 .txt" ("" when none)."""
        from .kind_counts import kinds_text, plural

        total = sum(self.not_read.values())
        if not total:
            return ""
        return (f"{plural(total, 'file')} not read, since schoollint has no reader for what is inside "
                f"{'it' if total == 1 else 'them'}: {kinds_text(self.not_read)}")

    def fixable(self, unsafe: bool) -> int:
        fixes = [f.fix for f in self.findings if f.fix is not None]
        return len(fixes) if unsafe else sum(1 for fix in fixes if fix.applicability is Applicability.SAFE)
