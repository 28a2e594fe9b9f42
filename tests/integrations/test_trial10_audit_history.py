"""Trial 10 item 3: the audit lost who a renamed photo shows and said nothing about Git history.

images/maisie-carter.jpg (alt "Maisie Carter with her medal"; her consent withdrawn) was renamed
medal.jpg with a neutral alt: the audit followed the rename for its dates but its card said "no one on
the roster is named with it on a page". Now the earlier name's SL601 is on the live photo's card, which
says she has no consent. And images/trip/bus.jpg, taken down because consent was refused, is still in
every clone: the audit runs history's scan and lists the versions no longer on the site with their
problems, telling the lead that `schoollint history` lists them and how to remove them; a site not kept
in Git says that history was not checked, and why. Through the command line, real Git repositories.
"""

from __future__ import annotations

import json

import pytest

from tests.audit.sites import clean_jpeg, gps_jpeg, write
from tests.kit.git import commit_all, git

HTML = "<!doctype html><html lang=en><head><title>Oakfield</title></head><body>\n{}\n</body></html>\n"
ROSTER = ("Legal Surname,Legal Forename,Preferred Forename,Year,Photo Consent (Website),Withdrawn On\n"
          "Carter,Maisie,,Year 5,Withdrawn,14/09/2025\n"
          "Oduya,Grace,,Year 4,No,\n"
          "Bennett,Oliver,,Year 6,Yes,\n")


@pytest.fixture
def oakfield(repo):
    roster = repo.parent / "private" / "roster.csv"
    roster.parent.mkdir()
    roster.write_text(ROSTER, encoding="utf-8")
    write(repo, "images/maisie-carter.jpg", clean_jpeg(colour="gold"))
    write(repo, "news/sports.html", HTML.format('<img src="../images/maisie-carter.jpg" '
                                                'alt="Maisie Carter with her medal">'))
    commit_all(repo, "sports day", "2025-01-15T10:00:00+00:00")
    git(repo, "mv", "images/maisie-carter.jpg", "images/medal.jpg")
    write(repo, "news/sports.html", HTML.format('<img src="../images/medal.jpg" alt="A medal winner">'))
    renamed = commit_all(repo, "rename medal photo", "2025-02-01T10:00:00+00:00")
    write(repo, "images/trip/bus.jpg", gps_jpeg(colour="olive"))
    write(repo, "news/trip.html", HTML.format('<img src="../images/trip/bus.jpg" alt="On the bus">'
                                              "<p>Grace on the bus.</p>"))
    commit_all(repo, "trip", "2025-03-01T10:00:00+00:00")
    (repo / "images/trip/bus.jpg").unlink()
    write(repo, "news/trip.html", HTML.format("<p>A lovely day.</p>"))
    removed = commit_all(repo, "remove bus photo (consent refused)", "2025-03-02T10:00:00+00:00")
    return roster, renamed, removed


