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

A move is written as Git writes a rename (git-diff(1), "extended header lines": `diff --git`,
`similarity index 100%`, `rename from`, `rename to`), so `git apply` moves the file with the pages
that show it (trial 9: a `rename old -> new` line was prose, which git apply skips: it rewrote
the pages and left the photo under its old name; item 4). GNU patch 2.7 applies it too, for names without spaces.
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


def git_rename(old: str, new: str) -> list[str]:
    """The lines of a pure rename, old -> new (repository-relative paths, surrogate-escaped bytes), in
    Git's extended headers, each name quoted as Git quotes it (`git_quoted`)."""
    return [f"diff --git {git_quoted('a/' + old)} {git_quoted('b/' + new)}", "similarity index 100%",
            f"rename from {git_quoted(old)}", f"rename to {git_quoted(new)}"]


def git_deletion(path: str, hunk: list[str] | None) -> list[str]:
    """The lines of a file's deletion as Git writes it (`deleted file mode`, `+++ /dev/null`), `hunk` being
    the unified diff of its text against nothing (fix/preview.unified, its ---/+++ lines first); a binary
    file (hunk None) is a line saying the patch leaves it, as a photo's new bytes are."""
    if hunk is None:
        return [f"{git_quoted(path)}: delete (not in the patch: --fix deletes it)"]
    header = [f"diff --git {git_quoted('a/' + path)} {git_quoted('b/' + path)}", "deleted file mode 100644"]
    return header + ([hunk[0], "+++ /dev/null", *hunk[2:]] if hunk else [])     # an empty file: no hunk


# What Git writes as a backslash and a letter in a quoted name (quote.c, sq_lookup/cq_lookup).
_GIT_ESCAPES = {7: "a", 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r", 34: '"', 92: "\\"}


def git_quoted(path: str) -> str:
    """`path` as Git writes it in a patch (quote.c, quote_c_style with core.quotePath on): as it is,
    unless it holds a double quote, a backslash, a control character or a byte over 0x7f; then in
    double quotes, those as `\\n`, `\\"`, `\\\\` or three octal digits (`\\303\\251` for é). git apply
    reads both forms; a space needs no quoting."""
    data = path.encode("utf-8", "surrogateescape")
    if not any(byte < 0x20 or byte >= 0x7F or byte in (34, 92) for byte in data):
        return path
    quoted = "".join(f"\\{_GIT_ESCAPES[byte]}" if byte in _GIT_ESCAPES else
                     f"\\{byte:03o}" if byte < 0x20 or byte >= 0x7F else chr(byte) for byte in data)
    return f'"{quoted}"'


def _has_descriptor(stream) -> bool:
    """Whether `stream` writes to a file descriptor (a file, a pipe), through its `buffer`."""
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):   # io.UnsupportedOperation is both of the last two
        return False
    return hasattr(stream, "buffer")
