"""Audio a school publishes (podcasts, assemblies, concerts): MP3, FLAC, Ogg and WAV, recognised by
their magic bytes, their tags read and stripped with mutagen (imported when an audio file is read).

- MP3 (and any stream that starts with an ID3v2 tag): the ID3v2 tag (ID3v2.3/2.4, "ID3" at
  offset 0) and the ID3v1 tag ("TAG", the last 128 bytes); an MPEG audio frame's sync word
  (ISO/IEC 11172-3, 2.4.2.3: twelve set bits) starts one without ID3v2; ADTS AAC likewise.
- FLAC ("fLaC", RFC 9639, 8): the VORBIS_COMMENT block and each PICTURE block.
- Ogg ("OggS", RFC 3533): the comment header of Vorbis, Opus (RFC 7845, 5.2), Speex, FLAC or
  Theora, METADATA_BLOCK_PICTURE cover pictures included.
- WAV ("RIFF" ... "WAVE"): its chunks, audio_wav.py.

Items by meaning (audio_tags.py); a cover picture's EXIF and GPS are found by the picture
plugins. `strip` removes the frames and comments of the kinds asked, and each cover picture's
metadata losslessly; mutagen rewrites only the tag (the MPEG frames, FLAC frames and Ogg audio
packets are copied as they are: Ogg pages after the comment header are renumbered only).
AIFF and WMA are not read here (unsupported.py: SL107).
"""

from __future__ import annotations

import io

from . import magic
from .audio_tags import comment_items, id3_items, strip_comments, strip_id3, tag_errors
from .magic import wave as _wave
from .model import MediaError, MediaFacts

FORMAT = "audio"
EXTENSIONS = (".flac", ".mp3", ".oga", ".ogg", ".opus", ".spx", ".wav")
DOCUMENT = True     # not a picture a page shows: kept out of the photo audit (registry.media_extensions)
accept = magic.audio    # in formats/magic.py: the registry asks it without importing this module


def _opened(data):
    """(name, mutagen object, its buffer) for the stream in `data`: an ID3 tag (None when an MP3
    has none), a FLAC or an Ogg file; MediaError when mutagen cannot read it."""
    from mutagen.flac import FLAC
    from mutagen.id3 import ID3, ID3NoHeaderError

    buffer = io.BytesIO(bytes(data))
    head = bytes(data[:4])
    try:
        if head == b"fLaC":
            return "FLAC", FLAC(buffer), buffer
        if head == b"OggS":
            import mutagen

            opened = mutagen.File(buffer)
            if opened is None:
                raise MediaError("Ogg: a stream of a codec schoollint does not read the comments of")
            return f"Ogg {type(opened).__name__.removeprefix('Ogg')}", opened, buffer
        try:
            return "MP3", ID3(buffer), buffer
        except ID3NoHeaderError:
            return "MP3", None, buffer
    except tag_errors() as exc:
        raise MediaError(f"{FORMAT}: the tags cannot be read ({type(exc).__name__}: {exc})") from None


def read(data) -> MediaFacts:
    if _wave(bytes(data[:12])):
        from . import audio_wav

        return audio_wav.read(data)
    name, opened, _buffer = _opened(data)
    if opened is None:
        return MediaFacts(format=name)
    if name == "MP3":
        items, notes = id3_items(opened, f"ID3v{opened.version[0]}.{opened.version[1]} tag")
    else:
        items, notes = comment_items(list(opened.tags or ()), "Vorbis comment")
        for number, picture in enumerate(getattr(opened, "pictures", ()), start=1):   # FLAC PICTURE blocks
            from .pictures import read_embedded

            found, note = read_embedded(picture.data, f"cover picture {number} (FLAC PICTURE block)")
            items.extend(found)
            notes.extend([note] if note else [])
    return MediaFacts(format=name, items=tuple(items), unchecked="; ".join(notes) or None)


def strip(data, kinds: frozenset[str]) -> bytes:
    """The file without the tags of these kinds; its audio copied as it is."""
    if _wave(bytes(data[:12])):
        from . import audio_wav

        return audio_wav.strip(data, kinds)
    name, opened, buffer = _opened(data)
    if opened is None:
        return bytes(data)
    try:
        if name == "MP3":
            _save_id3(opened, kinds, buffer)
        else:
            _save_comments(opened, kinds, buffer)
    except tag_errors() as exc:
        raise MediaError(f"{name}: the tags cannot be rewritten ({type(exc).__name__}: {exc})") from None
    return buffer.getvalue()


def _save_id3(tags, kinds: frozenset[str], buffer) -> None:
    from mutagen.id3 import ID3v1SaveOptions

    strip_id3(tags, kinds)
    if len(tags) == 0:
        buffer.seek(0)
        tags.delete(buffer)              # the ID3v2 tag and the ID3v1 tag go whole
    else:   # the version it had (2.3 or 2.4); an ID3v1 tag is written again from what is left
        buffer.seek(0)
        tags.save(buffer, v1=ID3v1SaveOptions.UPDATE, v2_version=3 if tags.version < (2, 4, 0) else 4,
                  padding=_same_size)


def _save_comments(opened, kinds: frozenset[str], buffer) -> None:
    if opened.tags is not None:
        kept = strip_comments(list(opened.tags), kinds)
        opened.tags.clear()
        opened.tags.extend(kept)
    pictures = list(getattr(opened, "pictures", ()))
    if pictures:
        from .pictures import strip_embedded

        opened.clear_pictures()
        for picture in pictures:
            picture.data = strip_embedded(picture.data, kinds)
            opened.add_picture(picture)
    buffer.seek(0)
    opened.save(buffer, **({"padding": _same_size} if hasattr(opened, "pictures") else {}))


def _same_size(info) -> int:
    """Padding that keeps the tag's old size when it shrank (the audio does not move), else none."""
    return max(info.padding, 0)
