"""Pictures written into a page as `data:` URIs, checked as media and reported on the page's line
(issue 9: "images inside data: URIs in pages and CSS: decoded and checked as media").

Every page language that is text (HTML, Markdown, stylesheets, components, templates, data files)
is scanned for `data:image/...;base64,` URIs (formats/data_uri.py). Each picture is read by the
format registry as if it were a file of its own, and the media checks run on it unchanged; each
finding they give is placed on the page: the page's path, the URI's line, "the picture in a data:
URI: stores where it was taken (EXIF GPS position)" (reports put "line 12:" before it). A payload that does not decode
is SL105 at its line. The fix of a metadata finding (strip-metadata) becomes the same strip of
that picture inside the page (Fix action "strip-data-uri", args: line, then the kinds); other
fixes (downscale, conversion) have no in-page form, so those findings offer none.

A page with a picture that could not be read or judged (SL105, SL107) is not fully checked,
which the caller counts, as it does for a document with such a picture.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from .checks import Context, MediaSubject
from .finding import Finding
from .fix.model import Fix


def check_pictures(relpath: str, data, media_checks: Iterable, context: Context, selected: set[str],
                   looked_at: Callable[[MediaSubject, bytes], MediaSubject] | None = None,
                   ) -> tuple[list[Finding], bool, list[str]]:
    """(findings, unjudged, errors) for the pictures in the page's `data:` URIs; nothing for a file
    that is no text page. `looked_at` adds what vision sees in a picture's pixels, as for a photo
    (the analyser's, when vision rules run). `errors` are internal errors of a check, as the
    analyser words them."""
    from .formats.data_uri import found_in
    from .pages.registry import MAX_PAGE_BYTES, language_of

    language = language_of(relpath)
    if language is None or language.document or len(data) > MAX_PAGE_BYTES:   # too large: SL002 says so
        return [], False, []
    findings: list[Finding] = []
    errors: list[str] = []
    unjudged = False
    for picture in found_in(bytes(data)):
        subject = _subject(relpath, picture)
        if looked_at is not None and subject.facts is not None and picture.data is not None:
            subject = looked_at(subject, picture.data)
        unjudged = unjudged or subject.facts is None or bool(subject.facts.unchecked)
        for module in media_checks:
            try:
                findings += [_placed(finding, picture.line) for finding in module.check(subject, context)
                             if finding.code in selected]
            except Exception as exc:  # a bug in one check must not stop the run: reported, exit 2
                errors.append(f"{relpath}: internal error in {'/'.join(module.CODES)} on the picture in a data: "
                              f"URI on line {picture.line}: {type(exc).__name__}: {exc}")
    return findings, unjudged, errors


def _subject(relpath: str, picture) -> MediaSubject:
    from .formats.model import MediaError
    from .formats.registry import read_media

    if picture.data is None:
        return MediaSubject(relpath, None, error=picture.error)
    try:
        return MediaSubject(relpath, read_media(picture.data, ""))
    except MediaError as exc:
        return MediaSubject(relpath, None, error=str(exc))


def _placed(finding: Finding, line: int) -> Finding:
    """The picture's finding as the page's: at the URI's line, its field saying where, and its fix
    (when it strips metadata) done inside the page."""
    fix = finding.fix
    if fix is not None:
        fix = (Fix("strip-data-uri", (line, *fix.args), fix.applicability,
                   summary=f"{fix.summary} from the picture in the data: URI")
               if fix.action == "strip-metadata" else None)
    return replace(finding, line=line, message=f"the picture in a data: URI: {finding.message}",
                   field=f"data: URI on line {line}: {finding.field or 'picture'}", fix=fix)
