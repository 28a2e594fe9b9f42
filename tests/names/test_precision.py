"""Precision and recall of SL301+SL302+SL303 on labelled pages (issue 10), through the command line.

tests/names/cases/ holds the labelled image-text pairs (see make_cases.py). Each case becomes a
page of a real site in a temporary folder, with a real JPEG for every photo it shows; schoollint
checks the site with and without a roster shaped like a school's MIS export, and each reported
name is matched to the case's labels.

    pytest tests/names -s -k precision             # prints the tables

The held-out splits are only measured: their digests are pinned here, so editing one fails a test,
and the finder is tuned on the "tune" split only (`-k "precision and tune"`). make_cases.py says what
was looked at when.
"""

from __future__ import annotations

import csv
import hashlib
import json
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from schoollint.cli import main
from tests.kit.images import encode, photo

CASES = Path(__file__).with_name("cases")
# Held-out splits and their digests: "heldout" (written before tuning, measured untuned, then looked
# at), "heldout_b" and "heldout_c" (each written after the fixes before it, measured, then looked
# at), "heldout_d" (written after session 2's last change to the finder, measured once, then looked at
# while tuning in session 3), "heldout_e" (written in session 3 before any finder change of that
# session, committed on its own, measured once at its end, its per-kind table read), "heldout_f"
# (written after heldout_e was read, before any further finder change, committed on its own, not
# measured until the end of that work, then measured once), "heldout_g" (written in session 4 before
# any finder or word-list change of that session, committed on its own, measured once at its end, its
# misses read), "heldout_h" (written after heldout_g was read, before any further finder change, aimed
# at the kinds heldout_g missed, committed on its own, measured once at the end of that work),
# "heldout_i" (written after heldout_g and heldout_h were read, before the component-prop change, a
# third of it component cards and their traps, committed on its own, measured once at its end),
# "heldout_j" (written in session 5 before any finder change of that session, new names and new
# templates, a fifth of it components, committed on its own, measured once at the end of that work),
# "heldout_k" (written in session 5 after heldout_j was read, before the component-reader change, over a
# third of it components and their traps, committed on its own, measured once at the end of that work).
# "heldout_l" (written in session 6 before any finder change of that session, 110 of its cases components,
# 51 of them MDX, committed on its own, measured once at the end of that work).
# "heldout_m" (written in session 7 by L blind to the finder and before its changes of that session were
# read, commit 13f2389: 544 cases, 98 of them components, new shapes such as WordPress block markup, Hugo
# and Eleventy shortcodes, JSON/YAML staff data; not run until the end of that session's work).
# "heldout_n" (written in session 8 by L blind to the finder and before its changes of that session, commit
# eebc478: 647 cases, 116 of them components; whole HTML documents, Django templates, Astro content
# collections; not run until the end of that session's work).
# "heldout_o" (written in session 9 by L blind to the finder and to every commit after bd82cb5, commits
# 33ba02e and b6a2035: 650 cases, 123 of them components; feeds, image sitemaps, staff CSV, SvelteKit
# pages, Urdu in its own script; not run until the end of that session's work).
# "heldout_p" (written in session 10 by L blind to the finder and to every commit after f301c73, commit
# 0f2682f: 850 cases, 147 of them components; Gutenberg blocks, [caption], page-builder exports, video
# posters, CSS heroes, image maps, staff titles, eleven more page languages; not run until the end of
# that session's work).
# The targets are asserted on the latest split measured; heldout_g to heldout_l keep theirs as regression
# checks (read).
HELDOUT_SHA256 = {"heldout_p": "082050456931a24bb2dd174974c6a992964a217720eaec6455ac21e4fd4b7884",
                  "heldout_o": "b3a7320db8860cc55698e8f6ffd110534c434810cca84653f201e8f59b3b1bff",
                  "heldout_n": "ae169c840a4b6d70f68b9983155f6c3fa07cd639c1e0c5d40ef046bbe7fde2d8",
                  "heldout_m": "922e7c72103f80a3219615b45ad020667eda275d258958dc49404d454e8d2013",
                  "heldout_l": "6f16484a25e777193b1f0e776406eaa3fdee32621ce8358a46fd4134b0fbffc4",
                  "heldout_k": "b132674ada01564e4c24b23a8a98f5921eda93c16036b635617de7d9bda20cc0",
                  "heldout_j": "85987242ef73070319194140d795ac2458efd65268358b906eae00dea3db4445",
                  "heldout_i": "6e528fc7108d94e0e5a83fc4b7974b3f7efae368e62548d8e99b00ef662265b5",
                  "heldout_h": "3ed735c46ea3eb2f8e1d69e0741ca54968fa49a4f98c141ca5aaa271f352466d",
                  "heldout_g": "06cd840582472a0b3541673a8931da5de709bbd8a61da906f7b7eadbc7935ea3",
                  "heldout_f": "946178001e9c6f8dfc9b5784b30990e0f27f8d8b9cc833fb9d6e7ebddc7b00d1",
                  "heldout_e": "f49c6c657b48596260c886fc50ee645714b0c2477dec62e237d6f3fe8a0f2f92",
                  "heldout": "d81077456cf2a7402c4c1c2592233cf9596a0ddc7bccb11b5094e9da0d944224",
                  "heldout_d": "9cc99cd0d6b6a76dde1766e6e7e8e4033a38c310842b4aa36998f34ecce8b587",
                  "heldout_c": "66a0d21bda726f0b378d7a2a7118ead61982bec1c75467b7b0474c8106f489cc",
                  "heldout_b": "ec7a2f94339396158ae685883ed2e051dd780062a9f91dd0c32b15125c03cad8"}
