"""HTML as written: its character encoding, and the source line of each element and attribute.

Encoding follows the WHATWG HTML Living Standard, section 13.2.3
("The input byte stream"): a byte-order mark wins, then a charset declared in
the first 1024 bytes' `<meta>` (we look at 4096, and at an XML declaration as
XHTML pages write it), else a guess; our guess is UTF-8 when it decodes,
then Windows-1252 (the standard's fallback for most locales). A declared
label counts only when it names an encoding of the WHATWG Encoding Standard
(section 4.2, "Names and labels"): "punycode" or "rot13" are Python codecs,
not web encodings, and are ignored; a UTF-16 declaration in a stream without
a byte-order mark means UTF-8, and ISO-8859-1 and ASCII mean Windows-1252, as
section 13.2.3.2's prescan says. Decoding never fails: the last fallback
replaces what it cannot decode. Text in UTF-16 or UTF-32 without a byte-order
mark (a page saved by Notepad as "Unicode" and stripped of its mark, with or
without `<meta charset="utf-16">`, which the prescan cannot even see in such
bytes) is recognised by its zero bytes (`sniff_wide`), as browsers' encoding
detectors do, and read so rather than as UTF-8 text full of NULs; decode()
spells such a guess apart (`GUESSED`) so that the reader can say so (SL002).

lxml records for each element only the line where its start tag *ends*. A
start tag that spans lines ("<img\\n  alt=...>") must be reported where it
starts, and an attribute where it is written, so `start_tags` finds every
start tag in the source with a tokenizer that follows section 13.2.5
("Tokenization") as far as positions need: comments and the raw text of
<script> and <style> are skipped, a quoted attribute value may hold ">", and
a quote left open runs to the end of the text, as it does in a browser.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache

# UTF-16 keeps its mark in the text, so encoding the text back gives the same bytes. UTF-32's marks
# start with UTF-16's, so they come first.
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Encodings decode() guessed without a mark or a declaration it could honour, as it spells them (each a
# valid codec name, so the text encodes back to the same bytes) -> how a message names them.
GUESSED = {"windows-1252": "Windows-1252", "utf_16_le": "UTF-16LE (no byte-order mark)",
           "utf_16_be": "UTF-16BE (no byte-order mark)", "utf_32_le": "UTF-32LE (no byte-order mark)",
           "utf_32_be": "UTF-32BE (no byte-order mark)"}
# Which byte of each 2- or 4-byte unit is zero for ASCII text in each encoding.
_WIDE = (("utf_32_le", 4, (1, 2, 3)), ("utf_32_be", 4, (0, 1, 2)), ("utf_16_le", 2, (1,)), ("utf_16_be", 2, (0,)))
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]*encoding=["']([\w.:-]+)""",
                       re.IGNORECASE)
# The WHATWG Encoding Standard's encodings (section 4.2), as Python spells them; UTF-16 and the
# replacement encoding are handled apart. `web_encodings` gives them by codec name.
_WEB_LABELS = (
    "utf-8", "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7",
    "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u",
    "mac-roman", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "cp1258", "mac-cyrillic", "gbk", "gb18030", "big5", "big5hkscs", "euc-jp", "iso2022-jp", "cp932", "cp949")
