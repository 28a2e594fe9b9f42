"""Pictures written into text as `data:` URIs (RFC 2397): `<img src>`, `srcset`, CSS `url()`,
Markdown images, SVG `<image href>`; found, decoded, and replaced by a stripped copy.

A `data:image/<type>;base64,<payload>` URI holds a whole picture file, with all its metadata
(an editor pasting a phone photo into a page writes one); an SVG may also be written as text,
percent-encoded or raw (`data:image/svg+xml,%3Csvg...` or `;utf8,<svg...`), up to the quote or
bracket that opened the URI, and keeps its drawing program's metadata. The payload is decoded with the WHATWG
"forgiving-base64 decode" (Infra standard, 4.1: ASCII white space ignored, `=` padding optional),
which is what browsers show. Found in the raw bytes of a page (ASCII-compatible encodings), where
the payload may be wrapped across lines but never holds a space (an unquoted attribute after it
would be taken for base64). Bounds: a payload over MAX_PAYLOAD characters or a page with more
than MAX_PICTURES of them is not decoded (an error naming the line), so a hostile page costs
bounded time and memory.

`apply_data_uris` is the applier of Fix action "strip-data-uri" (args: line, then the metadata
kinds): every picture on that line holding items of those kinds is stripped by its own plugin's
lossless strip, read again by the same reader (formats.fixes), and written back base64-encoded in
place (a text SVG becomes a base64 one, which browsers show the same); every other byte of the
page is kept. Errors: MediaError, with the page left as it was.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from ..fix.model import Write
from .model import MediaError

# The URI up to its payload, then the payload: base64 characters, lines broken by CR/LF and
# indentation allowed (the payload's end is where neither follows).
DATA_URI = re.compile(rb"data:image/[\w.+-]+(?:;[\w.+-]+=[\w.+\-\"]*)*;base64,"
                      rb"((?:[A-Za-z0-9+/=]|\r?\n[ \t]*(?=[A-Za-z0-9+/]))*)", re.IGNORECASE)
MAX_PAYLOAD = 8 << 20            # characters: a 6 MiB picture, more than any page photo needs
MAX_PICTURES = 2_000
# What may follow a payload: the quote, bracket or space that ends the URI in HTML, CSS, Markdown,
# scripts and data files, or the comma between the candidates of a srcset.
_ENDS = frozenset(bytes([byte]) for byte in b"\"'`()<>,;\\ \t\r\n\f")
# A quick test before the full patterns: spelled out rather than IGNORECASE, the search starts from
# the literal colon and takes about 0.8 ms for a 1 MB page (the case-blind one about 13 ms).
_SCHEME = re.compile(rb":[iI][mM][aA][gG][eE]/")
# An SVG written as text (percent-encoded or raw), the form stylesheets use for icons; group 1 is
# what the fix replaces with ";base64," (its parameters, never a ";base64" one).
_TEXT_SVG = re.compile(rb"data:image/svg\+xml((?:;(?!base64[;,])[\w.+-]+(?:=[\w.+\-\"]*)?)*,)", re.IGNORECASE)
_CLOSERS = {b'"': b'"', b"'": b"'", b"`": b"`", b"(": b")"}
_WHITE_SPACE = re.compile(rb"[\t\n\f\r ]")
_ALPHABET = re.compile(rb"[A-Za-z0-9+/]*")


@dataclass(frozen=True)
class Embedded:
    """One picture in a `data:` URI: its line (1-based), the payload's byte span in the text,
    and its bytes, or why they could not be decoded (then `data` is None). A picture written as
    text is rewritten from `head` (its parameters) as `prefix` and base64."""

    line: int
    start: int
    end: int
    data: bytes | None
    error: str | None = None
    head: int | None = None     # where a fix's rewrite starts, when before the payload
    prefix: bytes = b""         # what the rewrite puts before the new base64 payload


def decode(payload) -> bytes:
    """WHATWG forgiving-base64 decode; MediaError naming what is wrong (no payload is echoed)."""
    text = _WHITE_SPACE.sub(b"", bytes(payload))
    if len(text) % 4 == 0 and text.endswith(b"="):
        text = text[:-2] if text.endswith(b"==") else text[:-1]
    if len(text) % 4 == 1 or not _ALPHABET.fullmatch(text):
        raise MediaError("not valid base64 (a character outside the alphabet, or a length no encoding gives)")
    try:
        return base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError) as exc:  # not reached for text that passed the test above
        raise MediaError(f"not valid base64 ({exc})") from None


def in_uri(uri: str) -> bytes | None:
    """The picture in a whole attribute value that is one `data:image/...;base64,` URI, or None
    when it is no such URI or does not decode (its reader then simply finds no picture). White
    space anywhere is dropped first (XML attribute-value normalisation turns line breaks into spaces)."""
    match = DATA_URI.fullmatch(re.sub(r"\s", "", uri).encode("ascii", "replace"))
    if match is None:
        return None
    try:
        return decode(match.group(1))
    except MediaError:
        return None


def found_in(text) -> Iterator[Embedded]:
    """Every picture in a `data:` URI in `text` (bytes), in order; bounded as the module says."""
    if not _SCHEME.search(text):
        return
    line, counted, number = 1, 0, 0
    for match in sorted([*DATA_URI.finditer(text), *_TEXT_SVG.finditer(text)], key=lambda match: match.start()):
        line += text.count(b"\n", counted, match.start())
        counted = match.start()
        start, end = _payload(text, match)
        if start == end and text[end:end + 1] in _ENDS:
            continue                # the URI's prefix written in prose, or an empty picture: no bytes
        number += 1
        if number > MAX_PICTURES:
            yield Embedded(line, start, end, None, f"more than {MAX_PICTURES:,} pictures in data: URIs in one "
                           "file; this one and those after it were not read")
            return
        if end - start > MAX_PAYLOAD:
            yield Embedded(line, start, end, None, f"{end - start:,} characters, over schoollint's bound of "
                           f"{MAX_PAYLOAD >> 20} Mi characters for a data: URI; not decoded")
        elif match.re is _TEXT_SVG:        # percent-encoded text (RFC 2397, 2); the fix writes it as base64
            yield Embedded(line, start, end, unquote_to_bytes(bytes(text[start:end])), head=match.start(1),
                           prefix=b";base64,")
        elif end < len(text) and text[end:end + 1] not in _ENDS:
            yield Embedded(line, start, end, None, "not valid base64 (a character outside the alphabet)")
        else:
            try:
                yield Embedded(line, start, end, decode(match.group(1)))
            except MediaError as exc:
                yield Embedded(line, start, end, None, str(exc))


def _payload(text: bytes, match: re.Match[bytes]) -> tuple[int, int]:
    """The payload's span: base64's as matched; an SVG's in text up to the quote or bracket that
    opened the URI (a quote of the other kind, as SVG attributes inside one use, is part of it)."""
    if match.re is DATA_URI:
        return match.span(1)
    closer = _CLOSERS.get(text[match.start() - 1:match.start()])
    ending = re.compile(re.escape(closer) if closer else rb"[\s\"'`()<>]").search(text, match.end())
    return match.end(), ending.start() if ending else len(text)


def splice(text: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Apply non-overlapping edits (start, stop, replacement); one inside another (a picture inside
    a comment that is cut) is dropped, as the outer edit removes it anyway."""
    kept: list[tuple[int, int, bytes]] = []
    for edit in sorted(edits, key=lambda edit: (edit[0], -edit[1])):
        if not kept or edit[0] >= kept[-1][1]:
            kept.append(edit)
    pieces, position = [], 0
    for start, stop, replacement in kept:
        pieces += [text[position:start], replacement]
        position = stop
    pieces.append(text[position:])
    return b"".join(pieces)


