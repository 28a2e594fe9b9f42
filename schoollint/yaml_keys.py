"""A key written twice in one YAML mapping of the configuration. YAML 1.2 (section 3.2.1.1, "The
content of a mapping node is an unordered set of key/value node pairs, with the restriction that
each of the keys is unique") forbids it, but PyYAML keeps the last value silently: `select: [SL1]`
then `select: [SL2]` would check SL2 alone and pass a photo with GPS. So it stops the run (exit 2)
naming both lines, as an unknown key does.
"""

from __future__ import annotations

import re

# A line that opens a key (`  select:`, `- paths:`): only a text with one of these written twice at
# the same indentation (or a flow mapping) can repeat a key, so most configurations are composed once.
_KEY = re.compile(r"^([ -]*)([^\s#:'\"][^:#]*?|'[^']*'|\"[^\"]*\")\s*:(?:\s|$)", re.MULTILINE)


def repeated_key(text: str) -> tuple[int, int, str] | None:
    """(line of the second, line of the first, the key as written) for the first key written twice in
    one mapping of the YAML document `text` (1-based lines), at any depth; None when there is none or
    the text is not YAML (the loader says why)."""
    seen = [(len(match.group(1)), match.group(2).strip("'\"")) for match in _KEY.finditer(text)]
    if len(seen) == len(set(seen)) and "{" not in text:   # a flow mapping may repeat a key on one line
        return None
    import yaml

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    pending = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                line = key.start_mark.line + 1
                if isinstance(key, yaml.ScalarNode) and key.value in first:
                    return line, first[key.value], key.value
                first.setdefault(str(key.value), line)
                pending.append(value)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
    return None


def repeated_key_said(text: str, where: str) -> str | None:
    """The configuration error for the first key `text` (the configuration `where`) writes twice, naming
    both lines; None when no key is repeated."""
    found = repeated_key(text)
    if found is None:
        return None
    line, first, key = found
    return (f"{where}:{line}: {key!r} is given twice in the same place (first on line {first}); "
            "YAML would keep only the last and silently drop the first: keep one")


def shown(value) -> str:
    """A configuration value for a message, as its writer would know it: YAML 1.1 reads an unquoted
    yes, no, on, off, true and false as a boolean, so `consent: yes` is said to be one, not "True"."""
    if isinstance(value, bool):
        return "a true/false value (YAML reads an unquoted yes, no, on, off, true or false as one)"
    return repr(value)
