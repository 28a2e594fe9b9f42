"""Rules about photos across the site (SL202, SL501, SL502), judged after the file checks; and
SL601-SL603 for the people a photo's own metadata names (site_consent.py).

A page shows a photo, but the photo's size is a fact of the photo's file, and whether it is a
photo of pupils can be said by any page that shows it. So, like SL304 and the rename fix, these
rules start from the site's reference index (every place any text file of the site writes a
media path, as `pages.references.site_index` finds them), read the pages that refer to the photos
of this run (and the photos that the pages of this run show or share), and judge each photo once.
A page is read only where it can change a finding: one that writes no width, height or sizes
cannot state a size, and one without share words shares nothing. Where each file's references
lead and whether it writes those words are cached by its stat signature (site_facts.py), and a
run of the whole site hands over the files it listed: a warm run neither lists the site again nor
reads a page that cannot change a finding. For each photo:

- sized: every reference to it is an image a page displays at a known width (pages/sizes.py);
  one in a stylesheet, a data file, a script, a link or a file no reader reads leaves it unknown;
- of pupils: a page pairs it with the full name of a pupil on the roster (or with the first name
  alone of a pupil without website consent, as SL601 counts it: SL501 then leaves those pages to
  SL601), its metadata names people (or did, until this run's fix removed them: site_consent.py),
  it sits under `pupil-photos:` globs, or (vision extra) its own checks found a face in it
  (SL402, SL403: cached with the photo, so vision does not run twice);
- protected: the page showing it is under `protected:` (source globs, or URL prefixes "/parents/").

`with_site_findings` adds the findings to the results of the files they are on, before
suppressions, ignores and the baseline are applied, so those work as for every rule.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from pathlib import Path

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from .analysis import FileResult
from .cache import Cache
from .checks.site_photos import Showing, SitePhoto, SiteSubject
from .site_facts import NEVER_TEXT, SITE_CODES, SiteFiles

if TYPE_CHECKING:   # the pages package is imported where a page is read: a site of photos alone reads none
    from .pages.model import Page, PageImage

CODES = SITE_CODES
# The photo's own checks found a face in it (vision extra): a close-up, or a face shown too large.
FACE_CODES = frozenset({"SL402", "SL403"})
# Folders a site generator serves from the site root: a page's URL path starts after them.
CONTENT_ROOTS = re.compile(r"^(?:content|src/pages|src/routes|pages|app|_pages|static|public|docs)/")


def with_site_findings(root: Path, in_git: bool, config, selected: set[str], settings: dict,
                       results: list[FileResult], cache: Cache, site_files: list[str] | None = None,
                       ) -> list[FileResult]:
    """The results, each with the site rules' findings on its file added (a new list; inputs untouched).

    `site_files`: every file of the site, when the run listed them all (else listed here);
    `cache`: the run's, where each text file's facts are kept (disabled by --no-cache).
    """
    from .site_consent import consent_in_metadata

    extra = consent_in_metadata(root, config, selected, settings, results, cache)   # SL601-SL603 at photos
    codes = CODES & selected
    if codes and results:
        from . import checks    # light: the check modules are imported by checks.modules, when there are photos
        from .discover import discover

        site = _unchanged(cache)
        if site is None:
            if site_files is None:
                site_files = discover(root, in_git, ["."], config.exclude, skip=NEVER_TEXT).files  # texts: the index
            given = {result.path: (result.stat, result.read_at, result.site_facts) for result in results
                     if result.site_facts is not None}    # read by the workers with each file's analysis
            site = _SITES[cache] = _Site(root, config, settings, site_files, cache, given)
        faces = {result.path for result in results if any(finding.code in FACE_CODES for finding in result.findings)}
        subject = site.subject({result.path for result in results}, codes, faces)
        context = checks.Context(root=root, rule_options=config.options_for(""), settings=settings)
        # The three rules judge only the photos a page of the site shows or shares (subject.photos)
        for module in checks.modules(set(codes)) if subject.photos else ():
            for finding in module.check(subject, context):
                if finding.code in codes and finding.code not in config.ignored_for(finding.path):
                    extra.setdefault(finding.path, []).append(finding)
    return [replace(result, findings=result.findings + extra[result.path]) if result.path in extra else result
            for result in results]


# The run's Cache (one per run) -> the site as this run listed and read it, and how many of the run's
# fixes (site_consent.fixed) it has seen.
_SITES: WeakKeyDictionary = WeakKeyDictionary()


def _unchanged(cache: Cache) -> _Site | None:
    """The site this run listed and read, when its fixes since then rewrote nothing but media files in
    place (stripped metadata, a downscale: a photo's own facts are read again each time, _Site.photo);
    else None (a file moved, made, deleted, or a text file rewritten: the site is listed and read again)."""
    from .site_consent import fixed

    site = _SITES.get(cache)
    changes = fixed(cache)
    if site is None or any(change.renamed or change.created or change.deleted or change.written
                           or not change.path.lower().endswith(NEVER_TEXT) for change in changes[site.seen:]):
        return None
    site.seen = len(changes)
    return site


class _Site:
    """The site's pages, read on demand (each once), and what they say about each photo."""

    def __init__(self, root: Path, config, settings: dict, files: list[str], cache: Cache,
                 given: dict[str, tuple] | None = None):
        from .site_consent import fixed

        self.root, self.config, self.settings, self.cache, self.given = root, config, settings, cache, given
        self.seen = len(fixed(cache))           # the run's fixes made before this listing
        self._files: SiteFiles | None = None
        self.index: dict[str, list[str]] = {}   # repository path -> the file writing each reference to it
        texts = [relpath for relpath in files if not relpath.lower().endswith(NEVER_TEXT)]
        if texts:    # a site of photos alone has no reference: no page reader or reference scan imported
            from .pages.references import text_files

            for relpath in text_files(root, texts):
                for target in self.files.of(relpath).targets:
                    self.index.setdefault(target, []).append(relpath)
        cache.keep_site(set(files))
        self.pages: dict[str, Page | None] = {}

    @property
    def files(self) -> SiteFiles:
        """Each text file's facts (site_facts.SiteFiles), set up when first asked for."""
        if self._files is None:
            self._files = SiteFiles(self.root, self.cache, self.given)
        return self._files

    def page(self, relpath: str) -> Page | None:
        """The page model, None when no reader reads it or it cannot be read (its own run says so)."""
        if relpath not in self.pages:
            from .pages import registry

            self.pages[relpath] = None
            if registry.is_page(relpath):
                try:
                    self.pages[relpath] = registry.read_page(self.root, relpath, (self.root / relpath).read_bytes())
                except Exception:  # unreadable, or a reader bug: the page's own analysis reports it
                    pass
        return self.pages[relpath]

    def subject(self, in_run: set[str], codes: frozenset[str], faces: set[str]) -> SiteSubject:
        """The photos the rules can report on in this run, each judged once; pages are read only where
        they can change a finding."""
        protecting = "SL501" in codes and bool(self.config.protected)
        candidates, read = set(), set()
        if "SL202" in codes:            # photos of this run that every referring page may state a size for
            for path in sorted(in_run & self.index.keys()):
                referring = set(self.index[path])
                if all(self.files.of(relpath).size for relpath in referring):
                    candidates.add(path)
                    read |= referring
        texts = {relpath for relpath in in_run if not relpath.lower().endswith(NEVER_TEXT)}
        if "SL502" in codes and texts:      # a photo shares nothing
            from .pages.feeds import SHARE_FILE_SUFFIXES

            read |= {relpath for relpath in texts
                     if relpath.lower().endswith(SHARE_FILE_SUFFIXES) or self.files.of(relpath).share}
        if protecting:
            referring = {relpath for pages in self.index.values() for relpath in pages}
            read |= {relpath for relpath in in_run & referring if not self.protected(relpath)}
        shown, shared = self.collect(read)
        public = {path for path, found in shown.items() if protecting and any(
            not showing.protected and showing.page in in_run for showing, _ in found)}
        photos = {path: self.photo(path, shown.get(path, []), shared.get(path, []), path in candidates,
                                   path in faces, path in public)
                  for path in sorted(candidates | shared.keys() | public) if (self.root / path).is_file()}
        return SiteSubject(photos, frozenset(in_run), tuple(self.config.protected) if protecting else (),
                           self.config.options_for)

    def collect(self, read: set[str]) -> tuple[dict[str, list[tuple[Showing, PageImage]]], dict[str, list[Showing]]]:
        """Where the pages in `read` show each photo (with the image), and where they share it."""
        shown: dict[str, list[tuple[Showing, PageImage]]] = {}
        shared: dict[str, list[Showing]] = {}
        for relpath in sorted(read):
            page = self.page(relpath)
            if page is None:
                continue
            protected = self.protected(relpath)
            for image in page.images:
                for path in dict.fromkeys((image.target, *image.alternates)):
                    if path:
                        shown.setdefault(path, []).append((Showing(relpath, image.line, image.width,
                                                                   protected=protected), image))
            for share in page.shares:
                if share.target:
                    shared.setdefault(share.target, []).append(Showing(relpath, share.line, kind=share.kind,
                                                                       protected=protected))
        return shown, shared

    def photo(self, path: str, shown: list[tuple[Showing, PageImage]], shared: list[Showing], candidate: bool,
              faces: bool, public: bool) -> SitePhoto:
        from .site_consent import photo_facts

        facts = photo_facts(self.root, path)
        width, height = _upright(facts)
        showings = [replace(showing, width=showing.width or _from_height(image, width, height))
                    for showing, image in shown]
        sized = candidate and bool(showings) and all(s.width for s in showings) and self.accounted(path, shown)
        # Whether it is of pupils matters only where it is shared, or shown outside a protected area.
        pupils, named_on = self.pupils(path, facts, faces) if shared or public else ("", ())
        return SitePhoto(path, width, height, tuple(showings), sized, tuple(shared), pupils, named_on)

    def accounted(self, path: str, shown: list[tuple[Showing, PageImage]]) -> bool:
        """Every reference to the photo in the site is one of the images shown: none in a stylesheet,
        a data file, a link or a file without a reader, which show it at a size no page says."""
        counts: dict[str, int] = {}
        for showing, image in shown:
            counts[showing.page] = counts.get(showing.page, 0) + (image.target == path) + image.alternates.count(path)
        written: dict[str, int] = {}
        for relpath in self.index.get(path, ()):
            written[relpath] = written.get(relpath, 0) + 1
        return all(counts.get(relpath, 0) >= count for relpath, count in written.items())

    def protected(self, relpath: str) -> bool:
        from .globs import matches

        url = "/" + CONTENT_ROOTS.sub("", posixpath.splitext(relpath)[0])
        for entry in self.config.protected:
            if entry.startswith("/"):
                prefix = entry.rstrip("/")
                if url == prefix or url.startswith(prefix + "/"):
                    return True
            elif matches(entry, relpath):
                return True
        return False

    def pupils(self, path: str, facts, faces: bool) -> tuple[str, tuple[str, ...]]:
        """Why the photo is of pupils, in words that name no one ("" when nothing says so), and the
        pages that give it the first name of a pupil without consent, when that is the reason."""
        from .formats.model import PERSON_NAME
        from .globs import any_match
        from .site_consent import named_before

        if any_match(self.config.pupil_photos, path):
            return "under pupil-photos in the configuration", ()
        if facts is not None and facts.of_kind(PERSON_NAME):
            named_before(self.cache).setdefault(path, [])
            return "its metadata names the people in it", ()
        named = self.named_pupil(path)
        if named[0]:
            return named
        if path in named_before(self.cache):    # the photo still shows them: said in this run's report
            return "its metadata named the people in it until this run's fix removed the names", ()
        return "faces found in it" if faces else "", ()

    def named_pupil(self, path: str) -> tuple[str, tuple[str, ...]]:
        """Where a page that refers to the photo names a roster pupil with it (alt, title, caption,
        the text beside it) by full name, or by the first name alone of a pupil with no website
        consent (SL601 counts that name too: issue 13; then also every page that does), or ("", ())."""
        if not self.settings.get("roster"):
            return "", ()
        from . import checks
        from .checks.consent_policy import judged, named_on_page, without_consent
        from .checks.name_policy import finder, path_language

        context = checks.Context(root=self.root, rule_options={}, settings=self.settings)
        names, consent = finder(context), judged(context)
        first, pages = "", []       # a full name on any page is the better reason
        for relpath in sorted(set(self.index.get(path, ()))):
            page = self.page(relpath)
            for image in page.images if page is not None else ():
                if path != image.target and path not in image.alternates:
                    continue
                for span in image.labels() + list(image.captions):
                    language = span.lang or image.lang or path_language(relpath)
                    if any(match.source == "roster" and match.role == "pupil"
                           for match in names.in_text(span.text, language)):
                        return f"a pupil on the roster is named with it on {relpath} line {span.line}", ()
            places = named_on_page(checks.PageSubject(relpath, page), context) if consent and page is not None else ()
            for named in places:
                if path in named.targets and named.first_only and without_consent(named, context):
                    first = first or (f"a pupil on the roster with no website consent is named with it by first "
                                      f"name on {relpath} line {named.line}")
                    pages.append(relpath)
        return first, tuple(dict.fromkeys(pages))


def _upright(facts) -> tuple[int | None, int | None]:
    """Width and height as shown: EXIF orientations 5 to 8 turn the stored picture a quarter turn."""
    from .formats.downscale import TARGETS

    if facts is None or facts.width is None or facts.height is None or facts.format not in TARGETS:
        return None, None
    return (facts.height, facts.width) if (facts.orientation or 1) >= 5 else (facts.width, facts.height)


def _from_height(image, width: int | None, height: int | None) -> int | None:
    """The displayed width from a displayed height alone, through the photo's shape."""
    if image.height is None or not (width and height):
        return None
    return round(image.height * width / height)
