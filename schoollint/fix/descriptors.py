"""The width and density descriptors pages write after a photo's path, and setting them to its new size.

A `srcset` (WHATWG HTML, "srcset attributes": `<img>`, `<source>` in `<picture>`, `<link
imagesrcset>`, and whatever a component or a data file passes on to one) lists image candidate
strings: a URL, then optional descriptors: `800w`, the file's width in pixels (with the
future-compatible `600h`, its height), or `2x`, its pixel density. CSS `image-set()` (CSS Images 4
section 2.4) writes densities too, as `2x` or `2dppx`, after a quoted or `url()` path. A browser
shows a candidate at width / density CSS pixels, the density of a `w` candidate being its `w` over
the slot `sizes` gives: so a photo made smaller whose `800w` still says 4000 is shown at a fifth of
its width (trial 7 item 15).

Each occurrence of the photo's name is found, and the path written around it resolved, by the
rename's reader (`pages.rename.occurrences`), so the descriptors set are exactly those after the
references a rename would rewrite. A descriptor stands right after the path's URL token (its query
or fragment, then a closing quote or bracket, then white space), or after a template's URL filter
(`{{ '/img/a.jpg' | relative_url }} 800w`). `w` becomes the new width, `h` the new height, and a
density is scaled with the width, so that the CSS width of the picture stays what it was. `width`
and `height` attributes are CSS pixels of the layout, and stay. A descriptor after a path that
cannot be proven to be the photo (a name a template builds, an expression with other filters)
cannot be set safely: it is a problem, which refuses the downscale (rather than show the picture
at the wrong size).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..pages.model import PageError
from ..pages.references import decode_text, reads_character_references, text_files
from ..pages.rename import line_of, occurrences
from ..pages.written_path import spellings
from .model import FixContext, Write

_SHOWN_PROBLEMS = 5
_DESCRIPTOR = r"(?:\d+[wh]|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?:x|dppx))"
# After the path's URL token: the rest of it (a query, a fragment), one closing quote or bracket,
# white space, then one or more descriptors, ending the candidate (a comma, a quote, a bracket, the line).
_END = r"(?=[ \t\r\n\f]*(?:[,\"'`<>)\]}\\]|$))"
_AFTER_PATH = re.compile(rf"[^\s\"'`<>,()]*[\"'`)]?((?:[ \t\r\n\f]+{_DESCRIPTOR})+){_END}", re.MULTILINE)
# A template's URL filter around the path, then descriptors: Liquid, Nunjucks and Hugo (relative_url,
# absolute_url, url, relURL, absURL) or Hugo's function form (`{{ relURL "img/a.jpg" }}`).
_URL_FILTER = re.compile(r"[^\s\"'`<>,()]*[\"']\s*(?:\|\s*(?:relative_url|absolute_url|url|relURL|absURL|relLangURL"
                         rf"|absLangURL)\s*)?\}}\}}((?:[ \t\r\n\f]+{_DESCRIPTOR})+){_END}", re.MULTILINE)
# Any other template expression or call closing after the path, then a descriptor: what it describes
# (a resized copy the generator makes?) cannot be told. No `=` between: that is the next attribute.
_OTHER_EXPRESSION = re.compile(rf"[^\n,=<>]{{0,160}}?(?:\}}\}}|%\}}|%>|\}})[ \t]+{_DESCRIPTOR}{_END}")
_ONE = re.compile(_DESCRIPTOR)


@dataclass(frozen=True)
class Descriptor:
    """One descriptor after a reference to the photo: text[start:end] is its number and unit."""

    start: int
    end: int
    number: str
    unit: str       # "w", "h", "x" or "dppx"


def rewrite_descriptors(context: FixContext, photo: str, before: tuple[int, int],
                        after: tuple[int, int]) -> list[Write]:
    """A Write for every site text file whose descriptors after a reference to `photo` must change now
    that its upright size went from `before` to `after` (width, height in pixels), each verified by
    reading the page again. PageError naming up to five places when one cannot be set safely."""
    writes: list[Write] = []
    problems: list[str] = []
    names = {markup: spellings(posixpath.basename(photo), markup) for markup in (False, True)}
    for relpath in text_files(context.root, context.site_files):
        data = context.read(relpath)      # as the fixes before this one leave it (--diff: not on disk)
        text, encoding = decode_text(relpath, data)
        if "\0" in text:           # no text; a descriptor written in it as UTF-16 could not be rewritten
            if _described_in_utf16(data, posixpath.basename(photo)):
                problems.append(f"{relpath}: gives the photo's size in UTF-16, which schoollint cannot rewrite "
                                "(save it as UTF-8)")
            continue
        name = names[reads_character_references(relpath)]
        found = descriptors_in(context.root, relpath, text, photo, name, encoding, problems)
        edits = [(descriptor, new_value(descriptor, before, after)) for descriptor in found]
        edits = [(descriptor, value) for descriptor, value in edits if value != descriptor.number + descriptor.unit]
        if edits:
            new_text = _applied(text, edits)
            problems += _not_read_back(context.root, relpath, new_text, photo, name, encoding,
                                       [value for _, value in sorted_values(found, edits)])
            writes.append(Write(relpath, new_text.encode(encoding, errors="surrogateescape")))
    if problems:
        shown = "; ".join(problems[:_SHOWN_PROBLEMS])
        more = f" (and {len(problems) - _SHOWN_PROBLEMS} more)" if len(problems) > _SHOWN_PROBLEMS else ""
        raise PageError(f"{photo}: not downscaled, a page describes its size in a way schoollint cannot set "
                        f"safely: {shown}{more}")
    return writes


def descriptors_in(root: Path, relpath: str, text: str, photo: str, name: re.Pattern, encoding: str,
                   problems: list[str]) -> list[Descriptor]:
    """The descriptors after each reference to `photo` in `text`, in order; a descriptor after an
    occurrence of its name that may be the photo but cannot be proven so goes to `problems`."""
    found: list[Descriptor] = []
    for (at, end), (start, path_end), edit in occurrences(root, relpath, text, (photo, photo), name, encoding):
        if edit is None:
            continue            # surely another file
        # from the end of the name: a quoted path's extent takes in what follows it in the quotes
        tail = _AFTER_PATH.match(text, end) or _URL_FILTER.match(text, end)
        if isinstance(edit, str):
            if tail or _OTHER_EXPRESSION.match(text, end):
                problems.append(f"{relpath}:{line_of(text, at)}: {text[start:path_end]!r} is followed by a size "
                                f"descriptor, but {edit}")
        elif tail:
            offset = tail.start(1)
            found += [Descriptor(offset + one.start(), offset + one.end(), *_split(one.group()))
                      for one in _ONE.finditer(tail.group(1))]
        elif _OTHER_EXPRESSION.match(text, end):
            problems.append(f"{relpath}:{line_of(text, at)}: {text[start:path_end]!r} is followed by a template "
                            "expression and a size descriptor, which may describe another picture made from "
                            "it: set the photo's size there by hand")
    return found


def _described_in_utf16(data: bytes, name: str) -> bool:
    """Whether `data`, read as UTF-16 (either byte order), writes a descriptor after the file name `name`."""
    after = re.compile(re.escape(name) + _AFTER_PATH.pattern, re.MULTILINE | re.IGNORECASE)
    return any(name.encode(utf16) in data and after.search(data.decode(utf16, errors="replace"))
               for utf16 in ("utf-16-le", "utf-16-be"))


def new_value(descriptor: Descriptor, before: tuple[int, int], after: tuple[int, int]) -> str:
    """The descriptor for the photo at its new size `after` (width, height), from `before`: `w` and `h`
    the new width and height; a density scaled by the width, written with the fewest decimals that keep
    the CSS width (width / density) within 1/128 px of what it was (a browser lays out in 1/64 px)."""
    if descriptor.unit == "w":
        return f"{after[0]}w"
    if descriptor.unit == "h":
        return f"{after[1]}h"
    density = float(descriptor.number)
    if density <= 0:
        return descriptor.number + descriptor.unit       # no picture a browser shows (HTML: "invalid")
    shown = before[0] / density
    exact = density * after[0] / before[0]
    for digits in range(7):
        written = f"{exact:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{exact:.0f}"
        if float(written) > 0 and abs(after[0] / float(written) - shown) <= 1 / 128:
            return written + descriptor.unit
    return f"{exact:.7f}".rstrip("0") + descriptor.unit


def sorted_values(found: Sequence[Descriptor], edits: Sequence[tuple[Descriptor, str]]) -> list[tuple[Descriptor, str]]:
    """Every descriptor found, in order, with the value it must have after the rewrite."""
    changed = dict(edits)
    return [(descriptor, changed.get(descriptor, descriptor.number + descriptor.unit)) for descriptor in found]


def _split(written: str) -> tuple[str, str]:
    unit = "dppx" if written.endswith("dppx") else written[-1]
    return written[: len(written) - len(unit)], unit


def _applied(text: str, edits: Sequence[tuple[Descriptor, str]]) -> str:
    pieces, position = [], 0
    for descriptor, value in sorted(edits, key=lambda edit: edit[0].start):
        pieces += [text[position:descriptor.start], value]
        position = descriptor.end
    return "".join(pieces + [text[position:]])


def _not_read_back(root: Path, relpath: str, text: str, photo: str, name: re.Pattern, encoding: str,
                   wanted: list[str]) -> list[str]:
    """Why the rewritten `text`, read again by the same reader, does not give each reference to `photo`
    the descriptors `wanted` (in order), or reads a problem the page did not have; [] when it does."""
    problems: list[str] = []
    read = descriptors_in(root, relpath, text, photo, name, encoding, problems)
    values = [descriptor.number + descriptor.unit for descriptor in read]
    if problems or values != wanted:
        return [f"{relpath}: its descriptors would read {', '.join(values) or 'nothing'} once rewritten, not "
                f"{', '.join(wanted)} (schoollint reads it differently)"]
    return []
