"""Applier for Fix action "rename": move a media file and rewrite every reference to it.

References are found by scanning every text file of the site (the files
discovery listed, handed over in the FixContext) for the file's name, taking
the whole path written around each occurrence, and resolving it the way the
page reader does (`urls`, RFC 3986). A reference is rewritten only when it
resolves to the file being renamed, in the style it was written (rooted or
relative, percent-encoded or not: `written_path`), and only its path: a template expression
written before it (`{{ site.baseurl }}`) is kept byte for byte, and one elsewhere in it refuses the
rename, since which characters are the path cannot be told; a full address of the site itself
("https://school.example/img/a.jpg", as share tags write it) keeps its scheme
and host, while another site's address is not this file. Anything that might be the file but
cannot be proven so (a broken path, a name a template builds, the name in
plain text) stops the rename with PageError, so no page is left pointing at
nothing. The name is found however a page spells it: each character as itself or
percent-encoded (RFC 3986 section 2.1, UTF-8), inside a quoted path that holds
spaces or brackets (`references.path_around`). Each file is read and written
back in its own encoding (`references.decode_text`: an HTML page's declared or
sniffed one, such as Windows-1252); bytes that do not decode survive as
surrogate escapes (PEP 383), and a character of the new path that the file's
encoding cannot hold, or that would end the path where it is written (a space
in a path written without one), is percent-encoded. Before anything is written, each rewritten
reference is read again by the same reader, in the repository as the rename leaves it
(`_Renamed`): one that would not lead to the new name refuses the whole rename.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..fix.model import Fix, FixContext, Rename, Write
from .model import PageError
from .references import (BOUNDARY, decode_text, locate_in_text, path_around, reads_character_references, text_files,
                         token_around, yaml_extent)
from .own_host import address, hosts_for
from .urls import is_file, normalise, resolve
from .written_path import rewritten, spellings, template_lead

_SHOWN_PROBLEMS = 5


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str
    path_start: int         # where the path as read starts (before `start` when a template expression leads it)


@dataclass(frozen=True)
class _Known:
    """A path whose existence the rename decides (`_Renamed`): answers `is_file` as `urls.file_at` asks."""

    exists: bool

    def is_file(self) -> bool:
        return self.exists


@dataclass(frozen=True)
class _Renamed:
    """The repository as the rename leaves it, for re-reading the rewritten references before anything
    is written: `old` is gone and `new` is a file; every other path is the real one (a generator's
    config for `site_layout` and `own_host`, which read `.root`)."""

    root: Path
    old: str
    new: str

    def __truediv__(self, target: str) -> Path | _Known:
        return _Known(target == self.new) if target in (self.old, self.new) else self.root / target


def apply_renames(context: FixContext, path: str, data: bytes, fixes: Sequence[Fix]) -> list[Write | Rename]:
    """Rename the media file at `path` to the one new path all `fixes` offer (args: (new_path,)).

    Returns the Rename followed by a Write for every site file whose
    references changed; `data` only tells a HEIC that the conversion applier
    has just turned into a JPEG (and moved): nothing is renamed then, nor a file
    that a "delete-file" fix among `fixes` removes (fix.appliers.COMPANIONS). PageError, with nothing
    changed, when the new path is bad, taken, or at another folder depth, or
    when any reference cannot be rewritten safely.
    """
    if path.lower().endswith((".heic", ".heif")) and bytes(data[:3]) == b"\xff\xd8\xff":
        return []       # converted to JPEG by this same fix (SL106), straight to its new name
    if any(fix.action == "delete-file" for fix in fixes):
        return []       # deleted by this same fix (SL108): nothing is left to rename
    new = new_name(context, path, fixes)
    return [Rename(path, new), *rewrite_references(context, path, new, "renamed")]


def new_name(context: FixContext, path: str, fixes: Sequence[Fix], suffix: str | None = None) -> str:
    """The one new path the rename `fixes` offer (with `suffix` for its extension when given: a
    conversion's); PageError when they offer several, or it is bad, unchanged, or taken."""
    new_paths = {fix.args[0] for fix in fixes}
    if len(new_paths) != 1:
        raise PageError(f"{path}: more than one new name offered ({', '.join(sorted(new_paths))})")
    new = new_paths.pop()
    new = new if suffix is None else posixpath.splitext(new)[0] + suffix
    if normalise(new) != new or new == path:
        raise PageError(f"{path}: cannot rename to {new!r}")
    if os.path.lexists(context.root / new):
        raise PageError(f"{path}: not renamed, {new} already exists")
    return new


def rewrite_references(context: FixContext, old: str, new: str, doing: str) -> list[Write]:
    """A Write for every site file whose references to `old` now point at `new`.

    PageError, naming up to five references, when any occurrence of the name
    cannot be proven to be `old` (`doing` words the message: "renamed", "converted").
    """
    root = context.root
    old_words = _changed_words(old, new)
    writes: list[Write] = []
    problems: list[str] = []
    spelt = {markup: (spellings(posixpath.basename(old), markup), spellings(posixpath.basename(new), markup))
             for markup in (False, True)}       # the old and the new name, as files that read references spell them
    for relpath in text_files(root, context.site_files):
        data = context.read(relpath)      # as the fixes before this one leave it (--diff: not on disk)
        text, encoding = decode_text(relpath, data)
        if "\0" in text:           # no text; a name written in it as UTF-16 could not be rewritten
            if any(posixpath.basename(old).encode(utf16) in data for utf16 in ("utf-16-le", "utf-16-be")):
                problems.append(f"{relpath}: names the file in UTF-16, which schoollint cannot rewrite "
                                "(save it as UTF-8)")
            continue
        old_name, new_name = spelt[reads_character_references(relpath)]
        edits = references_in(root, relpath, text, old, new, old_words, problems, old_name, encoding)
        if edits:
            new_text = _apply(text, edits)
            problems += _not_read_back(root, relpath, new_text, edits, (old, new), new_name, encoding)
            writes.append(Write(relpath, new_text.encode(encoding, errors="surrogateescape")))
    if problems:
        shown = "; ".join(problems[:_SHOWN_PROBLEMS])
        more = f" (and {len(problems) - _SHOWN_PROBLEMS} more)" if len(problems) > _SHOWN_PROBLEMS else ""
        raise PageError(f"{old}: not {doing}, a reference could not be rewritten safely: {shown}{more}")
    return writes


def _not_read_back(root: Path, relpath: str, text: str, edits: list[_Edit], move: tuple[str, str],
                   name: re.Pattern, encoding: str) -> list[str]:
    """Each rewritten reference in `text` (the file as the rename writes it) that the reader that
    found it (`references_in`: the same extent of path, the same resolution) does not read as the
    new path of `move` (old, new) in the repository as the rename leaves it (`_Renamed`); a rename
    with any is refused whole. `name`: the new file name's spellings."""
    old, new = move
    spans, grown = [], 0
    for edit in edits:          # where each reference stands in the rewritten text
        change = len(edit.text) - (edit.end - edit.start)
        spans.append((edit.path_start + grown, edit.end + grown + change))
        grown += change
    view = _Renamed(root, old, new)
    read = {(edit.path_start, edit.end)
            for edit in references_in(view, relpath, text, new, new, [], [], name, encoding)}  # type: ignore[arg-type]
    return [f"{relpath}:{line_of(text, start)}: {text[start:end]!r} would not lead to {new} once rewritten "
            "(schoollint reads it differently)" for start, end in spans if (start, end) not in read]


def references_in(root: Path, relpath: str, text: str, old: str, new: str, old_words: list[str],
                  problems: list[str], name: re.Pattern, encoding: str = "utf-8") -> list[_Edit]:
    """Edits that point this file's references at `new`; doubtful occurrences go to `problems`.
    `name` matches the old file name as it may be spelt (`written_path.spellings`); `encoding` is the file's."""
    edits: dict[int, _Edit] = {}
    seen: list[tuple[int, int]] = []        # every path written around the name: the words below skip them
    for (at, _), (start, end), edit in occurrences(root, relpath, text, (old, new), name, encoding):
        seen.append((start, end))
        if isinstance(edit, _Edit):
            edits[start] = edit
        elif edit is not None:
            problems.append(f"{relpath}:{line_of(text, at)}: {text[start:end]!r} {edit}")
    for word in old_words:
        for at in _words(text, word):
            if any(start <= at < end for start, end in seen):
                continue
            start, end = token_around(text, at, at + len(word))
            resolved = locate_in_text(root, relpath, text, start, end)
            if resolved is None or not is_file(root / resolved.target):
                problems.append(f"{relpath}:{line_of(text, at)}: the name {word!r} is used without the file's "
                                "full path (a template may build the path from it)")
    return sorted(edits.values(), key=lambda edit: edit.start)


def occurrences(root: Path, relpath: str, text: str, move: tuple[str, str], name: re.Pattern,
                encoding: str = "utf-8") -> Iterator[tuple[tuple[int, int], tuple[int, int], _Edit | str | None]]:
    """((start, end) of the name, (start, end) of the whole path written around it, what to do) for each
    occurrence of the file name `name` (its spellings) in `text`: the edit that points the path at
    `move`'s new path when it leads to its old one, None when it surely leads elsewhere, else why it
    cannot be rewritten (`_reference_edit`). A move of a path to itself finds the references alone."""
    old, new = move
    yaml_end = yaml_extent(text, relpath)
    anchor = re.compile(re.escape(max(re.findall(r"[A-Za-z0-9]+", posixpath.basename(old)), key=len, default="")),
                        re.IGNORECASE)
    for found in name.finditer(text) if anchor.search(text) else ():    # letters and digits are written as such
        at = found.start()
        if not (text[at - 1: at] in ("", "/") or text[at - 1: at] in BOUNDARY):
            continue                        # the end of a longer name ("old-photo.jpg" for "photo.jpg")
        start, end = path_around(text, at, found.end(), at < yaml_end)
        markup = reads_character_references(relpath) and start >= yaml_end    # front matter is YAML
        yield found.span(), (start, end), _reference_edit(root, relpath, text, (start, end), old, new, encoding, markup)


def _reference_edit(root: Path, relpath: str, text: str, span: tuple[int, int], old: str, new: str,
                    encoding: str, markup: bool) -> _Edit | str | None:
    """The edit that points the path at text[span] to `new` when it leads to `old`; None when it
    surely leads elsewhere (another site, another existing file); else why it cannot be rewritten.
    `markup`: the path is where character references are read (`written_path.rewritten`)."""
    start, end = span
    token = text[start:end]
    full = _full_address(root, relpath, token)
    if full is not None:            # https://host/path: the site's own address, or another site's
        prefix, rest = full
        resolved = resolve(rest, relpath, root, site_relative=True) if prefix else None
        if resolved is not None and resolved.target == old:
            return _Edit(start, end, prefix + rewritten(rest, resolved, new, encoding, markup), start)
        if prefix and (resolved is None or not is_file(root / resolved.target)):
            return "is a full address whose path is no file of this site"
        return None
    lead = template_lead(token, relpath)
    if lead is None:
        return "holds a template expression where schoollint cannot tell which part is the path: rename by hand"
    resolved = locate_in_text(root, relpath, text, start, end)
    if resolved is not None and resolved.target == old:
        path = token[lead:]         # after the template's site root, which stays as written
        written = rewritten(path, resolved, new, encoding, markup)
        return _Edit(start + lead, end, written if path.startswith("/") else written.removeprefix("/"), start)
    if resolved is not None and resolved.target.lower() == old.lower() and not is_file(root / resolved.target):
        return ("differs from the file's name only in case: it shows the photo only on a server that ignores "
                "case (Windows, IIS); correct its case first")
    if resolved is None or not is_file(root / resolved.target):
        cut = text[start - 1: start] in (" ", "\t")        # the path may go on before the space
        return "does not lead to a file" + (" (a path holding spaces is read whole only in quotes, or in "
                                            "<angle brackets> in Markdown)" if cut else "")
    return None


def _full_address(root: Path, relpath: str, token: str) -> tuple[str, str] | None:
    """A full http(s) address split into its scheme and host ("https://school.example") and the rest
    (path, query, fragment), when its host is the site's own (`own_host`), or any host when the site
    names none. ("", token) for another site's address, None when `token` is no full address."""
    found = address(token)
    if found is None:
        return None
    hosts = hosts_for(root, relpath)
    return ("", token) if hosts and found.host not in hosts else (found.origin, found.rest)


def _changed_words(old: str, new: str) -> list[str]:
    """The old path parts that the rename changes (the stem for the file), in the order they appear."""
    old_parts, new_parts = old.split("/"), new.split("/")
    if len(old_parts) != len(new_parts):
        raise PageError(f"{old}: a rename must keep the folder depth ({new})")
    old_parts[-1], new_parts[-1] = posixpath.splitext(old_parts[-1])[0], posixpath.splitext(new_parts[-1])[0]
    return [before for before, after in zip(old_parts, new_parts, strict=True) if before != after]


def _words(text: str, word: str):
    """Where `word` stands as a word of its own (no letter or digit on either side)."""
    at = text.find(word)
    while at >= 0:
        if not text[at - 1: at].isalnum() and not text[at + len(word): at + len(word) + 1].isalnum():
            yield at
        at = text.find(word, at + 1)


def _apply(text: str, edits: list[_Edit]) -> str:
    pieces, position = [], 0
    for edit in edits:
        pieces += [text[position:edit.start], edit.text]
        position = edit.end
    return "".join(pieces + [text[position:]])


def line_of(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1
