"""Issue 18: the AFCP and FotoStation trailers after a JPEG's EOI are read once in a --fix run: the
analysis reads what they hold (SL101, SL102), and the strip that asks again which of them hold what
goes (jpeg_trailers.holds) is given that reading for the same bytes, not a second parse. Each trailer
still goes exactly when it holds an item of the kinds asked, as the trial 9 tests check.

Real JPEGs with real trailer bytes, the command line in process; jpeg_trailers._trailers is wrapped to
count its calls, and still does the reading.
"""

from __future__ import annotations

import pytest

from schoollint.formats import jpeg_trailers
from tests.formats.test_trial9_trailers import BYLINE, CITY, _iim, afcp, fotostation
from tests.kit.jpeg import gradient_jpeg


@pytest.fixture
def parses(monkeypatch) -> list[int]:
    """The end of every range after EOI that jpeg_trailers parsed, as the run goes."""
    ends: list[int] = []
    trailers = jpeg_trailers._trailers

    def counted(data, start, end, read):
        ends.append(end)
        return trailers(data, start, end, read)

    monkeypatch.setattr(jpeg_trailers, "_trailers", counted)
    return ends


@pytest.mark.parametrize("build", ["afcp", "fotostation"])
def test_a_narrow_fix_reads_each_trailer_once_and_removes_the_one_holding_the_city(repo, cli, parses, build):
    photo = gradient_jpeg()
    iptc = _iim((90, CITY), (80, BYLINE))
    (repo / "race.jpg").write_bytes(afcp(photo, iptc) if build == "afcp" else fotostation(photo, iptc, gradient_jpeg()))
    code, out, err = cli("check", "--select", "SL101", "--fix", "--no-progress", "--no-vision", "--no-cache",
                         "--jobs", "1", "race.jpg")
    assert "race.jpg: fixed: remove location metadata" in out
    fixed = (repo / "race.jpg").read_bytes()
    assert CITY.encode() not in fixed and fixed.startswith(photo[:-2])    # the trailer went, the picture stayed
    assert len(parses) == 1     # the analysis's reading; the strip asked it again and was given it
