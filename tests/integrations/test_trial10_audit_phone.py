"""Trial 10 item 10a: the audit page on a phone (390 px wide) cut its photo cards at the right edge: the
thumbnail kept its 170 px column, so the path, the dates and the findings were squeezed into the rest and
"2025-03-02" broke between its digits. Now, in a real Chromium at 390 px, nothing is wider than the screen,
each card puts the thumbnail above its facts, each date stays on one line, and the summary's rows are
blocks with labelled counts. Through the command line, a real Git repository.
"""

from __future__ import annotations

from tests.audit.sites import gps_jpeg, page, write
from tests.audit.test_audit_browser import browser  # noqa: F401  (the fixture: a real chromium)
from tests.kit.git import commit_all

# Every element of the page whose right edge is past the viewport's (none may be)
PAST_THE_EDGE = """() => Array.from(document.querySelectorAll('body *'))
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
    .map(e => e.tagName + '.' + e.className)"""
# How many line boxes the first date of each card's dd takes (1: not broken)
DATE_LINES = """() => Array.from(document.querySelectorAll('article.card dd')).flatMap(dd => {
    const text = dd.firstChild;
    const at = text && text.nodeType === 3 ? text.data.search(/\\d{4}-\\d{2}-\\d{2}/) : -1;
    if (at < 0) return [];
    const range = document.createRange();
    range.setStart(text, at); range.setEnd(text, at + 10);
    return [new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size];
})"""


def test_cards_reflow_at_390_px(repo, cli, browser, tmp_path):  # noqa: F811
    write(repo, "images/sports-day-relay-final-year-five.jpg", gps_jpeg(colour="green"))
    write(repo, "images/nativity.jpg", gps_jpeg(colour="teal"))
    write(repo, "news/sports.html", page(("../images/sports-day-relay-final-year-five.jpg", "Amelia Watson running"),
                                         ("../images/nativity.jpg", "The nativity")))
    commit_all(repo, "news", "2025-03-02T10:00:00+00:00")
    report = tmp_path / "audit.html"
    code, _, err = cli("audit", "--no-vision", "-o", str(report))
    assert code == 0, err
    phone = browser.new_page(viewport={"width": 390, "height": 800})
    phone.goto(report.as_uri())
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.evaluate(PAST_THE_EDGE) == []
    for card in phone.locator("article.card").all():
        thumb, title = card.locator(".thumb").bounding_box(), card.locator("h3").bounding_box()
        assert thumb and title and thumb["y"] + thumb["height"] <= title["y"]     # above, not beside
        assert title["width"] > 300
    lines = phone.evaluate(DATE_LINES)
    assert lines and set(lines) == {1}
    counts = phone.locator("table.summary td.num").first
    assert counts.evaluate("td => getComputedStyle(td, '::before').content") == '"Photos: "'
    wide = browser.new_page(viewport={"width": 1280, "height": 1000})   # a desktop keeps its two columns
    wide.goto(report.as_uri())
    thumb, title = (wide.locator("article.card").first.locator(sel).bounding_box() for sel in (".thumb", "h3"))
    assert thumb and title and thumb["x"] + thumb["width"] <= title["x"]
