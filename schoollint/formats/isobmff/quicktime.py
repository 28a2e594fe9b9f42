"""QuickTime and 3GPP metadata atoms: who filmed, where, when, and with what.

QuickTime File Format: user data atoms ('udta', the 0xA9 '©xyz' family),
the metadata item list ('meta' > 'ilst') named by iTunes-style 4-character
codes or by Apple's reverse-DNS 'keys'; 3GPP TS 26.244 asset boxes ('auth',
'loci', 'titl'...); Adobe XMP Part 3 XMP in a 'uuid' box (its user type
BE7ACFCB-...) or an 'XMP_' atom. A flagged atom is blanked into a 'free' box
(boxes.freed). Cover pictures and thumbnails are read by the JPEG, PNG or
generic plugin for the EXIF and GPS they may carry of their own.
"""

from __future__ import annotations

from dataclasses import replace

from ..meanings import meaning, printable, squeeze, technical, unknown
from ..model import FREE_TEXT, IDENTITY, LOCATION, PREVIEW, TIMESTAMP, MediaError, MetaItem
from ..position import iso6709
from .boxes import Box, Survey, boxes, freed
from .values import data_value
from ..jumbf import C2PA_UUID

XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")


def atom(s: Survey, box: Box, kind_and_label, path: str, value: str | None, picture: Box | None) -> None:
    """One user data atom or item list entry; `picture` is the box that may hold an image."""
    kind, label = kind_and_label
    if value == "":
        return      # an empty title or author tells nothing
    if kind == LOCATION and value:
        value = iso6709(value)
    embedded = _picture_items(s, picture, path) if kind == PREVIEW and picture else []
    s.hold([MetaItem(kind, label, path, value), *embedded], freed(box))


def xmp_box(s: Survey, box: Box, path: str) -> None:
    from ..xmp import parse_xmp

    s.hold(parse_xmp(s.payload(box), path), freed(box))


def uuid_box(s: Survey, box: Box, path: str) -> None:
    user_type = bytes(s.data[box.start + box.header:box.body])
    if user_type == XMP_UUID:
        xmp_box(s, box, f"{path} XMP")
    elif user_type == C2PA_UUID:
        c2pa_box(s, box, f"{path} C2PA")


def c2pa_box(s: Survey, box: Box, path: str) -> None:
    """C2PA 2.1 section A.4 (ISO BMFF): version and flags (4), a purpose ("manifest" or
    "update"), a 64-bit Merkle offset, then the JUMBF manifest store; blanked whole."""
    from ..jumbf import c2pa_items

    payload = s.payload(box)
    purpose_end = payload.find(b"\0", 4)
    jumbf = payload[purpose_end + 9:] if purpose_end >= 0 else b""
    s.hold(c2pa_items(jumbf, path), freed(box))


def item_list(s: Survey, keys: dict[int, str], ilst: Box, path: str) -> None:
    # Each item is a box named by a 4cc (iTunes style) or by its 1-based index into 'keys'.
    for item in s.children(ilst):
        if item.type in (b"free", b"skip"):
            continue        # padding, or an item a fix blanked
        if keys:
            index = int.from_bytes(item.type, "big")
            kind_and_label = key_meaning(keys.get(index) or f"item {index}")
        elif item.type == b"----":
            kind_and_label = _freeform_meaning(s, item)
        elif item.type in ATOMS:
            kind_and_label = ATOMS[item.type]
        else:
            kind_and_label = None if item.type in QUIET_ITEMS else unknown(f"QuickTime item {item.name}")
        if kind_and_label is not None:
            data = [child for child in s.children(item) if child.type == b"data"]
            atom(s, item, kind_and_label, path, _joined(data_value(s, box) for box in data), data[0] if data else None)


def _joined(values) -> str | None:
    """One value of an item written once per language or locale (several 'data' boxes, several
    international text entries): the texts joined; "" when each is empty, None when none is text."""
    found = [value for value in values if value is not None]
    return "; ".join(value for value in found if value) if found else None


def _freeform_meaning(s: Survey, item: Box) -> tuple[str, str] | None:
    """An iTunes freeform item ('----': 'mean' and 'name' full boxes, then 'data'), by its name."""
    parts = {child.type: s.payload(child, 4).decode("utf-8", "replace") for child in s.children(item)
             if child.type in (b"mean", b"name")}
    name = parts.get(b"name", "")
    if squeeze(name) in QUIET_FREEFORM:
        return None
    return _by_name(name, f"QuickTime item ----:{printable(parts.get(b'mean', ''))}:{printable(name)}")


