"""`schoollint audit` cards say each photo's consent state where a roster records consent (issue 14)."""

from __future__ import annotations

import json

from tests.kit.school_site import build_school_site

# No vision rules: the state comes from the roster and the pages.
SELECT = ("--select", "SL1,SL3,SL6", "--no-thumbnails", "--no-cache")


def cards(cli, *args: str) -> dict[str, dict]:
    code, out, err = cli("audit", "--format", "json", *SELECT, *args)
    assert code == 0, err
    return {photo["path"]: photo for photo in json.loads(out)["photos"]}


def test_each_card_says_the_consent_state_of_the_people_named_with_it(repo, cli):
    site = build_school_site(repo)
    states = {path: card["consent"] for path, card in cards(cli, "--roster", str(site.roster)).items()}
    assert states["images/sports-day.jpg"] == "someone named with it has no website consent"
    assert states["images/science-fair.jpg"] == ("it is named with a first name shared by someone with no "
                                                 "website consent")
    assert states["images/leavers.jpg"] == "someone named with it has left the school"
    assert states["images/choir.jpg"] == "the website consent of someone named with it ends soon"
    assert states["images/painting.jpg"] == "website consent recorded for everyone named with it"
    assert states["images/ollie-swimming.jpg"] == "website consent not recorded for someone named with it"
    assert states["images/hall.jpg"] == "no one on the roster is named with it on a page"
    code, out, _ = cli("audit", *SELECT, "--roster", str(site.roster))
    assert code == 0 and "<dt>Consent</dt>" in out and "someone named with it has left the school" in out
    assert "Rowan" not in out                                        # the HTML names no one


def test_without_a_roster_or_without_sl601_cards_claim_nothing_about_consent(repo, cli):
    site = build_school_site(repo)
    assert {card["consent"] for card in cards(cli).values()} == {None}
    code, out, err = cli("audit", "--format", "json", "--select", "SL1,SL3", "--no-thumbnails", "--no-cache",
                         "--roster", str(site.roster))
    assert code == 0, err
    assert {photo["consent"] for photo in json.loads(out)["photos"]} == {None}
