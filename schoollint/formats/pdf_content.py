"""What a PDF page draws, from its content stream (ISO 32000-2, 8.2): where each picture lies,
where each piece of text starts and what it says.

pikepdf (qpdf) tokenises the stream; this module follows the graphics state the way a viewer
does, for the operators that place things:
- `q`/`Q`/`cm` (8.4.2, 8.3.4): the current transformation matrix (CTM), a 6-tuple
  (a, b, c, d, e, f) mapping user space to the page's default space (points);
- `Do` (8.8): an image XObject covers the unit square mapped by the CTM; a Form XObject
  (8.10) is followed with its `/Matrix` and its own resources, to MAX_FORM_DEPTH;
- `BI ID EI` (8.9.7): an inline image, also the unit square; its bytes sit in the stream;
- `BT Tm Td TD T* TL Tf Tj TJ ' "` (9.4): each text-showing operator starts at the text
  matrix's origin times the CTM. Glyph advances are not followed: text shown after other text
  on the same line is placed at the line's start (captions are matched by a box, not by glyph).

Text is decoded to Unicode (9.10.2) by the font's /ToUnicode CMap, else for a simple font by its
/Encoding (a named base encoding and /Differences glyph names, from pypdf's tables of the
standard encodings and the Adobe Glyph List); a composite (Type0) font without /ToUnicode cannot
be decoded and its text is left out. A CMap's ranges are expanded up to MAX_CMAP codes.
Damaged operands are skipped one instruction at a time; pikepdf.PdfError is the caller's.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_FORM_DEPTH = 12        # Form XObjects nested deeper than this are not followed
MAX_CMAP = 1 << 17         # codes a ToUnicode CMap may map
MAX_CMAP_BYTES = 4 << 20   # a CMap stream inflated past this is cut
_OPERATORS = "q Q cm Do BI ID EI"
_TEXT_OPERATORS = " BT Tf Tm Td TD T* TL Tj TJ ' \""
_HEX = rb"<([0-9A-Fa-f\s]*)>"
_SECTION = re.compile(rb"begin(bfchar|bfrange|codespacerange)(.*?)end\1", re.DOTALL)
_CHAR = re.compile(_HEX + rb"\s*" + _HEX)
_RANGE = re.compile(_HEX + rb"\s*" + _HEX + rb"\s*(?:" + _HEX + rb"|\[(.*?)\])", re.DOTALL)

Matrix = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class Drawn:
    """A picture drawn on the page: its resource name ("Im0") or "inline image N", the box it
    covers (left, bottom, right, top, in points) and, for an inline image, pikepdf's object and
    the page or Form XObject whose content stream holds its bytes."""

    name: str
    box: tuple[float, float, float, float]
    inline: object | None = None
    holder: object | None = None


@dataclass
class Layout:
    pictures: list[Drawn] = field(default_factory=list)
    texts: list[tuple[str, float, float]] = field(default_factory=list)   # (text, x, y) in points


def layout(page, text: bool = True, fonts: dict | None = None) -> Layout:
    """What a page (pikepdf.Page) draws; with `text` False only the pictures (a cheaper parse).
    `fonts` caches decoders by font object across the pages of one document."""
    out = Layout()
    _run(page.obj, page, IDENTITY, out, text, {} if fonts is None else fonts, (page.obj.objgen,))
    return out


def filters(stream) -> list[str]:
    """A stream's filter names ("/DCTDecode"), in the order they apply (7.4)."""
    import pikepdf

    names = stream.get("/Filter")
    if names is None:
        return []
    if isinstance(names, pikepdf.Name):
        return [str(names)]
    return [str(name) for name in names]


def bounded_bytes(stream, limit: int) -> bytes:
    """A stream's decoded bytes, at most `limit` of them: a Flate bomb is cut short, not inflated."""
    names = filters(stream)
    if not names:
        return stream.read_raw_bytes()[:limit]
    if names == ["/FlateDecode"] and "/DecodeParms" not in stream:
        try:
            return zlib.decompressobj().decompress(stream.read_raw_bytes(), limit)
        except zlib.error:
            return b""
    return stream.read_bytes()[:limit]


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    return (m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2],
            m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5])


