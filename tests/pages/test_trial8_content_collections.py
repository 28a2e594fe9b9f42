"""Astro content collections are site data (trial 8 item 2): `src/content/<collection>/*.{json,yaml,yml}` read
as `_data/` files are (full names beside photos, SL304 for a photo that is not there), paths resolved from the
entry's folder as Astro's `image()` does (or, as for every page, from the site root);
an entry that cannot be read is not checked, never counted as checked. Through the command line on real files."""

from __future__ import annotations

import json
from pathlib import Path

from schoollint.cli import main
from tests.kit.git import git
from tests.kit.images import encode, photo


def check(root: Path, files: dict[str, str | bytes], *paths: str) -> dict:
    for relpath, content in files.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (root / relpath).write_bytes(content)
        else:
            (root / relpath).write_text(content, encoding="utf-8")
    out = root.parent / "out.json"
    targets = [str(root / path) for path in paths] or [str(root)]
    assert main(["check", *targets, "--output-format", "json", "--show-values", "-o", str(out), "--no-cache",
                 "--exit-zero", "--no-progress", "-q"]) == 0
    return json.loads(out.read_text())


def codes(report: dict) -> set[tuple[str, str]]:
    return {(finding["code"], finding["path"]) for finding in report["findings"]}


def test_collection_entries_in_yaml_and_json_are_read_for_names_and_missing_photos(tmp_path):
    site = tmp_path / "s"
    site.mkdir()
    git(site, "init", "-q")
    report = check(site, {
        "src/content/config.ts": "export const collections = {};\n",
        "src/content/staff/deputy.yaml": "name: Rhodri Vaughan-Price\nrole: Deputy Head\nphoto: ./nothere.jpg\n",
        "src/content/staff/head.json": '{ "name": "Bethan Llewellyn", "photo": "../../assets/head.jpg" }\n',
        "src/content/team/coaches.yml": "- name: Ffion Carrow-Jones\n  photo: ./ffion.jpg\n",
        "src/content/team/ffion.jpg": encode(photo(), "JPEG"),
        "src/assets/head.jpg": encode(photo(), "JPEG"),
    })
    assert codes(report) == {("SL303", "src/content/staff/deputy.yaml"), ("SL304", "src/content/staff/deputy.yaml"),
                             ("SL303", "src/content/staff/head.json"), ("SL303", "src/content/team/coaches.yml")}
    assert report["files_not_checked"] == {}
    # Named on the command line alone, the entry is read too (trial 8: "no findings in 1 file checked").
    alone = check(site, {}, "src/content/staff/deputy.yaml")
    assert {code for code, _ in codes(alone)} == {"SL303", "SL304"}


def test_an_entry_that_cannot_be_read_is_not_checked(tmp_path):
    report = check(tmp_path / "s", {"src/content/staff/bad.yaml": "name: [Rhodri Vaughan-Price\n",
                                    "src/content/staff/bad.json": '{"name": "Bethan Llewellyn",\n'})
    assert report["files_not_checked"] == {".json": 1, ".yaml": 1}
    assert report["files_checked"] == 0
