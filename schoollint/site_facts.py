"""What the site rules (site_rules.py) need from each text file of the site, read once per content.

For each text file: where its references lead (`pages.references.scan`, then `located`) and
which files' existence decided that, and whether its text writes size words (width, height,
sizes) or share words (og:image, JSON-LD, a front matter image): a page without them cannot
state a photo's displayed size, or share it. Kept in the cache (cache.Cache.site, shape
codec.valid_site_facts) under the file's stat signature, as the file checks' results are
(cache.py: Git's and ruff's way): a file whose signature changed, or that changed within a
clock tick of being read, is read again; one whose references would now lead elsewhere (a file
they looked for has come or gone) too. So a warm run reads no text file whole for these rules.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from .baseline import DEFAULT_BASELINE
from .cache import Cache, signature_of, trusted
from .config_files import CONFIG_FILES
from .probes import ProbingRoot

# The rules about the whole site (site_rules.py) that read these facts: the analysis reads them
# with each file only when one of these runs.
SITE_CODES = frozenset({"SL202", "SL501", "SL502"})
# Cheap tests on a file's text that say whether reading it can matter: a page that writes no size
# anywhere cannot state the size of a photo, and one without these words shares none.
SIZE_WORDS = re.compile(r"width|height|sizes", re.IGNORECASE)
SHARE_WORDS = re.compile(r"og:image|twitter:image|ld\+json|^(?:image|images|og_image|social_image)\s*[:=]",
                         re.IGNORECASE | re.MULTILINE)
# A part of each word above that must stand, lower-cased, in any text the pattern matches: letters
# no other character matches without regard to case (unlike i and s: "ı", "İ", "ſ"). The patterns
# run only on a text that holds one (a case-blind regex scan of a page costs 0.1 ms; this, 1 us).
SIZE_PARTS = ("dth", "ght", "ze")
SHARE_PARTS = ("mage", "ld+j")

# Names no page language claims and no reference scan reads (tests/core/test_site_facts_names.py
# pins this): their facts are empty, and a warm run of photos need not import pages.registry,
# which imports every page reader (30-50 ms).
# schoollint's own files at the repository root (baseline.py, review.py): the paths they list are
# no references (a baseline written for SL202 would otherwise hide the finding it records).
# review.REVIEW_LOG written out: importing review (and datetime) cost every run that judges a file 5.6 M
# instructions (issue 18); tests/core/test_warm_own_files.py holds the two equal.
OWN_FILES = frozenset({DEFAULT_BASELINE, ".schoollint-review.yml", *CONFIG_FILES})
NEVER_TEXT = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".avif", ".tif", ".tiff", ".mp4", ".mov")


@dataclass(frozen=True)
class TextFacts:
    targets: tuple[str, ...] = ()   # where each reference leads, in order (repository paths; broken ones too)
    size: bool = False              # the text writes size words
    share: bool = False             # the text writes share words


class SiteFiles:
    """Each file's TextFacts, from the cache when its signature is unchanged, else read (once a run).
    `given`: facts a worker read with the file's own analysis this run, as `read_facts` gives them,
    by path ({path: (signature, read_at, record or None)}): taken instead of reading the file again."""

    def __init__(self, root: Path, cache: Cache, given: dict[str, tuple] | None = None):
        self.root, self.cache = root, cache
        from .pages.site_layout import fingerprint

        cache.key_site(fingerprint(root))       # where references lead depends on the layout too
        self.existing = ProbingRoot(root)       # whether each path is a file: asked once a run
        self.facts: dict[str, TextFacts] = {}
        self.given = given or {}

    def of(self, relpath: str) -> TextFacts:
        if relpath not in self.facts:
            self.facts[relpath] = self._facts(relpath)
        return self.facts[relpath]

    def _facts(self, relpath: str) -> TextFacts:
        signature, read_at, record = self.given.get(relpath, (None, 0, None))
        if record is not None and all(self.existing.answer(path) == existed    # as kept facts are checked
                                      for path, existed in record["depends"].items()):
            return self._remembered(relpath, signature, read_at, record)
        if relpath.lower().endswith(NEVER_TEXT):   # a photo: known without importing every page reader
            return TextFacts()
        if relpath in OWN_FILES:   # schoollint's baseline names photos; it neither shows nor shares them
            return TextFacts()
        try:
            # Kept facts first: only a text or worded file (below) has any, and a warm run then
            # imports no page reader (pages.registry imports them all: 0.1-0.2 s of a warm site run).
            stored = self.cache.site_facts(relpath, signature_of(os.stat(self.root / relpath)))
            if stored is not None and all(self.existing.answer(path) == existed
                                          for path, existed in stored["depends"].items()):
                return TextFacts(tuple(stored["targets"]), stored["size"], stored["share"])
        except OSError:   # gone or unreadable: its own analysis says so
            return TextFacts()
        text_file, worded = reading(relpath)
        if not (text_file or worded):
            return TextFacts()
        from .pages.registry import MAX_PAGE_BYTES

        try:
            with open(self.root / relpath, "rb") as file:
                read_at, signature = time.time_ns(), signature_of(os.fstat(file.fileno()))
                data = file.read() if text_file else file.read(MAX_PAGE_BYTES + 1)
        except OSError:   # gone or unreadable: its own analysis says so
            return TextFacts()
        return self._remembered(relpath, signature, read_at, read_facts(self.root, relpath, data, self.existing.known))

    def _remembered(self, relpath: str, signature, read_at: int, record: dict | None) -> TextFacts:
        if record is None:
            return TextFacts()
        self.cache.remember_site(relpath, signature, record, trusted(signature, read_at))
        return TextFacts(tuple(record["targets"]), record["size"], record["share"])


def reading(relpath: str) -> tuple[bool, bool]:
    """(a text file: its references are scanned, the whole of it read; worded: a page whose text may
    state a size or share a photo, its first MAX_PAGE_BYTES + 1 bytes read). Neither: no facts."""
    if relpath.lower().endswith(NEVER_TEXT) or relpath in OWN_FILES:
        return False, False
    from .pages.references import TEXT_SUFFIXES
    from .pages.registry import language_of

    language = language_of(relpath)
    # A binary document states no display size and shares nothing; an 11 MB newsletter
    # decoded as text cost seconds and memory for no answer.
    return relpath.lower().endswith(TEXT_SUFFIXES), language is not None and not language.document


def read_facts(root: Path, relpath: str, data, known: dict[str, bool] | None = None,
               scanned: tuple[str, list, dict[str, bool] | None] | None = None) -> dict | None:
    """A text or worded file's facts from its bytes (the whole file, or for a worded file that is no
    text file at least its first MAX_PAGE_BYTES + 1), as the cache keeps them: targets, depends (the
    files whose existence decided them), size, share. None when `reading` says it has none.
    `known`: existence answers shared with other files. `scanned`: (a text, its references as
    `located` resolved them, the files that decided it), taken instead of scanning and resolving
    again when the text is the one read here (a page's own, probes.referenced_files)."""
    text_file, worded = reading(relpath)
    if not (text_file or worded):
        return None
    from .pages.references import located, scan
    from .pages.registry import MAX_PAGE_BYTES

    data = bytes(data if text_file else data[:MAX_PAGE_BYTES + 1])
    probes = ProbingRoot(root, known)
    text = data.decode("utf-8", errors="replace")
    head = ("" if not worded else text if len(data) <= MAX_PAGE_BYTES + 1
            else data[:MAX_PAGE_BYTES + 1].decode("utf-8", errors="replace"))
    depends: dict[str, bool] = probes.seen
    if not text_file or b"\0" in data:
        targets = []
    elif scanned is not None and scanned[2] is not None and scanned[0] == text:
        targets, depends = [target for _reference, target in scanned[1]], dict(scanned[2])
    else:
        targets = [target for _reference, target in located(probes, relpath, scan(text, relpath, True))]  # type: ignore[arg-type]
    lowered = head.lower()
    return {"targets": targets, "depends": depends, "size": _says(SIZE_WORDS, SIZE_PARTS, head, lowered),
            "share": _says(SHARE_WORDS, SHARE_PARTS, head, lowered)}


def _says(words: re.Pattern, parts: tuple[str, ...], text: str, lowered: str) -> bool:
    """Whether `words` matches `text` (`lowered` is text.lower()), searched only where it can."""
    return any(part in lowered for part in parts) and bool(words.search(text))