def test_renamed_photo_keeps_who_it_shows_and_history_is_reported(oakfield, cli, tmp_path):
    roster, renamed, removed = oakfield
    code, out, err = cli("audit", "--no-vision", "--roster", str(roster), "--format", "json")
    assert code == 0, err
    audit = json.loads(out)
    medal, = [photo for photo in audit["photos"] if photo["path"] == "images/medal.jpg"]
    assert medal["consent"] == "someone named with it has no website consent"
    by_page, carried = sorted((f for f in medal["findings"] if f["code"] == "SL601"), key=lambda f: f["field"])
    assert carried["severity"] == "error" and carried["field"] == "earlier file name"
    assert by_page["message"].startswith("an earlier version of news/sports.html (replaced in ")
    assert "photo ../images/maisie-carter.jpg: its alt text names a pupil whose website" in by_page["message"]
    assert carried["message"].startswith(f"its earlier file name images/maisie-carter.jpg (renamed in {renamed[:10]}) "
                                         "names a pupil whose website consent is withdrawn")
    assert medal["step"]["step"] == 1 and audit["photos"][0]["path"] == "images/medal.jpg"
    assert "Maisie" not in carried["message"] and "value" not in carried

    history = audit["history"]
    assert history["checked"] and history["how"] == "schoollint history"
    versions = {version["path"]: version for version in history["versions"]}
    assert versions["images/trip/bus.jpg"]["state"] == f"removed in {removed[:10]}"
    assert {f["code"] for f in versions["images/trip/bus.jpg"]["findings"]} == {"SL101", "SL102"}
    trip = versions["news/trip.html"]
    assert trip["state"] == f"replaced in {removed[:10]}" and trip["step"]["step"] == 1
    assert any(f["code"] == "SL601" and "consent is refused" in f["message"] for f in trip["findings"])
    old_name = versions["images/maisie-carter.jpg"]
    assert old_name["state"] == f"renamed to images/medal.jpg in {renamed[:10]}"
    assert {"SL601", "SL301"} <= {f["code"] for f in old_name["findings"]}

    page = tmp_path / "audit.html"
    code, _, err = cli("audit", "--no-vision", "--roster", str(roster), "-o", str(page))
    assert code == 0 and "earlier versions with problems still in Git history" in err
    html = page.read_text(encoding="utf-8")
    assert "Still in the site's Git history" in html and "<code>schoollint history</code>" in html
    assert 'data-path="images/trip/bus.jpg"' in html


def test_a_site_not_in_git_says_history_was_not_checked(tmp_path, monkeypatch, cli):
    site = tmp_path / "plain"
    write(site, "images/gala.jpg", gps_jpeg())
    write(site, "index.html", HTML.format('<img src="images/gala.jpg" alt="The gala">'))
    monkeypatch.chdir(site)
    code, out, err = cli("audit", "--no-vision", "--format", "json")
    assert code == 0, err
    history = json.loads(out)["history"]
    assert history == {"checked": False, "why_not": "the site is not kept in Git, so there is no history to check",
                       "how": None}
    page = tmp_path / "audit.html"
    assert cli("audit", "--no-vision", "-o", str(page))[0] == 0
    assert "Earlier versions of photos and pages (Git history) were not checked" in page.read_text(encoding="utf-8")


def test_a_caption_changed_since_still_tells_who_the_photo_shows(repo, cli, tmp_path):
    """A neutral file name, the page's alt text naming her, then neutral words: the photo still shows her."""
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    write(repo, "images/IMG_0042.jpg", clean_jpeg(colour="gold"))
    write(repo, "images/relay.jpg", clean_jpeg(colour="green"))
    relay = '<figure><img src="/images/relay.jpg" alt="The relay"><figcaption>Maisie in the relay</figcaption></figure>'
    write(repo, "news/sports.html", HTML.format('<img src="../images/IMG_0042.jpg" alt="Maisie Carter with her medal">'
                                                + relay))
    commit_all(repo, "sports day", "2025-01-15T10:00:00+00:00")
    write(repo, "news/sports.html", HTML.format('<img src="../images/IMG_0042.jpg" alt="A medal winner">' + relay))
    changed = commit_all(repo, "no name in the alt text", "2025-02-01T10:00:00+00:00")
    code, out, err = cli("audit", "--no-vision", "--roster", str(roster), "--format", "json")
    assert code == 0, err
    cards = {photo["path"]: photo for photo in json.loads(out)["photos"]}
    medal = cards["images/IMG_0042.jpg"]
    assert medal["consent"] == "someone named with it has no website consent"
    carried, = [f for f in medal["findings"] if f["code"] == "SL601"]
    assert carried["message"].startswith(f"an earlier version of news/sports.html (replaced in {changed[:10]}) wrote "
                                         "of it: photo ../images/IMG_0042.jpg: its alt text names a pupil whose "
                                         "website consent is withdrawn")
    # what the page still says is the page's own finding, not said again as an earlier version's
    assert [f["message"].startswith("photo /images/relay.jpg") for f in cards["images/relay.jpg"]["findings"]
            if f["code"] == "SL601"] == [True]
