"""An option given twice on the command line: rule lists add up, every other option with a value is
given once (trial 9 item 2: `--ignore SL201 --ignore SL202` kept only SL202, so a downscale the user
had turned off was applied).

ruff's command line is the model: `--select`, `--extend-select` and `--ignore` given again add to the
list, as the comma form does (`--ignore SL201,SL202`); an option that takes one value (`--output-format`,
`-o`, `--config`, `--jobs`, ...) given twice with different values stops the run with a usage error
(exit 2) naming both, rather than keeping the last. The same value twice is no conflict and is kept.
Switches (`--fix`) are the same given once or twice; `-q` counts; `--report` and `--exclude` append.
"""

from __future__ import annotations

import argparse
import weakref

# The options whose values are lists of rules (cli_options._codes gives each a list).
RULE_LISTS = frozenset({"select", "extend_select", "ignore"})


class _AddUp(argparse._StoreAction):
    """`--ignore A --ignore B` is `--ignore A,B`; a first `--select` replaces the default (none)."""

    def __call__(self, parser, namespace, values, option_string=None):
        given = getattr(namespace, self.dest, None)
        setattr(namespace, self.dest, [*(given or ()), *values])


class _Once(argparse._StoreAction):
    """An option that takes one value: a second, different value is a usage error (exit 2)."""

    def __call__(self, parser, namespace, values, option_string=None):
        # The namespaces this option was given in (argparse.Namespace is unhashable: weak references
        # compared by identity); the default alone cannot tell, since a user may give the default value.
        seen = self.__dict__.setdefault("_given_in", [])
        if any(ref() is namespace for ref in seen):
            before = getattr(namespace, self.dest)
            if before != values:
                names = "/".join(self.option_strings)
                raise argparse.ArgumentError(
                    self, f"given twice ({before}, then {values}): it takes one value; give {names} once")
        else:
            seen.append(weakref.ref(namespace))
        setattr(namespace, self.dest, values)


def guard_repeats(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """`parser` and every (sub)command parser in it, their options given a value made to add up (rule
    lists) or to be given once (the rest). Positional arguments and switches are left as they are."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                guard_repeats(command)
        elif type(action) is argparse._StoreAction and action.option_strings:
            action.__class__ = _AddUp if action.dest in RULE_LISTS else _Once
    return parser