TARGETS = {False: (0.95, 0.90), True: (0.98, 0.98)}     # with roster?: (precision, recall)
# What heldout_f measured when it was first run (P 0.995 / R 0.921; roster P 0.995 / R 0.931), rounded
# down: a change that falls below is a regression, whatever the targets say.
FLOORS = {False: (0.99, 0.92), True: (0.99, 0.93)}
PAGE_PATHS = {"html": "site/{id}.html", "md": "content/{id}.md", "fm": "content/{id}.md", "data": "_data/{id}.yml",
              "jsx": "src/{id}.jsx", "vue": "src/components/{id}.vue", "tsx": "src/{id}.tsx",
              "svelte": "src/lib/{id}.svelte", "astro": "src/pages/{id}.astro",
              "mdx": "content/{id}.mdx", "json": "_data/{id}.json", "njk": "src/{id}.njk",
              "page": "site/{id}.html", "django": "templates/{id}.html",
              "staff": "src/content/staff/{id}.md", "blog": "src/content/blog/{id}.md",
              "xml": "site/{id}.xml", "csv": "_data/{id}.csv", "sveltekit": "src/routes/{id}/+page.svelte"}
# The issue: "Historic or public figures are a judgement call: leave them reported". heldout_o labels
# portraits of historical figures as traps; a finder doing what the issue asks reports them, so these
# kinds are shown in the table but counted neither way (decided before heldout_o was first run).
JUDGEMENT_CALLS = {"trap-historical-figure", "trap-component-historical-figure"}


def load(split: str) -> list[dict]:
    return yaml.safe_load((CASES / f"{split}.yaml").read_text(encoding="utf-8"))


