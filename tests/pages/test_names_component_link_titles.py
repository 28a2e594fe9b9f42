"""A component's link around a photo with a `title` (`<a {href} title="Name: Sports Personality">` in Svelte,
Vue or JSX) is the photo's tooltip, as in HTML: it names whoever the photo shows (issue 10). Through the command
line on real component files and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import lint

SVELTE = """<script>
  export let href = "/news/sports-personality";
  export let winner = "%s";
</script>

<a {href} class="thumb" title={`${winner}: Sports Personality of the Year`}>
  <img src="/images/lt1.jpg" alt="" width="200" height="200" />
</a>
"""
JSX = """export const Thumb = () => (
  <a href="/news/x" title="Ngozi Okonkwo-Bell: Star of the Week"><img src="/images/lt2.jpg" alt="" /></a>
);
"""


def test_a_links_title_around_a_photo(tmp_path):
    found = lint(tmp_path / "s", {"src/lib/Thumb.svelte": SVELTE % "Priyanka Raghunathan",
                                  "src/components/Thumb.jsx": JSX})
    assert {(code, path, value) for code, path, value in found} == {
        ("SL303", "src/lib/Thumb.svelte", "Priyanka Raghunathan"),
        ("SL303", "src/components/Thumb.jsx", "Ngozi Okonkwo-Bell")}
