"""Small real school sites, one per way a site is built (issue 9): the files, the photos, what a check finds.

Each site is a dict of text files, a list of photos (clean pictures in the
format their suffix names; a name in the file name is what SL301 finds), the
findings a first check must give as (path, code, line), and the photos the
unsafe fixes move. Names are made up; "Decoy Person" sits only in comments
that no reader may take for markup.
"""

from __future__ import annotations

REACT = {
    "files": {
        "package.json": '{"name": "school", "dependencies": {"react": "18"}}\n',
        "src/Staff.jsx": """import amelia from './img/amelia-watson.jpg';
import relay from './img/relay.jpg';
const people = [
  { name: "Amelia Watson", role: "Head girl", img: amelia },
  { name: "Oliver", role: "Captain", img: require('./img/oliver.jpg') },
];
// <img src="./img/old.jpg" alt="Decoy Person" />
export default function Staff() {
  return (
    <section>
      {people.map((p) => (
        <div className="card" key={p.name}>
          <img src={p.img} alt={p.name} />
          <p>{p.role}</p>
        </div>
      ))}
      {/* <img src="./img/old.jpg" alt="Decoy Person" /> */}
      <div className="card">
        <img src={relay} alt="The relay" />
        <p>Lucy Smith won the relay</p>
      </div>
      <img src={props.photo} alt={props.caption} />
    </section>
  );
}
""",
        "src/Card.tsx": """type Props = { photo: string };
export const Card = ({ photo }: Props) => (
  <div className="card">
    <img src={new URL('./img/art.jpg', import.meta.url).href} alt="Painting" />
    <p>Painted by Tom Jones, Year 5</p>
  </div>
);
""",
    },
    "photos": ["src/img/amelia-watson.jpg", "src/img/relay.jpg", "src/img/oliver.jpg", "src/img/art.jpg"],
    "expected": {("src/img/amelia-watson.jpg", "SL301", None), ("src/Staff.jsx", "SL302", 4),
                 ("src/Staff.jsx", "SL303", 20), ("src/Card.tsx", "SL303", 5)},
    "moved": ["src/img/amelia-watson.jpg"],
}

VUE = {
    "files": {
        "src/components/Team.vue": """<template>
  <div>
    <div v-for="p in people" :key="p.name" class="card">
      <img :src="p.photo" :alt="p.name">
      <p>{{ p.role }}</p>
    </div>
    <!-- <img src="@/assets/old.jpg" alt="Decoy Person"> -->
    <img src="@/assets/oliver-bennett.jpg" alt="Lucy Smith with the team">
  </div>
</template>
<script setup>
import team from '@/assets/team.jpg'
const people = [
  { name: 'Amelia Watson', role: 'Captain', photo: team },
]
</script>
""",
    },
    "photos": ["src/assets/oliver-bennett.jpg", "src/assets/team.jpg"],
    "expected": {("src/assets/oliver-bennett.jpg", "SL301", None), ("src/components/Team.vue", "SL302", 8),
                 ("src/components/Team.vue", "SL302", 14)},
    "moved": ["src/assets/oliver-bennett.jpg"],
}

SVELTE = {
    "files": {
        "src/routes/+page.svelte": """<script>
  import hero from '$lib/images/tom-jones.jpg';
  const pupils = [{ first: 'Amelia', last: 'Watson', img: '/photos/race.jpg' }];
</script>
{#each pupils as p}
  <figure>
    <img src={p.img} alt="The finish line">
    <figcaption>{p.first} {p.last} wins the race</figcaption>
  </figure>
{/each}
<!-- <img src="/photos/old.jpg" alt="Decoy Person"> -->
<img src={hero} alt="Sam Green at the fair">
""",
    },
    "photos": ["src/lib/images/tom-jones.jpg", "static/photos/race.jpg"],
    "expected": {("src/lib/images/tom-jones.jpg", "SL301", None), ("src/routes/+page.svelte", "SL303", 8),
                 ("src/routes/+page.svelte", "SL302", 12)},
    "moved": ["src/lib/images/tom-jones.jpg"],
}

ASTRO = {
    "files": {
        "src/pages/index.astro": """---
import Layout from '../layouts/Layout.astro';
import photo from '../assets/lucy-smith.jpg';
const caption = "Lucy Smith at sports day";
---
<Layout>
  <!-- <img src="/old.jpg" alt="Decoy Person"> -->
  <figure>
    <img src={photo.src} alt={caption} />
    <figcaption>Tom Jones and friends</figcaption>
  </figure>
</Layout>
""",
        "src/layouts/Layout.astro": "---\n---\n<html><body><slot /></body></html>\n",
    },
    "photos": ["src/assets/lucy-smith.jpg"],
    "expected": {("src/assets/lucy-smith.jpg", "SL301", None), ("src/pages/index.astro", "SL302", 4),
                 ("src/pages/index.astro", "SL303", 10)},
    "moved": ["src/assets/lucy-smith.jpg"],
}

