"""A downscaled photo is shown at the same CSS width by a real browser, its descriptors rewritten.

Debian's chromium driven by Playwright for Python (never `playwright install`, which downloads a
browser; skipped with the reason where there is none), through tests/audit/test_audit_browser.py's
fixture. Trial 7 item 15: U showed in Chromium that a `1200w` descriptor left on a 600 px file halves the picture.
"""

from __future__ import annotations

import os

import pytest

from tests.audit.test_audit_browser import CHROMIUM, browser  # noqa: F401 (the fixture: Debian's chromium)
from tests.kit.git import commit_all
from tests.pages.test_srcset_descriptors import jpeg

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason="no chromium installed (Debian: apt-get install chromium)")

PAGE = """<!doctype html><html lang="en"><head><title>Sports day</title>
<style>body { margin: 0 } img { display: block }</style></head><body>
<img id="slot" alt="the relay" srcset="img/relay.jpg 1600w, img/small.jpg 400w" sizes="600px">
<img id="density" alt="the start" srcset="img/start.jpg 2x">
<picture><source srcset="img/finish.jpg 1.5x"><img id="source" alt="the finish" src="img/small.jpg"></picture>
</body></html>
"""


def shown(browser, page_path) -> dict[str, tuple[float, str]]:  # noqa: F811 (the fixture's browser)
    """{img id: (CSS width, the file shown)}, in a fresh context (nothing cached), at 1 device px a CSS px."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    found = page.evaluate("""() => Object.fromEntries([...document.images].map(image =>
        [image.id, [image.getBoundingClientRect().width, image.currentSrc.split('/').pop(), image.complete]]))""")
    context.close()
    assert all(complete for _, _, complete in found.values()), found
    return {key: (width, name) for key, (width, name, _) in found.items()}


def test_the_picture_keeps_its_css_width_after_the_downscale(repo, cli, browser):  # noqa: F811
    (repo / ".schoollint.yml").write_text("SL201:\n  max-edge: 800\n", encoding="utf-8")
    (repo / "img").mkdir()
    sizes = {"relay": (1600, 1200), "start": (1600, 1200), "finish": (1200, 900), "small": (400, 300)}
    for name, size in sizes.items():
        (repo / f"img/{name}.jpg").write_bytes(jpeg(size))
    (repo / "index.html").write_text(PAGE, encoding="utf-8")
    commit_all(repo, "site")
    before = shown(browser, repo / "index.html")
    assert before == {"slot": (600, "relay.jpg"), "density": (800, "start.jpg"), "source": (800, "finish.jpg")}

    code, out, err = cli("check", "--fix")
    assert code == 1, out + err
    assert shown(browser, repo / "index.html") == before
    # the page as it was, beside the smaller photos: what the fix would have left without the rewrite
    (repo / "as-it-was.html").write_text(PAGE, encoding="utf-8")
    unchanged = shown(browser, repo / "as-it-was.html")
    assert unchanged["slot"][0] == 300 and unchanged["density"][0] == 400
