"""-q and -qq for the commands that print their own lines (`audit`, `history`), as `check` has them
(report.emit): -q leaves out summaries ("wrote audit.html: ...") and notes, but not a note saying
something was not checked (report.says_unjudged), a warning or an error; -qq leaves errors only.
"""

from __future__ import annotations

from typing import TextIO

ERROR, WARNING, NOTE = "schoollint: error:", "schoollint: warning:", "schoollint: note:"


class QuietLines:
    """A text stream that passes on, whole, only the lines -q (`quiet` 1) or -qq (2) lets through."""

    def __init__(self, stream: TextIO, quiet: int):
        self.stream, self.quiet, self.pending = stream, quiet, ""

    def write(self, text: str) -> int:
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            if self._shown(line):
                self.stream.write(line + "\n")
        return len(text)

    def flush(self) -> None:
        if self.pending and self._shown(self.pending):
            self.stream.write(self.pending)
        self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def _shown(self, line: str) -> bool:
        if line.startswith(ERROR):
            return True
        if self.quiet > 1:
            return False
        if line.startswith(NOTE):
            from .report import says_unjudged

            return says_unjudged(line)
        return line.startswith(WARNING)