JEKYLL = {
    "files": {
        "_config.yml": "baseurl: /school\n",
        "_includes/figure.html": """{% comment %}<img src="/assets/old.jpg" alt="Decoy Person">{% endcomment %}
<figure>
  <img src="{{ include.src | relative_url }}" alt="{{ include.alt }}">
  <figcaption>{{ include.caption }}</figcaption>
</figure>
""",
        "_layouts/default.html": """<html><body>
<img src="{{ '/assets/logo.png' | relative_url }}" alt="School logo">
{{ content }}
</body></html>
""",
        "_posts/2024-06-01-sports-day.md": """---
title: Sports day
image: /assets/images/amelia-watson.jpg
---
![Amelia Watson crossing the line]({{ site.baseurl }}/assets/images/amelia-watson.jpg)

{% include figure.html src="/assets/images/relay.jpg" caption="Lucy Smith won the relay" %}

![The new hall]({{ "/assets/images/IMG_1034.heic" | relative_url }})
""",
    },
    "photos": ["assets/images/amelia-watson.jpg", "assets/images/relay.jpg", "assets/logo.png",
               "assets/images/IMG_1034.heic"],
    "expected": {("assets/images/amelia-watson.jpg", "SL301", None),
                 ("_posts/2024-06-01-sports-day.md", "SL302", 5), ("_posts/2024-06-01-sports-day.md", "SL303", 7),
                 ("assets/images/IMG_1034.heic", "SL106", None)},
    "moved": ["assets/images/amelia-watson.jpg", "assets/images/IMG_1034.heic"],
}

HUGO = {
    "files": {
        "config.toml": 'baseURL = "https://school.example.org/"\n',
        "content/news/sports-day.md": """---
title: "Amelia Watson wins the county race"
image: /images/amelia-watson.jpg
---
{{< figure src="/images/relay.jpg" caption="Lucy Smith won the relay" >}}
""",
        "layouts/partials/card.html": """{{/* <img src="/images/old.jpg" alt="Decoy Person"> */}}
<div class="card">
  <img src="{{ .Params.image | relURL }}" alt="{{ .Title }}">
  <p>{{ .Summary }}</p>
</div>
""",
        "layouts/index.html": """<img src="{{ "images/tom-jones.jpg" | relURL }}" alt="Our head teacher">
<img src="{{ .Site.BaseURL }}images/relay.jpg" alt="Relay">
""",
    },
    "photos": ["static/images/amelia-watson.jpg", "static/images/relay.jpg", "static/images/tom-jones.jpg"],
    "expected": {("static/images/amelia-watson.jpg", "SL301", None), ("static/images/tom-jones.jpg", "SL301", None),
                 ("content/news/sports-day.md", "SL303", 2), ("content/news/sports-day.md", "SL303", 5)},
    "moved": ["static/images/amelia-watson.jpg", "static/images/tom-jones.jpg"],
}

ELEVENTY = {
    "files": {
        ".eleventy.js": "module.exports = function (config) { config.addPassthroughCopy('img'); };\n",
        "_data/staff.json": """[
  {"name": "Sarah Connor", "role": "Head", "photo": "/img/staff/sarah-connor.jpg"},
  {"name": "Mr Patel", "role": "Year 6", "photo": "/img/staff/year6.jpg"}
]
""",
        "_includes/staff.njk": """{# <img src="/img/old.jpg" alt="Decoy Person"> #}
{% for p in staff %}
<div class="card"><img src="{{ p.photo | url }}" alt="{{ p.name }}"><p>{{ p.role }}</p></div>
{% endfor %}
""",
        "index.njk": """---
layout: base.njk
---
<img src="{{ '/img/assembly.jpg' | url }}" alt="Assembly with Tom Jones">
""",
    },
    "photos": ["img/staff/sarah-connor.jpg", "img/staff/year6.jpg", "img/assembly.jpg"],
    "expected": {("img/staff/sarah-connor.jpg", "SL301", None), ("_data/staff.json", "SL303", 2),
                 ("index.njk", "SL302", 4)},
    "moved": ["img/staff/sarah-connor.jpg"],
}

SITES = {"react": REACT, "vue": VUE, "svelte": SVELTE, "astro": ASTRO, "jekyll": JEKYLL, "hugo": HUGO,
         "eleventy": ELEVENTY}
