"""Photos shown by template tags in Markdown: Hugo's `figure` shortcode (gohugo.io, "Shortcodes": `{{< figure
src= caption= alt= title= >}}`, a gallery theme's `link=`) and Jekyll includes (`{% include image.html url=
description= %}`, Minimal Mistakes' `{% include figure image_path= caption= %}`), and their parameters with
the line each is written on.
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
