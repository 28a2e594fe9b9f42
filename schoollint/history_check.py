"""`schoollint history`: the checks of `check`, run on every blob the history holds.

Drives schoollint.history (which reads the blobs, each once) through the same
analyser as `check`: file-name rules once per path, content rules once per
blob, SL601-SL603 at photos as check's site stage judges them
(schoollint.history_rules), each finding placed on every (path, blob) it
concerns; what cannot be read is listed as not checked, and the selected rules
not applied are said in one note. Exit 1 when anything was found or not checked.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import UserError
from .finding import Finding
from .gitlog import git
from .gitobjects import Place, place
from .history import Appearance, Scan, appearances, blob_contents, blob_sources, missing_blobs, partial_clone

# Blobs per job. Each worker inflates its jobs' blobs itself (schoollint.gitobjects), asking a
# `git cat-file --batch` of the job's own only for what that cannot read, so the workers inflate
# side by side; the pool starts from POOL_THRESHOLD jobs (384 blobs).
BLOBS_PER_JOB = 16
# A job: where the objects are, (blob, the paths it had: checked as the first, a work-tree copy of
# its bytes or None, the commit whose tree it is judged against, its group's number) per check of a
# blob, and whether the clone is partial (then no other blob is read to judge it).
BlobJob = tuple[Place, list[tuple[str, tuple[str, ...], str | None, str, int]], bool]
# What a job gives back per check: (group number, findings, internal errors, why it was not read
# or None, whether part of it could not be judged, findings held back as `check` holds them back,
# path -> the findings at that path only: SL601-SL603 for the names in its file and folder names).
BlobResult = tuple[int, list[Finding], list[str], str | None, bool, int, dict[str, list[Finding]]]


def _analysers(root: Path, config, settings: dict):
    """One analyser for the blobs' contents (media, page) and one for their paths (file names); each
    holds only the modules it runs (history_rules.applied counts them)."""
    from .analysis import Analyser

    selected = config.selected_codes()
    content, names = Analyser(root, config, selected, settings), Analyser(root, config, selected, settings)
    content.by_reads = {reads: m for reads, m in content.by_reads.items() if reads in ("media", "page")}
    names.by_reads = {reads: m for reads, m in names.by_reads.items() if reads == "path"}
    return content, names


def _judged(analyser, relpath: str, data, root=None):
    """The analysis.FileResult of the file version's checks, before suppressions. `root`: what other
    files the checks see (a gittree.TreeRoot: the commit's own files), in place of the work tree
    for this one call."""
    from .analysis import FileResult

    result = FileResult(path=relpath)
    work_tree, analyser.root = analyser.root, root if root is not None else analyser.root
    try:
        analyser._run_checks(relpath, data, result)
    finally:
        analyser.root = work_tree
    return result


def _settled(analyser, result) -> tuple[list[Finding], list[str], bool, int]:
    """(findings as `check` shows them, internal errors, whether the file could not be judged in
    full: SL105, SL002, SL107; how many findings its inline `schoollint: ignore` comments and the
    per-path ignores held back, applied by suppress.settle as in `check`, with no baseline and no
    SL001: history_rules.UNUSED)."""
    from . import checks
    from .outcome import Outcome
    from .suppress import settle

    outcome = Outcome()
    unused_rules = {code for module in checks.modules(analyser.selected) if module.READS == "suppressions"
                    for code in module.CODES}
    settle(analyser.root, [result], analyser.config, analyser.selected - unused_rules, None, outcome)
    return outcome.findings, result.errors, bool(result.unchecked), outcome.suppressed + outcome.ignored


def check_blobs_in_worker(job: BlobJob) -> list[BlobResult]:
    """Read and check a job's blobs with this worker's analyser (pool.run_jobs): each blob once, as
    the first path it had; SL601-SL603 at a photo under each path it had (history_rules.photo_consent)."""
    from .gittree import Trees, TreeRoot
    from .history_rules import photo_consent
    from .pool import _analyser

    analyser = _analyser()
    where, checks, partial = job
    by_blob: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
    for blob, paths, _copy, commit, group in checks:
        by_blob.setdefault(blob, []).append((paths, commit, group))
    results: list[BlobResult] = []
    with Trees(analyser.root, read_blobs=not partial) as trees:
        for blob, data, why in blob_contents(analyser.root, {c[0]: c[2] for c in checks}, where):
            for paths, commit, group in by_blob[blob]:
                if data is None:
                    results.append((group, [], [], why or "not read", False, 0, {}))
                    continue
                result = _judged(analyser, paths[0], data, TreeRoot(trees, commit))
                at_paths = photo_consent(analyser, paths, data, result.findings)
                found, failed, unjudged, held = _settled(analyser, result)
                results.append((group, found, failed, None, unjudged, held, at_paths))
    return results


def blobs_crashed(job: BlobJob) -> list[BlobResult]:
    return [(check[4], [], [], "the process reading it was killed", False, 0, {}) for check in job[1]]


def _place(scan: Scan, where: list[Appearance], found: list[Finding], why: str | None, unjudged: bool,
           held: int, at_paths: dict[str, list[Finding]]) -> None:
    """A blob's findings go to every path it had (and those `at_paths` gives to one path, to it); a blob
    that could not be read, or not judged in full (its SL105, SL002 or SL107 finding says why), is
    counted as not checked, as `check` counts it."""
    if why is not None:
        scan.not_checked += [(f"{a.path} @ {a.blob[:10]}", why) for a in where]
        return
    scan.findings += [(a, f) for a in where for f in found + at_paths.get(a.path, [])]
    scan.held_back += held * len(where)
    if unjudged:
        scan.unjudged += [f"{a.path} @ {a.blob[:10]}" for a in where]


def _groups(by_blob: dict[str, list[Appearance]]) -> list[list[Appearance]]:
    """The versions checked together: a blob's under every path it had, except a page's, which is
    judged once per version against the files of its own commit (what its references lead to)."""
    from .pages import registry as pages

    groups: list[list[Appearance]] = []
    for where in by_blob.values():
        pages_of = [a for a in where if pages.is_page(a.path)]
        groups += [[a] for a in pages_of]
        others = [a for a in where if a not in pages_of]
        groups += [others] if others else []
    return groups


def _special(scan: Scan, appearances: list[Appearance]) -> list[Appearance]:
    """The versions whose blob is a file's bytes; the others (symlinks, submodules) said once per path."""
    kinds = {"120000": "a symlink: Git keeps only the path it points to, never read as the file there "
                       "(a file it points to in the repository is checked under its own name)",
             "160000": "a submodule: another repository (run schoollint history in it)"}
    for appearance in appearances:
        if not appearance.regular:
            why = kinds.get(appearance.mode, f"not a file (tree entry mode {appearance.mode})")
            note = f"{appearance.path}: skipped, {why}"
            if note not in scan.notes:
                scan.notes.append(note)
    return [a for a in _site_own(scan, appearances) if a.regular]


def _site_own(scan: Scan, appearances: list[Appearance]) -> list[Appearance]:
    """The versions outside the folders `check` skips as not the site's own (node_modules/, ...),
    the others counted in one note per folder, as check words it."""
    from .discover import not_site_folder, skipped_note

    kept: list[Appearance] = []
    skipped: dict[str, set[str]] = {}
    for appearance in appearances:
        folder = not_site_folder(appearance.path, [])
        if folder is None:
            kept.append(appearance)
        else:
            skipped.setdefault(folder, set()).add(appearance.path)
    scan.notes += [f"{skipped_note(folder, len(paths))}, as check does" for folder, paths in sorted(skipped.items())]
    return kept


def scan_history(root: Path, config, settings: dict, revisions: list[str], since: str | None,
                 jobs: int = 0) -> Scan:
    """Every wanted blob of the revisions checked once, in `jobs` worker processes (0: one per core)."""
    from .bare_repo import bare_repository
    from .history_rules import applied
    from .shallow import shallow_boundary
    from .pool import run_jobs

    scan = Scan()
    revisions = revisions or ["--all"]
    scan.shallow = shallow_boundary(root)
    scan.bare = bare_repository(root) is not None
    scan.appearances = _special(scan, appearances(root, revisions, since, config, scan))
    by_blob: dict[str, list[Appearance]] = {}
    by_path: dict[str, list[Appearance]] = {}
    for appearance in scan.appearances:
        by_blob.setdefault(appearance.blob, []).append(appearance)
        by_path.setdefault(appearance.path, []).append(appearance)
    content, names = _analysers(root, config, settings)
    scan.ran = applied([content, names], config.selected_codes(), settings)
    errors: list[str] = []
    for path, where in by_path.items():  # file-name rules: once per path
        found, failed, _unjudged, held = _settled(names, _judged(names, path, b""))
        scan.held_back += held * len(where)
        errors += failed
        scan.findings += [(a, p) for a in where for p in found]
    lacking, sources = blob_sources(root, by_blob, missing_blobs(root, revisions))
    for blob in lacking:
        _place(scan, by_blob[blob], [], "blob not present in this partial clone", False, 0, {})
    groups = [group for group in _groups(by_blob) if group[0].blob in sources]
    checks = [(g[0].blob, tuple(dict.fromkeys(a.path for a in g)), sources[g[0].blob], g[0].tree_commit, n)
              for n, g in enumerate(groups)]
    objects, partial, checked = place(root), partial_clone(root), set()
    # with vision, a blob per job, as check's one file: the pool then recycles each worker after as many
    # pictures as check's (pool.VISION_FILES_PER_WORKER), and a picture costs far more than a job does
    per_job = 1 if settings.get("vision") else BLOBS_PER_JOB
    work = [(objects, checks[start:start + per_job], partial) for start in range(0, len(checks), per_job)]
    for results in run_jobs(content, check_blobs_in_worker, work, jobs, "checking history", False, blobs_crashed):
        for group, found, failed, why, unjudged, held, at_paths in results:
            errors += failed
            _place(scan, groups[group], found, why, unjudged, held, at_paths)
            checked |= {groups[group][0].blob} if why is None else set()
    scan.blobs = len(checked)
    scan.not_checked += [(error, "internal error") for error in errors]
    scan.head = git(root, "rev-parse", "--verify", "-q", "HEAD", check=False).strip() or None
    return scan


_AGO = re.compile(r"(\d+)[\s._]*(day|week|month|year)s?[\s._]+ago")   # git's "2 weeks ago", "2.weeks.ago"


class DateError(UserError):
    """A --since that is not a date schoollint can read (git itself would read any text as some date)."""


def revisions_given(root: Path, revisions: list[str]) -> list[str]:
    """The revisions as given, each end of a range (`A..B`, `A...B`, `^A`) a commit; UserError
    otherwise: one that starts with "-" git log would take as an option (`--output=FILE` writes a
    file), and a blob or tree (`HEAD:index.html`) would list no commit and so check nothing."""
    for revision in revisions:
        ends = re.split(r"\.\.\.?", revision[1:] if revision.startswith("^") else revision)
        if revision.startswith("-") or not all(
                not end or git(root, "rev-parse", "--verify", "-q", f"{end}^{{commit}}", check=False).strip()
                for end in ends):
            raise UserError(f"{revision!r} is not a commit or a range of commits: give branches, tags or commit ids "
                            "(every ref when none); options are not passed on to git")
    return revisions


def since_date(text: str | None) -> str | None:
    """--since as git reads it: an ISO 8601 date (2024-01-31), date and time (2024-01-31T09:00,
    with an offset or Z), or `N days|weeks|months|years ago`; DateError for anything else."""
    import datetime

    if text is None:
        return None
    written = text.strip()
    relative = _AGO.fullmatch(written.lower())
    if relative:
        return f"{relative.group(1)} {relative.group(2)}s ago"
    try:
        return datetime.datetime.fromisoformat(written.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise DateError(f"--since {text!r} is not a date: give YYYY-MM-DD, a date and time "
                        "(2024-01-31T09:00, with +01:00 or Z if not local), or 'N days ago' "
                        "(days, weeks, months or years)") from None


def run_history(args) -> int:
    import sys

    from .errors import EXIT_CLEAN, EXIT_FINDINGS, UsageError
    from .history_rules import not_run, not_run_notes
    from .pipeline import load_effective_config
    from .report import escaped, plural
    from .report.history import flagged_blobs, render
    from .run_settings import apply_arguments, roster_setting, settings_for, vision_setting

    config, root, in_git = load_effective_config(args.config)
    if not in_git:
        raise UsageError("schoollint history needs a Git repository")
    apply_arguments(config, args)
    since = since_date(args.since)
    notes: list[str] = []     # what the roster cannot judge, and vision when it cannot run: as check says them
    settings = settings_for(roster_setting(root, in_git, args, config, notes), config.consent)
    settings["vision"], vision_note = vision_setting(config, args.no_vision)
    scan = scan_history(root, config, settings, revisions_given(root, args.revisions), since, args.jobs)
    scan.notes[:0] = notes + ([vision_note] if vision_note else [])
    scan.not_run = not_run(config.selected_codes(), scan.ran, args.no_vision)
    if scan.held_back:
        scan.notes.append(f"{plural(scan.held_back, 'finding')} held back by inline `schoollint: ignore` comments "
                          "and per-path ignores, as in check")
    if scan.commits == 0 and scan.head is not None:
        scan.notes.append("no commit matched the revisions and --since given: nothing was checked")
    for note in scan.notes + not_run_notes(scan.not_run):
        print(f"schoollint: note: {escaped(note)}", file=sys.stderr)
    if args.purge_list:
        Path(args.purge_list).write_text("".join(f"{blob}\n" for blob in flagged_blobs(scan)), encoding="ascii")
    shown = args.show_values or (args.output_format == "text" and not args.output_file and sys.stdout.isatty())
    text = render(scan, args.output_format, shown, args.purge_list)
    if args.output_file:
        from .report.files import check_place, write_report

        warning = check_place(args.output_file, root, personal=shown, force=args.force)
        write_report(args.output_file, text, personal=shown)
        if warning:
            print(f"schoollint: warning: {warning}", file=sys.stderr)
    else:   # `> file`: judged as -o's is (report/redirected.py)
        from .report.redirected import judge_stdout

        warning = judge_stdout(root, personal=shown, force=args.force)
        sys.stdout.write(text)
        if warning:
            print(f"schoollint: warning: {warning}", file=sys.stderr)
    return EXIT_FINDINGS if scan.findings or scan.not_checked or scan.unjudged else EXIT_CLEAN
