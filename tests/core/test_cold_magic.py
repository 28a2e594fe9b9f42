"""Issue 18: each plugin's magic bytes live in formats/magic.py, so asking which plugin reads a file
imports only the plugin that reads it. A site run's parent asked every page's first bytes, which
imported all seventeen plugins (PDF, Office, OpenDocument, zipfile, lzma) before its workers forked;
an SVG icon's page reader imported the Office and OpenDocument readers too.

Real runs of `schoollint check` in their own interpreter (the modules they loaded read from
`sys.modules` as they end, as tests/integrations/test_startup_imports.py does), on real files.
"""

from __future__ import annotations

import importlib

from schoollint.formats import magic, registry
from tests.integrations.test_startup_imports import _imported, _loaded
from tests.kit.images import encode, gradient

PLUGINS = tuple(f"schoollint.formats.{name}" for name in registry.PLUGINS)


def test_each_plugin_answers_with_the_one_copy_of_its_magic():
    assert set(magic.ACCEPT) == set(registry.PLUGINS)
    for name in registry.PLUGINS:
        assert importlib.import_module(f"schoollint.formats.{name}").accept is magic.ACCEPT[name], name


def test_the_first_plugin_whose_magic_matches_reads_the_file():
    prefixes = {"jpeg": encode(gradient((8, 8)), "JPEG")[:64], "png": encode(gradient((8, 8)), "PNG")[:64],
                "tiff": encode(gradient((8, 8)), "TIFF")[:64], "gif": encode(gradient((8, 8)), "GIF")[:64],
                "pdf": b"junk\n%PDF-1.7\n", "ooxml": b"PK\x03\x04" + bytes(40), "generic": b"BM" + bytes(40),
                "svg": b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'}
    for name, prefix in prefixes.items():
        assert registry.identify(prefix) is importlib.import_module(f"schoollint.formats.{name}"), name
    assert registry.identify(b"---\ntitle: News\n---\n") is None


def test_a_site_of_pages_and_screenshots_loads_only_the_png_and_svg_readers(tmp_path):
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "news.md").write_text("---\ntitle: News\n---\n![the menu](/images/menu.png)\n")
    (site / "assets.css").write_text(".card { margin: 1px; }\n")
    (site / "data.json").write_text('{"events": []}\n')
    (site / "images").mkdir()
    (site / "images" / "menu.png").write_bytes(encode(gradient((40, 30)), "PNG"))
    (site / "images" / "icon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
                                               '<circle cx="12" cy="12" r="4"/></svg>\n')
    modules = _imported(site, tmp_path, "--no-cache")
    assert {"schoollint.formats.png", "schoollint.formats.svg", "schoollint.pages.svg_text"} <= modules
    others = tuple(name for name in PLUGINS if name not in ("schoollint.formats.png", "schoollint.formats.svg",
                                                            "schoollint.formats.sidecar"))
    assert _loaded(modules, others + ("schoollint.formats.ooxml_words", "schoollint.pages.odf_text")) == []
