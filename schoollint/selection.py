"""A run that selects no rule is a usage error (exit 2), never "No findings in N files checked":
a CI job whose `--select "$RULES"` comes out empty would otherwise pass for ever (trial 7 item 6).

The message says how the selection came out empty, naming each setting and where it was given (the
command line or the configuration file): `--select ""`, `select: []`, or a `--select`/`select`
whose rules `--ignore`/`ignore` all leave out. As ruff does with `--select` and `--ignore`, an
unknown code or prefix is an error too (catalogue.CatalogueError, raised by selected_codes).
"""

from __future__ import annotations

from .errors import UsageError

NONE_FIX = "leave `select` out to check every rule, or name the rules to check, such as `--select SL1`"
IGNORED_FIX = "ignore fewer rules, or select others"


def require_rules(config, args) -> set[str]:
    """The codes `config` (a config.Config, the command line's arguments `args` applied) selects;
    UsageError naming how the selection came out empty when it selects none."""
    chosen = config.selected_codes()
    if chosen:
        return chosen
    chose = _chose(config, args)
    added = _given("extend-select", config.extend_select, args.extend_select, config.source)
    if added:
        chose += f" with {added}"
    ignored = _given("ignore", config.ignore, args.ignore, config.source)
    if config.select == [] and not config.extend_select:
        raise UsageError(f"no rule selected: {chose} selects none, so nothing would be checked; "
                         f"{NONE_FIX} (`schoollint rules` lists them)")
    raise UsageError(f"no rule selected: {ignored} leaves out every rule that {chose} selects, "
                     f"so nothing would be checked; {IGNORED_FIX} (`schoollint rules` lists them)")


def _chose(config, args) -> str:
    """How the selection was made, in the words the user gave it ("`--select \"\"`" ...)."""
    if args.select is not None:
        shown = ",".join(args.select) or '""'
        return f"`--select {shown}` on the command line"
    if config.select is not None:
        return f"`select: [{', '.join(config.select)}]` in {config.source or 'the configuration'}"
    return "the default (every rule)"


def _given(key: str, merged: list[str], from_args: list[str], source: str | None) -> str:
    """`merged` (the configuration's `key` list, then the command line's) by where each part came from."""
    from_file = merged[: len(merged) - len(from_args)]
    parts = [f"`{key}: [{', '.join(from_file)}]` in {source or 'the configuration'}"] if from_file else []
    parts += [f"`--{key} {','.join(from_args)}` on the command line"] if from_args else []
    return " and ".join(parts)
