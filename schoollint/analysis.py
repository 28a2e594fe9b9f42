"""Analysing one file: read it once into facts, run the checks that read them.

This runs inside worker processes, so everything here is plain data in and
plain data out. Heavy modules (Pillow, lxml, markdown-it) are imported only by
the readers that need them, when a file needs them.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import __version__, checks
from .cache import Signature, signature_of, stat_key
from .checks import CheckModule, Context, MediaSubject, PageSubject, PathSubject
from .discover import REPORT_MARKER
from .file_result import FileResult, holds_unread, kind_of
from .fsio import contents
from .probes import referenced_files


def identity(handle, data=None) -> str:
    """SHA-256 hex of the file open as `handle` (or of `data`, its bytes in memory). A large
    (memory-mapped) file is hashed from reads of 1 MiB, so that hashing does not bring the whole
    file into this process's memory through the map."""
    if isinstance(data, bytes):
        return hashlib.sha256(data).hexdigest()
    handle.seek(0)
    digest = hashlib.sha256()
    while block := handle.read(1 << 20):
        digest.update(block)
    return digest.hexdigest()


# Settings only checks that READS "page" look at (consent_policy.today: SL601-SL603): they key the
# cache of pages only, so a photo's cached result outlives the day a dated roster is judged on.
PAGE_SETTINGS = frozenset({"consent-day"})

_LOADED: dict[str, Any] = {}
# A worker maps a JPEG from this size (Analyser._maps): the benchmark's photos are 690 KB, its site's
# camera photos 2.2 MB; a large site's many small files (25 KB screenshots, pages) are read.
MAP_FROM = 256 << 10


def _lazily(name: str) -> Any:
    """The module `name` (relative to this package), imported on first use (a run the cache serves needs
    none), then looked up: an import statement in a function runs the import machinery each call (1-2 us)."""
    module = _LOADED.get(name)
    if module is None:
        module = _LOADED[name] = importlib.import_module(name, __package__)
    return module


