"""What audio tags hold, by meaning: ID3v2 frames (ID3v2.3 and v2.4 native frames, id3.org; ID3v1
read by mutagen as the same frames) and Vorbis comments (Xiph's Vorbis I specification, 5.2.2;
FLAC and Ogg Opus use the same field names), as metadata items, and their removal from mutagen's
tag objects.

A school's podcast or assembly recording names its people in the artist, composer, lyricist and
"encoded by" fields, and in comments and lyrics; its cover picture is a photo with its own EXIF,
judged as the picture it is (pictures.read_embedded). A frame or comment schoollint does not
know is not dropped: it is reported as a field schoollint does not know (meanings.unknown), so
that --fix removes it. Fields that say how to play the audio (track numbers, gain, tempo) are not.
"""

from __future__ import annotations

import base64

from .meanings import meaning, printable, technical, unknown
from .model import FREE_TEXT, IDENTITY, TIMESTAMP, MetaItem, clip
from .pictures import read_embedded, strip_embedded

# ID3v2 frame id -> (kind, plain word). Text frames (T***), URL frames (W***) and the others.
_PEOPLE = {"TPE1": "artist", "TPE2": "album artist or band", "TPE3": "conductor", "TPE4": "remixed by",
           "TCOM": "composer", "TEXT": "lyricist", "TOLY": "original lyricist", "TOPE": "original artist",
           "TENC": "encoded by", "TOWN": "file owner", "TPUB": "publisher", "TCOP": "copyright",
           "TIPL": "people involved", "IPLS": "people involved", "TMCL": "musicians", "TSOP": "artist (sort order)",
           "TSO2": "album artist (sort order)", "TSOC": "composer (sort order)", "TSSE": "encoding software",
           "POPM": "rating with the rater's e-mail", "UFID": "owner's identifier", "WOAR": "artist's web page",
           "WCOP": "copyright web page", "WPUB": "publisher's web page", "WXXX": "web page", "TRSN": "radio station",
           "TRSO": "radio station owner", "WORS": "radio station web page", "WPAY": "payment web page"}
_TEXT = {"TIT1": "grouping", "TIT2": "title", "TIT3": "subtitle", "TALB": "album", "COMM": "comment",
         "USLT": "lyrics", "SYLT": "synchronised lyrics", "TXXX": "user text", "TDES": "podcast description",
         "TKWD": "podcast keywords", "TCAT": "podcast category", "TGID": "podcast identifier",
         "WFED": "podcast feed", "PRIV": "private data", "GEOB": "embedded object", "TOFN": "original file name",
         "TOAL": "original album", "TSOA": "album (sort order)", "TSOT": "title (sort order)", "USER": "terms of use",
         "WOAF": "file web page", "WOAS": "source web page", "WCOM": "shop web page", "LINK": "linked tag",
         "CHAP": "chapter", "CTOC": "table of contents", "TSST": "set subtitle"}
_DATES = {"TDRC": "recording time", "TDRL": "release time", "TDEN": "encoding time", "TDOR": "original release time",
          "TDTG": "tagging time", "TYER": "year", "TDAT": "date", "TIME": "time", "TORY": "original year",
          "TRDA": "recording dates"}
FRAMES = {**{key: (IDENTITY, word) for key, word in _PEOPLE.items()},
          **{key: (FREE_TEXT, word) for key, word in _TEXT.items()},
          **{key: (TIMESTAMP, word) for key, word in _DATES.items()}}
# Frames that say how to play the audio, or index it, and name no one.
_PLAYBACK_FRAMES = frozenset({"TLEN", "TRCK", "TPOS", "TBPM", "TKEY", "TLAN", "TFLT", "TMED", "TCON", "TSRC",
                              "MCDI", "ETCO", "MLLT", "SYTC", "RVA2", "RVAD", "EQU2", "EQUA", "RVRB", "PCNT",
                              "SEEK", "ASPI", "AENC", "ENCR", "GRID", "POSS", "OWNE", "COMR", "SIGN", "RBUF",
                              "TDLY", "TCMP", "TMOO", "TPRO", "TSIZ"})
# Vorbis comment names (upper-cased by convention, compared by meanings.squeeze) that say how to play.
_PLAYBACK_NAMES = frozenset({"tracknumber", "tracktotal", "totaltracks", "discnumber", "disctotal", "totaldiscs",
                             "bpm", "isrc", "genre", "replaygaintrackgain", "replaygaintrackpeak",
                             "replaygainalbumgain", "replaygainalbumpeak", "replaygainreferenceloudness",
                             "r128trackgain", "r128albumgain", "compilation", "itunnorm", "itunsmpb"})