def _box(ctm: Matrix) -> tuple[float, float, float, float]:
    xs = [ctm[4] + u * ctm[0] + v * ctm[2] for u, v in ((0, 0), (1, 0), (0, 1), (1, 1))]
    ys = [ctm[5] + u * ctm[1] + v * ctm[3] for u, v in ((0, 0), (1, 0), (0, 1), (1, 1))]
    return min(xs), min(ys), max(xs), max(ys)


def _run(holder, content, ctm: Matrix, out: Layout, text: bool, fonts: dict, chain: tuple) -> None:
    import pikepdf

    resources = holder.get("/Resources")
    resources = resources if isinstance(resources, pikepdf.Dictionary) else pikepdf.Dictionary()
    xobjects, font_table = resources.get("/XObject"), resources.get("/Font")
    stack: list[Matrix] = []
    tm = tlm = IDENTITY
    leading, decode = 0.0, None
    for instruction in pikepdf.parse_content_stream(content, _OPERATORS + (_TEXT_OPERATORS if text else "")):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            inline = sum(1 for drawn in out.pictures if drawn.inline is not None) + 1
            out.pictures.append(Drawn(f"inline image {inline}", _box(ctm), instruction.iimage, holder))
            continue
        op, operands = str(instruction.operator), instruction.operands
        try:
            if op == "q":
                stack.append(ctm)
            elif op == "Q":
                ctm = stack.pop() if stack else ctm
            elif op == "cm":
                ctm = _multiply(_matrix(operands), ctm)
            elif op == "Do":
                target = xobjects.get(str(operands[0])) if isinstance(xobjects, pikepdf.Dictionary) else None
                if not isinstance(target, pikepdf.Stream):
                    continue
                if target.get("/Subtype") == "/Image":
                    out.pictures.append(Drawn(str(operands[0])[1:], _box(ctm)))
                elif target.get("/Subtype") == "/Form" and len(chain) <= MAX_FORM_DEPTH \
                        and target.objgen not in chain:
                    matrix = target.get("/Matrix")
                    inner = _multiply(_matrix(matrix), ctm) if isinstance(matrix, pikepdf.Array) else ctm
                    _run(target, target, inner, out, text, fonts, (*chain, target.objgen))
            elif op == "BT":
                tm = tlm = IDENTITY
            elif op == "Tf":
                font = font_table.get(str(operands[0])) if isinstance(font_table, pikepdf.Dictionary) else None
                decode = _decoder(font, fonts)
            elif op in ("Td", "TD", "T*"):
                tx, ty = _numbers(operands, 2) if op != "T*" else (0.0, -leading)
                leading = -ty if op == "TD" else leading
                tm = tlm = _multiply((1.0, 0.0, 0.0, 1.0, tx, ty), tlm)
            elif op == "Tm":
                tm = tlm = _matrix(operands)
            elif op == "TL":
                leading = _numbers(operands, 1)[0]
            elif op in ("Tj", "TJ", "'", '"'):
                if op in ("'", '"'):
                    tm = tlm = _multiply((1.0, 0.0, 0.0, 1.0, 0.0, -leading), tlm)
                shown = _shown(operands[-1], decode).strip() if decode is not None else ""
                if shown:
                    out.texts.append((shown, tm[4] * ctm[0] + tm[5] * ctm[2] + ctm[4],
                                      tm[4] * ctm[1] + tm[5] * ctm[3] + ctm[5]))
        except (IndexError, TypeError, ValueError, ArithmeticError):
            continue   # a damaged instruction: the next one may still place things


def _numbers(operands, count: int) -> tuple[float, ...]:
    """The first `count` operands as numbers; ValueError or TypeError when they are not."""
    values = tuple(float(value) for value in list(operands)[:count])
    if len(values) != count:
        raise ValueError("too few operands")
    return values


def _matrix(operands) -> Matrix:
    a, b, c, d, e, f = _numbers(operands, 6)
    return a, b, c, d, e, f


