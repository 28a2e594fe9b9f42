"""YAML reading through libyaml's C parser when PyYAML was built with it (several times faster),
and the parser's errors said in plain words on one line (YAML 1.1, as PyYAML reads it)."""

from __future__ import annotations

# libyaml's "while ..." context -> what the writer of the file did, and whether the line to edit is
# where that opened (a list never closed) rather than where the parser noticed (the end of the file).
_CONTEXTS = {
    "while parsing a flow sequence": ("the list opened with '[' here is not closed with ']'", True),
    "while parsing a flow mapping": ("the mapping opened with '{' here is not closed with '}'", True),
    "while scanning a quoted scalar": ("the text in quotes that starts here has no closing quote", True),
    "while parsing a block mapping": ("the indentation does not line up with the keys above it", False),
    "while parsing a block collection": ("a list item ('- ') and a key are mixed at one indentation", False),
}
# libyaml's problem -> plain words.
_PROBLEMS = {
    "mapping values are not allowed in this context": "a second ': ' on one line; put a value holding ': ' "
                                                      "in quotes",
    "found character that cannot start any token": "a character YAML does not allow here (a tab? indent "
                                                   "with spaces)",
    "found undefined alias": "a '*' alias names no '&' anchor; put a value starting with '*' in quotes",
    "did not find expected node content": "a value is missing",
}


def safe_load(text: str):
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def explain(exc) -> tuple[int | None, str]:
    """A yaml.YAMLError as (1-based line or None, one line of plain words) for `file:line: ...` messages."""
    mark = getattr(exc, "problem_mark", None)
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", "") or exc).strip()
    line = mark.line + 1 if mark is not None else None
    if context in _CONTEXTS and context_mark is not None:
        words, at_opening = _CONTEXTS[context]
        return (context_mark.line + 1 if at_opening else line), words
    words = _PROBLEMS.get(problem, problem)
    if mark is not None:
        words += f" (column {mark.column + 1})"
    return line, " ".join(words.split())


def key_lines(text: str) -> dict[tuple, int]:
    """The 1-based line of each key of a YAML document, by its path of keys ({("SL201", "max-edge"): 4}).
    Empty when the text is not a YAML mapping; list items are keyed by their position."""
    import yaml

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}
    lines: dict[tuple, int] = {}

    def walk(node, path: tuple) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                here = (*path, key.value)
                lines.setdefault(here, key.start_mark.line + 1)
                walk(value, here)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                lines.setdefault((*path, index), item.start_mark.line + 1)
                walk(item, (*path, index))

    walk(root, ())
    return lines
