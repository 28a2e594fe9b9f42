"""Precision and recall of SL301+SL302+SL303 on the page shapes heldout_m missed (issue 10, session 8), a
tuning split.

tests/names/cases/tune_shapes.yaml holds pages written by hand for each shape, generalised from heldout_m's
misses, and their traps: component data records (a `Record` of people mapped with `Object.values` /
`Object.entries`, a Vue component's `data()` and `setup()`), template includes with data (Hugo shortcodes
and `dict` partials, Jekyll and Liquid includes, Nunjucks `{% set %}` records, Jinja macro calls), a heading
titling the article that holds one photo, a name two paragraphs after a photo, front-matter people under
keys of their own; traps: a German caption in a German component, records of rooms and houses, a template
tag in a code block, a heading over two photos, a third paragraph, a post's author. Scored as
test_precision.py scores the held-out splits, with and without a roster; tuned on, so a regression check,
not a claim:

    pytest tests/names -s -k "precision and shape"
"""

from __future__ import annotations

import pytest
import yaml

from tests.names.test_precision import CASES, HELDOUT_SHA256, key, load
from tests.names.test_precision_site_shapes import measure_site

# tune_shapes_o (R, session 9): the shapes heldout_n missed: page-level photo-name pairs (JSON-LD, Open
# Graph and Twitter cards), lists of names beside one photo (HTML, Markdown, components), template macros and
# tags with positional arguments, featured images under nested photo keys; with their traps.
# tune_shapes_p (R, session 10): shapes of real school sites schoollint did not read (page builders' caption
# blocks, image maps, figure shortcode bodies and nested shortcodes, CSS background photos, book covers told by
# their markup, components' caption props, video captions tracks); with their traps.
SPLITS = ("tune_shapes", "tune_shapes_o", "tune_shapes_p")


def cases(split: str = "tune_shapes") -> list[dict]:
    return yaml.safe_load((CASES / f"{split}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("split", SPLITS)
def test_shape_cases_are_apart_from_the_held_out_names(split):
    """No name of a shape tuning split is a name of a held-out one, of the other site-shape split or of the
    other shape split."""
    mine = {key(name) for case in cases(split) for name in case["names"]}
    assert len(mine) >= 25 and sum(not case["names"] for case in cases(split)) >= 10
    others = {key(name) for other in (*HELDOUT_SHA256, "tune_sites") for case in load(other) for name in case["names"]}
    others |= {key(name) for other in SPLITS if other != split for case in cases(other) for name in case["names"]}
    assert not mine & others


@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("with_roster", [False, True], ids=["no-roster", "roster"])
def test_precision_tune_shapes(tmp_path, split, with_roster):
    measure_site(tmp_path, split, cases(split), with_roster)