# The Encoding Standard's labels (section 4.2, its encodings.json) that Python's codec registry does
# not know or reads as another encoding -> the codec of the encoding they name. ISO-8859-9 and -11 are
# Windows-1254 and -874 on the web; Shift_JIS and EUC-KR are Microsoft's supersets (cp932, cp949).
# "iso88592" and "x-cp1250" spellings are _NUMBERED's.
_LABELS = {
    **dict.fromkeys(("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"), "utf-8"),
    **dict.fromkeys(("iso-8859-6-e", "iso-8859-6-i", "csiso88596e", "csiso88596i"), "iso8859-6"),
    "sun_eu_greek": "iso8859-7", "csisolatin9": "iso8859-15", "koi": "koi8-r", "koi8": "koi8-r",
    **dict.fromkeys(("iso-8859-8-e", "iso-8859-8-i", "csiso88598e", "csiso88598i", "logical", "visual"), "iso8859-8"),
    **dict.fromkeys(("mac", "csmacintosh", "x-mac-roman"), "mac-roman"),
    **dict.fromkeys(("x-mac-cyrillic", "x-mac-ukrainian"), "mac-cyrillic"),
    **dict.fromkeys(("windows-874", "dos-874", "tis-620", "iso-8859-11", "iso8859-11", "iso885911"), "cp874"),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "iso-ir-148", "l5",
                     "latin5", "csisolatin5"), "cp1254"),
    **dict.fromkeys(("chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "iso-ir-58",
                     "x-gbk"), "gbk"),
    **dict.fromkeys(("big5-hkscs", "cn-big5", "x-x-big5", "csbig5"), "big5hkscs"),
    **dict.fromkeys(("cseucpkdfmtjapanese", "x-euc-jp"), "euc_jp"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "ms932", "ms_kanji", "windows-31j", "x-sjis", "csshiftjis"),
                    "cp932"),
    **dict.fromkeys(("euc-kr", "cseuckr", "csksc56011987", "iso-ir-149", "korean", "ks_c_5601-1987",
                     "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"), "cp949"),
}
_NUMBERED = re.compile(r"(iso8859|x-cp)(\d+)")
COMMENT = r"(?s)<!--.*?(?:-->|\Z)"       # an unclosed comment runs to the end, in one match
_TAG_NAME = re.compile(r"<([a-zA-Z][\w:-]*)")
_QUOTE_OR_BRACKET = re.compile(r"[<>\"']")
_RAW_TEXT_END = {tag: re.compile(f"</{tag}", re.IGNORECASE) for tag in ("script", "style")}


# The encoding decode() names when it falls back (neither a byte-order mark nor a declared charset
# nor UTF-8 fits): Python's name for cp1252, spelt so a reader can tell it from a declared one.
FALLBACK = "windows-1252"


def decode(data: bytes, errors: str = "replace") -> tuple[str, str]:
    """Text and encoding: byte-order mark, then the declared charset, then UTF-8, then Windows-1252
    (FALLBACK, as the WHATWG HTML standard's prescan leaves most locales to)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors), encoding
    wide = sniff_wide(data)
    if wide:
        return data.decode(wide, errors), wide
    declared = _DECLARED.search(data[:4096])
    label = (declared.group(1) or declared.group(2)).decode("ascii") if declared else None
    candidates = [encoding for encoding in (web_encoding(label), "utf-8") if encoding]
    for encoding in dict.fromkeys(candidates):
        try:
            return data.decode(encoding), encoding
        except UnicodeError:
            continue
    return data.decode(FALLBACK, errors), FALLBACK


def sniff_wide(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec (GUESSED's spelling) whose zero bytes the first 1024 bytes have, None
    when they have no such pattern: text mostly ASCII, as markup is, puts a zero byte in every unit's
    high bytes and none in its low byte. Needs at least 16 bytes, and 3 in 4 units to fit (a page in
    Chinese or Greek still writes its markup in ASCII)."""
    head = data[:1024]
    if b"\0" not in head:      # the usual page: no zero byte, nothing to count
        return None
    for encoding, width, zero in _WIDE:
        units = [head[at:at + width] for at in range(0, len(head) - width + 1, width)]
        fits = sum(all(unit[i] == 0 for i in zero) and any(unit[i] for i in range(width) if i not in zero)
                   for unit in units)
        if len(units) >= 16 // width and fits * 4 >= len(units) * 3:
            return encoding
    return None


def wide_text(data: bytes) -> tuple[str, str] | None:
    """(codec, name for a message) of UTF-16 or UTF-32 text, by its byte-order mark or its zero bytes;
    None for any other text. For files no site generator reads in these encodings (Markdown, data)."""
    for bom, encoding in _BOMS[1:]:
        if data.startswith(bom):
            return encoding[:6], encoding.upper().replace("-LE", "LE").replace("-BE", "BE")
    wide = sniff_wide(data)
    return (wide, GUESSED[wide]) if wide else None


def web_encoding(label: str | None) -> str | None:
    """The Python codec for an encoding label as a web page's prescan takes it; None to ignore it."""
    label = (label or "").strip().lower()
    numbered = _NUMBERED.fullmatch(label)
    if numbered:        # iso88592 -> iso8859-2, x-cp1250 -> cp1250
        label = "iso8859-" + numbered.group(2) if numbered.group(1) == "iso8859" else "cp" + numbered.group(2)
    label = _LABELS.get(label, label)
    try:
        name = codecs.lookup(label).name if label else None
    except LookupError:
        return None
    if name is None or name.startswith("utf-16"):
        return "utf-8" if name else None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else (name if name in web_encodings() else None)


