"""The captions lightbox and gallery scripts keep in a photo's (or its link's) attributes, shown when the photo
is opened: the words that go with it, though the page shows them only on a click.

lightbox2 and GLightbox `data-title`, Fancybox `data-caption`, lightGallery `data-sub-html` (HTML), GLightbox
`data-description` and `data-glightbox` ("title: ...; description: ..."), Ekko `data-footer`; and the gallery
plugins of WordPress school sites: Elementor's `data-elementor-lightbox-title`/`-description` on the link,
Jetpack's carousel `data-image-title`/`data-image-caption`/`data-image-description` on the `<img>` (its
caption written as escaped HTML, `&lt;p&gt;Name&lt;/p&gt;`), FooGallery's `data-caption-title`/`-desc`, Envira's
`data-envira-caption`, PhotoSwipe 5's `data-pswp-caption`. A value holding markup is read as the text it shows.
"""

from __future__ import annotations

import html as html_entities
import re
from collections.abc import Iterator

from .html_source import SourceLines
from .model import TextSpan

LIGHTBOX_ATTRIBUTES = ("data-caption", "data-title", "data-sub-html", "data-description", "data-glightbox",
                       "data-footer", "data-elementor-lightbox-title", "data-elementor-lightbox-description",
                       "data-image-title", "data-image-caption", "data-image-description", "data-caption-title",
                       "data-caption-desc", "data-envira-caption", "data-pswp-caption")
_LIGHTBOX = frozenset(LIGHTBOX_ATTRIBUTES)
_TAGS = re.compile(r"<[^>]*>")


def lightbox_spans(element, lines: SourceLines, lang: str) -> Iterator[TextSpan]:
    """The lightbox captions an lxml element's attributes hold, each with the line it is written on."""
    for attribute, value in element.items():    # its few attributes, not each of the names asked for
        if value and attribute in _LIGHTBOX:
            text = html_entities.unescape(_TAGS.sub(" ", value)) if "<" in value else value
            yield TextSpan(text, lines.attribute_line(element, attribute), attribute, lang)
