"""`schoollint audit`: one file a safeguarding lead can open, from one command.

The same findings `check` reports (the whole site, no baseline: a review sees
everything), plus per-photo facts: the pages that show each photo (from the
page readers' image references), when it was first published and last changed
(Git, following renames; else the date of the page that shows it), a
metadata-free thumbnail, the run-level review rules SL604/SL605, and (where
a roster records consent) the roster people named with it (by its pages, its own
file or folder name, its earlier names, its metadata), so its card can say its
consent state (SL601-SL603 decide it; issue 14); and what Git history still holds
of versions no longer on the site (schoollint.audit_git runs history's scan).
Rendering is schoollint.report.audit's job.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .finding import Finding
from .outcome import Outcome


@dataclass
class Photo:
    path: str
    pages: list[str] = field(default_factory=list)
    first_published: dt.date | None = None
    first_commit: str | None = None
    date_source: str | None = None        # "git", "page", "shallow" (a shallow clone: unknown) or None (not yet)
    last_changed: dt.date | None = None
    last_commit: str | None = None
    thumbnail: str | None = None          # data: URI, None when left out or undecodable
    lines: dict[str, set[int]] = field(default_factory=dict)  # page -> lines of its tag, alt and captions
    written: dict[str, set[str]] = field(default_factory=dict)  # page -> how it writes the photo's address (src)
    named: list | None = None             # consent.Person named with it (pages, path, metadata); None: not judged


@dataclass
class Audit:
    site: str
    generated: dt.datetime
    commit: str | None
    version: str
    report: Outcome                       # the run's findings, errors, notes, files_checked
    photos: list[Photo]
    reviews: list[dict]
    run_findings: list[Finding] = field(default_factory=list)
    options: dict = field(default_factory=dict)   # the site's rule options, code -> {name: value}
    history: object = None                # audit_git.History: old versions with findings; None outside Git


def site_findings(root: Path, in_git: bool, config, files: list[str], settings: dict, *, use_cache: bool,
                  show_values: bool, jobs: int = 0) -> Outcome:
    """The run's Outcome for `files` under `root`, no baseline: the one place the audit touches the driver.

    With `show_values` the files are read again (the cache keeps no personal value).
    """
    from .pipeline import Run, RunOptions

    from .suppress import unknown_alts_note

    run = Run(root, in_git, config, settings, RunOptions(use_cache=use_cache, jobs=jobs, show_values=show_values))
    outcome = Outcome(files_checked=len(files))
    results = run.analyse(files)
    run.settle(results, outcome)
    run.cache.save()
    outcome.notes += unknown_alts_note(results)   # alt texts a template fills in: not checked, as check says
    outcome.errors = [error for result in results for error in result.errors]
    return outcome


def _date(timestamp: int) -> dt.date:
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).date()


def collect_photos(root: Path, files: list[str], named_with=None) -> list[Photo]:
    """Every image or video among `files`, with the pages (among `files`) that show it, and with
    `named_with` (`_named_with`: on pages, at the photo) the roster people named with it."""
    from .formats.registry import media_extensions
    from .pages import registry as pages

    media = sorted(f for f in files if Path(f).suffix.lower() in media_extensions())
    on_page, at_photo = named_with or (None, None)
    photos = {path: Photo(path, named=list(at_photo(path)) if at_photo else None) for path in media}
    for relpath in files:
        if not pages.is_page(relpath):
            continue
        try:
            page = pages.read_page(root, relpath, (root / relpath).read_bytes())
        except (OSError, pages.PageError):  # the checks report an unreadable page (SL002)
            continue
        named = on_page(relpath, page) if on_page else []
        for image in page.images:
            photo = photos.get(image.target or "")
            if photo is None:
                continue
            if photo.named is not None:
                photo.named.extend(person for place in named if place.src == image.src for person in place.people)
            if relpath not in photo.pages:
                photo.pages.append(relpath)
            photo.lines.setdefault(relpath, set()).update(_lines_of(image))
            photo.written.setdefault(relpath, set()).add(image.src)
    return list(photos.values())


def _lines_of(image) -> set[int]:
    """The lines where a page writes an image and the texts that go with it (for SL302/SL303)."""
    lines = {image.line} | {span.line for span in image.labels()}
    for span in image.captions:
        lines.update(range(span.line, span.line_of(len(span.text)) + 1))
    return lines


# The audit's words when no photo's card can say its consent state: a safeguarding lead reads this first.
NO_CONSENT_NOTE = ("consent was not judged: schoollint had no roster saying which pupils may be shown on the "
                   "website (SL601 not run, or no roster with a website consent column: give --roster FILE, "
                   "`roster:` in .schoollint.yml, or a hashed .schoollint-roster with SCHOOLLINT_ROSTER_KEY set), "
                   "so no photo below says whether the pupils named with it may be shown")


def _named_with(root: Path, config, settings: dict):
    """(page's Named places `(relpath, page)`, people named at the photo itself `(path)`: its file and
    folder names and its metadata, as site_consent.py judges them), or None when consent cannot be
    judged (no roster recording it, or SL601 not run: a card must not claim what no rule looked at)."""
    from .checks import Context, PageSubject
    from .checks.consent_policy import judged, named_in_metadata, named_in_path, named_on_page
    from .checks.name_policy import finder
    from .formats.model import PERSON_NAME
    from .site_consent import photo_facts

    context = Context(root, {}, settings)
    if "SL601" not in config.selected_codes() or not judged(context):
        return None
    roster = finder(context).roster

    def at_photo(path: str):
        facts = photo_facts(root, path)
        in_metadata = named_in_metadata(roster, facts.of_kind(PERSON_NAME)) if facts is not None else ()
        return [person for place in (*named_in_path(roster, context, path), *in_metadata) for person in place.people]

    return (lambda relpath, page: named_on_page(PageSubject(relpath, page),
                                                Context(root, config.options_for(relpath), settings))), at_photo


def add_dates(root: Path, in_git: bool, photos: list[Photo]) -> list[str]:
    """First published and last changed: Git's dates, else the earliest date of a page showing it. In a
    shallow clone a photo first seen in the commit its history stops at may be older than that commit:
    its date is unknown (date_source "shallow"), never the clone's date; the note returned says so."""
    from .gitlog import path_dates
    from .shallow import shallow_boundary
    from .review import page_date

    dates = path_dates(root) if in_git else {}
    cut = set(shallow_boundary(root)) if dates else set()
    unknown = 0
    for photo in photos:
        known = dates.get(photo.path)
        if known is not None and known.first_commit not in cut:
            photo.first_published, photo.first_commit = _date(known.first_time), known.first_commit
            photo.last_changed, photo.last_commit = _date(known.last_time), known.last_commit
            photo.date_source = "git"
            continue
        stated = [d for d in (page_date(root, page) for page in photo.pages) if d is not None]
        if stated:
            photo.first_published, photo.date_source = min(stated), "page"
        elif known is not None:   # only the cut is here: when it was first committed is not
            photo.date_source = "shallow"
            if known.last_commit not in cut:
                photo.last_changed, photo.last_commit = _date(known.last_time), known.last_commit
            unknown += bool(photo.pages)
    from .audit_git import shallow_note

    return [shallow_note(sorted(cut), unknown)] if unknown else []