def _shown(operand, decode: Callable[[bytes], str]) -> str:
    """The text of a Tj string or a TJ array (a large negative adjustment is a word space)."""
    import pikepdf

    if isinstance(operand, pikepdf.Array):
        pieces = []
        for element in operand:
            if isinstance(element, pikepdf.String):
                pieces.append(decode(bytes(element)))
            elif float(element) < -200:
                pieces.append(" ")
        return "".join(pieces)
    return decode(bytes(operand))


def _decoder(font, fonts: dict) -> Callable[[bytes], str] | None:
    import pikepdf

    if not isinstance(font, pikepdf.Dictionary):
        return None
    key = font.objgen if font.is_indirect else id(font)
    if key not in fonts:
        fonts[key] = _new_decoder(font)
    return fonts[key]


def _new_decoder(font) -> Callable[[bytes], str] | None:
    import pikepdf
    from pypdf._codecs import adobe_glyphs, charset_encoding

    to_unicode = font.get("/ToUnicode")
    if isinstance(to_unicode, pikepdf.Stream):
        width, cmap = _cmap(bounded_bytes(to_unicode, MAX_CMAP_BYTES))
        return lambda raw: "".join(cmap.get(int.from_bytes(raw[at:at + width], "big"), "")
                                   for at in range(0, len(raw) - width + 1, width))
    if font.get("/Subtype") == "/Type0":
        return None
    encoding = font.get("/Encoding")
    base = encoding.get("/BaseEncoding") if isinstance(encoding, pikepdf.Dictionary) else encoding
    table = list(charset_encoding.get(str(base), charset_encoding["/StandardEncoding"]))
    differences = encoding.get("/Differences") if isinstance(encoding, pikepdf.Dictionary) else None
    if isinstance(differences, pikepdf.Array):
        code = 0
        for entry in differences:
            if isinstance(entry, pikepdf.Name):
                if 0 <= code < 256:
                    table[code] = _glyph(str(entry), adobe_glyphs)
                code += 1
            else:
                try:
                    code = int(entry)
                except (TypeError, ValueError):
                    continue
    return lambda raw: "".join(table[byte] for byte in raw)


def _glyph(name: str, glyphs: dict[str, str]) -> str:
    """A glyph name's character: the Adobe Glyph List, or a `uniXXXX`/`uXXXX[XX]` name."""
    if name in glyphs:
        return glyphs[name]
    match = re.fullmatch(r"/u(?:ni)?([0-9A-Fa-f]{4,6})", name)
    return chr(int(match.group(1), 16)) if match and int(match.group(1), 16) < 0x110000 else ""


def _hex(text: bytes) -> bytes:
    digits = re.sub(rb"\s", b"", text)
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())


def _cmap(data: bytes) -> tuple[int, dict[int, str]]:
    """(code width in bytes, code -> text) from a ToUnicode CMap (9.10.3: codespacerange, bfchar,
    bfrange); the width is the codespace's, else that of the first code mapped."""
    width, table = 0, dict[int, str]()

    def put(code: int, target: bytes) -> None:
        if len(table) < MAX_CMAP:
            table[code] = target.decode("utf-16-be", errors="replace")

    for section, body in ((m.group(1), m.group(2)) for m in _SECTION.finditer(data)):
        if section == b"codespacerange":
            low = re.search(_HEX, body)
            width = width or (len(_hex(low.group(1))) if low else 0)
        elif section == b"bfchar":
            for source, target in _CHAR.findall(body):
                width = width or len(_hex(source))
                put(int.from_bytes(_hex(source), "big"), _hex(target))
        else:
            for low, high, target, targets in _RANGE.findall(body):
                width = width or len(_hex(low))
                start, stop = int.from_bytes(_hex(low), "big"), int.from_bytes(_hex(high), "big")
                if targets:
                    for code, name in zip(range(start, stop + 1), re.findall(_HEX, targets), strict=False):
                        put(code, _hex(name))
                    continue
                first = _hex(target)   # each next code maps to the last UTF-16 unit plus one
                unit = int.from_bytes(first[-2:], "big")
                for offset in range(min(stop - start, MAX_CMAP - len(table)) + 1):
                    put(start + offset, first[:-2] + ((unit + offset) & 0xFFFF).to_bytes(2, "big"))
    return (width or 1), table
