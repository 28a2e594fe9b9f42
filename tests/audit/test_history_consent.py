"""`schoollint history` applies SL601-SL603 as `check` does (trial 6, item 4): for the people a photo's
own metadata names (XMP PersonInImage, face regions), for its own file and folder names, and for the
text beside a photo on a page; on real Git repositories, through the command line."""

from __future__ import annotations

import json

import pytest

from tests.audit.sites import write
from tests.kit.git import commit_all, git
from tests.kit.images import encode, gradient
from tests.kit.jpeg import XMP_SIGNATURE, segment, with_segments
from tests.kit.metadata import person_xmp, xmp_packet
from tests.kit.school_site import build_school_site, html_page

# A SIMS export as the trial's school wrote it: Tomasz's parents withdrew website consent.
ROSTER = ("Legal Surname,Legal Forename,Preferred Forename,Year,Reg Group,Photo Consent (Website),"
          "Photo Consent (Social Media),Consent Expiry,Date of Leaving\n"
          "Hussain,Amira,,Year 4,4B,Yes,No,31/08/2099,\n"
          "Nowak,Tomasz,Tom,Year 6,6C,Withdrawn,No,,\n"
          "Coleman,Harriet,,Year 6,6C,Yes,Yes,,\n")


def photo(*people: str) -> bytes:
    """A real JPEG (Pillow) naming `people` in XMP Iptc4xmpExt:PersonInImage, one APP1 packet each."""
    jpeg = encode(gradient((120, 90)), "JPEG", quality=90)
    for name in people:
        jpeg = with_segments(jpeg, segment(0xE1, XMP_SIGNATURE + person_xmp(name, "Maths winner")))
    return jpeg


@pytest.fixture
def roster(repo):
    path = repo.parent / "private" / "sims.csv"
    path.parent.mkdir()
    path.write_text(ROSTER)
    return path


def history(cli, roster, *args: str) -> tuple[dict, str]:
    code, out, err = cli("history", "--roster", str(roster), "--output-format", "json", *args)
    assert code in (0, 1) and "Traceback" not in err and "internal error" not in err, err
    return json.loads(out), err


def consent(report: dict) -> list[tuple[str, str, str, bool]]:
    return sorted((f["path"], f["code"], f["field"], f["still_at_head"]) for f in report["findings"]
                  if f["code"] in ("SL601", "SL602", "SL603"))


def test_a_deleted_photo_naming_a_pupil_whose_consent_was_withdrawn(repo, roster, cli):
    """The trial's case: check gave SL601 for the photo, history did not."""
    write(repo, "images/2024/maths-winner.jpg", photo("Tomasz Nowak"))
    write(repo, "images/2024/nativity.jpg", photo("Amira Hussain"))     # consent given: nothing
    added = commit_all(repo, "2024 photos")
    (repo / "images/2024/maths-winner.jpg").unlink()
    removed = commit_all(repo, "maths winner taken down")
    blob = git(repo, "rev-parse", f"{added}:images/2024/maths-winner.jpg").strip()

    report, err = history(cli, roster)
    found = [f for f in report["findings"] if f["code"] == "SL601"]
    assert [(f["path"], f["blob"], f["field"], f["first_commit"], f["removed_in"]) for f in found] == [
        ("images/2024/maths-winner.jpg", blob, "XMP PersonInImage", added, removed)]
    assert "withdrawn" in found[0]["message"] and "value" not in found[0]
    assert "Tomasz" not in json.dumps(report) and "Nowak" not in err
    assert blob in "\n".join(report["purge"]), "the photo is among the blobs to purge"
    assert not any("SL601" in entry["rules"] for entry in report["not_run"])

    code, out, err = cli("history", "--roster", str(roster), "--show-values")
    assert code == 1 and "SL601 no-consent: its metadata (XMP PersonInImage) names a pupil whose website " \
                         "consent is withdrawn (Tomasz Nowak)" in out


def test_a_photo_file_name_naming_the_pupil_is_reported_at_that_path_only(repo, roster, cli):
    """The file name is the path's, not the blob's: renamed, the new path names nobody."""
    write(repo, "images/tomasz-nowak-chess.jpg", photo())
    commit_all(repo, "chess")
    git(repo, "mv", "images/tomasz-nowak-chess.jpg", "images/chess.jpg")
    commit_all(repo, "renamed")
    report, _ = history(cli, roster)
    assert consent(report) == [("images/tomasz-nowak-chess.jpg", "SL601", "file name", False)]


