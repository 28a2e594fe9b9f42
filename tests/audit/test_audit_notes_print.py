"""The audit printed by a real Chromium (Debian's, driven by Playwright): four photos with the same
problems fit on few A4 pages, because each rule's why and fix is said once, not under every finding
(the trial printed 7 pages for 4 photos)."""

from __future__ import annotations

import re

from tests.audit.sites import gps_jpeg, page, write
from tests.audit.test_audit_browser import browser, pytestmark  # noqa: F401 (the fixture; skipped without chromium)
from tests.kit.git import commit_all


def printed_pages(browser, html_path) -> int:  # noqa: F811
    tab = browser.new_page()
    tab.goto(html_path.as_uri())
    tab.emulate_media(media="print")
    return len(re.findall(rb"/Type\s*/Page\b", tab.pdf(prefer_css_page_size=True)))


def test_four_photos_with_the_same_problems_print_on_few_pages(repo, cli, browser):  # noqa: F811
    colours = ("teal", "red", "blue", "gray")
    for n, colour in enumerate(colours):
        write(repo, f"images/gala{n}.jpg", gps_jpeg(size=(2000, 1500), colour=colour))
    write(repo, "index.html", page(*((f"images/gala{n}.jpg", "Amelia Watson running") for n in range(4))))
    commit_all(repo, "photos")
    report = repo.parent / "audit.html"
    code, _, err = cli("audit", "--no-cache", "-o", str(report))
    assert code == 0, err
    assert printed_pages(browser, report) <= 4     # 6 when every finding said its rule's why and fix
