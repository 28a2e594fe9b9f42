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

from .analysis import ProbingRoot
from .baseline import DEFAULT_BASELINE
from .cache import Cache, signature_of, trusted
from .config_files import CONFIG_FILES
from .review import REVIEW_LOG

# Cheap tests on a file's text that say whether reading it can matter: a page that writes no size
# anywhere cannot state the size of a photo, and one without these words shares none.
SIZE_WORDS = re.compile(r"width|height|sizes", re.IGNORECASE)
SHARE_WORDS = re.compile(r"og:image|twitter:image|ld\+json|^(?:image|images|og_image|social_image)\s*[:=]",
                         re.IGNORECASE | re.MULTILINE)

# Names no page language claims and no reference scan reads (tests/core/test_site_facts_names.py
# pins this): their facts are empty, and a warm run of photos need not import pages.registry,
# which imports every page reader (30-50 ms).
# schoollint's own files at the repository root (baseline.py, review.py): the paths they list are
# no references (a baseline written for SL202 would otherwise hide the finding it records).
OWN_FILES = frozenset({DEFAULT_BASELINE, REVIEW_LOG, *CONFIG_FILES})
NEVER_TEXT = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".avif", ".tif", ".tiff", ".mp4", ".mov")


@dataclass(frozen=True)
class TextFacts:
    targets: tuple[str, ...] = ()   # where each reference leads, in order (repository paths; broken ones too)
    size: bool = False              # the text writes size words
    share: bool = False             # the text writes share words


class SiteFiles:
    """Each file's TextFacts, from the cache when its signature is unchanged, else read (once a run)."""

    def __init__(self, root: Path, cache: Cache):
        self.root, self.cache = root, cache
        from .pages.site_layout import fingerprint

        cache.key_site(fingerprint(root))       # where references lead depends on the layout too
        self.existing = ProbingRoot(root)       # whether each path is a file: asked once a run
        self.facts: dict[str, TextFacts] = {}

    def of(self, relpath: str) -> TextFacts:
        if relpath not in self.facts:
            self.facts[relpath] = self._facts(relpath)
        return self.facts[relpath]

    def _facts(self, relpath: str) -> TextFacts:
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
        from .pages.references import TEXT_SUFFIXES
        from .pages.registry import MAX_PAGE_BYTES, language_of

        text_file = relpath.lower().endswith(TEXT_SUFFIXES)
        language = language_of(relpath)
        # A binary document states no display size and shares nothing; an 11 MB newsletter
        # decoded as text cost seconds and memory for no answer.
        worded = language is not None and not language.document
        if not (text_file or worded):
            return TextFacts()
        try:
            with open(self.root / relpath, "rb") as file:
                read_at, signature = time.time_ns(), signature_of(os.fstat(file.fileno()))
                data = file.read() if text_file else file.read(MAX_PAGE_BYTES + 1)
        except OSError:   # gone or unreadable: its own analysis says so
            return TextFacts()
        probes = ProbingRoot(self.root, self.existing.known)
        text = data.decode("utf-8", errors="replace")
        head = ("" if not worded else text if len(data) <= MAX_PAGE_BYTES + 1
                else data[:MAX_PAGE_BYTES + 1].decode("utf-8", errors="replace"))
        targets = self._targets(probes, relpath, text) if text_file and b"\0" not in data else []
        found = TextFacts(tuple(targets), bool(SIZE_WORDS.search(head)), bool(SHARE_WORDS.search(head)))
        self.cache.remember_site(relpath, signature, {"targets": targets, "depends": probes.seen, "size": found.size,
                                                      "share": found.share}, trusted(signature, read_at))
        return found

    @staticmethod
    def _targets(probes: ProbingRoot, relpath: str, text: str) -> list[str]:
        from .pages.references import located, scan

        return [target for _reference, target in located(probes, relpath, scan(text, relpath))]  # type: ignore[arg-type]
