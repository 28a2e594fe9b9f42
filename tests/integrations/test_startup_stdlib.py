"""The standard library a small run imports (issue 18): `inspect` (with ast, dis, tokenize: about 37 M
instructions, 7% of a run) only for the one call dataclasses makes of it, which compiled.py answers
itself; `subprocess` only for Git, `tempfile` only for a report file, `difflib` only for --diff. Each
run is a real `schoollint check` in its own interpreter on real photos, its modules read from
`sys.modules` as it ends (not a timing). And the stand-in's answer is the real inspect's, for every
dataclass of schoollint and for the shapes dataclasses can give a class."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import subprocess
import sys

import pytest

import schoollint
from schoollint import compiled
from tests.integrations.test_startup_imports import _imported, _loaded, photos  # noqa: F401  (a fixture)
from tests.kit.jpeg import phone_jpeg

# Not wanted by the pre-commit run on three photos in a plain folder, nor by a warm run of one.
STDLIB = ("inspect", "ast", "dis", "tokenize", "subprocess", "tempfile", "difflib")


def test_the_pre_commit_run_on_three_photos_imports_no_inspect_git_or_tempfile(photos, tmp_path):  # noqa: F811
    (tmp_path / "warm-up").mkdir()
    (tmp_path / "warm-up" / "IMG_9.jpg").write_bytes(phone_jpeg())
    _imported(tmp_path / "warm-up", tmp_path)   # keeps the compiled catalogue and name lists, as an installed tool has
    modules = _imported(photos, tmp_path, "--fix", "IMG_0.jpg", "IMG_1.jpg", "IMG_2.jpg")
    assert "schoollint.formats.jpeg" in modules and "dataclasses" in modules    # it read them, as a run does
    assert _loaded(modules, STDLIB) == []


def test_a_warm_run_of_a_plain_folder_imports_no_inspect_git_or_tempfile(photos, tmp_path):  # noqa: F811
    _imported(photos, tmp_path)
    modules = _imported(photos, tmp_path)
    assert "schoollint.formats.jpeg" not in modules      # warm: nothing was read
    assert _loaded(modules, STDLIB) == []


def _dataclasses_of_schoollint() -> list[type]:
    found = []
    for module in pkgutil.walk_packages(schoollint.__path__, "schoollint."):
        if module.name.endswith("__main__") or ".vision." in module.name and module.name.count(".") > 2:
            continue
        try:
            loaded = importlib.import_module(module.name)
        except ImportError:      # an extra that is not installed
            continue
        found += [value for value in vars(loaded).values() if isinstance(value, type)
                  and dataclasses.is_dataclass(value) and value.__module__ == loaded.__name__]
    return found


def test_the_signature_written_for_dataclasses_is_the_real_one_for_every_dataclass_of_schoollint():
    classes = _dataclasses_of_schoollint()
    assert len(classes) > 50
    for cls in classes:
        assert compiled._init_signature(cls) == str(inspect.signature(cls)), cls


@dataclasses.dataclass(kw_only=True)
class _KeywordsOnly:
    first: int
    second: list = dataclasses.field(default_factory=list)
    third: str = "a -> None"


@dataclasses.dataclass(frozen=True)
class _Mixed:
    first: int
    second: tuple = (1, "two")
    _: dataclasses.KW_ONLY
    third: float = 0.5
    hidden: int = dataclasses.field(default=3, init=False)


@dataclasses.dataclass
class _Empty:
    pass


@pytest.mark.parametrize("cls", [_KeywordsOnly, _Mixed, _Empty])
def test_the_signature_is_the_real_one_for_keyword_only_factories_and_no_fields(cls):
    assert compiled._init_signature(cls) == str(inspect.signature(cls))


def test_a_class_it_cannot_be_sure_of_is_left_to_the_real_inspect(tmp_path):
    """Annotations that are not strings (a module without `from __future__ import annotations`), a
    `__new__` of its own: the stand-in hands them to inspect, and dataclasses writes what it always did."""
    script = tmp_path / "shapes.py"
    script.write_text(
        "import sys\n"
        "from schoollint import compiled\n"
        "with compiled.reusing():\n"
        "    import dataclasses\n"
        "    assert 'inspect' not in sys.modules\n"
        "    @dataclasses.dataclass\n"
        "    class Typed:\n"
        "        count: int = 2\n"
        "    @dataclasses.dataclass\n"
        "    class Made:\n"
        "        name: 'str'\n"
        "        def __new__(cls, *args, **kwargs):\n"
        "            return super().__new__(cls)\n"
        "print(Typed.__doc__)\n"
        "print(Made.__doc__)\n"
        "print('inspect' in sys.modules)\n", encoding="utf-8")
    completed = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60,
                               env={"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"})
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split("\n")[:3] == ["Typed(count: int = 2)", "Made(*args, **kwargs)", "True"]
