"""A Svelte `{#each}` block with a key (`{#each winners as w (w.name)}`, Svelte docs "{#each ...}": a keyed
each block) over an `export let` array repeats its markup per item like one without: each photo's caption is
read with that item's words (issue 10). Through the command line on a real .svelte file and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import lint

SVELTE = """<script>
  export let winners = [
    { name: "Angharad Llwyd", photo: "/images/sk1.jpg", prize: "Art" },
    { name: "Kofi Boateng-Mensah", photo: "/images/sk2.jpg", prize: "Music" },
  ];
</script>

<section>
  {#each winners as w, i (w.name)}
    <figure><img src={w.photo} alt="" /><figcaption>{w.name}, {w.prize} prize</figcaption></figure>
  {/each}
</section>
"""


def test_a_keyed_each_over_exported_props(tmp_path):
    found = lint(tmp_path / "s", {"src/lib/Winners.svelte": SVELTE})
    assert {(code, value) for code, _path, value in found} == {
        ("SL303", "Angharad Llwyd"), ("SL303", "Kofi Boateng-Mensah")}
