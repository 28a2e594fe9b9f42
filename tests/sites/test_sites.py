"""Issue 9: real sites of every kind, in a Git repository: check, fix with --unsafe-fixes, check again.

Every expected finding appears; after the fixes every reference in the
site's reference index still leads to a file (SL304 finds nothing), the
moved photos are gone under their old names and staged in Git as moves.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from schoollint.pages.references import site_index
from tests.kit.git import commit_all, git
from tests.kit.sites import clean_photo
from tests.sites.sites import SITES


def build(root: Path, site: dict) -> None:
    for relpath, text in site["files"].items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        (root / relpath).write_text(text, encoding="utf-8")
    for relpath in site["photos"]:
        if relpath.endswith(".heic"):
            import pillow_heif

            pillow_heif.register_heif_opener()
        clean_photo(root / relpath)
    commit_all(root, "site")


def findings(cli) -> list[dict]:
    code, out, err = cli("check", "--no-cache", "--no-progress", "--output-format", "json")
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def found(items: list[dict]) -> set[tuple[str, str, int | None]]:
    return {(item["path"], item["code"], item["line"]) for item in items}


def broken_references(root: Path) -> list[str]:
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=root,
                           capture_output=True, text=True, check=True).stdout.split()
    index = site_index(root, files)
    return [f"{relpath}:{reference.line} {reference.written}" for target, places in index.items()
            if not (root / target).is_file() for relpath, reference in places]


@pytest.mark.parametrize("name", sorted(SITES))
def test_check_fix_and_check_again(name, repo, cli):
    site = SITES[name]
    build(repo, site)

    before = findings(cli)
    missing = site["expected"] - found(before)
    assert not missing, (missing, sorted(found(before)))
    assert not [item for item in before if item["code"] == "SL304"], before
    assert not any("Decoy" in (item.get("value") or "") for item in before)

    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--no-cache", "--no-progress")
    assert code in (0, 1), (out, err)

    after = findings(cli)
    assert not [item for item in after if item["code"] in ("SL304", "SL301", "SL106", "SL302")], after
    assert broken_references(repo) == []
    status = git(repo, "status", "--porcelain").splitlines()
    for old in site["moved"]:
        assert not (repo / old).exists()
        staged = [line for line in status if old in line]
        assert staged and staged[0][0] in "RD", (old, status)
    assert "staged in Git" in err