PICTURE_KEY = "metadata_block_picture"    # a FLAC PICTURE block, base64, in a Vorbis comment (Xiph)


def tag_errors() -> tuple[type[Exception], ...]:
    """What mutagen raises for a damaged stream (its own errors, and a few from the bytes it unpacks)."""
    import struct

    from mutagen import MutagenError

    return (MutagenError, struct.error, ValueError, IndexError, EOFError, OverflowError)


def id3_items(tags, where: str) -> tuple[list[MetaItem], list[str]]:
    """(items, notes) for a mutagen ID3 tag: each frame by meaning, and each APIC cover picture's
    own metadata (notes: pictures that could not be read)."""
    items: list[MetaItem] = []
    notes: list[str] = []
    for key, frame in tags.items():
        frame_id = frame.FrameID
        if frame_id in ("APIC", "PIC"):
            found, note = read_embedded(frame.data, f"cover picture ({key.rstrip(':')})")
            items.extend(found)
            notes.extend([note] if note else [])
        elif frame_id not in _PLAYBACK_FRAMES:
            kind, word = FRAMES.get(frame_id) or unknown(f"ID3 frame {printable(frame_id)}")
            items.append(MetaItem(kind, f"ID3 {word} ({frame_id})", where, _value(frame)))
    return items, notes


def _value(frame) -> str | None:
    text = getattr(frame, "text", None)
    if isinstance(text, list):
        text = " / ".join(str(part) for part in text)
    elif text is None:
        text = getattr(frame, "url", None) or getattr(frame, "email", None) or getattr(frame, "owner", None)
    return clip(str(text).strip()) if text else None


def strip_id3(tags, kinds: frozenset[str]) -> None:
    """Delete the frames of these kinds from a mutagen ID3 tag, and each cover picture's metadata
    of these kinds (the picture plugin's lossless strip)."""
    for key, frame in list(tags.items()):
        if frame.FrameID in ("APIC", "PIC"):
            frame.data = strip_embedded(frame.data, kinds)
        elif frame.FrameID not in _PLAYBACK_FRAMES:
            kind, _word = FRAMES.get(frame.FrameID) or unknown(frame.FrameID)
            if kind in kinds:
                del tags[key]


def comment_kind(name: str) -> tuple[str, str] | None:
    """(kind, field) of a Vorbis comment name, None for one that says how to play the audio."""
    if technical(name) or name.lower() == PICTURE_KEY:
        return None
    if name.lower().replace("_", "").replace(" ", "") in _PLAYBACK_NAMES:
        return None
    found = meaning(name)
    field = f"Vorbis comment {printable(name.upper())}"
    return (found[0], field) if found else unknown(field)


def comment_items(comments, where: str) -> tuple[list[MetaItem], list[str]]:
    """(items, notes) for Vorbis comments (a list of (name, value)): each by meaning, and each
    METADATA_BLOCK_PICTURE's picture judged as the picture it is."""
    from mutagen.flac import Picture

    items: list[MetaItem] = []
    notes: list[str] = []
    for name, value in comments:
        if name.lower() == PICTURE_KEY:
            try:
                data = Picture(base64.b64decode(value)).data
            except Exception:      # mutagen raises its own errors, and binascii's: a block that is not one
                notes.append(f"{where}: a METADATA_BLOCK_PICTURE that cannot be read")
                continue
            found, note = read_embedded(data, "cover picture (METADATA_BLOCK_PICTURE)")
            items.extend(found)
            notes.extend([note] if note else [])
        elif (known := comment_kind(name)) is not None and value.strip():
            items.append(MetaItem(known[0], known[1], where, clip(value.strip())))
    return items, notes


def strip_comments(comments, kinds: frozenset[str]) -> list[tuple[str, str]]:
    """The Vorbis comments (name, value) without those of these kinds, pictures stripped of them."""
    from mutagen.flac import Picture

    kept = []
    for name, value in comments:
        if name.lower() == PICTURE_KEY:
            picture = Picture(base64.b64decode(value))
            picture.data = strip_embedded(picture.data, kinds)
            value = base64.b64encode(picture.write()).decode("ascii")
        elif (known := comment_kind(name)) is not None and known[0] in kinds:
            continue
        kept.append((name, value))
    return kept
