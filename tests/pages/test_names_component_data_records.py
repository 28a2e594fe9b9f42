"""Component data records (issue 10, heldout_m's misses): people kept as objects in a component's script
and shown by its markup, read through the command line on real components and JPEGs.

A `Record` of people keyed by role mapped with `Object.values` / `Object.entries` to `<Image>`, a Vue
component's `data()` or `setup()` (with `ref`) that its template reads by name; and the trap: a German
caption in an Astro page whose `<html lang="de">` says its language.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import lint, names

RECORD = '''import Image from "next/image";

const prefects: Record<string, { fullName: string; portrait: string }> = {
  head: { fullName: "Wilhelmina Achterberg", portrait: "/images/p/head.jpg" },
  deputy: { fullName: "Oluwadamilare Fagbenle", portrait: "/images/p/deputy.jpg" },
};

export default function Prefects() {
  return (
    <div className="prefects">
      {Object.%s(prefects).map((%s) => (
        <figure key={p.fullName}>
          <Image src={p.portrait} alt="" width={240} height={240} />
          <figcaption>{p.fullName}{role ? ` (${role})` : ""}</figcaption>
        </figure>
      ))}
    </div>
  );
}
'''


def test_a_record_of_people_mapped_with_object_values_or_entries(tmp_path):
    found = lint(tmp_path / "s", {"src/Values.tsx": RECORD % ("values", "p, role"),
                                  "src/Entries.tsx": RECORD.replace("/p/", "/q/") % ("entries", "[role, p]")})
    assert {(path, value) for _code, path, value in found} == {
        ("src/Values.tsx", "Wilhelmina Achterberg"), ("src/Values.tsx", "Oluwadamilare Fagbenle"),
        ("src/Entries.tsx", "Wilhelmina Achterberg"), ("src/Entries.tsx", "Oluwadamilare Fagbenle")}


def test_a_vue_templates_names_from_data_setup_and_ref(tmp_path):
    options = '''<template>
  <figure class="pupil-of-week"><img :src="photo" alt="" /><figcaption>{{ caption }}</figcaption></figure>
</template>
<script>
export default {
  name: "PupilOfWeek",
  data() {
    return { photo: "/images/v/week.jpg", caption: "Ysolde Kerrigan-Mbeki, Pupil of the Week" };
  },
};
</script>
'''
    arrow = options.replace("data() {\n    return ", "data: () => (").replace("};\n  },", "}),") \
        .replace("/v/week", "/v/arrow").replace("Ysolde Kerrigan-Mbeki", "Peregrine Oduya")
    composition = '''<template><img :src="photo" alt=""><p class="caption">{{ caption }}</p></template>
<script>
import { ref, computed } from "vue";
export default {
  setup() {
    const photo = ref("/images/v/setup.jpg");
    const caption = computed(() => "Saoirse Delacroix-Ambe reading her poem");
    return { photo, caption };
  },
};
</script>
'''
    found = lint(tmp_path / "s", {"src/components/Week.vue": options, "src/components/Arrow.vue": arrow,
                                  "src/components/Setup.vue": composition})
    assert {(path, value) for _code, path, value in found} == {
        ("src/components/Week.vue", "Ysolde Kerrigan-Mbeki"), ("src/components/Arrow.vue", "Peregrine Oduya"),
        ("src/components/Setup.vue", "Saoirse Delacroix-Ambe")}


def test_a_components_lang_attribute_is_its_photos_language(tmp_path):
    """German "von der" is no surname particle in a page that says it is German; the same caption in a
    page that says nothing is judged as the site's language would judge it (here: read, not skipped)."""
    page = '''---
const shot = { photo: "/images/a/%s.jpg", caption: "Bilder von der Projektwoche: die Klasse 4b baut Nistkästen" };
---
<html lang="%s"><body><figure><img src={shot.photo} alt="" /><figcaption>{shot.caption}</figcaption></figure>
</body></html>
'''
    found = lint(tmp_path / "s", {"src/pages/de.astro": page % ("de", "de")})
    assert found == []
    german = lint(tmp_path / "t", {"src/pages/nistkasten.astro": page.replace("Bilder von der Projektwoche",
                                                                               "Gerlinde von der Heyde") % ("x", "de")})
    assert names(german) == {"Gerlinde von der Heyde"}      # a German name in a German page is still a name


def test_a_record_given_to_a_card_as_one_prop(tmp_path):
    """`<PersonCard person={head} />`: the card shows the record's photo and name, as if spread onto it;
    an object prop with no photo (a style) shows none."""
    page = '''const head = { fullName: "Wilfreda Oyelowo-Banks", portrait: "/images/r/head.jpg", role: "Head girl" };
const style = { color: "red", caption: "Isaura Delacroix-Nwosu" };
export default function Leaders() {
  return <section><PersonCard person={head} /><Banner look={style} /></section>;
}
'''
    found = lint(tmp_path / "s", {"src/Leaders.jsx": page})
    assert {(path, value) for _code, path, value in found} == {("src/Leaders.jsx", "Wilfreda Oyelowo-Banks")}


def test_a_vue_loop_over_a_list_data_returns(tmp_path):
    page = '''<template>
  <ul><li v-for="p in prefects" :key="p.name"><img :src="p.photo" alt=""><span>{{ p.name }}</span></li></ul>
</template>
<script>
export default {
  data() {
    return { prefects: [{ name: "Hyacinth Oduya-Vance", photo: "/images/vl/a.jpg" },
                        { name: "Lorcan Adebisi-Holm", photo: "/images/vl/b.jpg" }] };
  },
};
</script>
'''
    found = lint(tmp_path / "s", {"src/components/Prefects.vue": page})
    assert names(found) == {"Hyacinth Oduya-Vance", "Lorcan Adebisi-Holm"}
