"""A component's list of names beside one photo (issue 10, heldout_n's `component-team-line-up` misses),
through the command line on real components and JPEGs: an array of names rendered as a list right after a
photo, or after a heading that follows it, read once per item of the array (JSX `.map()`, Vue `v-for` over
`data()`, Svelte `{#each}`, Astro over records). Traps: fixtures, first names only, an array the component
cannot read (unknown, never clean).
"""

from __future__ import annotations

import json

from schoollint.cli import main
from tests.names.test_issue10_kinds import JPEG, findings, lint

JSX = """const squad = [{names}];

export default function Team() {{
  return (
    <section className="report">
      <img src="/images/{folder}/team.jpg" alt="The team" />
      <h3>Starting line-up</h3>
      <ol>
        {{squad.map((player) => (
          <li key={{player}}>{{player}}</li>
        ))}}
      </ol>
    </section>
  );
}}
"""


def _jsx(folder: str, *people: str) -> str:
    return JSX.format(folder=folder, names=", ".join(json.dumps(person) for person in people))


def test_an_array_of_names_mapped_into_a_list_under_the_photo(tmp_path):
    found = findings(tmp_path / "s", {"src/Team.jsx": _jsx("t", "Giacomo Fairweather-Oni", "Ngozi Villeneuve")})
    assert [(f["field"], f["value"], f["line"]) for f in found] == [     # at the item's line of the list
        ("list below the photo", "Giacomo Fairweather-Oni", 10), ("list below the photo", "Ngozi Villeneuve", 10)]


def test_vue_svelte_and_astro_line_ups(tmp_path):
    found = lint(tmp_path / "s", {
        "src/components/Debate.vue": (
            '<template>\n  <div class="debate">\n    <img src="/images/d/debate.jpg" alt="" />\n    <ul>\n'
            '      <li v-for="speaker in speakers" :key="speaker">{{ speaker }}</li>\n    </ul>\n  </div>\n'
            '</template>\n\n<script>\nexport default {\n  data() {\n'
            '    return { speakers: ["Ezekiel Moorcroft-Ade", "Valentina Osei-Bonsu"] };\n  },\n};\n</script>\n'),
        "src/lib/Winners.svelte": (
            '<script>\n  const winners = ["Ludovica Harrowgate", "Kwabena Thorsby-Lee"];\n</script>\n\n<section>\n'
            '  <img src="/images/w/winners.jpg" alt="" />\n  <h3>Winners</h3>\n  <ul>\n'
            '    {#each winners as winner}\n      <li>{winner}</li>\n    {/each}\n  </ul>\n</section>\n'),
        "src/pages/cricket.astro": (
            '---\nconst team = [\n  { name: "Florentyna Ashdown-Obi", position: "wicket keeper" },\n'
            '  { name: "Barnaby Okwuosa", position: "captain" },\n];\n---\n<section>\n'
            '  <img src="/images/c/cricket.jpg" alt="" />\n  <h2>The team</h2>\n  <ul>\n'
            '    {team.map((player) => <li>{player.name} ({player.position})</li>)}\n  </ul>\n</section>\n'),
    })
    assert {(path, value) for _code, path, value in found} == {
        ("src/components/Debate.vue", "Ezekiel Moorcroft-Ade"), ("src/components/Debate.vue", "Valentina Osei-Bonsu"),
        ("src/lib/Winners.svelte", "Ludovica Harrowgate"), ("src/lib/Winners.svelte", "Kwabena Thorsby-Lee"),
        ("src/pages/cricket.astro", "Florentyna Ashdown-Obi"), ("src/pages/cricket.astro", "Barnaby Okwuosa")}


def test_fixtures_and_first_names_are_not_reported(tmp_path):
    found = lint(tmp_path / "s", {
        "src/Fixtures.jsx": _jsx("f", "Saturday v Oakfield Juniors", "Wednesday v St Mary's"),
        "src/Readers.jsx": _jsx("r", "Poppy", "Kofi", "Ines"),
    })
    assert found == []


def test_a_list_over_an_array_it_cannot_read_is_unknown_not_clean(tmp_path, capsys):
    """`squad` comes from a prop: its items' text is unknown, so the run says so in its note."""
    page = _jsx("u", "x").replace('const squad = ["x"];\n', "").replace("function Team()", "function Team({ squad })")
    root = tmp_path / "s"
    (root / "src").mkdir(parents=True)
    (root / "src/Team.jsx").write_text(page)
    (root / "images/u").mkdir(parents=True)
    (root / "images/u/team.jpg").write_bytes(JPEG)
    assert main(["check", str(root), "--select", "SL303", "--no-cache", "--no-progress", "--exit-zero"]) == 0
    assert "cannot resolve" in capsys.readouterr().err


def test_an_array_joined_into_a_caption(tmp_path):
    """`Back row: {backRow.join(", ")}` in the photo's figcaption: the array's names, joined as the page shows them."""
    found = lint(tmp_path / "s", {"src/Rowing.tsx": (
        'import Image from "next/image";\nimport crew from "../images/crew.jpg";\n\n'
        'const backRow = ["Auberon Kessington", "Lucasta Oyinlola"];\n\nexport default function Rowing() {\n'
        '  return (\n    <figure>\n      <Image src={crew} alt="The crew" />\n'
        '      <figcaption>Back row: {backRow.join(", ")}</figcaption>\n    </figure>\n  );\n}\n')})
    assert [value for _code, _path, value in found] == ["Auberon Kessington; Lucasta Oyinlola"]
