"""`schoollint history`: the checks of `check`, run on every blob the history holds.

Drives schoollint.history (which reads the blobs, each once) through the same
analyser as `check`: file-name rules once per path, content rules once per
blob, each finding placed on every (path, blob) it concerns; what cannot be
read is listed as not checked. Exit 1 when anything was found or not checked.
"""

from __future__ import annotations

from pathlib import Path

from .finding import Finding
from .gitlog import git
from .gitobjects import Place, place
from .history import Appearance, Scan, appearances, blob_contents, blob_sources, missing_blobs

# Blobs per job. Each worker inflates its jobs' blobs itself (schoollint.gitobjects), asking a
# `git cat-file --batch` of the job's own only for what that cannot read, so the workers inflate
# side by side; the pool starts from POOL_THRESHOLD jobs (384 blobs).
BLOBS_PER_JOB = 16
# A job: where the objects are, and (blob, the path it is checked as, a work-tree copy of its
# bytes or None) per blob.
BlobJob = tuple[Place, list[tuple[str, str, str | None]]]
# What a job gives back per blob: (blob, findings, internal errors, why it was not read or None).
BlobResult = tuple[str, list[Finding], list[str], str | None]


def _analysers(root: Path, config, settings: dict):
    """One analyser for the blobs' contents (media, page) and one for their paths (file names)."""
    from .analysis import Analyser

    selected = config.selected_codes()
    content, names = Analyser(root, config, selected, settings), Analyser(root, config, selected, settings)
    content.by_reads = {reads: m for reads, m in content.by_reads.items() if reads != "path"}
    names.by_reads = {reads: m for reads, m in names.by_reads.items() if reads == "path"}
    return content, names


def _findings(analyser, relpath: str, data) -> tuple[list[Finding], list[str]]:
    from .analysis import FileResult

    result = FileResult(path=relpath)
    analyser._run_checks(relpath, data, result)
    return result.findings, result.errors


def check_blobs_in_worker(job: BlobJob) -> list[BlobResult]:
    """Read and check a job's blobs with this worker's analyser (pool.run_jobs): each blob once, as
    the first path it had."""
    from .pool import _analyser

    analyser = _analyser()
    where, blobs = job
    paths = {blob: path for blob, path, _copy in blobs}
    results: list[BlobResult] = []
    for blob, data, why in blob_contents(analyser.root, {blob: copy for blob, _path, copy in blobs}, where):
        if data is None:
            results.append((blob, [], [], why or "not read"))
        else:
            results.append((blob, *_findings(analyser, paths[blob], data), None))
    return results


def blobs_crashed(job: BlobJob) -> list[BlobResult]:
    return [(blob, [], [], "the process reading it was killed") for blob, _path, _copy in job[1]]


def _place(scan: Scan, where: list[Appearance], found: list[Finding], why: str | None) -> None:
    """A blob's findings go to every path it had; a blob that could not be read is listed as not checked."""
    if why is not None:
        scan.not_checked += [(f"{a.path} @ {a.blob[:10]}", why) for a in where]
        return
    scan.blobs += 1
    scan.findings += [(a, f) for a in where for f in found]


def scan_history(root: Path, config, settings: dict, revisions: list[str], since: str | None,
                 jobs: int = 0) -> Scan:
    """Every wanted blob of the revisions checked once, in `jobs` worker processes (0: one per core)."""
    from .pool import run_jobs

    scan = Scan()
    revisions = revisions or ["--all"]
    shallow_file = Path(git(root, "rev-parse", "--git-path", "shallow").strip())
    shallow_file = shallow_file if shallow_file.is_absolute() else root / shallow_file
    if shallow_file.is_file():
        scan.shallow = shallow_file.read_text().split()
    scan.appearances = appearances(root, revisions, since, config, scan)
    by_blob: dict[str, list[Appearance]] = {}
    by_path: dict[str, list[Appearance]] = {}
    for appearance in scan.appearances:
        by_blob.setdefault(appearance.blob, []).append(appearance)
        by_path.setdefault(appearance.path, []).append(appearance)
    content, names = _analysers(root, config, settings)
    errors: list[str] = []
    for path, where in by_path.items():  # file-name rules: once per path
        found, failed = _findings(names, path, b"")
        errors += failed
        scan.findings += [(a, p) for a in where for p in found]
    lacking, sources = blob_sources(root, by_blob, missing_blobs(root, revisions))
    for blob in lacking:
        _place(scan, by_blob[blob], [], "blob not present in this partial clone")
    blobs, objects = list(sources), place(root)
    work = [(objects, [(blob, by_blob[blob][0].path, sources[blob]) for blob in blobs[start:start + BLOBS_PER_JOB]])
            for start in range(0, len(blobs), BLOBS_PER_JOB)]
    for results in run_jobs(content, check_blobs_in_worker, work, jobs, "checking history", False, blobs_crashed):
        for blob, found, failed, why in results:
            errors += failed
            _place(scan, by_blob[blob], found, why)
    scan.not_checked += [(error, "internal error") for error in errors]
    scan.head = git(root, "rev-parse", "--verify", "-q", "HEAD", check=False).strip() or None
    return scan


def run_history(args) -> int:
    import sys

    from .errors import EXIT_CLEAN, EXIT_FINDINGS, UsageError
    from .pipeline import _apply_arguments, _roster_setting, _settings, load_effective_config
    from .report.history import flagged_blobs, render

    config, root, in_git = load_effective_config(args.config)
    if not in_git:
        raise UsageError("schoollint history needs a Git repository")
    _apply_arguments(config, args)
    settings = _settings(_roster_setting(root, in_git, args, config), config.consent)
    scan = scan_history(root, config, settings, args.revisions, args.since, args.jobs)
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
    else:
        sys.stdout.write(text)
    return EXIT_FINDINGS if scan.findings or scan.not_checked else EXIT_CLEAN