@lru_cache(maxsize=1)
def web_encodings() -> frozenset[str]:
    """The Encoding Standard's encodings by Python's codec name. Looked up on first use: each lookup
    imports its codec's module (36 of them, about 10 ms), which only a page declaring a charset needs."""
    return frozenset(codecs.lookup(name).name for name in _WEB_LABELS)


class SourceLines:
    """Source lines of the elements lxml parsed from `text`, which starts `line_offset` lines into its page.

    `elements` are all of the document's elements in document order; each is
    matched to the start tag in the source that has its name and ends on the
    line lxml recorded, by rank among such tags on that line.
    """

    def __init__(self, text: str, elements: list, line_offset: int):
        self.text = text
        self.offset = line_offset
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.rank: dict[object, int] = {}
        seen: Counter = Counter()
        for element in elements:
            self.rank[element] = seen[element.sourceline, element.tag]
            seen[element.sourceline, element.tag] += 1
        self._start_tags: dict[tuple[int, str], list[tuple[int, int]]] | None = None
        self._lines_of: dict[object, frozenset[int]] = {}

    def start_tag(self, element) -> tuple[int, int] | None:
        """(start, end) offsets of the element's start tag in the text, None when not found."""
        if self._start_tags is None:
            self._start_tags = defaultdict(list)
            for name, start, end in start_tags(self.text):
                self._start_tags[bisect_right(self.line_starts, end - 1), name].append((start, end))
        spans = self._start_tags.get((element.sourceline, element.tag), ())
        rank = self.rank.get(element, 0)
        return spans[rank] if rank < len(spans) else None

    def line(self, element) -> int:
        """The page line where the element's start tag begins."""
        span = self.start_tag(element)
        line = bisect_right(self.line_starts, span[0]) if span else element.sourceline or 1
        return line + self.offset

    def attribute_line(self, element, attribute: str) -> int:
        """The page line where the attribute's value begins (the element's line when not found)."""
        span = self.start_tag(element)
        written = span and re.compile(rf"\s{re.escape(attribute)}\s*=\s*", re.IGNORECASE).search(
            self.text, *span)
        if not written:
            return self.line(element)
        return bisect_right(self.line_starts, written.end()) + self.offset

    def lines_of(self, element) -> frozenset[int]:
        """Every page line from the element's start tag to the last line its content reaches."""
        if element not in self._lines_of:
            self._lines_of[element] = frozenset(range(self.line(element), _last_line(element) + self.offset + 1))
        return self._lines_of[element]


def start_tags(text: str) -> Iterator[tuple[str, int, int]]:
    """(lower-case name, start, end) of each start tag, in one pass that never reads a character twice.

    Comments and script or style contents are skipped; a quote left open runs
    to the end of the text, as it does in a browser.
    """
    position = text.find("<")
    while position >= 0:
        if text.startswith("<!--", position):
            close = text.find("-->", position + 4)
            position = text.find("<", close + 3) if close >= 0 else -1
            continue
        name = _TAG_NAME.match(text, position)
        at = name.end() if name else position + 1
        while name:
            stop = _QUOTE_OR_BRACKET.search(text, at)
            at = stop.start() if stop else len(text)
            mark = text[at:at + 1]
            if mark in ("<", ""):           # broken off by the next tag: the parser ends it there too
                yield name.group(1).lower(), position, at + 1
                break
            if mark == ">":
                tag = name.group(1).lower()
                yield tag, position, at + 1
                at += 1
                if tag in _RAW_TEXT_END:
                    end_tag = _RAW_TEXT_END[tag].search(text, at)
                    at = end_tag.start() if end_tag else len(text)
                break
            close = text.find(mark, at + 1)
            if close < 0:
                return
            at = close + 1
        position = text.find("<", at)


def _last_line(element) -> int:
    """The last source line an element's content reaches (lxml records only start-tag lines)."""
    nodes = list(element.iter())
    ends: dict[object, int] = {}
    for node in reversed(nodes):
        end = (node.sourceline or 0) + (node.text or "").count("\n")
        for child in node:
            end = max(end, ends.get(child, 0) + (child.tail or "").count("\n"))
        ends[node] = end
    return ends[element]