def _by_name(name: str, where: str) -> tuple[str, str] | None:
    """A name's meaning among the item list's; None when it describes the encoding only; else a
    field schoollint does not know, named by `where`, reported and removed (SL102)."""
    if technical(name):
        return None
    found = meaning(name)
    return (found[0], f"QuickTime {found[1]}") if found else unknown(where)


LOCATION_KEYS = "com.apple.quicktime.location."      # accuracy, name, body, note, role...
_LOCATION_DETAILS = (LOCATION, "QuickTime location details")
# Apple's and Android's keys for how to play a Live Photo's video or a slow-motion clip: no person,
# place or device.
_QUIET_KEYS = ("com.apple.quicktime.live-photo.", "com.apple.quicktime.full-frame-rate-playback-intent",
               "com.apple.quicktime.cinematic-video.", "com.android.capture.fps")


def key_meaning(key: str) -> tuple[str, str] | None:
    """What a 'keys' name holds, by meaning: Apple's and Android's reverse-DNS names, and the
    bare names other writers use (ffmpeg's `-movflags use_metadata_tags` writes 'location',
    'title', 'artist', and 'title-fra' for a title in French): the last dotted part is looked up
    among the item list's meanings. None for a name that describes the encoding only; a name of
    no known meaning is a field schoollint does not know, reported and removed (SL102)."""
    if key in KEYS:
        return KEYS[key]
    if key.startswith(LOCATION_KEYS):
        return _LOCATION_DETAILS
    if key.startswith(_QUIET_KEYS):
        return None
    return _by_name(key, f"QuickTime key {printable(key)}")


def read_keys(s: Survey, box: Box) -> dict[int, str]:
    """The key names of a 'keys' box by their 1-based index, which 'ilst' items are named by."""
    # full box, count, then entries shaped like boxes: size, namespace ('mdta'), key name
    return {index: bytes(s.data[entry.body:entry.end]).decode("utf-8", "replace")
            for index, entry in enumerate(boxes(s.data, box.body + 8, box.end, s.label, "box 'keys'"), start=1)}


def _picture_items(s: Survey, box: Box, path: str) -> list[MetaItem]:
    """Items inside a thumbnail or cover picture, which may carry its own EXIF and GPS."""
    from .. import generic, jpeg, png   # the plugins whose magic can start 0xFF or 0x89, in the registry's order

    payload = s.payload(box)
    for start in range(min(len(payload), 24)):
        prefix = payload[start:start + 32] if payload[start] in (0xFF, 0x89) else b""
        module = next((plugin for plugin in (jpeg, png, generic) if prefix and plugin.accept(prefix)), None)
        if module is not None:
            try:
                facts = module.read(payload[start:])
            except MediaError:
                return []
            return [replace(item, where=f"{path} {box.name} {item.where}") for item in facts.items]
    return []