def key(text: str) -> str:
    """Letters only, lower case, no accents: "Çelik" and "celik" agree."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i"))
    return "".join(ch for ch in decomposed if ch.isalpha() and not unicodedata.combining(ch))


def page_text(case: dict) -> str:
    if case["format"] == "html":
        return f"<!doctype html>\n<html lang=\"{case['lang']}\"><body>\n{case['page']}\n</body></html>\n"
    if case["format"] == "md" and case["lang"] != "en":
        return f"---\nlang: {case['lang']}\n---\n{case['page']}"
    return case["page"]


def build_site(root: Path, cases: list[dict]) -> dict[str, str]:
    """Pages and photos on disk; returns which case each page or photo belongs to."""
    jpeg = encode(photo(), "JPEG")
    owner = {}
    for case in cases:
        page = root / PAGE_PATHS[case["format"]].format(id=case["id"])
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(page_text(case), encoding="utf-8")
        owner[page.relative_to(root).as_posix()] = case["id"]
        for src in _sources(case["page"]):
            media = root / src.lstrip("/")
            media.parent.mkdir(parents=True, exist_ok=True)
            media.write_bytes(jpeg)
            owner.setdefault(media.relative_to(root).as_posix(), case["id"])
    (root / "other.jpg").write_bytes(jpeg)
    return owner


def _sources(page: str) -> set[str]:
    import re

    return set(re.findall(r"(/(?:images|img)/[^\s\"')\]]+\.(?:jpe?g|png))", page))


def write_roster(path: Path, cases: list[dict]) -> None:
    """A roster as an MIS exports it: headers in its own order, legal and preferred names, extra columns."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["UPN", "Legal Surname", "Legal Forename", "Preferred Forename", "Year", "Reg Group", "DOB"])
        people = {tuple(name.split(" ", 1)) for case in cases for name in case["names"]}
        for number, (first, last) in enumerate(sorted(people)):
            out.writerow([f"A{number:012d}", last, first, first, "6", "6B", "2014-01-01"])


def run(root: Path, roster: Path | None) -> list[dict]:
    out = root.parent / "report.json"
    arguments = ["check", str(root), "--select", "SL301,SL302,SL303", "--output-format", "json",
                 "--show-values", "-o", str(out), "--no-cache", "--exit-zero", "--no-progress", "-q", "--jobs", "1"]
    if roster is not None:
        arguments += ["--roster", str(roster)]
    main(arguments)
    return json.loads(out.read_text(encoding="utf-8"))["findings"]


def score(cases: list[dict], owner: dict[str, str], findings: list[dict]) -> dict[str, list[int]]:
    """Per kind: [gold names, gold found, names reported, reported correctly]."""
    by_id = {case["id"]: case for case in cases}
    reported: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        case_id = owner.get(finding["path"])
        assert case_id is not None, f"a finding outside the cases: {finding['path']}"
        reported[case_id].update(name for name in finding.get("value", "").split("; ") if name)
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for case_id, case in by_id.items():
        row = table[case["kind"]]
        gold = [(key(name.split(" ", 1)[0]), key(name.split(" ", 1)[1])) for name in case["names"]]
        names = [key(name) for name in reported[case_id]]
        row[0] += len(gold)
        row[1] += sum(any(first in name and last in name for name in names) for first, last in gold)
        row[2] += len(names)
        row[3] += sum(any(first in name and last in name for first, last in gold) for name in names)
    return dict(table)


def totals(table: dict[str, list[int]]) -> tuple[float, float]:
    counted = [row for kind, row in table.items() if kind not in JUDGEMENT_CALLS]
    gold, found, reported, right = (sum(row[i] for row in counted) for i in range(4))
    return (right / reported if reported else 1.0), (found / gold if gold else 1.0)


def show(title: str, table: dict[str, list[int]]) -> None:
    print(f"\n{title}\n| kind | names | found | recall | reported | right | precision |\n|---|---|---|---|---|---|---|")
    for kind, (gold, found, reported, right) in sorted(table.items()):
        recall = f"{found / gold:.3f}" if gold else "-"
        precision = f"{right / reported:.3f}" if reported else "-"
        shown = f"{kind} (a judgement call: not counted)" if kind in JUDGEMENT_CALLS else kind
        print(f"| {shown} | {gold} | {found} | {recall} | {reported} | {right} | {precision} |")
    precision, recall = totals(table)
    print(f"| **all** | | | **{recall:.3f}** | | | **{precision:.3f}** |")