def apply_data_uris(context, path: str, data: bytes, fixes) -> list[Write]:
    """The page with each picture on the fixes' lines stripped of the fixes' kinds (see the module)."""
    from .fixes import verified_strip      # the strip fix's own strip and re-read
    from .registry import read_media

    wanted: dict[int, set[str]] = {}
    for fix in fixes:
        wanted.setdefault(fix.args[0], set()).update(fix.args[1:])
    edits, done = [], set()
    for picture in found_in(data):
        kinds = frozenset(wanted.get(picture.line, ()))
        if not kinds or picture.data is None:
            continue
        if not read_media(picture.data, "").of_kind(*kinds):
            continue
        stripped = verified_strip(picture.data, kinds, "")
        payload = encoded_like(stripped, data[picture.start:picture.end])
        edits.append((picture.start if picture.head is None else picture.head, picture.end, picture.prefix + payload))
        done.add(picture.line)
    lines = sorted(set(wanted) - done)
    if lines:
        raise MediaError(f"{path}: no picture with that metadata in a data: URI on line "
                         f"{', '.join(map(str, lines))} any more; check the page again")
    return [Write(path, splice(bytes(data), edits))]


def encoded_like(picture: bytes, original: bytes) -> bytes:
    """The picture in base64, broken where the `original` payload was (same widths, same line
    breaks, any left over at its end, where base64 ignores them), so every later line keeps its number."""
    payload = base64.b64encode(picture)
    parts = re.split(rb"(\r?\n[ \t]*)", bytes(original))
    pieces = []
    for segment, separator in zip(parts[:-1:2], parts[1::2], strict=True):
        pieces += [payload[:len(segment)], separator]
        payload = payload[len(segment):]
    return b"".join(pieces) + payload
