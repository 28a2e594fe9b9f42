"""The checked and not-checked counts are the same cold and warm (trial 7 item 10): the cache keeps
whether a reader judged each file, instead of guessing it from the findings. Was: an undeclared
Windows-1252 page, read and judged (SL002 says how it was read), counted checked cold and "not
checked: 1 .html" from the cache, the summary then saying "Not checked (no reader for their
content): 1 .html"; and a Photoshop file checked with `--select SL101` (no SL107 finding to tell it)
not checked cold, checked warm. Through the command line on real files in a real repository.
"""

from __future__ import annotations

import json
import shutil

import pytest

from tests.kit.sites import clean_photo, photo_with_gps

# An undeclared Windows-1252 page ("Résumé", "café" in 0xE9) whose alt text names someone.
WINDOWS_PAGE = '<html><body><p>Résumé</p><img src="a.jpg" alt="Oliver Harrington at the café"></body></html>'


def counts(cli, repo, cold: bool, *argv: str) -> tuple:
    """What a run says it checked: (files checked, not checked by type, the text's last line, the job
    summary's not-checked line), each from a run with no result cache (`cold`) or a filled one."""
    said = []
    for output in ("json", "text", "summary"):
        if cold:
            shutil.rmtree(repo / ".schoollint_cache", ignore_errors=True)
        said.append(cli("check", "--output-format", output, *argv)[1])
    report = json.loads(said[0])
    return (report["files_checked"], report["files_not_checked"], said[1].strip().splitlines()[-1],
            [line for line in said[2].splitlines() if line.startswith("Not checked")])


@pytest.mark.parametrize("files, argv, not_checked", [
    ({"nodecl.html": WINDOWS_PAGE.encode("cp1252")}, (), {}),
    ({"nodecl.html": WINDOWS_PAGE.encode("cp1252")}, ("--select", "SL002"), {}),
    ({"layout.pug": b"img(src='a.jpg' alt='Oliver Harrington')\n"}, (), {".pug": 1}),
    ({"cover.psd": b"8BPS\x00\x01" + bytes(40)}, ("--select", "SL101"), {".psd": 1}),
    ({"cover.psd": b"8BPS\x00\x01" + bytes(40)}, (), {".psd": 1}),
    ({"cut.jpg": None}, (), {".jpg": 1}),
], ids=["windows-1252-page", "windows-1252-page-sl002", "pug", "psd-sl101", "psd", "truncated-jpeg"])
def test_the_counts_are_the_same_cold_and_warm(repo, cli, files, argv, not_checked):
    clean_photo(repo / "a.jpg")
    for name, data in files.items():
        if data is None:     # a JPEG cut short in its image data
            data = photo_with_gps(repo / name).read_bytes()[:-200]
        (repo / name).write_bytes(data)
    cold = counts(cli, repo, True, "--no-vision", *argv)
    warm = counts(cli, repo, False, "--no-vision", *argv)
    assert cold == warm
    assert cold[1] == not_checked
    assert cold[0] == 1 + len(files) - sum(not_checked.values())
    if not not_checked:
        assert cold[3] == [] and "not checked" not in cold[2]
