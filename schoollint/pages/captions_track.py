"""A video's captions track (W3C WebVTT, `.vtt`; SubRip, `.srt`): the words shown over the video, as a page
whose one picture is that video.

A `<video>` with `<track kind="captions" src="v.vtt">` shows the track's cue text over the pupil it films,
so a full name there ("Hi, I'm Jemima Rutherford-Ellis from Year 6") is a name published with that pupil's
moving image: SL303's job (the text that goes with a photo or video), not SL301's (file names). The track
is read as its own file, so its findings point at its lines and a cached result follows its own bytes. Its
video is the file of the same stem in the same folder (`v.vtt` or `v.en.vtt` beside `v.mp4`, as sites and
editors write them); a track with none found is reported against itself.

WebVTT (W3C "WebVTT: The Web Video Text Tracks Format", sections 4.1 and 4.2): a "WEBVTT" header, then
blocks set apart by blank lines; a cue is an optional identifier, a timing line holding "-->" and its
payload lines; NOTE, STYLE and REGION blocks are not shown. A voice span (`<v Jemima Rutherford-Ellis>`)
names its speaker, so its name is kept as words ("Jemima Rutherford-Ellis: ..."); other cue tags (`<c>`,
`<i>`, `<b>`, `<u>`, `<lang>`, `<ruby>`, timestamps) are markup. SubRip has the same cues with a number
line first. Not UTF-8: read as Windows-1252, as pages are (`data.decode_text`).
"""

from __future__ import annotations

import html as html_entities
import re
from pathlib import Path, PurePosixPath

from .data import decode_text
from .model import Page, PageImage, TextSpan

SUFFIXES = (".vtt", ".srt")
VIDEO_SUFFIXES = (".mp4", ".webm", ".mov", ".m4v", ".ogv", ".mkv")
LABEL = "captions track"
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
_TAG = re.compile(r"</?[^>\s]*[^>]*>")
_NOT_SHOWN = ("NOTE", "STYLE", "REGION", "WEBVTT")


def read(relpath: str, data: bytes, root: Path | None = None) -> Page:
    """The track's cues, each a caption of its video (one PageImage; none when no cue holds words)."""
    text, fallback = decode_text(data)
    cues = list(_cues(text))
    if not cues:
        return Page(relpath, fallback_encoding=fallback)
    video = _video(relpath, root)
    return Page(relpath, (PageImage(src=PurePosixPath(video or relpath).name, target=video, line=cues[0].line,
                                    captions=tuple(cues)),), fallback_encoding=fallback)


def _cues(text: str):
    """Each cue's payload as shown (voice names kept), with the line it starts on."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    block: list[tuple[int, str]] = []
    for number, line in enumerate([*lines, ""], 1):
        if line.strip():
            block.append((number, line))
            continue
        timing = next((at for at, (_n, written) in enumerate(block) if "-->" in written), None)
        if block and timing is not None and not block[0][1].lstrip("\ufeff").startswith(_NOT_SHOWN[:3]):
            payload = block[timing + 1:]
            if payload:
                words = "\n".join(_shown(written) for _n, written in payload)
                if words.strip():
                    yield TextSpan(words, payload[0][0], LABEL)
        block = []


def _shown(payload: str) -> str:
    """A payload line as a viewer reads it: a voice span's speaker then ":", tags dropped, entities decoded."""
    return html_entities.unescape(_TAG.sub("", _VOICE.sub(lambda found: f"{found.group(1).strip()}: ", payload)))


def _video(relpath: str, root: Path | None) -> str | None:
    """The repository path of the video of the track's stem in its folder (`v.en.vtt`: `v`), None when none."""
    if root is None:
        return None
    track = PurePosixPath(relpath)
    stems = dict.fromkeys([track.stem, track.stem.rsplit(".", 1)[0]])
    for stem in stems:
        for suffix in VIDEO_SUFFIXES:
            candidate = str(track.with_name(stem + suffix))
            if (root / candidate).is_file():
                return candidate
    return None
