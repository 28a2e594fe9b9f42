"""The audit report in a real browser: Debian's chromium driven by Playwright for Python.

Never `playwright install` (it downloads a browser): the test uses the system
chromium at /usr/bin/chromium and is skipped, with the reason, where there is none.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil

import pytest

from tests.audit.sites import clean_jpeg, gps_jpeg, page, write
from tests.kit.git import commit_all

CHROMIUM = os.environ.get("SCHOOLLINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason="no chromium installed (Debian: apt-get install chromium)")


@pytest.fixture
def report(repo, cli):
    write(repo, "images/gala.jpg", gps_jpeg(size=(2000, 1500)))
    write(repo, "images/team.jpg", clean_jpeg())
    write(repo, "images/logo.jpg", clean_jpeg(colour="orange"))
    write(repo, "index.html", page(("images/gala.jpg", "The gala"), ("images/team.jpg", "Amelia Watson running"),
                                   ("images/logo.jpg", "Our logo")))
    recent = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=30)  # too new for SL604
    commit_all(repo, "photos", recent.isoformat(timespec="seconds"))
    code, _, err = cli("audit", "-o", str(repo.parent / "audit.html"))   # outside the site: it is private
    assert code == 0, err
    return repo.parent / "audit.html"


@pytest.fixture
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (pip) is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, chromium_sandbox=False)
        yield launched
        launched.close()


def test_cards_counts_and_filters_work_offline(report, browser):
    page_ = browser.new_page(viewport={"width": 1280, "height": 1000})
    requests, blocked = [], []
    page_.on("request", lambda request: requests.append(request.url))
    page_.on("requestfailed", lambda request: blocked.append((request.url, request.failure)))
    page_.goto(report.as_uri())
    cards = page_.locator("article.card")
    assert cards.count() == 3
    assert page_.locator("#total-photos").inner_text() == "3"
    assert page_.locator("#photos-with-findings").inner_text() == "2"
    assert page_.locator("#shown").inner_text() == "Showing 3 of 3"
    # Every thumbnail decoded from its data: URI, at most 160 px.
    widths = page_.eval_on_selector_all(".thumb img", "images => images.map(i => i.naturalWidth)")
    assert widths and all(0 < width <= 160 for width in widths)

    page_.select_option("#filter", "SL101")
    assert page_.locator("article.card:visible").count() == 1
    assert page_.locator("article.card:visible h3").inner_text() == "images/gala.jpg"
    assert page_.locator("#shown").inner_text() == "Showing 1 of 3"
    page_.select_option("#filter", "SL302")
    assert page_.locator("article.card:visible h3").inner_text() == "images/team.jpg"
    page_.select_option("#filter", "any")
    assert page_.locator("article.card:visible").count() == 2
    page_.select_option("#filter", "all")
    page_.select_option("#sort", "path")
    order = page_.eval_on_selector_all("article.card", "cards => cards.map(c => c.dataset.path)")
    assert order == sorted(order)

    # Nothing left the page, and its Content-Security-Policy stops anything that would try
    # (a probe on the loopback address, so nothing leaves the machine even if it were sent).
    violated = page_.evaluate("""() => new Promise(resolve => {
        document.addEventListener("securitypolicyviolation", event => resolve(event.effectiveDirective));
        const probe = document.createElement("img");
        probe.src = "http://127.0.0.1:9/probe.png";
        document.body.appendChild(probe);
        setTimeout(() => resolve(null), 3000);
    })""")
    assert violated == "img-src"
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == ["http://127.0.0.1:9/probe.png"]
    assert blocked == [("http://127.0.0.1:9/probe.png", "csp")]  # blocked by the CSP, never sent
    assert requests[0] == report.as_uri()

    shot = page_.screenshot(full_page=True)
    from PIL import Image, ImageStat

    with Image.open(io.BytesIO(shot)) as image:
        grey = image.convert("L")
        assert grey.size[0] == 1280 and grey.size[1] > 1000
        assert ImageStat.Stat(grey).stddev[0] > 10, "the screenshot is blank"
        assert len(grey.getcolors(maxcolors=1 << 16) or range(1 << 16)) > 50


def test_report_prints_on_a4_without_the_controls(report, browser):
    page_ = browser.new_page()
    page_.goto(report.as_uri())
    page_.select_option("#filter", "SL101")
    assert page_.locator("article.card:visible").count() == 1
    page_.emulate_media(media="print")
    assert not page_.locator(".controls").is_visible()
    assert page_.locator("article.card:visible").count() == 3, "a filed report shows every photo"
    pdf = page_.pdf(prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes, "no page in the PDF"
    for width, height in boxes:  # A4 is 595 x 842 points
        assert abs(float(width) - 595.3) < 2 and abs(float(height) - 841.9) < 2
