"""Another language's block tag is no template comment (trial 8, item 8): Svelte's `{#if}`,
Handlebars' `{{#each}}` and a Markdown heading id `{#team}` start as Nunjucks/Jinja's `{#` comment
does, and an unclosed comment runs to the end of the page, so everything after the first block went
unread: no SL304 for a broken picture, and (in a Handlebars page) no name rule. A real comment of the
template's language is still skipped. Real sites, through the command line."""

from __future__ import annotations

import json

import pytest

from tests.kit.sites import clean_photo

BROKEN = '<img src="/img/nope.jpg" alt="Rowan Hughes on sports day">'


def _write(root, relpath: str, text: str) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _found(cli, codes: str = "SL304") -> list[tuple[str, str, int]]:
    code, out, err = cli("check", "--no-cache", "--select", codes, "--output-format", "json")
    assert code in (0, 1), err
    return sorted((f["path"], f["code"], f["line"]) for f in json.loads(out)["findings"])


SVELTE_BLOCKS = {
    "if": "{#if items.length}\n  <p>Some</p>\n{:else}\n  <p>None</p>\n{/if}",
    "each": "{#each items as item}\n  <p>{item}</p>\n{/each}",
    "await": "{#await promise}\n  <p>Loading</p>\n{:then value}\n  <p>{value}</p>\n{/await}",
    "key": "{#key value}\n  <p>{value}</p>\n{/key}",
    "snippet": "{#snippet card(item)}\n  <p>{item}</p>\n{/snippet}",
}


@pytest.mark.parametrize("page, block", [
    ("templates/people.hbs", "{{#each people}}<p>{{name}}</p>{{/each}}"),
    ("templates/people.handlebars", "{{#if people}}<p>{{count}}</p>{{else}}<p>None</p>{{/if}}"),
    ("templates/people.hbs", "{{#with head}}<p>{{name}}</p>{{/with}}"),
    ("templates/people.mustache", "{{#people}}<p>{{name}}</p>{{/people}}"),
])
def test_a_handlebars_block_leaves_the_rest_of_the_page_read(repo, cli, page, block):
    _write(repo, page, f"<h1>Our people</h1>\n{block}\n{BROKEN}\n")
    assert _found(cli, "SL302,SL304") == [(page, "SL302", 3), (page, "SL304", 3)]


@pytest.mark.parametrize("opening", ["## Our team {#team}", "![Logo](/img/logo.png){#logo .small}",
                                     "{#intro}\nWelcome to the team page."])
def test_a_broken_picture_after_a_heading_id_or_attribute_list_is_reported(repo, cli, opening):
    clean_photo(repo / "img" / "logo.png")
    text = f"---\ntitle: Team\n---\n{opening}\n\n![The team](/img/nope.jpg)\n"
    _write(repo, "content/team.md", text)
    assert _found(cli) == [("content/team.md", "SL304", text.count("\n"))]


def test_a_private_field_in_a_script_is_no_comment(repo, cli):
    _write(repo, "src/gallery.js", "export class Gallery {#photos = ['/img/nope.jpg'];\n  get photos() "
           "{ return this.#photos; }\n}\n")
    assert _found(cli) == [("src/gallery.js", "SL304", 1)]


# A glob's `/*` opened a CSS/JS block comment that ran on to the end of the file.
GLOBS = {
    "src/gallery.js": "const photos = import.meta.glob('./assets/*.png');\nimport hero from './img/nope.jpg';\n",
    "server.js": "app.get('/*', (req, res) => res.send(page));\nconst hero = '/img/nope.jpg';\n",
    "content/upload.md": "Copy the photos to `static/images/*` first.\n\n![The hall](/img/nope.jpg)\n",
    "upload.html": "<p>Files go in <code>~/*</code> on the server.</p>\n<img src=\"/img/nope.jpg\" alt=\"Hall\">\n",
}


# Each file whose opening hid the rest of it: (its path, its text, the broken picture on its last line).
OPENINGS = {
    **{f"Svelte {{#{block}}}": ("src/routes/+page.svelte", "<script>let items = []; let value = 1; let promise;"
                                f"</script>\n{body}\n{BROKEN}\n") for block, body in SVELTE_BLOCKS.items()},
    **{f"a glob in {page}": (page, text) for page, text in GLOBS.items()},
}


@pytest.mark.parametrize("case", sorted(OPENINGS))
def test_a_broken_picture_after_another_language_s_opening_is_reported(repo, cli, case):
    page, text = OPENINGS[case]
    _write(repo, page, text)
    assert _found(cli) == [(page, "SL304", text.count("\n"))]


def test_a_real_block_comment_is_still_skipped(repo, cli):
    _write(repo, "src/site.css", ".hero { background: url(/img/here.jpg) } /* url(/img/old.jpg) */\n"
           ".a{}/* .b { background: url(/img/older.jpg) } */\n")
    clean_photo(repo / "img" / "here.jpg")
    assert _found(cli) == []


@pytest.mark.parametrize("comment", ['{# <img src="/img/old.jpg"> #}', '{#<img src="/img/old.jpg">#}',
                                     '{# if you bring it back:\n<img src="/img/old.jpg">\n#}'])
def test_a_nunjucks_comment_is_still_skipped(repo, cli, comment):
    clean_photo(repo / "img" / "here.jpg")
    _write(repo, "_includes/gallery.njk", f"{comment}\n<img src=\"/img/here.jpg\" alt=\"The hall\">\n"
           "{% if show %}<p>Shown</p>{% endif %}\n")
    assert _found(cli) == []
