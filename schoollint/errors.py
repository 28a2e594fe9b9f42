"""Exit codes, and the one base class for mistakes that are the user's to fix.

Every module that can refuse a run for a reason the user can act on (a bad
flag, configuration, roster, baseline, rule code) raises a subclass of
`UserError`; the command line prints its message as one line and exits 2.
Anything else that escapes is a bug: one `internal error` line, no traceback
unless --debug.
"""

from __future__ import annotations

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UserError(Exception):
    """A mistake in how schoollint was asked to run; the message says what to change."""


class UsageError(UserError):
    """Command-line arguments that do not fit together."""


def describe(exc: BaseException) -> str | None:
    """The one-line message for a user mistake, or None for a bug."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror}"
    return None
