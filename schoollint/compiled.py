"""What Python compiles afresh on every start, compiled once and kept in this user's cache (issue 18).

Two compilers run at each start whatever the run: dataclasses writes each class's `__init__`,
`__repr__` and `__eq__` (a frozen one's `__setattr__`, `__delattr__` and `__hash__` too) as source
text and `exec`s it (about 3.3 M instructions a frozen class, 57 classes on a 3-photo run), and `re`
parses and compiles each pattern a module compiles at import (about 90 on the same run). The same text
gives the same result, so while `reusing()` runs, each is taken from a signed copy (usercache's
`read_signed`: one that was edited, truncated or written by another user's schoollint is not believed)
kept for this exact Python (`sys.version`; marshal's format), looked up by its exact source text (a
pattern by its text, type and flags); what is not there is compiled as Python would and kept when the
run may write (`usercache.writable`). dataclasses still builds each function in its class's own
globals; `re` still makes each pattern object (`_sre.compile`) from the kept program.

The regex side repeats the last step of `re._compiler.compile` (CPython 3.11), so it is only installed
where that module is as read here (`_REGEX_PYTHONS`); elsewhere patterns compile as before.
"""

from __future__ import annotations

import marshal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType, FunctionType, ModuleType

from . import usercache

NAME = "compiled-at-start"
LIMIT = 3000                # texts and patterns kept; beyond it, only those the last run used
_REGEX_PYTHONS = ((3, 11),)

# Kept entries stay marshalled until used: a copy holds what many runs compiled, a run uses a few hundred.
_code: dict[str, CodeType | bytes] = {}
_patterns: dict[tuple, tuple | bytes] = {}
_used: set = set()
_new = False                # compiled in this process and not yet kept
_loaded = False             # the kept copy was read (once a process)
_stdlib_compile = None      # re._compiler.compile while `reusing` stands in for it


@contextmanager
def reusing() -> Iterator[None]:
    """dataclasses' `exec` and `re`'s compiler served from the kept copy while the block runs; what was
    compiled meanwhile kept at its end."""
    global _stdlib_compile
    dataclasses = _dataclasses()
    _load()
    regex = _regex_compiler()
    dataclasses.exec = _exec        # type: ignore[attr-defined]   # the module's global `exec`, read at each call
    if regex is not None and regex.compile is not _compile_pattern:
        _stdlib_compile, regex.compile = regex.compile, _compile_pattern
    try:
        yield
    finally:
        vars(dataclasses).pop("exec", None)
        if regex is not None and regex.compile is _compile_pattern:
            regex.compile = _stdlib_compile
        _keep()


def _dataclasses() -> ModuleType:
    """The dataclasses module, imported without `inspect` when neither is imported yet. dataclasses
    (CPython 3.11) imports inspect for one call, `inspect.signature(cls)`, which writes the `__doc__` of
    a class that has none; inspect imports ast, dis, tokenize and linecache: about 37 M instructions,
    7% of a warm run and of a 3-photo run. dataclasses gets a stand-in (`_LaterInspect`) instead; it is
    in `sys.modules` only while dataclasses is imported, so every other `import inspect` gets the real
    module."""
    if "dataclasses" not in sys.modules and "inspect" not in sys.modules:
        stand_in = sys.modules["inspect"] = _LaterInspect("inspect")
        try:
            import dataclasses
        finally:
            if sys.modules.get("inspect") is stand_in:
                del sys.modules["inspect"]
    import dataclasses

    return dataclasses


class _LaterInspect(ModuleType):
    """`inspect` for dataclasses: `signature` of a dataclass written out as inspect writes it, where it
    can be sure to (`_init_signature`); anything else from the real module, imported when first asked."""

    def signature(self, cls) -> object:
        text = _init_signature(cls)
        return text if text is not None else self._real().signature(cls)

    def __getattr__(self, name: str):
        return getattr(self._real(), name)

    def _real(self) -> ModuleType:
        if sys.modules.get("inspect") is self:   # asked while dataclasses was being imported
            del sys.modules["inspect"]
        import inspect

        return inspect