class Analyser:
    """Reads files and runs the selected checks on them; one per worker process."""

    def __init__(self, root: Path, config, selected: set[str], settings: dict[str, Any], debug: bool = False,
                 identify: bool = True):
        self.root = root
        self.debug = debug
        self.identify = identify      # the findings' identity (SHA-256) is wanted: baselines, fingerprints
        self.config = config
        self.selected = selected
        self.settings = settings
        self._fingerprints: dict[tuple[tuple[int, ...], bool], str] = {}
        self._by_reads: Mapping[str, list[CheckModule]] | None = None
        self._order: tuple[tuple[str, ...], bool] | None = None
        self._site_rules: bool | None = None
        self._parent = os.getpid()    # the process that made it: a pool's workers are others (_maps)

    @property
    def by_reads(self) -> Mapping[str, list[CheckModule]]:
        """The selected check modules by READS, each group imported on first use (a run served by the
        cache needs none, a run of photos no page check: checks.ByReads)."""
        if self._by_reads is None:
            self._by_reads = checks.ByReads(self.selected)
        return self._by_reads

    @by_reads.setter
    def by_reads(self, value: Mapping[str, list[CheckModule]]) -> None:
        self._by_reads = value
        self._order = None

    def _reads_in_order(self) -> tuple[tuple[str, ...], bool]:
        """(what the file-level checks read, in by_reads's order; whether any reads "page" or "media"),
        worked out once: a Mapping's keys() & {...} builds a set in Python, about 3 us a file."""
        if self._order is None:
            reads = tuple(reads for reads in self.by_reads if reads not in ("suppressions", "run"))
            self._order = reads, bool({"page", "media"} & set(reads))
        return self._order

    # Sent to worker processes by pickling where they are spawned (macOS, Windows): modules
    # cannot be pickled, so a worker looks its check modules up again.
    def __getstate__(self) -> dict:
        return {**self.__dict__, "_by_reads": None, "_order": None}

    def cache_key(self, content: str, relpath: str) -> str:
        """The file's content key (cache.py) plus everything else that can change its findings."""
        overrides = self.config.overrides_for(relpath)
        page = bool(PAGE_SETTINGS & self.settings.keys()) and self._is_page(relpath)
        fingerprint = self._fingerprints.get((overrides, page))
        if fingerprint is None:
            options = self.config.options_for(relpath)
            state = {
                "version": __version__,
                "selected": sorted(self.selected),
                "options": {code: options[code] for code in sorted(self.selected)},
                "settings": {key: value for key, value in self.settings.items()
                             if page or key not in PAGE_SETTINGS},
            }
            encoded = json.dumps(state, sort_keys=True, default=str).encode()
            fingerprint = self._fingerprints[(overrides, page)] = hashlib.sha256(encoded).hexdigest()[:16]
        return f"{content}:{fingerprint}:{relpath}"  # the path too: SL301 and page roles depend on it

    @staticmethod
    def _is_page(relpath: str) -> bool:
        """Whether checks that read "page" judge the file (`_subject` asks the same). A photo's or
        video's name answers without importing every page reader (pages.registry: 0.1 s of a
        photo run's parent): no page language claims site_facts.NEVER_TEXT (a test holds them so)."""
        if relpath.lower().endswith(_lazily(".site_facts").NEVER_TEXT):
            return False
        return _lazily(".pages.registry").is_page(relpath)

    @staticmethod
    def is_media(relpath: str, data=b"") -> bool:
        """A file whose name says it is a format some media reader claims, or whose first
        bytes say it is an image, video or document whatever its name (issue 12 kind 7)."""
        return _lazily(".formats.registry").recognised(bytes(data[:32]), os.path.splitext(relpath)[1].lower(),
                                                      os.path.basename(relpath))

    def analyse(self, relpath: str, known: tuple[str, Signature, str] | None = None,
                then: Callable[[FileResult, Any], None] | None = None) -> FileResult:
        """Read and judge one file. `known`: the content key and SHA-256 ("" when unknown) the cache
        has for the file's signature (the middle one); they hold only if the file still has it.
        `then(result, bytes read)`, when given, runs while the bytes are still at hand (a fix run
        fixes the file from them: pool.analyse_and_fix)."""
        result = FileResult(path=relpath)
        try:
            with open(os.path.join(self.root, relpath), "rb") as handle:   # no Path a file
                result.read_at = time.time_ns()
                result.stat = signature_of(os.fstat(handle.fileno()))
                content, digest = known[::2] if known and tuple(known[1]) == result.stat else ("", "")
                result.content_key = content or stat_key(result.stat)
                result.cache_key = self.cache_key(result.content_key, relpath)
                with contents(handle, 0 if then is None and self._maps(handle, result.stat[0]) else None) as data:
                    self.judge(relpath, data, result, handle, digest)
                    if then is not None:
                        then(result, data)
        except OSError as exc:
            result.errors.append(f"{relpath}: cannot read: {exc.strerror or exc}")
            result.unchecked = kind_of(relpath)
        return result

    def _maps(self, handle, size: int) -> bool:
        """Whether a JPEG of `size` bytes is mapped (fsio.contents) rather than read: measured on the
        benchmark's 1,000 photos in one process, reading copied each into fresh memory at 170-240 us of
        system time a photo against 45-50 us mapped (bench/README.md, session 9). Only in a pool's worker,
        where the SIGBUS of a file cut short while mapped costs the worker, not the run (pool._in_pools
        runs the job again alone, then says it could not be read); only a JPEG, whose reader takes a map
        as it takes bytes; never with vision, which decodes the pixels from bytes; from MAP_FROM bytes
        (a small file is read at once, and its first bytes are not asked for)."""
        if size < MAP_FROM or os.getpid() == self._parent or self.settings.get("vision"):
            return False
        try:
            return os.pread(handle.fileno(), 3, 0) == b"\xff\xd8\xff"
        except OSError:
            return False

    def judge(self, relpath: str, data, result: FileResult, handle=None, digest: str = "") -> None:
        """Judge `data`, the bytes of `relpath` (read from `handle`, or a fix's verified output:
        pool.fix_in_worker), into `result`: findings, site facts, and their SHA-256 (`digest` when known)."""
        self._run_checks(relpath, data, result)
        if self.site_rules and result.site_facts is None:   # a page's were read with its references
            result.site_facts = self._site_facts(relpath, data)
        if self.identify and (result.findings or result.suppressions):
            result.content_hash = digest or identity(handle, data)

    @property
    def site_rules(self) -> bool:
        """Whether rules about the whole site run (site_rules.py), which read each text file's site facts."""
        if self._site_rules is None:    # asked two or three times a file
            from .site_facts import SITE_CODES

            self._site_rules = bool(SITE_CODES & self.selected)
        return self._site_rules

    def _site_facts(self, relpath: str, data, scanned: tuple | None = None) -> dict | None:
        """The file's site facts (site_facts.read_facts; `scanned` as it takes it), None when it has
        none or they could not be read here (the parent then reads the file for them itself, and
        meets the same error)."""
        try:
            return _lazily(".site_facts").read_facts(self.root, relpath, data, scanned=scanned)
        except Exception:
            return None

    def _subject(self, reads: str, relpath: str, data, result: FileResult, is_page: bool):
        """What checks that read `reads` look at, or None when the file is not of that kind."""
        if reads == "path":
            return PathSubject(relpath)
        if reads == "media":   # a Git LFS pointer in a photo's place: an error line, not checked (lfs.py)
            if not self.is_media(relpath, data) or _lazily(".lfs").not_here(relpath, data, result):
                return None
            subject = self._media_subject(relpath, data)
            if subject.facts is None or subject.facts.unchecked or subject.error:   # PartlyRead: judged in part
                result.unchecked = kind_of(relpath)
            return self._with_picture(subject, data)
        if not is_page:
            return None
        pages = _lazily(".pages.registry")
        if REPORT_MARKER.encode("ascii") in bytes(data[:512]):   # schoollint's own report, not the site's
            result.unchecked = "schoollint report"
            result.depends = None        # never cached: a cached record could not say it is unchecked
            return PageSubject(relpath, pages.Page(relpath, editable=False))
        try:
            page = pages.read_page(self.root, relpath, bytes(data))
        except pages.PageError as exc:
            result.unchecked = kind_of(relpath)
            return PageSubject(relpath, None, error=str(exc))
        result.suppressions.extend(page.suppressions)
        result.unknown_alts = len(page.unknown_alts)
        result.depends, missing, pairs = referenced_files(self.root, relpath, page)
        if pairs is not None and self.site_rules and not pages.language_of(relpath).document:
            decode_text = _lazily(".pages.references").decode_text   # the text read_page scanned page.links from
            scanned = (decode_text(relpath, bytes(data), errors="replace")[0], pairs, result.depends)
            result.site_facts = self._site_facts(relpath, data, scanned)
        return PageSubject(relpath, page, broken=None if missing is None else tuple(missing))

    @staticmethod
    def _media_subject(relpath: str, data) -> MediaSubject:
        try:
            facts = _lazily(".formats.registry").read_media(data, os.path.splitext(relpath)[1].lower(),
                                                             os.path.basename(relpath))
            return MediaSubject(relpath, facts)
        except _lazily(".formats.model").MediaError as exc:
            return MediaSubject(relpath, getattr(exc, "facts", None), error=str(exc))   # PartlyRead: facts too

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
        # suppressions: judged once every finding is known; run: by its driver
        order, pages_or_media = self._reads_in_order()
        is_page = pages_or_media and self._is_page(relpath)   # asked once
        by_reads, selected, findings = self.by_reads, self.selected, result.findings
        inside = False    # a reader of what is inside (media, page) took the file, not its name alone
        for reads in order:
            try:
                subject = self._subject(reads, relpath, data, result, is_page)
            except Exception as exc:  # a reader bug must not stop the run: report it, exit 2
                self._internal_error(result, f"reading it as {reads}", exc)
                result.unchecked = kind_of(relpath)
                continue
            if subject is None:
                continue
            inside = inside or reads != "path"
            for module in by_reads[reads]:     # imported now: a subject that reads them is here
                try:     # a loop, not extend(generator): a frame less a check, 16 checks a photo
                    for finding in module.check(subject, context):
                        if finding.code in selected:
                            findings.append(finding)
                except Exception as exc:  # likewise for a bug in one check; what it yielded first is kept
                    self._internal_error(result, f"in {'/'.join(module.CODES)}", exc)
        if is_page and "media" in order and by_reads["media"]:   # pictures in a page's data: URIs (issue 9)
            found, unjudged, errors = _lazily(".page_pictures").check_pictures(
                relpath, data, by_reads["media"], context, selected, self._with_picture)
            result.findings += found
            result.errors += errors
            result.unchecked = kind_of(relpath) if unjudged else result.unchecked
        if not (inside or result.unchecked or (is_page if pages_or_media else self._is_page(relpath))):
            result.not_read = not self.is_media(relpath, data) and holds_unread(relpath, data)   # file_result

    def _internal_error(self, result: FileResult, where: str, exc: Exception) -> None:
        result.errors.append(f"{result.path}: internal error {where}: {type(exc).__name__}: {exc}")
        if self.debug:
            import traceback

            traceback.print_exc()
