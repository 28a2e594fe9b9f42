"""The result cache's shape stamp (cache.shape_stamp): a cache this very code wrote and signed is
loaded without checking each record again; one whose stamp is missing or names other code is checked
record by record, and one of the wrong shape is then discarded whole, never believed."""

from __future__ import annotations

import json

from schoollint.cache import CACHE_DIR, CACHE_FILE, Cache, shape_stamp
from schoollint.usercache import mac as _mac
from schoollint.cli import main
from tests.kit.sites import make_png, photo_with_gps


def _check(folder, capsys, *arguments: str) -> tuple[int, list]:
    capsys.readouterr()
    code = main(["check", "--no-vision", "--output-format", "json", str(folder), *arguments])
    return code, sorted((item["path"], item["code"]) for item in json.loads(capsys.readouterr().out)["findings"])


def _stored(folder) -> dict:
    return json.loads((folder / CACHE_DIR / CACHE_FILE).read_bytes().partition(b"\n")[2])


def _sign(folder, stored: dict) -> None:
    body = json.dumps(stored).encode()
    (folder / CACHE_DIR / CACHE_FILE).write_bytes(_mac(body) + b"\n" + body)


def test_a_warm_run_from_a_stamped_cache_reports_what_a_cold_one_does(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    photo_with_gps(tmp_path / "a.jpg")
    make_png(tmp_path / "b.png", text={"Author": "Jane Teacher"})
    cold = _check(tmp_path, capsys, "--no-cache")
    assert ("a.jpg", "SL101") in cold[1]
    assert _check(tmp_path, capsys) == cold
    assert _stored(tmp_path)["shape"] == shape_stamp()
    assert Cache(tmp_path).results and not Cache(tmp_path).dirty       # loaded as it was: nothing to rewrite
    assert _check(tmp_path, capsys) == cold


def test_a_stamp_of_other_code_makes_every_record_checked(tmp_path, capsys, monkeypatch):
    """Signed with the user's key, a misshapen record, and the stamp of other code: discarded whole."""
    monkeypatch.chdir(tmp_path)
    photo_with_gps(tmp_path / "a.jpg")
    cold = _check(tmp_path, capsys, "--no-cache")
    _check(tmp_path, capsys)
    stored = _stored(tmp_path)
    for record in stored["results"].values():
        record["findings"] = [{"code": "SL101"}]          # not the shape codec.py writes
    stored["shape"] = "0000000000000000"
    _sign(tmp_path, stored)
    assert Cache(tmp_path).results == {}
    assert _check(tmp_path, capsys) == cold
    assert _stored(tmp_path)["shape"] == shape_stamp()


def test_a_misshapen_record_kept_in_memory_leaves_the_stamp_off(tmp_path):
    cache = Cache(tmp_path)
    cache.put("s1-2-3-4:f:a.jpg", {"findings": "none", "suppressions": [], "unknown_alts": 0}, {})
    cache.save()
    assert _stored(tmp_path)["shape"] is False
    assert Cache(tmp_path).results == {}                  # checked record by record, so discarded