def _init_signature(cls) -> str | None:
    """`str(inspect.signature(cls))` (CPython 3.11's `Signature.__str__`) for a class whose signature is
    that of its own `__init__`, a plain function with named parameters (no `/`, `*args`, `**kwargs`), every
    annotation a string (`from __future__ import annotations`) and the return annotation None, as the
    `__init__` dataclasses writes has; None for any other class (the real inspect answers)."""
    init = vars(cls).get("__init__")
    if type(cls) is not type or type(init) is not FunctionType or "__new__" in vars(cls) \
            or cls.__new__ is not object.__new__ or any(hasattr(item, name) for item in (cls, init)
                                                         for name in ("__signature__", "__wrapped__")):
        return None
    code = init.__code__
    if code.co_flags & (_VARARGS | _VARKEYWORDS) or code.co_posonlyargcount or code.co_argcount < 1:
        return None
    annotations = init.__annotations__
    if annotations.get("return", ...) is not None or not all(
            type(text) is str for name, text in annotations.items() if name != "return"):
        return None
    names = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
    positional = names[:code.co_argcount]
    given = init.__defaults__ or ()
    defaults = dict(zip(positional[len(positional) - len(given):], given, strict=True))
    defaults.update(init.__kwdefaults__ or {})
    parts = []
    for index, name in enumerate(names[1:], start=1):     # the first, `self`, is bound
        if index == code.co_argcount:
            parts.append("*")
        text = f"{name}: {annotations[name]!r}" if name in annotations else name
        if name in defaults:
            text += f" = {defaults[name]!r}" if name in annotations else f"={defaults[name]!r}"
        parts.append(text)
    return f"({', '.join(parts)}) -> None"


_VARARGS, _VARKEYWORDS = 0x04, 0x08     # CO_VARARGS, CO_VARKEYWORDS (Include/cpython/code.h)


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    try:
        body = usercache.read_signed(_path())
        stamp, code, patterns = marshal.loads(body) if body is not None else (None, None, None)
    except (OSError, RuntimeError, ValueError, EOFError, TypeError):   # none kept, no home folder, misshapen
        return
    if stamp == _python() and isinstance(code, dict) and isinstance(patterns, dict) \
            and all(type(text) is str and type(value) is bytes for text, value in code.items()) \
            and all(type(key) is tuple and type(value) is bytes for key, value in patterns.items()):
        _code.update(code)
        _patterns.update(patterns)


def _keep() -> None:
    global _new
    if not _new or not usercache.writable:
        return
    code, patterns = _code, _patterns
    if len(code) + len(patterns) > LIMIT:
        code = {text: value for text, value in code.items() if text in _used}
        patterns = {key: value for key, value in patterns.items() if key in _used}
    try:
        usercache.home().mkdir(mode=0o700, parents=True, exist_ok=True)
        _path().parent.mkdir(mode=0o700, exist_ok=True)
        usercache.write_signed(_path(), marshal.dumps((_python(), _marshalled(code), _marshalled(patterns))))
        _new = False
    except (OSError, RuntimeError, ValueError):    # no folder or key: compiled again next time
        pass


def _marshalled(entries: dict) -> dict:
    return {key: value if type(value) is bytes else marshal.dumps(value) for key, value in entries.items()}


def _unmarshalled(entries: dict, key, shape: type):
    """The kept entry for `key`, unmarshalled once; None when there is none or it has not `shape`."""
    value = entries.get(key)
    if type(value) is bytes:
        try:
            value = entries[key] = marshal.loads(value)
        except (ValueError, EOFError, TypeError):
            value = None
    return value if type(value) is shape else None


def _exec(source, globals=None, locals=None) -> None:
    global _new
    if type(source) is str and globals is not None:     # (dataclasses always passes its globals)
        code = _unmarshalled(_code, source, CodeType)
        if code is None:    # as exec compiles it: dataclasses.py has no __future__ import to inherit
            code = _code[source] = compile(source, "<string>", "exec", dont_inherit=True)
            _new = True
        _used.add(source)
        source = code
    exec(source, vars(sys.modules["dataclasses"]) if globals is None else globals, locals)


def _regex_compiler():
    """re's compiler module, where its `compile` is the one `_compile_pattern` repeats; else None."""
    if sys.version_info[:2] not in _REGEX_PYTHONS:
        return None
    return getattr(sys.modules["re"], "_compiler", None)


def _compile_pattern(p, flags=0):
    """re._compiler.compile, its parse and code generation taken from the kept copy for a pattern text."""
    global _new
    from re import _compiler, _parser

    if not isinstance(p, (str, bytes)) or flags & _compiler.SRE_FLAG_DEBUG:   # a parsed pattern (re.Scanner)
        return _stdlib_compile(p, flags)
    key = (type(p) is str, p, int(flags))       # (re passes an int; a RegexFlag is one too)
    kept = _unmarshalled(_patterns, key, tuple)
    if kept is None or len(kept) != 5:
        parsed = _parser.parse(p, flags)
        code = _compiler._code(parsed, flags)
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # plain ints: the opcodes are int subclasses (re._constants), which marshal does not keep
        kept = _patterns[key] = (int(flags | parsed.state.flags), [int(word) for word in code],
                                 parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
        _new = True
    _used.add(key)
    final_flags, code, groups, groupindex, indexgroup = kept
    return _compiler._sre.compile(p, final_flags, code, groups, dict(groupindex), indexgroup)


def _python() -> tuple:
    return (sys.version, sys.hexversion, marshal.version)


def _path() -> Path:
    return usercache.home() / "derived" / NAME
