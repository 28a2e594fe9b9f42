"""The reference scanner's comment blanking (pages/references.py) is rewritten for speed (issue 18):
it must find exactly the comments the plain definition finds, in every kind of text file."""

from __future__ import annotations

import random
import re

import pytest

from schoollint.pages.references import _COMMENTS, scan

# The definition, as written before: a line comment starts at a line's start or after a space or tab;
# a block comment's `/*` not after a path's character (trial 8: a glob's `/*` is no comment).
_PLAIN = r"<!--.*?(?:-->|\Z)|(?<![\w.*~\"'`-])/\*.*?(?:\*/|\Z)|(?:^|(?<=[ \t]))//[^\n]*"
DEFINITION = {False: re.compile(_PLAIN, re.DOTALL | re.MULTILINE),
              True: re.compile(_PLAIN + r"|(?:^|(?<=[ \t]))#[^\n]*", re.DOTALL | re.MULTILINE)}


@pytest.mark.parametrize("yaml", [False, True])
def test_the_comments_found_are_the_definitions_on_random_text(yaml):
    rnd = random.Random(18)
    alphabet = "<!-/*#\n \tab:>x"
    for _ in range(40_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16)))
        assert [m.span() for m in _COMMENTS[yaml].finditer(text)] == \
               [m.span() for m in DEFINITION[yaml].finditer(text)], text


@pytest.mark.parametrize("text", [
    "// at the start\nimg: a.jpg", "x // after a space", "x\t// after a tab", "https://example.org/a.jpg",
    "a//b", "\n//", "# yaml\nkey: b.jpg # a comment", "colour: '#fff'", "a#b", "/* open", "<!-- open",
    "<!-- a --> b <!-- c -->", "/* a */ b.jpg /* c */",
])
@pytest.mark.parametrize("yaml", [False, True])
def test_the_comments_found_are_the_definitions_on_written_cases(text, yaml):
    assert [m.span() for m in _COMMENTS[yaml].finditer(text)] == [m.span() for m in DEFINITION[yaml].finditer(text)]


def test_a_path_in_a_comment_is_no_reference_and_one_after_a_url_is():
    text = "// hero: old.jpg\n/* old2.png */ <!-- old3.gif -->\nsrc: 'https://x.org/a.png'\nimg: new.jpg # old4.jpg\n"
    assert [ref.written for ref in scan(text, "site.yml")] == ["new.jpg"]
    hashed = "# hero: 'img/old.jpg'\nhero = 'img/new.jpg'  // 'img/old2.jpg'\n"
    assert [ref.written for ref in scan(hashed, "site.yml")] == ["img/new.jpg"]   # a `#` starts a YAML comment
    assert [ref.written for ref in scan(hashed, "app.js")] == ["img/old.jpg", "img/new.jpg"]
