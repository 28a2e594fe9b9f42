"""The audit printed by a real Chromium (Debian's, driven by Playwright): four photos with the same
problems fit on few A4 pages, because each rule's why and fix is said once, not under every finding
(the trial printed 7 pages for 4 photos)."""

from __future__ import annotations

import os
import re
import shutil

import pytest

from tests.audit.sites import gps_jpeg, page, write
from tests.kit.git import commit_all

CHROMIUM = os.environ.get("SCHOOLLINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason="no chromium installed (Debian: apt-get install chromium)")


def printed_pages(html_path) -> int:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (pip) is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, chromium_sandbox=False)
        try:
            tab = browser.new_page()
            tab.goto(html_path.as_uri())
            tab.emulate_media(media="print")
            pdf = tab.pdf(prefer_css_page_size=True)
        finally:
            browser.close()
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_four_photos_with_the_same_problems_print_on_few_pages(repo, cli):
    colours = ("teal", "red", "blue", "gray")
    for n, colour in enumerate(colours):
        write(repo, f"images/gala{n}.jpg", gps_jpeg(size=(2000, 1500), colour=colour))
    write(repo, "index.html", page(*((f"images/gala{n}.jpg", "Amelia Watson running") for n in range(4))))
    commit_all(repo, "photos")
    report = repo.parent / "audit.html"
    code, _, err = cli("audit", "--no-cache", "-o", str(report))
    assert code == 0, err
    assert printed_pages(report) <= 4     # 6 when every finding said its rule's why and fix
