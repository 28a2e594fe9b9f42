"""A Vue component's people given as its props' defaults (`withDefaults(defineProps<...>(), { leaders: () =>
[...] })`, Vue 3 guide "Props": an array default is a factory) are what its `v-for` repeats: each photo's alt
and words are read per person (issue 10). Through the command line on a real .vue file and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import lint

VUE = """<script setup lang="ts">
interface Leader { first: string; last: string; photo: string }
const props = withDefaults(defineProps<{ leaders?: Leader[] }>(), {
  leaders: () => [
    { first: "Siobhán", last: "Mac Giolla Rua", photo: "/images/vd1.jpg" },
    { first: "Tomasz", last: "Wierzbicki", photo: "/images/vd2.jpg" },
  ],
});
</script>

<template>
  <ul><li v-for="p in props.leaders" :key="p.last"><img :src="p.photo" :alt="`${p.first} ${p.last}`" /></li></ul>
</template>
"""


def test_props_defaults_are_the_loops_people(tmp_path):
    found = lint(tmp_path / "s", {"src/components/Leaders.vue": VUE})
    assert {(code, value) for code, _path, value in found} == {
        ("SL302", "Siobhán Mac Giolla Rua"), ("SL302", "Tomasz Wierzbicki")}


def test_an_async_or_parameterised_default_is_not_read(tmp_path):
    """The trap: a default built from its arguments is not a literal list; its photos' alts are unknown, no
    names are made up (the finding list has no SL302)."""
    found = lint(tmp_path / "s", {"src/components/Leaders.vue": VUE.replace("leaders: () => [", "leaders: (x) => [")})
    assert not any(code == "SL302" for code, _path, _value in found)
