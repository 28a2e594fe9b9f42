"""Photos shown by template tags in Markdown: Hugo's `figure` shortcode (gohugo.io, "Shortcodes": `{{< figure
src= caption= alt= title= >}}`, a gallery theme's `link=`) and Jekyll includes (`{% include image.html url=
description= %}`, Minimal Mistakes' `{% include figure image_path= caption= %}`), and their parameters with
the line each is written on; Eleventy's image shortcode (eleventy-img's `{% image "src", "alt" %}` in Nunjucks
and Liquid), written as the `<img>` it renders.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .data import LineStr
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