def measure(tmp_path: Path, split: str, with_roster: bool) -> tuple[float, float]:
    cases = load(split)
    root = tmp_path / "site"
    owner = build_site(root, cases)
    roster = None
    if with_roster:
        roster = tmp_path / "roster.csv"
        write_roster(roster, cases)
    table = score(cases, owner, run(root, roster))
    show(f"{split}, {'with' if with_roster else 'without'} a roster", table)
    return totals(table)


@pytest.mark.parametrize("split", sorted(HELDOUT_SHA256))
def test_cases_are_enough_and_split_apart(split):
    tune, heldout = load("tune"), load(split)
    pairs = [case for case in tune + heldout if case["names"]]
    traps = [case for case in tune + heldout if not case["names"]]
    assert len(pairs) >= 300 and len(traps) >= 100
    assert {case["format"] for case in pairs} >= {"html", "md", "fm", "data"}
    others = {key(name) for other in ("tune", *HELDOUT_SHA256) if other != split
              for case in load(other) for name in case["names"]}
    assert not others & {key(name) for case in heldout for name in case["names"]}


@pytest.mark.parametrize("split", sorted(HELDOUT_SHA256))
def test_heldout_split_is_unchanged(split):
    assert hashlib.sha256((CASES / f"{split}.yaml").read_bytes()).hexdigest() == HELDOUT_SHA256[split]


@pytest.mark.parametrize("with_roster", [False, True], ids=["no-roster", "roster"])
def test_precision_tune(tmp_path, with_roster):
    measure(tmp_path, "tune", with_roster)


@pytest.mark.parametrize("split", ["heldout", "heldout_b", "heldout_c", "heldout_d", "heldout_e", "heldout_f"])
@pytest.mark.parametrize("with_roster", [False, True], ids=["no-roster", "roster"])
def test_precision_on_the_held_out_splits_that_were_looked_at(tmp_path, split, with_roster):
    measure(tmp_path, split, with_roster)


@pytest.mark.parametrize("with_roster", [False, True], ids=["no-roster", "roster"])
def test_precision_fresh_eyes_kinds(tmp_path, with_roster):
    """The shapes a new user's trial found (a name in the paragraph before a photo or split across
    source lines; places in a list, lower-case prose, a title word before a name): written with their
    fixes, so looked at; measured before and after them."""
    precision, recall = measure(tmp_path, "fresh_eyes", with_roster)
    assert precision >= TARGETS[with_roster][0] and recall >= TARGETS[with_roster][1], (precision, recall)


@pytest.mark.parametrize("with_roster", [False, True], ids=["no-roster", "roster"])
def test_precision_heldout_keeps_its_measured_floor(tmp_path, with_roster):
    precision, recall = measure(tmp_path, "heldout_f", with_roster)
    floor_precision, floor_recall = FLOORS[with_roster]
    assert precision >= floor_precision and recall >= floor_recall, (precision, recall)


