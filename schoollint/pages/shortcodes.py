"""Photos shown by template tags in Markdown: Hugo's `figure` shortcode (gohugo.io, "Shortcodes": `{{< figure
src= caption= alt= title= >}}`, a gallery theme's `link=`) and Jekyll includes (`{% include image.html url=
description= %}`, Minimal Mistakes' `{% include figure image_path= caption= %}`), and their parameters with
the line each is written on; Eleventy's image shortcode (eleventy-img's `{% image "src", "alt" %}` in Nunjucks
and Liquid), written as the `<img>` it renders.

Any other template tag that hands a partial a photo and the words shown with it is read as a data record
(`data.images_of_item`): a Hugo shortcode of the site's own (`{{% council-member name= photo= role= %}}`,
`{{< ... >}}`) or a partial given `(dict "name" ... "photo" ...)`, a Jekyll or Liquid include (`{% include
person.html name= photo= %}`, `{% render 'card', name: ..., photo: ... %}`), a Jinja/Nunjucks/Twig macro call
with keyword arguments, a call or tag handing the photo as a positional argument (`{{ figure("a.jpg",
"caption") }}`, a Django simple tag `{% card "a.jpg" "Name" %}`: its string arguments are the record), and
a Nunjucks/Jinja/Twig object literal (`{% set head = {name: "...", photo: "..."}
%}` before an `{% include %}` that renders it): a partial shows its record's name with its photo. A record
is a mapping whose values are string literals; one without a media address shows no photo.
A paired shortcode's body (Eleventy's `{% figure "a.jpg" %}Name{% endfigure %}`, Hugo's `{{< person
photo="a.jpg" >}}Name{{< /person >}}`) is shown with its photo: a caption of the photo its opening tag hands.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from pathlib import Path

from .data import LineStr, images_of_item
from .model import PageImage, TextSpan
from .urls import links_to_media

# {{< figure src="x.jpg" caption="..." >}} and {% include figure.html image="x.jpg" caption="..." %}
SHORTCODE = re.compile(
    r"\{\{[<%]-?\s*(?:figure|img|image|photo)\b(?P<hugo>[^{}]*?)-?[>%]\}\}"
    r"|\{%-?\s*include\s+[^\s{}%]*(?:figure|image|img|photo|picture)[^\s{}%]*(?P<jekyll>[^{}]*?)-?%\}",
    re.IGNORECASE,
)
_PARAMETER = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+))""")
SOURCES = ("src", "image", "image_path", "url", "file", "path", "img", "photo")
CAPTIONS = {"caption": "figure caption", "title": "figure title", "description": "figure caption"}


def figure_tags(body: str) -> Iterator[tuple[int, LineStr, dict[str, LineStr], TextSpan | None]]:
    """(line, the photo's address, every parameter by lower-case name, the body of a paired tag) of each tag
    that names a photo; a `link=` is the photo only when no source parameter is given and it names a photo
    file. A theme's figure shortcode may be paired (`{{< figure src="a.jpg" >}}Name{{< /figure >}}`): its
    body is the caption it shows."""
    for written in SHORTCODE.finditer(body):
        group = "hugo" if written.group("hugo") is not None else "jekyll"
        parameters = {}
        for parameter in _PARAMETER.finditer(written.group(group)):
            value = next(v for v in parameter.groups()[1:] if v is not None)
            at = written.start(group) + parameter.start()
            parameters[parameter.group(1).lower()] = LineStr(value, body.count("\n", 0, at) + 1)
        src = next((parameters[key] for key in SOURCES if key in parameters), None)
        if src is None and links_to_media(parameters.get("link")):
            src = parameters["link"]            # a gallery's {{< figure link="photo.jpg" caption= >}}
        if src is not None:
            paired = _paired_body(body, written.group()[1], written.group()[2:-2], written.end())
            caption = paired and TextSpan(paired[0], body.count("\n", 0, paired[1]) + 1, "figure shortcode body")
            yield body.count("\n", 0, written.start()) + 1, src, parameters, caption


# {% image "./img/a.jpg", "Alt text" %} (eleventy-img's shortcode, Nunjucks or Liquid; more arguments may follow).
_ELEVENTY_IMAGE = re.compile(r"""\{%(-?)\s*image\s+(["'])([^"'\n{}]+)\2\s*,\s*(["'])([^"'\n{}]*)\4[^{}%\n]*?(-?)%\}""")


_UNQUOTED = re.compile(r"""[^\s"'=<>`]+""")
def eleventy_images(text: str) -> str:
    """`text` with each eleventy-img shortcode written as the `<img>` it renders, padded to the same length
    (readers count lines and offsets in the text as written)."""
    if "image" not in text or "{%" not in text:
        return text                             # the usual page: one scan
    return _ELEVENTY_IMAGE.sub(_as_img, text)