# QuickTime user data atoms (udta) and iTunes-style item names (ilst), with the
# 3GPP asset boxes and vendor atoms that carry a person, a place or a camera.
ATOMS = {
    b"\xa9xyz": (LOCATION, "QuickTime GPS position"),
    b"loci": (LOCATION, "3GPP location"),
    b"\xa9mak": (IDENTITY, "QuickTime camera make"),
    b"\xa9mod": (IDENTITY, "QuickTime camera model"),
    b"\xa9swr": (IDENTITY, "QuickTime software"),
    b"\xa9too": (IDENTITY, "QuickTime encoder"),
    b"\xa9enc": (IDENTITY, "QuickTime encoded by"),
    b"\xa9hst": (IDENTITY, "QuickTime host computer"),
    b"\xa9wrt": (IDENTITY, "QuickTime composer"),
    b"\xa9com": (IDENTITY, "QuickTime composer"),
    b"\xa9dir": (IDENTITY, "QuickTime director"),
    b"\xa9prd": (IDENTITY, "QuickTime producer"),
    b"\xa9src": (IDENTITY, "QuickTime source credits"),
    b"apID": (IDENTITY, "iTunes account"),
    b"ownr": (IDENTITY, "QuickTime owner"),
    b"\xa9ART": (IDENTITY, "QuickTime artist"),
    b"\xa9aut": (IDENTITY, "QuickTime author"),
    b"\xa9cpy": (IDENTITY, "QuickTime copyright"),
    b"\xa9prf": (IDENTITY, "QuickTime performers"),
    b"aART": (IDENTITY, "QuickTime album artist"),
    b"auth": (IDENTITY, "3GPP author"),
    b"perf": (IDENTITY, "3GPP performer"),
    b"cprt": (IDENTITY, "copyright"),
    b"TAGS": (IDENTITY, "camera maker data"),
    # GoPro udta atoms: the GPMF block (camera serial, owner's camera name), camera and media IDs.
    b"GPMF": (IDENTITY, "GoPro camera data (GPMF)"),
    b"CAME": (IDENTITY, "GoPro camera ID"),
    b"MUID": (IDENTITY, "GoPro media ID"),
    b"GUMI": (IDENTITY, "GoPro media ID"),
    b"NCDT": (IDENTITY, "camera maker data"),
    b"\xa9day": (TIMESTAMP, "QuickTime creation date"),
    b"purd": (TIMESTAMP, "iTunes purchase date"),
    b"yrrc": (TIMESTAMP, "3GPP recording year"),
    b"\xa9nam": (FREE_TEXT, "QuickTime title"),
    b"\xa9des": (FREE_TEXT, "QuickTime description"),
    b"\xa9cmt": (FREE_TEXT, "QuickTime comment"),
    b"\xa9inf": (FREE_TEXT, "QuickTime information"),
    b"\xa9lyr": (FREE_TEXT, "QuickTime lyrics"),
    b"desc": (FREE_TEXT, "QuickTime description"),
    b"ldes": (FREE_TEXT, "QuickTime description"),
    b"titl": (FREE_TEXT, "3GPP title"),
    b"dscp": (FREE_TEXT, "3GPP description"),
    b"kywd": (FREE_TEXT, "3GPP keywords"),
    b"albm": (FREE_TEXT, "3GPP album"),
    b"gnre": (FREE_TEXT, "3GPP genre"),
    b"clfn": (FREE_TEXT, "clip file name"),
    b"name": (FREE_TEXT, "QuickTime track name"),
    b"\xa9alb": (FREE_TEXT, "QuickTime album"),
    b"\xa9grp": (FREE_TEXT, "QuickTime grouping"),
    b"\xa9gen": (FREE_TEXT, "QuickTime genre"),
    b"chpl": (FREE_TEXT, "chapter titles"),
    b"thmb": (PREVIEW, "video thumbnail"),
    b"CNTH": (PREVIEW, "video thumbnail"),
    b"covr": (PREVIEW, "cover picture"),
}
# User data atoms and item list entries that describe how to play the file, not who or where:
# neither reported nor removed. Any other atom or item is a field schoollint does not know (SL102).
# Adobe's timecode and field order ('\xa9TIM', 'FIEL'), Samsung's play mode ('SDLN', 'smrd').
QUIET_ATOMS = frozenset({b"free", b"skip", b"wide", b"hnti", b"hinf", b"tsel", b"kind", b"ludt", b"AllF",
                         b"SelO", b"LOOP", b"WLOC", b"ptv ", b"\xa9fmt", b"\xa9req", b"\xa9TIM", b"\xa9TSC",
                         b"\xa9TSZ", b"FIEL", b"SDLN", b"smrd"})
QUIET_ITEMS = frozenset({b"stik", b"hdvd", b"pgap", b"cpil", b"tmpo", b"trkn", b"disk", b"rtng",
                         b"gnre", b"shwm"})
# iTunes freeform names of the same sort (gapless playback, volume normalisation).
QUIET_FREEFORM = frozenset({"itunsmpb", "itunnorm", "encodingparams"})
# Apple's reverse-DNS metadata keys (moov/meta/keys), as written by iPhones and Android.
KEYS = {
    "com.apple.quicktime.location.ISO6709": (LOCATION, "QuickTime GPS position"),
    "com.apple.quicktime.make": (IDENTITY, "QuickTime camera make"),
    "com.apple.quicktime.model": (IDENTITY, "QuickTime camera model"),
    "com.apple.quicktime.software": (IDENTITY, "QuickTime software"),
    "com.apple.quicktime.author": (IDENTITY, "QuickTime author"),
    "com.apple.quicktime.artist": (IDENTITY, "QuickTime artist"),
    "com.apple.quicktime.copyright": (IDENTITY, "QuickTime copyright"),
    "com.apple.quicktime.camera.lens_model": (IDENTITY, "QuickTime lens model"),
    "com.android.manufacturer": (IDENTITY, "QuickTime camera make"),
    "com.android.model": (IDENTITY, "QuickTime camera model"),
    "com.android.version": (IDENTITY, "QuickTime software"),
    "com.apple.quicktime.creationdate": (TIMESTAMP, "QuickTime creation date"),
    "com.apple.quicktime.title": (FREE_TEXT, "QuickTime title"),
    "com.apple.quicktime.description": (FREE_TEXT, "QuickTime description"),
    "com.apple.quicktime.comment": (FREE_TEXT, "QuickTime comment"),
    "com.apple.quicktime.keywords": (FREE_TEXT, "QuickTime keywords"),
    "com.apple.quicktime.information": (FREE_TEXT, "QuickTime information"),
    "com.apple.quicktime.displayname": (FREE_TEXT, "QuickTime title"),
}