# heldout_g, measured once (session 4, after the featured-image text and the name supplement): without a
# roster P 0.971 >= 0.95 and R 0.902 >= 0.90 (met, narrowly); with one P 0.981 >= 0.98 but R 0.906 < 0.98
# (issue 10 stays open). The misses, the same with and without the roster: card layouts whose name is
# a heading after the picture's <header> (7 of 35) or a component's `name` prop beside its `image` prop
# (7): text the roster is never shown; and names run together before another word in a file name
# ("firstlast_final.jpg", 7 of 14), which the roster splits only when it is the name's only word.
# Precision: a Welsh page ("Dawnsio Gwerin": no Welsh word list) and "year6-natalia-kołodziej.jpg" (the
# "ł" cut the surname). Its misses were read and fixed since (with the roster met after the component-prop
# change: R 1.000), so it is a regression check now, not a claim.
# heldout_h, measured once (session 4, after the fixes heldout_g's misses led to: a wrapper element
# holding only the photo, names run together beside a word, pages without a word list): without a
# roster P 1.000 R 0.847, with one P 1.000 R 0.894: recall missed both ways. Misses: components whose
# picture and name are props of one element (`<TeamMember photo= fullName=>`, 14 of 42 card names:
# pages/markup.py reads only `src`), names written surname first in a file name
# ("{surname}-{first}-y6.jpg", 7 of 7 without and 6 of 7 with a roster; the roster reads that form
# since, measured by no split yet), and names run together that the lists lack (6 of 14, none with the
# roster). Read since; after the component-prop change: P 1.000 R 0.921 without a roster, P 1.000 R 1.000
# with one, so a regression check now, not a claim.
# heldout_i, measured once (session 4, F6, after the component-prop change; load 6.5): without a roster
# P 0.950 (152/160) R 0.944 (152/161): met, precision by a hair; with one P 0.951 (154/162) R 0.957
# (154/161): not met. Component cards 63 of 63 found both ways, their traps wrong 4 times. Misses read
# after: a card whose name and role are adjacent inline elements (`<strong>{name}</strong><em>Co-opted
# governor</em>` in an `li`: read run together, 7 of 14 card names) and a camel-case and a run-together
# file name without a roster (1 each); wrongly reported: places after "at"/"in" ("at Abbey Fields" in a
# component's title prop, "in Lyme Regis" in a figcaption: 4 each). Read and fixed since (session 5: a
# word break between such inline elements, places after "at"/"in", stronger evidence for names the roster
# lacks): P 1.000 R 0.988 without a roster, P 1.000 R 1.000 with one, so a regression check now, not a claim.
# heldout_j, measured once (session 5, H10, after that session's changes to the finder; load 10.7):
# without a roster P 0.990 (202/204) R 0.902 (202/224): met; with one P 0.991 (210/212) R 0.938
# (210/224): recall not met. Misses read after: component cards (28 of 42 found both ways): Vue props in
# kebab case (`<StaffProfile photo-url= staff-name=>`, 7) and React-Bootstrap cards whose name is a
# child element (`<Card.Img src=>` then `<Card.Title>name</Card.Title>`, 7), read by pages/markup.py;
# without a roster also a given name that is an English word ("Till", 2), surname-first and
# run-together file names with names the lists lack (6); wrongly reported both ways: two first names the
# lists lack before a word in a file name ("darragh-zuzia-costume.jpg", 2). Read and fixed since (session
# 5, N1: props in any case style, a compound card's children as its photo's caption, a card's blocks set
# apart; N2: word lists without names): P 0.991 R 0.964 without a roster, P 0.991 R 1.000 with one, so a
# regression check now, not a claim.
# heldout_k, measured once (session 5, N1, after the component-reader change at b2f3eaf; load 4.1):
# without a roster P 0.993 (146/147) R 0.907 (146/161): met; with one P 0.993 (146/147) R 0.907
# (146/161): recall not met. Component cards in JSX, TSX, Vue, Svelte and Astro 84 of 84 found both ways
# (kebab, camel and snake props, compound cards, named slots), their 36 traps never reported. Misses read
# after: every MDX component (`<PhotoCard imageUrl= personName=>`, `<Polaroid src=>name</Polaroid>` in a
# .mdx page, 14 of 14: .mdx is read as Markdown, whose reader does not read JSX props); wrongly reported
# both ways: a reversed name with a particle ("de Vries, Fenna" read as "Vries, Fenna", 1). strict: when
# met this fails, so the marker comes off. Session 6 (M, MDX read as MDX and reversed names with particles,
# after reading those misses): P 1.000 R 1.000 both ways, so the marker is off; a regression check now.
# heldout_l, written in session 6 by L before any finder change of that session (commit 424cc0a, before
# MDX was read as MDX), not run until the end of the session's work, then measured once (15:20 UTC, load
# 2.1, at a359830's successors up to c600069): without a roster P 0.964 R 0.854, with one P 0.981 R 0.900:
# recall missed both ways (targets 0.95/0.90 and 0.98/0.98). Misses by kind (without / with a roster):
# Vue component props 0/7 and 0/7, the second person of two-person staff grids 14/28 and 14/28,
# component-imported-image 13/21 and 14/21; without a roster also non-English names 18/21, lead-in
# captions 19/21, featured-image keys 19/21, camel-case and run-together file names 6/7 each. Wrongly
# reported: stock credits (4 both ways) and a first name beside a word in a file name (2; 1 with a
# roster). Read and fixed since (session 6, R: a component photo's next paragraph, GFM table cells below
# photos, stock-library credits, particles the lists lack): P 0.993 R 0.986 without a roster, P 0.996
# R 1.000 with one, so it is a regression check now, not a claim; heldout_m is the claim.
# heldout_m, written in session 7 by L blind to the finder (commit 13f2389), not run until the end of
# that session's work (R's site shapes, the trial's NFD names and run-together words), then measured once
# (18:23 UTC, load 1.3, at 8103147): without a roster P 0.954 R 0.813, with one P 0.980 R 0.877:
# precision met both ways, recall missed both ways (targets 0.95/0.90 and 0.98/0.98). Misses by kind
# (without / with a roster): component data records 13/35 and 14/35 (a Record of people objects mapped
# to <Image>), template includes 20/35 and 21/35 (a Hugo `{{% council-member name= photo= %}}` shortcode,
# a Nunjucks `{% set pupil = {...} %}` before an include), a name in an <h2> above a photo in the
# same article 7/14 both ways, a name two paragraphs after the photo 6/14 and 7/14, front-matter people
# under `full_name:`/`headshot:` 14/21 both ways; without a roster also hyphenated and camel-case file
# names 9/14 and 5/7, reversed or lower-case names 16/21. Wrongly reported: a stock credit and a
# sentence on an other-language page (4 each, both ways), without a roster a thing named after a person
# and a component data record trap (4 each). Read and fixed since (session 8, R: component data records,
# template includes, article headings, two paragraphs after, front-matter people; N: camelCase,
# hyphenated, reversed and lower-case names, stock credits, things named after people, other-language
# sentences): P 1.000 R 0.989 without a roster, P 1.000 R 1.000 with one, so the strict xfail marker is
# off and it is a regression check now; heldout_n is the claim.
# heldout_n, written in session 8 by L blind to the finder (commit eebc478, before any finder change of
# that session was read by L), not run until the end of that session's work, then measured once (21:03
# UTC, load 1.4, at 6ceebd8): without a roster P 0.963 R 0.821, with one P 0.993 R 0.897: precision
# met both ways, recall missed both ways (targets 0.95/0.90 and 0.98/0.98). Misses by kind (without /
# with a roster): kinds never read, both ways: a JSON-LD `Person` with its `image` (0/7), `og:image`
# with the name in `og:title` (0/7), a prize list beside a photo (0/21), a component team line-up
# (0/21); template macros 27/35 and 28/35; without a roster also featured images under other keys
# 16/21, run-together file names 3/7, non-English names 35/42, front-matter people 31/35. Wrongly
# reported: a stock credit (4, both ways), without a roster a thing named after a person (4). Read and
# fixed since (session 9, R: social cards and JSON-LD items, lists after a photo, positional template
# arguments, nested featured photos; N: Welsh given names, dotted and run-together file names,
# particles, stock credits, things named after people in more languages): P 1.000 R 0.992 without a
# roster, P 1.000 R 1.000 with one, so the strict xfail marker is off: a regression check now.
# heldout_o, written in session 9 by L blind to the finder and to every commit after bd82cb5 (commits
# 33ba02e, b6a2035; digest pinned at dfb7a42 before any run), not run until the end of that session's
# work, then measured once (23:42 UTC, load 1.2, at 9cfb454): without a roster P 0.946 R 0.828, with
# one P 0.976 R 0.882: all four targets missed (0.95/0.90 and 0.98/0.98). Shapes never read, both ways:
# a name in aria-label/aria-describedby (0/14; in components 0/7), an Eleventy paired shortcode's body
# (0/7), an RSS/Atom item's title beside its media:content or enclosure (0/14), a "Meet the team" <dl>
# whose <dt> names the person (0/14), an image sitemap's image:title/caption (0/7). Without a roster
# also surname-first file names 3/7, non-English names 41/49, Astro <Picture> and mapped arrays 17/21.
# Wrongly reported: company names (8 without a roster, 4 with), component book authors and companies (4
# each, both ways), saints' days (4, without a roster). Historical figures: counted neither way.
# Read and fixed since (session 9, R: accessible names and descriptions, description-list groups,
# paired shortcodes' bodies, feed items and image sitemaps; N: firms named after people, saints' days,
# listed book authors, two surnames without a hyphen): P 0.998 R 0.949 without a roster, P 1.000 R
# 0.996 with one, so the strict xfail marker is off: a regression check now, not a claim. The next
# held-out split, written before the next round of changes, is the claim.
# Each of these splits was measured once, then read and fixed: they stay as regression checks.
@pytest.mark.parametrize("split", ["heldout_g", "heldout_h", "heldout_i", "heldout_j", "heldout_k", "heldout_l",
                                   "heldout_m", "heldout_n", "heldout_o"])
