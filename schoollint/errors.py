"""Which exceptions are the user's to fix (one clear line) and which are bugs."""

from __future__ import annotations


def _user_errors() -> tuple[type[BaseException], ...]:
    from .baseline import BaselineError
    from .catalogue import CatalogueError
    from .cli import UsageError
    from .config import ConfigError
    from .discover import DiscoverError
    from .gitlog import GitError
    from .names.roster import RosterError
    from .review import ReviewError

    return (UsageError, ConfigError, DiscoverError, CatalogueError, BaselineError, RosterError, GitError,
            ReviewError)


def describe(exc: BaseException) -> str | None:
    """The one-line message for a user mistake, or None for a bug."""
    if isinstance(exc, _user_errors()):
        return str(exc)
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror}"
    return None