def test_a_name_in_both_the_metadata_and_the_file_name_is_said_once_by_the_metadata(repo, roster, cli):
    write(repo, "images/tomasz-nowak.jpg", photo("Tomasz Nowak"))
    commit_all(repo, "photo")
    report, _ = history(cli, roster)
    assert consent(report) == [("images/tomasz-nowak.jpg", "SL601", "XMP PersonInImage", True)]
    code, out, _ = cli("check", "--roster", str(roster), "--output-format", "json")
    assert [(f["path"], f["code"], f["field"]) for f in json.loads(out)["findings"] if f["code"] == "SL601"] == [
        ("images/tomasz-nowak.jpg", "SL601", "XMP PersonInImage")]


def test_a_removed_page_naming_the_pupil_beside_a_photo(repo, roster, cli):
    write(repo, "images/chess.jpg", photo())
    write(repo, "news.html", html_page('<figure><img src="images/chess.jpg" alt="Chess club">',
                                       "<figcaption>Tomasz at the chess final</figcaption></figure>"))
    added = commit_all(repo, "news")
    (repo / "news.html").unlink()
    removed = commit_all(repo, "news taken down")
    report, _ = history(cli, roster)
    found = [(f["path"], f["code"], f["field"], f["first_commit"], f["removed_in"]) for f in report["findings"]
             if f["code"] == "SL601"]
    assert found == [("news.html", "SL601", "figcaption", added, removed)]


def test_without_a_roster_no_consent_finding_and_no_error(repo, cli):
    write(repo, "images/maths.jpg", photo("Tomasz Nowak"))
    commit_all(repo, "photo")
    code, out, err = cli("history", "--output-format", "json")
    assert code == 1 and "Traceback" not in err
    codes = {f["code"] for f in json.loads(out)["findings"]}
    assert "SL104" in codes and not codes & {"SL601", "SL602", "SL603"}


def test_consent_rules_at_photos_hold_per_path_ignores(repo, roster, cli):
    write(repo, "images/maths.jpg", photo("Tomasz Nowak"))
    write(repo, "news/tomasz-nowak.jpg", photo("Tomasz Nowak"))
    write(repo, ".schoollint.yml", 'per-path:\n  "images/**":\n    ignore:\n      - rule: SL601\n'
                                   '        reason: consent form 2024-09\n')
    commit_all(repo, "photos")
    report, _ = history(cli, roster)
    assert consent(report) == [("news/tomasz-nowak.jpg", "SL601", "XMP PersonInImage", True)]


def test_history_at_head_finds_what_check_finds(repo, cli):
    """Every rule `check` applies to a file's own content, metadata and path, history applies to the
    versions still at HEAD (the fixture school site: SL601-SL603 on pages, in metadata and in file
    names); only the rules history lists as not run may differ."""
    site = build_school_site(repo)
    site._write_bytes("images/withdrawn/finish.jpg", with_segments(
        encode(gradient(), "JPEG", quality=90), segment(0xE1, XMP_SIGNATURE + xmp_packet(
            "<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Rowan Hughes</rdf:li></rdf:Bag>"
            "</Iptc4xmpExt:PersonInImage>"))))
    site.commit("more photos")
    code, out, err = cli("check", "--roster", str(site.roster), "--output-format", "json", "--no-cache")
    assert "Traceback" not in err
    checked = json.loads(out)["findings"]
    report, _ = history(cli, site.roster)
    skipped = {code for entry in report["not_run"] for code in entry["rules"]}

    def seen(findings):
        return sorted((f["path"], f["code"], f["field"] or "", f["line"] or 0, f["message"]) for f in findings
                      if f["code"] not in skipped)

    at_head = [f for f in report["findings"] if f["still_at_head"]]
    # check says a photo's file name once, at the page that shows it; history also at the photo's own
    # version (its blob is what a purge removes, and the page may have changed when the photo did not)
    told = {(f["message"].split(": its ")[0][len("photo "):].split("/")[-1], f["code"], f["field"])
            for f in checked if f["field"] == "file name" and f["message"].startswith("photo ")}
    at_head = [f for f in at_head if (f["path"].split("/")[-1], f["code"], f["field"]) not in told]
    assert seen(at_head) == seen(checked)
    assert {"SL601", "SL602", "SL603"} <= {f["code"] for f in at_head}
    assert ("images/team.jpg", "SL601") in {(f["path"], f["code"]) for f in at_head}   # named in its XMP
