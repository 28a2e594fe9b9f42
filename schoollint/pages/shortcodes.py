"""Photos shown by template tags in Markdown: Hugo's `figure` shortcode (gohugo.io, "Shortcodes": `{{< figure
src= caption= alt= title= >}}`, a gallery theme's `link=`) and Jekyll includes (`{% include image.html url=
description= %}`, Minimal Mistakes' `{% include figure image_path= caption= %}`), and their parameters with
the line each is written on; Eleventy's image shortcode (eleventy-img's `{% image "src", "alt" %}` in Nunjucks
and Liquid), written as the `<img>` it renders.

Any other template tag that hands a partial a photo and the words shown with it is read as a data record
(`data.images_of_item`): a Hugo shortcode of the site's own (`{{% council-member name= photo= role= %}}`,
`{{< ... >}}`) or a partial given `(dict "name" ... "photo" ...)`, a Jekyll or Liquid include (`{% include
person.html name= photo= %}`, `{% render 'card', name: ..., photo: ... %}`), a Jinja/Nunjucks/Twig macro call
with keyword arguments, and a Nunjucks/Jinja/Twig object literal (`{% set head = {name: "...", photo: "..."}
%}` before an `{% include %}` that renders it): a partial shows its record's name with its photo. A record
is a mapping whose values are string literals; one without a media address shows no photo.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pathlib import Path

from .data import LineStr, images_of_item
from .model import PageImage
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


def figure_tags(body: str) -> Iterator[tuple[int, LineStr, dict[str, LineStr]]]:
    """(line, the photo's address, every parameter by lower-case name) of each tag that names a photo; a
    `link=` is the photo only when no source parameter is given and it names a photo file."""
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
            yield body.count("\n", 0, written.start()) + 1, src, parameters


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


# A template tag ({% ... %}, {{ ... }}, Hugo's {{< ... >}} and {{% ... %}}), read up to 4,000 characters (an
# unclosed tag costs a bounded scan, not the rest of the page).
_TAG = re.compile(r"\{%(?P<a>.{0,4000}?)%\}|\{\{(?P<b>.{0,4000}?)\}\}", re.DOTALL)
_OBJECT = re.compile(r"\{[^{}]*\}")          # an object literal with no object inside: one record
# key="value", key='value', key: "value", "key": "value" (Hugo and Jekyll parameters, Liquid's render,
# Jinja keyword arguments, JavaScript and Python literals); `==` compares, it names nothing.
_PAIR = re.compile(r"""(?<![=!<>])["']?(?P<key>[A-Za-z_][\w-]*)["']?\s*(?::|=(?!=))\s*"""
                   r"""(?:"(?P<d>[^"\n]*)"|'(?P<s>[^'\n]*)'|`(?P<b>[^`\n]*)`)""")
_DICT = re.compile(r"""\bdict((?:\s+"[^"\n]*"\s+"[^"\n]*")+)""")      # Hugo's (dict "name" "..." "photo" "...")
_STRING = re.compile(r'"([^"\n]*)"')


def template_images(text: str, relpath: str, root: Path | None) -> list[PageImage]:
    """The photos template tags hand to partials, with their records' words."""
    return [image for _line, image in tagged_images(text, relpath, root)]


def tagged_images(text: str, relpath: str, root: Path | None, figures: bool = True) -> Iterator[tuple[int, PageImage]]:
    """(line the tag starts on, photo) of each photo a template tag hands a partial, with its record's words;
    `figures`: also the tags `figure_tags` reads (a Markdown page reads those itself)."""
    if "{%" not in text and "{{" not in text:
        return
    for tag in _TAG.finditer(text):
        inner, start = (tag.group("a"), tag.start("a")) if tag.group("a") is not None else (tag.group("b"),
                                                                                              tag.start("b"))
        if not figures and SHORTCODE.fullmatch(tag.group()):
            continue
        for record in _records(inner, start, text):
            if any(links_to_media(value) for value in record.values()):
                yield from ((text.count("\n", 0, tag.start()) + 1, image)
                            for image in images_of_item(record, relpath, root, "template"))


def is_template_tag(text: str) -> bool:
    """Is `text` one template tag and nothing else (a shortcode or include on a line of its own)?"""
    return _TAG.fullmatch(text.strip()) is not None


def _records(inner: str, start: int, text: str) -> list[dict[str, LineStr]]:
    """The tag's object literals, each a record, and its own parameters outside them, one record more."""
    def line(at: int) -> int:
        return text.count("\n", 0, start + at) + 1

    records = []
    rest = inner
    for found in _OBJECT.finditer(inner):
        records.append(_pairs(found.group(), found.start(), line))
        rest = rest[:found.start()] + " " * len(found.group()) + rest[found.end():]
    records.append(_pairs(rest, 0, line))
    for found in _DICT.finditer(rest):
        strings = list(_STRING.finditer(found.group(1)))
        offset = found.start(1)
        records.append({key.group(1): LineStr(value.group(1), line(offset + value.start()))
                        for key, value in zip(strings[::2], strings[1::2], strict=False)})
    return [record for record in records if len(record) > 1]


def _pairs(source: str, offset: int, line) -> dict[str, LineStr]:
    record: dict[str, LineStr] = {}
    for pair in _PAIR.finditer(source):
        value = next(group for group in pair.group("d", "s", "b") if group is not None)
        record.setdefault(pair.group("key"), LineStr(value, line(offset + pair.start())))
    return record
