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
from .history import Appearance, Scan, appearances, blob_contents, missing_blobs


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


def _check_blob(scan: Scan, content, where: list[Appearance], data, why: str | None) -> list[str]:
    """Check one blob's bytes once, as the first path it had; its findings go to every path.
    A blob that could not be read (`data` None) is listed as not checked. Returns internal errors."""
    if data is None:
        scan.not_checked += [(f"{a.path} @ {a.blob[:10]}", why or "not read") for a in where]
        return []
    scan.blobs += 1
    found, failed = _findings(content, where[0].path, data)
    scan.findings += [(a, f) for a in where for f in found]
    return failed


def scan_history(root: Path, config, settings: dict, revisions: list[str], since: str | None) -> Scan:
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
    for where, data, why in blob_contents(root, by_blob, missing_blobs(root, revisions)):
        errors += _check_blob(scan, content, where, data, why)
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
    settings = _settings(_roster_setting(root, in_git, args, config))
    scan = scan_history(root, config, settings, args.revisions, args.since)
    if args.purge_list:
        Path(args.purge_list).write_text("".join(f"{blob}\n" for blob in flagged_blobs(scan)), encoding="ascii")
    shown = args.show_values or (args.output_format == "text" and not args.output_file and sys.stdout.isatty())
    text = render(scan, args.output_format, shown, args.purge_list)
    if args.output_file:
        Path(args.output_file).write_text(text, encoding="utf-8", errors="surrogateescape")
    else:
        sys.stdout.write(text)
    return EXIT_FINDINGS if scan.findings or scan.not_checked else EXIT_CLEAN
