"""Issue 18, warm runs: what makes a run served by the cache cheaper keeps it what it was.

The compiled copy of the cache (cache_compiled.write_compiled) is believed only as the copy of the results.json
that is there; a restored finding is the finding `Finding(...)` makes; the report's shortcuts (no
regex for printable text, one head and hint line per rule and fix) print what they printed.
"""

from __future__ import annotations

import json
import os
import time

from schoollint.cache import CACHE_DIR, CACHE_FILE, COMPILED_FILE
from schoollint.codec import finding_from_dict, finding_to_dict
from schoollint.finding import Finding
from schoollint.fix.model import Applicability, Fix
from schoollint.outcome import Outcome
from schoollint.report import View, _TO_ESCAPE, escaped, render
from schoollint.usercache import mac
from tests.kit.sites import photo_with_gps


def _aged(path, seconds: float = 10.0) -> None:
    """A photo written a while ago, whose result the cache may keep (its change time, now, is then
    over a clock tick old: cache.RACY_NS)."""
    then = time.time() - seconds
    os.utime(path, (then, then))
    time.sleep(0.1)


def _codes(out: str) -> list[tuple[str, str]]:
    return sorted((finding["path"], finding["code"]) for finding in json.loads(out)["findings"])


def test_a_warm_run_reads_the_compiled_copy_and_reports_what_a_cold_run_does(repo, cli):
    _aged(photo_with_gps(repo / "a.jpg"))
    cold = cli("check", "--no-cache", "--output-format", "json")
    assert cli("check", "--output-format", "json") == cold        # fills the cache
    compiled = repo / CACHE_DIR / COMPILED_FILE
    assert compiled.is_file() and compiled.stat().st_mode & 0o777 == 0o600
    stamp = compiled.stat().st_mtime_ns
    assert cli("check", "--output-format", "json") == cold        # served by it, nothing rewritten
    assert compiled.stat().st_mtime_ns == stamp


def test_a_compiled_copy_of_another_results_json_is_not_believed(repo, cli):
    """results.json rewritten (here by hand, signed with this user's key, as a later run would write it)
    while the compiled copy stays that of the earlier file: the run goes by results.json."""
    _aged(photo_with_gps(repo / "a.jpg"))
    assert ("a.jpg", "SL101") in _codes(cli("check", "--output-format", "json")[1])
    path = repo / CACHE_DIR / CACHE_FILE
    stored = json.loads(path.read_bytes().partition(b"\n")[2])
    for record in stored["results"].values():
        record["findings"] = [f for f in record["findings"] if f["code"] != "SL101"]
    body = json.dumps(stored, separators=(",", ":")).encode()
    path.write_bytes(mac(body) + b"\n" + body)
    assert ("a.jpg", "SL101") not in _codes(cli("check", "--output-format", "json")[1])


def test_a_tampered_compiled_copy_is_not_believed(repo, cli):
    _aged(photo_with_gps(repo / "a.jpg"))
    first = cli("check", "--output-format", "json")
    compiled = repo / CACHE_DIR / COMPILED_FILE
    data = compiled.read_bytes()
    compiled.write_bytes(data.replace(b"SL101", b"SL109"))   # its HMAC line no longer fits
    assert cli("check", "--output-format", "json") == first


def test_a_restored_finding_is_the_finding_the_checks_make():
    fix = Fix("strip", ("gps",), Applicability.SAFE, "remove location metadata")
    made = Finding("SL101", "a.jpg", "stores where it was taken", line=3, field="GPS", value="51.5, -0.1",
                   fix=fix, severity="warning")
    back = finding_from_dict("a.jpg", finding_to_dict(made))
    kept = Finding("SL101", "a.jpg", "stores where it was taken", line=3, field="GPS",
                   fix=Fix("strip", (), Applicability.SAFE, "remove location metadata"), severity="warning")
    assert back == kept and vars(back) == vars(kept) and repr(back) == repr(kept)
    assert back.value is None and back.fix is not None and back.fix.args == ()
    stamped = made.stamped("ab" * 32, "error")
    assert vars(stamped) == vars(made.changed(content_hash="ab" * 32, severity="warning"))
    assert Finding("SL101", "a.jpg", "m").stamped("", "error").severity == "error"


def test_every_character_the_report_escapes_is_unprintable():
    """escaped() returns printable text untouched without its regex: sound only while this holds."""
    assert not [hex(n) for n in range(0x110000) if _TO_ESCAPE.match(chr(n)) and chr(n).isprintable()]
    assert escaped("a\u202eb\x1bc") == "a\\u202eb\\x1bc"


def test_a_rule_with_two_fixes_and_two_severities_is_reported_with_each(tmp_path):
    """The text report makes each rule's head and each fix's hint once: findings of one rule that differ
    in severity or fix must still each show their own."""
    def finding(path, severity, fix):
        return Finding("SL101", path, "stores where it was taken", fix=fix, severity=severity)

    outcome = Outcome(findings=[
        finding("a.jpg", "error", Fix("strip", (), Applicability.SAFE, "remove location metadata")),
        finding("b.jpg", "warning", Fix("strip", (), Applicability.UNSAFE, "remove it all")),
        finding("c.jpg", "error", None),
        finding("d.jpg", "error", Fix("strip", (), Applicability.SAFE, "remove location metadata"))])
    lines = render("text", outcome, View(root=tmp_path)).splitlines()
    assert [lines[n] for n in (0, 5, 9, 13)] == ["a.jpg", "b.jpg", "c.jpg", "d.jpg"]
    assert lines[1] == lines[10] == lines[14] == "  error SL101 location-metadata: stores where it was taken"
    assert lines[6] == "  warning SL101 location-metadata: stores where it was taken"
    assert lines[2] == lines[15] == "      fix: remove location metadata (run `schoollint check --fix`)"
    assert lines[7] == "      fix: remove it all (run `schoollint check --fix --unsafe-fixes`)"
    assert lines[11].startswith("      fix: Run `schoollint check --fix`: it removes")   # the rule's own advice
    assert lines[-1] == "4 findings in 4 files (2 fixable with --fix, 1 more with --unsafe-fixes)"


def test_photos_with_the_same_findings_share_one_kept_record_and_keep_their_own_paths(repo, cli):
    """The compiled copy keeps a record once for every photo it describes (cache_compiled.write_compiled)."""
    for name in ("a.jpg", "b.jpg"):
        _aged(photo_with_gps(repo / name))
    _aged(photo_with_gps(repo / "c.jpg", colour="red"))
    cold = cli("check", "--no-cache", "--output-format", "json")
    assert cli("check", "--output-format", "json") == cold
    assert cli("check", "--output-format", "json") == cold
    assert {path for path, _ in _codes(cold[1])} == {"a.jpg", "b.jpg", "c.jpg"}
    from schoollint.cache import Cache

    records = list(Cache(repo).results.values())
    assert len(records) == 3 and len({id(record) for record in records}) < 3