@pytest.mark.parametrize("with_roster", [False, True], ids=["no-roster", "roster"])
def test_precision_read_heldout_splits_still_meet_the_targets(tmp_path, split, with_roster):
    precision, recall = measure(tmp_path, split, with_roster)
    want_precision, want_recall = TARGETS[with_roster]
    assert precision >= want_precision and recall >= want_recall, (split, precision, recall)


# heldout_p, the latest split (the claim): written blind by L, measured once at 02:13 UTC in session 10 at
# e79f2f8 (after all of that session's finder work): without a roster P 0.966 R 0.754, with one P 0.977
# R 0.815: recall missed both ways, precision with a roster too. Misses (both ways unless said): shapes
# never read: an <object>/<embed> image (0/14), a staff title before a full name (0/14, "Mrs Jane Doe"),
# a prize list (0/14), a WordPress export's attachment captions for [gallery ids=] (0/14), Eleventy's
# eleventyComputed (0/7), an ALL CAPS team sheet (0/7); components: a CSS background hero (0/14), Vue
# withDefaults(defineProps()) arrays (0/14), Svelte `export let` arrays in {#each} (0/14), a shadcn
# Avatar (0/7), a link's title (0/7); half of the names split over two lines and of titles on a
# wrapper (7/14 each); non-English names without a roster 62/77. Wrongly reported: book authors beside
# covers (4 in pages without a roster, 4 in components both ways), a video poster's caption twice in
# components (7). Of its 86 kinds, the 46 that no finder brief of the session named: P 1.000 R 0.783 /
# 0.812; the 40 that one did: P 0.934 R 0.726 / P 0.957 R 0.817 (the briefs and the split's author
# shared a list of shape ideas).
# Read and fixed since (session 10, R2: <object>/<embed>, wrapper titles, prize lists after a bold lead-in,
# WordPress exports under any .xml name, components' background heroes, link titles, Vue prop defaults,
# keyed Svelte each blocks, avatar fallbacks; N2: names over two lines, d' and Al- surnames, hyphenated
# given names in reversed forms, the roster over a staff title): without a roster P 0.975 R 0.929 (met,
# a regression check now), with one P 0.984 R 0.980 (0.9796: recall just under, still a strict xfail).
# Left: Eleventy's eleventyComputed, ALL CAPS team sheets, staff titles before full names without a roster
# (staff by the documented policy; the split labels them pupils'), book credits without a cover sign.
# strict: when met this fails, so the marker comes off.
UNDER = pytest.mark.xfail(strict=True, reason="heldout_p with a roster: recall 0.9796 after reading, under 0.98")


@pytest.mark.parametrize("with_roster", [False, pytest.param(True, marks=UNDER)], ids=["no-roster", "roster"])
def test_precision_latest_heldout_meets_the_targets(tmp_path, with_roster):
    precision, recall = measure(tmp_path, "heldout_p", with_roster)
    want_precision, want_recall = TARGETS[with_roster]
    assert precision >= want_precision and recall >= want_recall, (precision, recall)
