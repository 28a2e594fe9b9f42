"""Analysing one file: read it once into facts, run the checks that want them.

This runs inside worker processes, so everything here is plain data in and
plain data out. Heavy modules (Pillow, lxml, markdown-it) are imported only by the
readers that need them, when a file needs them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import __version__, checks
from .checks import Context, MediaSubject, PageSubject, PathSubject
from .finding import Problem, Suppression
from .cache import stat_of
from .fsio import content_hash, mapped
from .serial import problem_from_dict, problem_to_dict, suppression_from_dict, suppression_to_dict


@dataclass
class FileResult:
    path: str
    content_hash: str = ""
    problems: list[Problem] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    cache_key: str = ""
    stat: tuple[int, int] | None = None    # size and mtime when read

    def to_cache(self) -> dict:
        return {
            "problems": [problem_to_dict(p) for p in self.problems],
            "suppressions": [suppression_to_dict(s) for s in self.suppressions],
        }

    @classmethod
    def restore(cls, path: str, digest: str, key: str, record: dict) -> "FileResult":
        return cls(
            path=path, content_hash=digest, cache_key=key,
            problems=[problem_from_dict(p) for p in record["problems"]],
            suppressions=[suppression_from_dict(s) for s in record["suppressions"]],
        )


class Analyser:
    def __init__(self, root: Path, config, selected: set[str], settings: dict[str, Any], debug: bool = False):
        self.root = root
        self.debug = debug
        self.config = config
        self.selected = selected
        self.settings = settings
        self._fingerprints: dict[tuple[int, ...], str] = {}
        self.by_target = self._check_modules(selected)

    @staticmethod
    def _check_modules(selected: set[str]) -> dict[str, list]:
        by_target: dict[str, list] = defaultdict(list)
        for module in checks.modules():
            if selected & set(module.CODES):
                by_target[module.TARGET].append(module)
        return by_target

    # Sent to worker processes by pickling where they are spawned (macOS, Windows): modules
    # cannot be pickled, so a worker looks its check modules up again.
    def __getstate__(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if key != "by_target"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.by_target = self._check_modules(self.selected)

    def cache_key(self, digest: str, relpath: str) -> str:
        """The file's bytes plus everything else that can change its findings."""
        overrides = self.config.overrides_for(relpath)
        fingerprint = self._fingerprints.get(overrides)
        if fingerprint is None:
            options = self.config.options_for(relpath)
            state = {
                "version": __version__,
                "selected": sorted(self.selected),
                "options": {code: options[code] for code in sorted(self.selected)},
                "settings": self.settings,
            }
            encoded = json.dumps(state, sort_keys=True, default=str).encode()
            fingerprint = self._fingerprints[overrides] = hashlib.sha256(encoded).hexdigest()[:16]
        return f"{digest}:{fingerprint}:{relpath}"  # the path too: SL301 and page roles depend on it

    @staticmethod
    def is_media(relpath: str) -> bool:
        """A file whose name says it is a format some media reader claims."""
        from .formats import media_extensions

        return os.path.splitext(relpath)[1].lower() in media_extensions()

    def analyse(self, relpath: str, known_hash: str | None = None) -> FileResult:
        result = FileResult(path=relpath)
        try:
            result.stat = stat_of(self.root / relpath)  # what the cache remembers these bytes by
            with mapped(self.root / relpath) as data:
                result.content_hash = known_hash or content_hash(data)
                result.cache_key = self.cache_key(result.content_hash, relpath)
                self._run_checks(relpath, data, result)
        except OSError as exc:
            result.errors.append(f"{relpath}: cannot read: {exc.strerror or exc}")
        return result

    def _subject(self, target: str, relpath: str, data, result: FileResult):
        """What checks of this target look at, or None when the file is not of that kind."""
        if target == "path":
            return PathSubject(relpath)
        if target == "media":
            return self._with_picture(self._media_subject(relpath, data), data) if self.is_media(relpath) else None
        from . import pages

        if not pages.is_page(relpath):
            return None
        try:
            page = pages.read_page(self.root, relpath, bytes(data))
        except pages.PageError as exc:
            return PageSubject(relpath, None, error=str(exc))
        result.suppressions.extend(page.suppressions)
        return PageSubject(relpath, page)

    @staticmethod
    def _media_subject(relpath: str, data) -> MediaSubject:
        from .formats import MediaError, read_media

        try:
            return MediaSubject(relpath, read_media(data, os.path.splitext(relpath)[1].lower()))
        except MediaError as exc:
            return MediaSubject(relpath, None, error=str(exc))

    def _with_picture(self, subject: MediaSubject, data) -> MediaSubject:
        """The subject with what vision sees in its pixels, when vision rules run on it."""
        if not self.settings.get("vision"):   # set only when a vision rule runs and can run
            return subject
        from . import vision

        faces, text = vision.parts_wanted(self.selected, self.settings)
        if not (faces or text) or not vision.is_raster(subject.facts):
            return subject
        return replace(subject, picture=vision.read_picture(data, faces, text))

    def _run_checks(self, relpath: str, data, result: FileResult) -> None:
        context = Context(root=self.root, rule_options=self.config.options_for(relpath), settings=self.settings)
        for target, modules in self.by_target.items():
            try:
                subject = self._subject(target, relpath, data, result)
            except Exception as exc:  # a reader bug must not stop the run: report it, exit 2
                self._internal_error(result, f"reading it as {target}", exc)
                continue
            if subject is None:
                continue
            for module in modules:
                try:
                    result.problems.extend(
                        problem for problem in module.check(subject, context) if problem.code in self.selected
                    )
                except Exception as exc:  # likewise for a bug in one check
                    self._internal_error(result, f"in {'/'.join(module.CODES)}", exc)

    def _internal_error(self, result: FileResult, where: str, exc: Exception) -> None:
        result.errors.append(f"{result.path}: internal error {where}: {type(exc).__name__}: {exc}")
        if self.debug:
            import traceback

            traceback.print_exc()


# Worker-process plumbing: one Analyser per worker, set up once.
_worker: Analyser | None = None


def init_worker(analyser: Analyser) -> None:
    global _worker
    _worker = analyser


def analyse_in_worker(job: tuple[str, str | None]) -> FileResult:
    return _worker.analyse(*job)


def fix_in_worker(job: tuple):
    from .fixes import apply_fixes

    return apply_fixes(_worker.root, *job, debug=_worker.debug)