def _as_img(found: re.Match) -> str:
    src, alt = found.group(3), found.group(5)
    # CommonMark (6.6) needs white space between attributes: an address without any is written unquoted.
    img = f'<img src={src} alt="{alt}">' if _UNQUOTED.fullmatch(src) else f'<img src="{src}"alt="{alt}">'
    return img + " " * (len(found.group()) - len(img)) if len(img) <= len(found.group()) else found.group()


# A template tag ({% ... %}, {{ ... }}, Hugo's {{< ... >}} and {{% ... %}}) opens here; its body is read up to
# MAX_TAG characters (found by bisection over the closers: a page of unclosed tags costs n log n, not n squared).
_OPENER = re.compile(r"\{[%{]")
MAX_TAG = 4000
# WordPress's [caption id= align= width=]<img ...> Caption text[/caption] (the classic editor's, in exported post
# content and in pages saved before wpautop: codex "Caption Shortcode").
_CAPTION_TAGS = re.compile(r"\[caption\b[^\]\n]*\]|\[/caption\]", re.IGNORECASE)
_CAPTION_OPEN, _CAPTION_CLOSE = '<div class="caption">', "</div>"


def caption_shortcodes(text: str) -> str:
    """`text` with each WordPress [caption] shortcode written as the block it renders, a captioned card
    holding the photo and the words after it (`<div class="caption">`, padded to the shortcode's length, so
    lines and offsets stay; an opening tag shorter than that, or not closed, is left as written)."""
    if "[caption" not in text and "[CAPTION" not in text:
        return text
    parts, done, opening = [], 0, None
    for tag in _CAPTION_TAGS.finditer(text):
        if not tag.group().startswith("[/"):
            opening = tag if len(tag.group()) >= len(_CAPTION_OPEN) else None
        elif opening is not None:
            parts += [text[done:opening.start()], _CAPTION_OPEN.ljust(len(opening.group())),
                      text[opening.end():tag.start()], _CAPTION_CLOSE.ljust(len(tag.group()))]
            done, opening = tag.end(), None
    return "".join(parts) + text[done:]


_OBJECT = re.compile(r"\{[^{}]*\}")          # an object literal with no object inside: one record
# key="value", key='value', key: "value", "key": "value" (Hugo and Jekyll parameters, Liquid's render,
# Jinja keyword arguments, JavaScript and Python literals); `==` compares, it names nothing.
_PAIR = re.compile(r"""(?<![=!<>])["']?(?P<key>[A-Za-z_][\w-]*)["']?\s*(?::|=(?!=))\s*"""
                   r"""(?:"(?P<d>[^"\n]*)"|'(?P<s>[^'\n]*)'|`(?P<b>[^`\n]*)`)""")
_DICT = re.compile(r"""\bdict((?:\s+"[^"\n]*"\s+"[^"\n]*")+)""")      # Hugo's (dict "name" "..." "photo" "...")
_STRING = re.compile(r'"([^"\n]*)"')
_LITERAL = re.compile(r""""([^"\n]*)"|'([^'\n]*)'""")


def template_images(text: str, relpath: str, root: Path | None) -> list[PageImage]:
    """The photos template tags hand to partials, with their records' words."""
    return [image for _line, image in tagged_images(text, relpath, root)]


def tagged_images(text: str, relpath: str, root: Path | None, figures: bool = True) -> Iterator[tuple[int, PageImage]]:
    """(line the tag starts on, photo) of each photo a template tag hands a partial, with its record's words;
    `figures`: also the tags `figure_tags` reads (a Markdown page reads those itself). Lines are counted only
    for records holding a photo, by bisection over the page's newlines (a layout holds thousands of tags)."""
    if "{%" not in text and "{{" not in text:
        return
    newlines: list[int] = []
    closers = {"%": [found.start() for found in re.finditer("%}", text)],
               "{": [found.start() for found in re.finditer("}}", text)]}
    end = 0
    for opener in _OPENER.finditer(text):
        kind, start = opener.group()[1], opener.end()
        ends = closers[kind]
        close = bisect_left(ends, start)
        if opener.start() < end or close == len(ends) or ends[close] - start > MAX_TAG:
            continue                            # inside the last tag, never closed, or too long to be one
        inner, end = text[start:ends[close]], ends[close] + 2
        if '"' not in inner and "'" not in inner and "`" not in inner \
                or not figures and SHORTCODE.fullmatch(text[opener.start():end]):
            continue                            # `{{ .Title }}`: no literal, so no record; a figure read elsewhere
        for record in _records(inner):
            if any(links_to_media(value) for value, _at in record.values()):
                body = _paired_body(text, kind, inner, end)
                if len(record) == 1 and body is None:
                    continue                    # a lone address, no words: a link, not a record
                newlines = newlines or [found.start() for found in re.finditer("\n", text)] or [len(text)]
                placed = {key: LineStr(value, bisect_left(newlines, start + at) + 1)
                          for key, (value, at) in record.items()}
                spans = [TextSpan(body[0], bisect_left(newlines, body[1]) + 1, "paired shortcode body")] if body else []
                yield from ((bisect_left(newlines, opener.start()) + 1, image)
                            for image in images_of_item(placed, relpath, root, "template", spans))


