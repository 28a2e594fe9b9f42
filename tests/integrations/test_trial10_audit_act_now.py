"""Trial 10 item 4: the audit did not say what to do first. Its summary was sorted by photo count and its
cards by "most findings first", so nativity.jpg (a consent ending in 14 days, a full name, its GPS) came
before sports-day.jpg, whose caption names a pupil whose consent is withdrawn. Now both are in an act-now
order (schoollint.report.urgency): photos shown without consent, then full names with photos, then
location and other metadata, then the rest; the page sorts its cards that way by default, in a real
Chromium, and the JSON says each card's step. Through the command line, a real Git repository and a
SIMS-style roster.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.audit.sites import clean_jpeg, gps_jpeg, write
from tests.audit.test_audit_browser import browser  # noqa: F401  (the fixture: a real chromium)
from tests.kit.git import commit_all

HTML = "<!doctype html><html lang=en><head><title>Oakfield</title></head><body>\n{}\n</body></html>\n"


@pytest.fixture
def oakfield(repo):
    """The trial's site: a withdrawn consent named by one caption, a consent ending in 14 days named in full."""
    ends = (dt.date.today() + dt.timedelta(days=14)).strftime("%d/%m/%Y")
    roster = repo.parent / "private" / "roster.csv"
    roster.parent.mkdir()
    roster.write_text("Legal Surname,Legal Forename,Preferred Forename,Year,Photo Consent (Website),Consent Expiry\n"
                      "Carter,Maisie,,Year 5,Withdrawn,\n"
                      f"Bennett,Oliver,,Year 6,Yes,{ends}\n", encoding="utf-8")
    write(repo, "images/nativity.jpg", gps_jpeg(colour="teal"))
    write(repo, "images/sports-day.jpg", clean_jpeg(colour="green"))
    write(repo, "images/logo.jpg", gps_jpeg(colour="orange"))
    write(repo, "news/nativity.html", HTML.format('<img src="../images/nativity.jpg" alt="Reception nativity">'
                                                  "<p>Oliver Bennett played Joseph.</p>"))
    write(repo, "news/sports.html", HTML.format('<figure><img src="../images/sports-day.jpg" alt="Year 5 relay">'
                                                "<figcaption>Maisie in the relay</figcaption></figure>"))
    write(repo, "index.html", HTML.format('<img src="images/logo.jpg" alt="Oakfield Primary">'))
    commit_all(repo, "site", (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=20)).isoformat(timespec="seconds"))
    return roster


ACT_NOW = ["images/sports-day.jpg", "images/nativity.jpg", "images/logo.jpg"]


def test_summary_and_cards_in_act_now_order(oakfield, cli):
    code, out, err = cli("audit", "--no-vision", "--roster", str(oakfield), "--format", "json")
    assert code == 0, err
    audit = json.loads(out)
    assert [line["code"] for line in audit["summary"]] == ["SL601", "SL303", "SL101", "SL102", "SL602"]
    assert [line["step"] for line in audit["summary"]] == [1, 2, 3, 3, 4]
    assert audit["steps"][0] == {"step": 1, "what": "Act now: photos shown without consent"}
    assert [photo["path"] for photo in audit["photos"]] == ACT_NOW
    assert [photo["step"]["step"] for photo in audit["photos"]] == [1, 2, 3]
    nativity = audit["photos"][1]
    assert [f["code"] for f in nativity["findings"]] == ["SL303", "SL101", "SL102", "SL602"]


def test_page_sorts_most_urgent_first_by_default(oakfield, cli, browser, tmp_path):  # noqa: F811
    report = tmp_path / "audit.html"
    code, _, err = cli("audit", "--no-vision", "--roster", str(oakfield), "-o", str(report))
    assert code == 0, err
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(report.as_uri())
    cards = "cards => cards.map(c => c.dataset.path)"
    assert page.locator("#sort").input_value() == "urgent"
    assert page.eval_on_selector_all("article.card", cards) == ACT_NOW
    assert page.locator("article.card p.step").first.inner_text() == "Act now: photos shown without consent"
    groups = page.eval_on_selector_all("table.summary tr.step th", "rows => rows.map(r => r.textContent)")
    assert groups[0] == "Act now: photos shown without consent" and groups[1] == "Next: full names with photos"
    page.select_option("#sort", "findings")
    assert page.eval_on_selector_all("article.card", cards)[0] == "images/nativity.jpg"
    page.select_option("#sort", "urgent")
    assert page.eval_on_selector_all("article.card", cards) == ACT_NOW
