"""A video's captions track names a pupil (issue 10, real school sites: a `<video>` with `<track
kind="captions" src="talk.vtt">`): the cue text shown over the video is the text that goes with it, SL303's job
(not SL301's, which reads file names). WebVTT and SubRip tracks are read as files of their own, beside the
video of their stem; a voice span's speaker is a name shown; NOTE blocks are not shown. Through the command
line on real files (an MP4 built box by box).
"""

from __future__ import annotations

from tests.kit.isobmff import movie, tkhd
from tests.names.test_issue10_kinds import html, lint

PAGE = html('<video controls src="/media/talk.mp4"><track kind="captions" src="/media/talk.en.vtt" srclang="en">'
            '</video>')
VTT = """WEBVTT

NOTE edited by Ottilie Brackwater-Soames, not shown

talk-1
00:00:01.000 --> 00:00:04.000 line:90%
<v Jemima Rutherford-Ellis>Hello, I am in Year 6.</v>

00:00:04.500 --> 00:00:07.000
<i>My favourite subject is art.</i>
"""
SRT = """1
00:00:01,000 --> 00:00:03,000
Our head girl, Philomena Ashby-Okoro,

2
00:00:03,500 --> 00:00:05,000
opens the science fair.
"""


def test_a_captions_tracks_names_go_with_its_video(tmp_path):
    root = tmp_path / "s"
    (root / "media").mkdir(parents=True)
    (root / "media" / "talk.mp4").write_bytes(movie(tkhd(640, 360)))
    (root / "media" / "fair.mp4").write_bytes(movie(tkhd(640, 360)))
    found = lint(root, {"talk.html": PAGE, "media/talk.en.vtt": VTT, "media/fair.srt": SRT})
    assert sorted(found) == [("SL303", "media/fair.srt", "Philomena Ashby-Okoro"),
                             ("SL303", "media/talk.en.vtt", "Jemima Rutherford-Ellis")]


def test_first_names_and_notes_in_a_track_name_no_one(tmp_path):
    """The traps: a NOTE block is for editors (never shown), and first names are what the guidance allows."""
    vtt = VTT.replace("<v Jemima Rutherford-Ellis>", "<v Jemima>")
    assert lint(tmp_path / "s", {"media/talk.vtt": vtt}) == []