def head_commit(root: Path, in_git: bool) -> str | None:
    from .gitlog import git, has_commits

    return git(root, "rev-parse", "HEAD").strip() if in_git and has_commits(root) else None


def uncommitted(root: Path, in_git: bool, files: list[str]) -> int:
    """How many of `files` differ from HEAD: changed, added or not yet in Git (`git status`)."""
    from .gitlog import git
    from .review import REVIEW_LOG

    if not in_git:
        return 0
    status = git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames")
    changed = {entry[3:] for entry in status.split("\0") if len(entry) > 3}
    return len(changed.intersection(files) - {REVIEW_LOG})


def build_audit(args, config, root: Path, in_git: bool) -> Audit:
    from .discover import discover, relative
    from .checks import RunSubject
    from .report import plural
    from .review import REVIEW_LOG, record_review, reviews, today
    from .run_rules import run_findings
    from .run_settings import apply_arguments, roster_setting, settings_for
    from .unread import account as account_unread

    apply_arguments(config, args)
    start = relative(root, Path(args.path)) if args.path else relative(root, Path.cwd())
    found = discover(root, in_git, [start], config.exclude)
    roster_notes: list[str] = []   # what the roster cannot judge (no key, no consent column): said as check says it
    settings = settings_for(roster_setting(root, in_git, args, config, roster_notes), config.consent)
    from .vision import run_setting

    # as check does: faces and text in pictures (SL401-SL403) with the extra, else a note says so
    settings["vision"], vision_note = run_setting(config.selected_codes(), args.no_vision)
    report = site_findings(root, in_git, config, found.files, settings, use_cache=not args.no_cache,
                           show_values=args.show_values, jobs=args.jobs)
    account_unread(found, report)   # folders not listed, links out of the repository: not checked, as check says
    named_with = _named_with(root, config, settings)
    consent_note = [] if named_with is not None else [NO_CONSENT_NOTE]
    report.notes = roster_notes + consent_note + found.notes + ([vision_note] if vision_note else []) + report.notes
    photos = collect_photos(root, found.files, named_with)
    report.notes += add_dates(root, in_git, photos)
    from .audit_git import earlier_consent, in_history

    history = in_history(root, in_git, config, settings, args.jobs)   # old versions with findings
    report.findings += earlier_consent(root, in_git, config, settings, photos, history, report.findings)
    commit, changed = head_commit(root, in_git), uncommitted(root, in_git, found.files)
    if changed:
        report.notes.append(f"{plural(changed, 'file')} the audit covered {'differs' if changed == 1 else 'differ'} "
                            f"from the last commit{f' ({commit[:12]})' if commit else ''}: changed or not yet "
                            "committed; commit them so that the review's commit is what was reviewed")
    day = today()
    if args.record_review is not None:    # "" is refused by record_review, never skipped
        record_review(root, args.record_review, commit, day, changed)
    log = reviews(root)
    subject = RunSubject(first_published={p.path: p.first_published for p in photos if p.pages and p.first_published},
                         last_review=log[-1]["date"] if log else None, today=day, options_for=config.options_for)
    extra = run_findings(root, config, subject)
    report.findings = sorted(report.findings + [f for f in extra if f.path != REVIEW_LOG],
                             key=lambda f: (f.path, f.line or 0, f.code))
    if not args.no_thumbnails:
        from .thumbnails import thumbnail_uri

        for photo in photos:
            photo.thumbnail = thumbnail_uri(root / photo.path)
    return Audit(site=root.name, generated=dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
                 commit=commit, version=__version__, report=report, photos=photos, reviews=log,
                 run_findings=[f for f in extra if f.path == REVIEW_LOG], options=config.options_for(start),
                 history=history)


