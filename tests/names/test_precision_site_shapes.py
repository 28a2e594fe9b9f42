"""Precision and recall of SL301+SL302+SL303 on the shapes of real school sites (issue 10), a tuning split.

tests/names/cases/tune_sites.yaml holds pages written by hand as a safeguarding lead would meet them:
WordPress exports (wp:image and gallery blocks with figcaption, the classic [caption] shortcode), Hugo
`{{< figure >}}` shortcodes, Jekyll `{% include image.html %}` / `{% include figure %}`, Eleventy data
files and Nunjucks loops, lightbox `title` / `data-title` / `data-caption` attributes, team tables and
"back row" lines beside a photo, names in the heading above a photo, staff data files in JSON and YAML,
MDX galleries; and their traps: 77 pages, 94 names, 20 traps, written in three rounds, each measured before
the fixes it led to. Each case names its page's path in the site (`path`), so pages sit where
their generator keeps them. Scored as test_precision.py scores the held-out splits, with and without a
roster; tuned on, so a regression check, not a claim:

    pytest tests/names -s -k "precision and site_shapes"
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.kit.images import encode, photo
from tests.names.test_precision import (CASES, HELDOUT_SHA256, TARGETS, _sources, key, load, run, score, show,
                                        totals, write_roster)

SPLIT = "tune_sites"


def site(root: Path, cases: list[dict]) -> dict[str, str]:
    """Each case's page at its path and a real JPEG for every photo it shows; which case owns each file."""
    jpeg = encode(photo(), "JPEG")
    owner = {}
    for case in cases:
        page = root / case["path"]
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(case["page"], encoding="utf-8")
        owner[case["path"]] = case["id"]
        for src in _sources(case["page"]):
            (root / src.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
            (root / src.lstrip("/")).write_bytes(jpeg)
            owner.setdefault(src.lstrip("/"), case["id"])
    return owner


def cases() -> list[dict]:
    return yaml.safe_load((CASES / f"{SPLIT}.yaml").read_text(encoding="utf-8"))


def test_site_shapes_are_apart_from_the_held_out_names():
    """No name of this tuning split is a name of a held-out one (tuning on it must not tune on them)."""
    mine = {key(name) for case in cases() for name in case["names"]}
    assert len(mine) >= 40 and sum(not case["names"] for case in cases()) >= 10
    assert not mine & {key(name) for split in HELDOUT_SHA256 for case in load(split) for name in case["names"]}


@pytest.mark.parametrize("with_roster", [False, True], ids=["no-roster", "roster"])
def test_precision_site_shapes(tmp_path, with_roster):
    measure_site(tmp_path, SPLIT, cases(), with_roster)


def measure_site(tmp_path, split: str, labelled: list[dict], with_roster: bool) -> None:
    """A split of cases with their own paths, measured and held to the targets (tune_shapes uses it too)."""
    owner = site(tmp_path / "site", labelled)
    roster = None
    if with_roster:
        roster = tmp_path / "roster.csv"
        write_roster(roster, labelled)
    table = score(labelled, owner, run(tmp_path / "site", roster))
    show(f"{split}, {'with' if with_roster else 'without'} a roster", table)
    precision, recall = totals(table)
    assert precision >= TARGETS[with_roster][0] and recall >= TARGETS[with_roster][1], (precision, recall)
