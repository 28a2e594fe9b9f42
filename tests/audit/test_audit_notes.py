"""The audit says first what it did not check or judge (no roster: consent; alt texts a template fills in;
a hashed roster without its key), in words a safeguarding lead reads, and says each rule's why and fix
once, not under every finding."""

from __future__ import annotations

import json
import re

import pytest

from schoollint import catalogue
from schoollint.report import first_sentence
from tests.audit.sites import clean_jpeg, gps_jpeg, page, write
from tests.kit.git import commit_all

KEY = "a-long-secret-key-from-the-ci-settings"
TEMPLATE = "filled in by a template"


@pytest.fixture
def site(repo):
    write(repo, "images/a.jpg", clean_jpeg())
    write(repo, "index.html", page(("images/a.jpg", "Pupils")))
    write(repo, "layouts/staff.html", '<img src="/images/a.jpg" alt="{{ .name }}">\n')
    commit_all(repo, "site")
    return repo


def audit_json(cli, *args: str) -> dict:
    code, out, err = cli("audit", "--format", "json", "--no-cache", "--no-thumbnails", *args)
    assert code == 0, err
    return json.loads(out)


def test_no_roster_and_template_alt_texts_are_said_first(site, cli):
    not_judged = audit_json(cli)["not_judged"]
    assert any(note.startswith("consent was not judged") for note in not_judged)
    assert any(TEMPLATE in note for note in not_judged)
    code, _, err = cli("audit", "--no-cache", "--no-thumbnails", "-o", str(site.parent / "audit.html"))
    html = (site.parent / "audit.html").read_text(encoding="utf-8")
    top = html.index('id="not-judged"')
    assert top < html.index('id="summary"')
    section = html[top:html.index("</section>", top)]
    assert "Consent was not judged" in section and TEMPLATE in section


def test_a_hashed_roster_without_its_key_is_said(site, cli, monkeypatch, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("First name,Surname,Website consent\nZephyrine,Quillfeather,yes\n", encoding="utf-8")
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", KEY)
    assert cli("roster", "hash", str(roster), "-o", ".schoollint-roster")[0] == 0
    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY")
    report = audit_json(cli)
    assert any("SL601-SL603 judge no one" in note for note in report["not_judged"])
    assert "Zephyrine" not in json.dumps(report) and "Quillfeather" not in json.dumps(report)


def test_recording_a_review_says_what_it_did_not_cover(site, cli):
    code, _, err = cli("audit", "--no-cache", "--no-thumbnails", "--record-review", "JS",
                       "-o", str(site.parent / "audit.html"))
    assert code == 0 and "recorded the review by JS" in err
    assert "the recorded review did not cover 2 things the audit could not check or judge" in err


def test_one_photo_is_said_in_the_singular(site, cli):
    cli("audit", "--no-cache", "--no-thumbnails", "-o", str(site.parent / "audit.html"))
    lead = " ".join(re.sub(r"<[^>]+>", "", (site.parent / "audit.html").read_text(encoding="utf-8")
                           .split('class="lead">')[1].split("</p>")[0]).split())
    assert lead == "The site has 1 photo or video; 1 of them is shown on its pages. None of them needs attention."


def test_each_rules_why_and_fix_is_said_once(repo, cli):
    for n in range(4):
        write(repo, f"images/gala{n}.jpg", gps_jpeg(size=(2000, 1500), colour=("teal", "red", "blue", "gray")[n]))
    write(repo, "index.html", page(*((f"images/gala{n}.jpg", "Amelia Watson running") for n in range(4))))
    commit_all(repo, "photos")
    code, _, err = cli("audit", "--no-cache", "--no-thumbnails", "-o", str(repo.parent / "audit.html"))
    html = (repo.parent / "audit.html").read_text(encoding="utf-8")
    codes = set(re.findall(r'data-code="(SL\d+)"', html))
    assert {"SL101", "SL201", "SL302"} <= codes
    flat = " ".join(html.split())
    for code_ in codes:
        rule = catalogue.load()[code_]
        why = first_sentence(rule.why).replace('"', "&#34;").replace("'", "&#39;")
        assert flat.count(why[:60]) == 1, code_
        assert flat.count(f'id="rule-{code_}"') == 1 and flat.count(f'href="#rule-{code_}"') >= 4
