"""A hashed roster (`schoollint roster hash`) carries consent and leaving dates, names nobody, and
gives CI the same SL601-SL603 findings as the plain roster."""

from __future__ import annotations

import json

from tests.kit.git import git
from tests.kit.school_site import PEOPLE, build_school_site

KEY = "a-long-secret-key-from-the-ci-settings"


def findings(cli, *args: str) -> list[tuple]:
    code, out, err = cli("check", "--no-vision", "--no-cache", "--output-format", "json", "--show-values",
                         "--select", "SL601,SL602,SL603", *args)
    assert code == 1, err
    return sorted((f["path"], f["line"], f["code"], f["severity"], f["message"], f["value"])
                  for f in json.loads(out)["findings"])


def test_hashed_roster_names_nobody_and_gives_the_same_findings(repo, cli, monkeypatch):
    site = build_school_site(repo)
    site.config("consent: required\n")
    plain = findings(cli, "--roster", str(site.roster))
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", KEY)
    code, out, _ = cli("roster", "hash", str(site.roster), "-o", ".schoollint-roster")
    assert code == 0 and "wrote" in out
    hashed = (repo / ".schoollint-roster").read_text(encoding="utf-8")
    for row in PEOPLE:
        for word in (row.first, row.surname, row.preferred, row.group):
            if word:
                for form in (word, word.lower(), word.upper()):
                    assert f'"{form}' not in hashed and f"{form}|" not in hashed, word
    document = json.loads(hashed)
    assert document["version"] == 2 and len(document["people"]) == len(PEOPLE)
    assert {person.get("website") for person in document["people"]} == {"yes", "no", "withdrawn", None}
    site.config("consent: required\nroster: .schoollint-roster\n")
    git(repo, "add", ".schoollint-roster", ".schoollint.yml")
    assert findings(cli) == plain
    assert {row[2] for row in plain} == {"SL601", "SL602", "SL603"}