def _redirected_to() -> str | None:
    """The file standard output was redirected to (`> audit.html`), so it is judged as -o's is;
    UsageError when it is a terminal: the report is a file to open, never a screen of HTML."""
    from .errors import UsageError

    if sys.stdout.isatty():
        raise UsageError("schoollint audit writes a file to open in a browser: give -o FILE outside the "
                         "site, e.g. -o ~/audit.html (it holds pupils' photos, so it is written private to you)")
    try:
        descriptor = sys.stdout.fileno()
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None   # a pipe: the reader decides where it goes
        return os.readlink(f"/proc/self/fd/{descriptor}")
    except (OSError, ValueError):   # no descriptor (captured output), or no /proc to name the file
        return None


def run_audit(args) -> int:
    """Write the audit report; exit 2 when some file could not be checked (the report says which)."""
    from .errors import EXIT_CLEAN, EXIT_ERROR
    from .report import View, plural
    from .report.audit import render_html, render_json
    from .report.files import check_place, write_report
    from .audit_git import history_said
    from .discover import start_of
    from .pipeline import load_effective_config

    config, root, in_git = load_effective_config(args.config, start_of([args.path] if args.path else []))
    # always personal (thumbnails of pupils' photos, consent states): judged before the run, so a
    # refusal costs no wait and records no review
    place = args.output_file or _redirected_to()
    warning = check_place(place, root, personal=True, force=args.force) if place else None
    if place and not args.output_file:   # `schoollint audit > audit.html`: private as -o makes it
        os.fchmod(sys.stdout.fileno(), 0o600)
    audit = build_audit(args, config, root, in_git)
    view = View(root=Path(audit.site), show_values=args.show_values)
    text = (render_json if args.format == "json" else render_html)(audit, view)
    if args.output_file:
        write_report(args.output_file, text, personal=True)
        if warning:
            print(f"schoollint: warning: {warning}", file=sys.stderr)
        shown = sum(1 for p in audit.photos if p.pages)
        print(f"wrote {args.output_file}: {plural(len(audit.photos), 'photo')} ({shown} shown on pages), "
              f"{plural(len(audit.report.findings) + len(audit.run_findings), 'finding')}"
              f"{history_said(audit.history)}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    if args.record_review:
        from .report import says_unjudged

        unjudged = sum(1 for note in audit.report.notes if says_unjudged(note))
        print(f"recorded the review by {args.record_review.strip()} in .schoollint-review.yml: "
              "commit that file", file=sys.stderr)
        if unjudged:   # the review covers what the audit judged, and no more: the lead must know what that left out
            print(f"schoollint: warning: the recorded review did not cover {plural(unjudged, 'thing')} the audit "
                  "could not check or judge (the notes below; the report lists them first)", file=sys.stderr)
    if audit.report.not_read:   # counted apart from the files checked, as check says it
        print(f"schoollint: {audit.report.not_read_text()}", file=sys.stderr)
    for note in audit.report.notes:
        print(f"schoollint: note: {note}", file=sys.stderr)
    for error in audit.report.errors:
        print(f"schoollint: error: {error}", file=sys.stderr)
    return EXIT_ERROR if audit.report.errors else EXIT_CLEAN
