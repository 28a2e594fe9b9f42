"""SVG: drawing programs' metadata and embedded photos, found by a hardened parser and cut
from the text in place."""

from __future__ import annotations

import base64
import difflib
import json
import re
import subprocess
import time

import pytest

from schoollint.formats import svg
from schoollint.formats.model import FREE_TEXT, IDENTITY, KINDS, LOCATION, MediaError
from schoollint.formats.registry import read_media
from tests.kit.documents import AUTHOR, BILLION_LAUGHS_SVG, fixes_completely_and_once, poster_svg
from tests.kit.damage import only_media_errors, patched
from tests.kit.images import pixels
from tests.kit.tools import needs_exiftool


def fields(facts, kind=None) -> set[str]:
    return {item.field for item in facts.items if kind is None or item.kind == kind}


def test_poster_items_with_lines():
    facts = read_media(poster_svg(), ".svg")
    assert facts.format == "SVG"
    assert {"sodipodi:docname", "inkscape:export-filename", "metadata: dc:creator"} <= fields(facts, IDENTITY)
    assert {"comment", "metadata: dc:description"} <= fields(facts, FREE_TEXT)
    (gps,) = [item for item in facts.items if item.field == "EXIF GPS position in 2 pictures"]
    assert gps.where == "embedded image 1 (line 25); embedded image 2 (line 26)"
    assert [item.value for item in facts.items if item.field == "metadata: dc:creator"] == [AUTHOR]


def test_strip_edits_only_the_spans_and_keeps_every_line_number():
    original = poster_svg()
    stripped = svg.strip(original, KINDS)
    assert svg.read(stripped).items == ()
    before, after = original.decode().splitlines(), stripped.decode().splitlines()
    assert len(before) == len(after)
    kept = [b for b, a in zip(before, after, strict=True) if b == a]
    assert "  <title>Sports day</title>" in kept and '<svg' in kept and len(kept) >= len(before) - 14
    changed = [line for line in difflib.ndiff(before, after) if line.startswith("+ ")]
    assert all(AUTHOR not in line and "sarah.jones" not in line for line in changed)
    old = [base64.b64decode(m) for m in re.findall(rb"base64,([^\"]+)", original)]
    new = [base64.b64decode(m) for m in re.findall(rb"base64,([^\"]+)", stripped)]
    assert [pixels(image) for image in new] == [pixels(image) for image in old]


def test_location_alone_keeps_the_comment_and_file_names():
    facts = svg.read(svg.strip(poster_svg(), frozenset({LOCATION})))
    assert not fields(facts, LOCATION) and {"comment", "sodipodi:docname"} <= fields(facts)


def test_fix_through_the_cli(repo, cli):
    fixes_completely_and_once(cli, repo / "poster.svg", poster_svg(), {"SL101", "SL102", "SL104"})


@needs_exiftool
def test_exiftool_reads_no_creator_or_gps_after_fix(repo, cli):
    path = repo / "poster.svg"
    path.write_bytes(poster_svg())
    cli("check", "--fix")
    tags = json.loads(subprocess.run(["exiftool", "-json", "-G1", "-a", "-ee", str(path)],
                                     capture_output=True, text=True, check=True).stdout)[0]
    assert not [key for key in tags if key.split(":")[-1] in ("Creator", "Author", "GPSLatitude", "GPSPosition")]
    assert not [key for key, value in tags.items() if AUTHOR in str(value) or "sarah.jones" in str(value)]


def test_billion_laughs_is_refused_at_once_and_the_run_goes_on(repo, cli):
    started = time.process_time()
    with pytest.raises(MediaError, match="SVG"):
        svg.read(BILLION_LAUGHS_SVG)
    assert time.process_time() - started < 2
    (repo / "bomb.svg").write_bytes(BILLION_LAUGHS_SVG)
    (repo / "poster.svg").write_bytes(poster_svg())
    _code, out, _ = cli("check")
    assert "bomb.svg" in out and "SL105" in out and "poster.svg" in out


def test_external_entities_are_never_fetched_or_read():
    xxe = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
           b'<svg xmlns="http://www.w3.org/2000/svg"><desc>&x;</desc></svg>')
    try:
        facts = svg.read(xxe)
    except MediaError:
        return
    assert all("hostname" not in (item.value or "") for item in facts.items)


def test_illustrators_internal_entities_still_parse():
    illustrator = (b'<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator 27.0 -->\n'
                   b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n'
                   b' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n'
                   b'<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>\n'
                   b'<svg version="1.1" xmlns="&ns_svg;"><rect width="1" height="1"/></svg>\n')
    assert svg.accept(illustrator[:4096])
    assert fields(svg.read(illustrator)) == {"comment"}


def test_random_damage_gives_facts_or_a_media_error():
    only_media_errors(svg, patched(poster_svg(), seed=5, patch=lambda rng: rng.randbytes(rng.randint(1, 8)), count=60))


@pytest.mark.parametrize("cut", [10, 200, 700, 1500, -40, -3])
def test_truncated_svg_is_a_media_error(cut):
    with pytest.raises(MediaError, match="SVG: not well-formed"):
        svg.read(poster_svg()[:cut])


def test_an_svg_is_recognised_by_content_not_name():
    assert svg.accept(b"\xef\xbb\xbf\n  <svg xmlns='http://www.w3.org/2000/svg'/>")
    assert not svg.accept(b'<?xml version="1.0"?><html><body>svg</body></html>')


ILLUSTRATOR = b"""<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" x="0px" y="0px" viewBox="0 0 100 100">
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<rect width="10" height="10"/>
</svg>
"""


def test_a_drawing_programs_own_banner_is_not_identifying_and_stays(repo, cli):
    """Illustrator's Generator comment names a program, not a person: no SL102, and a fix of other
    findings leaves it (ExifTool and mat2 report no comment at all)."""
    assert read_media(ILLUSTRATOR, ".svg").items == ()
    noted = ILLUSTRATOR.replace(b"<rect", b"<!-- Sarah: swap in the Hartley photo -->\n<rect")
    assert [item.value for item in read_media(noted, ".svg").items] == ["Sarah: swap in the Hartley photo"]
    stripped = svg.strip(noted, KINDS)
    assert stripped == ILLUSTRATOR.replace(b"<rect", b"\n<rect")
    signed = ILLUSTRATOR.replace(b"inkscape.org/)", b"inkscape.org/) by Sarah Jones")
    assert [item.field for item in read_media(signed, ".svg").items] == ["comment"]