_TAG_NAME = re.compile(r"-?\s*([<%]?)\s*([A-Za-z_][\w-]*)")


def _paired_body(text: str, kind: str, inner: str, end: int) -> tuple[str, int] | None:
    """(body, its offset) when the tag ending at `end` opens a paired shortcode: Eleventy's (Nunjucks or Liquid,
    `{% figure "a.jpg" %}Name, Year 3{% endfigure %}`, 11ty.dev "Shortcodes", "Paired Shortcodes") or Hugo's
    (`{{< person photo="a.jpg" >}}Name{{< /person >}}`, gohugo.io "Shortcodes"), whose body the partial
    shows with the photo; None for a tag that is not closed within MAX_TAG characters."""
    named = _TAG_NAME.match(inner)
    if named is None or kind == "{" and not named.group(1):
        return None
    hugo, name = named.groups()
    shut, name = re.escape(">" if hugo == "<" else "%"), re.escape(name)
    opening = rf"\{{%-?\s*{name}(?![\w-])" if kind == "%" else rf"\{{\{{{re.escape(hugo)}\s*{name}(?![\w-])"
    closing = rf"\{{%-?\s*end{name}\s*-?%\}}" if kind == "%" else rf"\{{\{{{re.escape(hugo)}\s*/{name}\s*{shut}\}}\}}"
    tags = re.compile(f"(?P<close>{closing})|{opening}")
    depth = 0                                   # the same shortcode nested in its body ({{< box >}} in a box)
    for tag in tags.finditer(text, end, end + MAX_TAG):
        if tag.group("close") is None:
            depth += 1
        elif depth:
            depth -= 1
        else:
            return text[end:tag.start()], end
    return None


def is_template_tag(text: str) -> bool:
    """Is `text` one template tag and nothing else (a shortcode or include on a line of its own)?"""
    text = text.strip()
    return text[:2] in ("{%", "{{") and text[-2:] == ("%}" if text[1] == "%" else "}}") and len(text) <= MAX_TAG \
        and text.find(text[-2:]) == len(text) - 2


def _records(inner: str) -> list[dict[str, tuple[str, int]]]:
    """The tag's object literals, each a record, and its own parameters outside them, one record more:
    {key: (value, offset in `inner`)}."""
    records = []
    rest = inner
    for found in _OBJECT.finditer(inner):
        records.append(_pairs(found.group(), found.start()))
        rest = rest[:found.start()] + " " * len(found.group()) + rest[found.end():]
    records.append(_pairs(rest, 0))
    if not any(links_to_media(value) for value, _at in records[-1].values()):
        records[-1].update(_positional(rest))   # a photo given by position, not by key
    for found in _DICT.finditer(rest):
        strings = list(_STRING.finditer(found.group(1)))
        records.append({key.group(1): (value.group(1), found.start(1) + value.start())
                        for key, value in zip(strings[::2], strings[1::2], strict=False)})
    return [record for record in records if record]


def _positional(rest: str) -> dict[str, tuple[str, int]]:
    """A call that hands the photo as a positional argument (a Jinja or Nunjucks macro, `{{ figure("a.jpg",
    "caption") }}`; a Django simple tag or Hugo shortcode, `{% card "a.jpg" "Name" %}`): its string
    arguments outside key-value pairs, "argument 1", "argument 2"..., when one of them is a media address."""
    if not any(links_to_media(found.group(1) or found.group(2)) for found in _LITERAL.finditer(rest)):
        return {}                               # the usual tag: no photo in any of its strings
    outside = _PAIR.sub(lambda pair: " " * len(pair.group()), rest)
    strings = [(found.group(1) if found.group(1) is not None else found.group(2), found.start())
               for found in _LITERAL.finditer(outside)]
    if not any(links_to_media(value) for value, _at in strings):
        return {}                               # the photo is a key's value in a nested object literal
    return {f"argument {number}": string for number, string in enumerate(strings, 1)}


def _pairs(source: str, offset: int) -> dict[str, tuple[str, int]]:
    record: dict[str, tuple[str, int]] = {}
    for pair in _PAIR.finditer(source):
        value = next(group for group in pair.group("d", "s", "b") if group is not None)
        record.setdefault(pair.group("key"), (value, offset + pair.start()))
    return record
