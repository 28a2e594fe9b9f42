"""How `check --diff` prints a change's diff (fix/preview.py builds it): so that `git apply` and
`patch -p1` apply it byte for byte, and so that no page's bytes can drive a terminal or a CI log.

Piped or redirected (`> fix.diff`, `| git apply`), the diff's lines are written as the page's own
bytes: its encoding (Windows-1252, UTF-16 as much as UTF-8) and its carriage returns, as git diff
writes them (trial 7 item 8: the carriage returns were dropped and Windows-1252 written as UTF-8,
so no hunk applied). One exception: a carriage return followed by `::` or `##[` is written as the
escape `\\r`, since a GitHub Actions log reads a lone carriage return as a line break, and a page's
text would then start a workflow command (report.escaped guards every other output against that).
On a terminal, or a stream with no file descriptor behind it (a caller's io.StringIO, a test's
capture: no bytes reach a file through it), a line is shown as every other output shows text from
files (report.escaped: a control character as its escape, a byte that is not UTF-8 as `\\xNN`),
its carriage return left out and, in a UTF-16 page, its zero bytes (the high bytes of its ASCII
characters) too, to be read.
"""

from __future__ import annotations

import re
import sys

# A carriage return a CI log would take as a line break before a workflow command (GitHub's
# `::command::`, Azure Pipelines' `##[command]`), spaces allowed between.
_COMMAND_AFTER_CR = re.compile(r"\r(?=[ \t]*(?:::|##\[))")


def print_diff(text: str, stream=None) -> None:
    """Write `text`, a diff whose lines hold file bytes as surrogate escapes, to `stream` (default
    sys.stdout), with a line feed after it: raw bytes to a file or pipe, else shown as text."""
    stream = stream or sys.stdout
    if stream.isatty() or not _has_descriptor(stream):
        from .report import escaped

        stream.write("\n".join(escaped(line.replace("\0", "").removesuffix("\r")) for line in text.split("\n"))
                     + "\n")
        return
    stream.flush()   # what was printed before goes first
    stream.buffer.write(_COMMAND_AFTER_CR.sub(r"\\r", text).encode("utf-8", "surrogateescape") + b"\n")
    stream.buffer.flush()


def _has_descriptor(stream) -> bool:
    """Whether `stream` writes to a file descriptor (a file, a pipe), through its `buffer`."""
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):   # io.UnsupportedOperation is both of the last two
        return False
    return hasattr(stream, "buffer")
