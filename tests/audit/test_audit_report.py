"""`schoollint audit`: the report's content, through the command line, on real Git repositories."""

from __future__ import annotations

import base64
import io
import json

import pytest

from tests.audit.sites import SERIAL, clean_jpeg, gps_jpeg, page, write
from tests.kit.git import commit_all


@pytest.fixture
def site(repo):
    """Two photos on a page, one named after a pupil in its alt text; a third never shown."""
    write(repo, "images/gala.jpg", gps_jpeg(size=(2000, 1500)))
    write(repo, "images/team.jpg", clean_jpeg())
    write(repo, "index.html", page(("images/gala.jpg", "The gala"), ("images/team.jpg", "Amelia Watson running")))
    commit_all(repo, "first photos", "2021-03-01T10:00:00+00:00")
    write(repo, "images/spare.jpg", clean_jpeg(colour="red"))
    write(repo, "images/team.jpg", clean_jpeg(colour="green"))
    commit_all(repo, "a spare photo; team photo replaced", "2025-05-02T10:00:00+00:00")
    return repo


def audit_json(cli, *args):
    code, out, err = cli("audit", "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


def test_every_photo_has_a_card_with_its_pages_dates_and_findings(site, cli):
    report = audit_json(cli)
    cards = {p["path"]: p for p in report["photos"]}
    assert set(cards) == {"images/gala.jpg", "images/team.jpg", "images/spare.jpg"}
    gala, team, spare = cards["images/gala.jpg"], cards["images/team.jpg"], cards["images/spare.jpg"]
    assert gala["pages"] == ["index.html"] and spare["pages"] == []
    assert gala["first_published"] == "2021-03-01" and gala["last_changed"] == "2021-03-01"
    assert team["first_published"] == "2021-03-01" and team["last_changed"] == "2025-05-02"
    assert gala["date_source"] == "git" and len(gala["first_commit"]) == 40
    assert {"SL101", "SL102", "SL201", "SL604"} <= {f["code"] for f in gala["findings"]}
    # The page's finding about the alt text shows on the card of the photo it describes.
    [named] = [f for f in team["findings"] if f["code"] == "SL302"]
    assert named["page"] == "index.html" and named["line"] == 3
    assert not any(f["code"] == "SL604" for f in spare["findings"]), "not shown on a page: not published"
    assert report["totals"] == {"photos": 3, "shown_on_pages": 2, "photos_with_findings": 2,
                                "findings": len([f for p in report["photos"] for f in p["findings"]
                                                 if "page" not in f]) + 1}
    assert [o["path"] for o in report["other_files"]] == ["index.html"]
    assert report["commit"] and report["site"] == "site"


def test_summary_says_how_many_photos_each_problem_touches_and_which_guidance_point(site, cli):
    summary = {line["code"]: line for line in audit_json(cli)["summary"]}
    assert summary["SL101"]["photos"] == 1
    assert summary["SL101"]["guidance"] == "Ensure Image Metadata is Removed"
    assert summary["SL302"] == {**summary["SL302"], "photos": 1, "other_files": 1}
    assert summary["SL604"]["guidance"] == "Regularly Review Online Content"
    assert next(iter(summary))[:3] in ("SL1", "SL3"), "errors come before warnings"


def test_values_only_with_show_values(site, cli):
    plain = json.dumps(audit_json(cli, "--no-thumbnails"))
    assert "Amelia" not in plain.replace("Amelia Watson running", "")  # the page text itself is not in it
    assert SERIAL.decode() not in plain and "51.5" not in plain
    valued = json.dumps(audit_json(cli, "--no-thumbnails", "--show-values"))
    assert SERIAL.decode() in valued and "Amelia Watson" in valued


def test_thumbnails_are_small_jpegs_without_metadata(site, cli):
    from PIL import Image

    from schoollint.formats.registry import read_media

    [gala] = [p for p in audit_json(cli)["photos"] if p["path"] == "images/gala.jpg"]
    header, _, encoded = gala["thumbnail"].partition(",")
    assert header == "data:image/jpeg;base64"
    data = base64.b64decode(encoded)
    with Image.open(io.BytesIO(data)) as image:
        assert max(image.size) == 160 and image.size == (160, 120)
    assert read_media(data, ".jpg").items == ()  # no EXIF, no GPS, no serial: our own reader says so
    assert all(p["thumbnail"] is None for p in audit_json(cli, "--no-thumbnails")["photos"])


def test_html_escapes_markup_from_file_names_and_pages(repo, cli):
    evil = "<script>alert(1)</script>"
    write(repo, f"images/{evil.replace('/', '_')}.jpg", clean_jpeg())
    write(repo, "index.html", page(("images/x.jpg", "x"), extra=f"<p>{evil}</p>"))
    code, _, err = cli("audit", "-o", str(repo.parent / "audit.html"))   # outside the site: it is private
    assert code == 0, err
    html = (repo.parent / "audit.html").read_text()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;_script&gt;.jpg" in html
    assert html.count("<script>") == 1, "only the report's own script"
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "http://" not in html and "https://" not in html.replace("https://github.com/schoollint", "")


def test_review_is_recorded_and_silences_sl605(site, cli):
    (site / ".schoollint.yml").write_text("SL605: {review-every: 12}\n")
    before = audit_json(cli)
    assert [f["code"] for f in before["run_findings"]] == ["SL605"]
    assert "none is recorded" in before["run_findings"][0]["message"]
    code, _, err = cli("audit", "--record-review", "J.S.", "-o", str(site.parent / "audit.html"))
    assert code == 0 and "recorded the review by J.S." in err
    log = (site / ".schoollint-review.yml").read_text()
    assert 'reviewer: "J.S."' in log and "commit: " in log and "date: 20" in log
    after = audit_json(cli)
    assert after["run_findings"] == [] and after["last_review"]["reviewer"] == "J.S."


def test_bad_initials_are_refused_with_one_line(site, cli):
    code, _, err = cli("audit", "--record-review", "x\ncommit: evil")
    assert code == 2 and "initials" in err and "Traceback" not in err
    assert not (site / ".schoollint-review.yml").exists()


def test_unreadable_photo_is_listed_as_not_judged_not_clean(repo, cli):
    write(repo, "images/broken.jpg", b"\xff\xd8\xff\xe0 truncated")
    write(repo, "index.html", page(("images/broken.jpg", "a photo")))
    [card] = audit_json(cli)["photos"]
    assert card["thumbnail"] is None
    assert [f["code"] for f in card["findings"]] == ["SL105"]


def test_a_decompression_bomb_gets_no_thumbnail_and_finishes_quickly(repo, cli):
    import time

    from tests.kit.sites import make_png_header_only

    (repo / "images").mkdir()
    make_png_header_only(repo / "images" / "bomb.png", 60000, 60000)
    started = time.monotonic()
    [card] = audit_json(cli)["photos"]
    assert time.monotonic() - started < 10
    assert card["path"] == "images/bomb.png" and card["thumbnail"] is None
    assert card["findings"], "judged (oversized or unreadable), never silently clean"
