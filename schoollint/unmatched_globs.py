"""A `per-path` glob of the configuration that matches no file of the site (trial 10 item 10d:
`nosuchdir/**` silently applied to nothing, while an inline suppression that suppresses nothing is
SL001). Most often a typo or a folder renamed since: the ignores and options written for it apply
nowhere, and the files they were meant for are judged without them. Said in a note naming the glob,
only on a run over the whole site (some files named, or --diff-base, may leave out the ones it matches).
"""

from __future__ import annotations

from .globs import any_match


def unmatched_per_path(config, files: list[str], whole_site: bool) -> list[str]:
    """A note for each per-path glob of `config` that matches none of `files` (repository-relative:
    every file the run lists), on a run over the `whole_site` only."""
    if not whole_site:
        return []
    notes = []
    for override in config.per_path:
        for glob in override.globs:
            if not any(any_match((glob,), path) for path in files):
                notes.append(f"per-path {glob!r} in {config.source or 'the configuration'} matches no file of the "
                             "site, so its ignores and options apply to nothing: check the glob (written from the "
                             "repository root; a pattern without a slash matches a name in any folder)")
    return notes
