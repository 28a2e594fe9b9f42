"""The package's layout: data flows one way (no import cycle, no stage importing one above
it) and modules stay small. Imports inside functions count: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import schoollint

PACKAGE = Path(schoollint.__file__).parent
MAX_LINES = 320   # "about 300": a module longer than this does more than one job

# Stages, from the top: a module may import only from its own stage or the ones below it.
STAGES = [
    {"cli", "__main__"},
    {"pipeline"},
    {"pool", "suppress", "explain"},
    {"analysis", "report", "fix.apply", "fix.appliers"},
    {"checks", "discover", "diffbase", "baseline", "cache", "config", "outcome", "codec"},
    {"formats", "pages", "names", "vision", "history"},
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """Every schoollint module this one imports, anywhere in its body."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".") if package else []
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.startswith("schoollint"):
                target = node.module.removeprefix("schoollint").lstrip(".")
            else:
                continue
            candidates = [target] + [f"{target}.{alias.name}".lstrip(".") for alias in node.names]
            found.update(c for c in candidates if c in known)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("schoollint."):
                    target = alias.name.removeprefix("schoollint.")
                    if target in known:
                        found.add(target)
    found.discard(name)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, set(known)) for name, path in known.items()}


def test_no_import_cycle():
    edges = graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges[node]):
            if state.get(target) == 1:
                cycle = stack[stack.index(target):] + [target]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)


def stage_of(name: str) -> int | None:
    for index, stage in enumerate(STAGES):
        if any(name == member or name.startswith(member + ".") for member in stage):
            return index
    return None


def test_no_stage_imports_one_above_it():
    wrong = []
    for name, targets in graph().items():
        own = stage_of(name)
        for target in targets:
            theirs = stage_of(target)
            if own is not None and theirs is not None and theirs < own:
                wrong.append(f"{name} imports {target}")
    assert not wrong, wrong


def test_modules_stay_small():
    long = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in modules().items()}
    assert not {name: lines for name, lines in long.items() if lines > MAX_LINES}


def test_every_package_ships_in_the_wheel():
    import re

    pyproject = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    listed = set(re.findall(r'^\s+"(schoollint[\w.]*)",$', pyproject.split("packages = [", 1)[1].split("]", 1)[0],
                            re.MULTILINE))
    found = {"schoollint" + ("." + name if name else "") for name, path in modules().items()
             if path.name == "__init__.py"}
    assert found <= listed, "add these to [tool.setuptools] packages in pyproject.toml"
