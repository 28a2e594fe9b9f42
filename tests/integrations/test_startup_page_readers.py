"""pages.registry imports the readers of files most sites lack (Svelte/Vue, Office, PDF) when a file of
theirs is first read, not with the table (issue 18: about 30 M instructions of a large site's parent
before its workers start). The suffixes written in the table stay the readers' own."""

from __future__ import annotations

import subprocess
import sys

from schoollint.pages import documents, pdf_text, registry, sfc

LATER = ("schoollint.pages.sfc", "schoollint.pages.documents", "schoollint.pages.pdf_text")


def test_the_table_names_each_later_readers_own_suffixes():
    assert registry.SFC_SUFFIXES == sfc.SUFFIXES
    assert registry.DOCUMENT_SUFFIXES == documents.SUFFIXES
    assert registry.PDF_SUFFIXES == pdf_text.SUFFIXES


def test_a_markdown_site_imports_none_of_the_later_readers(tmp_path):
    """Asking what each of a Hugo site's files is and reading its Markdown page imports none of them;
    a Vue component's first read imports its reader."""
    code = ("import sys\n"
            "from schoollint.pages import registry\n"
            "for name in ('content/a.md', 'assets/site.css', 'assets/app.js', 'data/x.json', 'static/i.svg',\n"
            "             'layouts/p.html', 'static/p.png'):\n"
            "    registry.language_of(name)\n"
            "registry.read_page(None, 'content/a.md', b'# Sports day\\n\\n![Year 4](/img/a.jpg)\\n')\n"
            f"print(sorted(name for name in {LATER!r} if name in sys.modules))\n"
            "vue = b'<template><img src=\"/img/a.jpg\" alt=\"Team\"></template>'\n"
            "page = registry.read_page(None, 'src/Team.vue', vue)\n"
            f"print(sorted(name for name in {LATER!r} if name in sys.modules), [image.src for image in page.images])\n")
    shown = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    before, after = shown.stdout.strip().splitlines()
    assert before == "[]", shown.stdout
    assert after == "['schoollint.pages.sfc'] ['/img/a.jpg']", shown.stdout
