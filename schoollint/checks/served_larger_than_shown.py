"""SL202 served-larger-than-shown: a photo published far wider than any page displays it.

Reads the site's photos (checks/site_photos.py): judged only when every reference to the photo
in the site displays it at a known width (pages/sizes.py); the widest of those, times `factor`
(for high-density screens), is all any visitor's screen uses. The fix is SL201's downscale,
with its longer edge chosen so that the upright width comes out at that many pixels.
"""

from __future__ import annotations

import math

from ..finding import Finding
from ..fix.model import Applicability, Fix
from .site_photos import SiteSubject, where

CODES = ("SL202",)
READS = "run"


def check(subject, ctx):
    if not isinstance(subject, SiteSubject):
        return
    for photo in subject.photos.values():
        if photo.path not in subject.in_run or not (photo.sized and photo.shown and photo.width and photo.height):
            continue
        widest = max(photo.shown, key=lambda showing: showing.width or 0)
        factor = subject.options_for(photo.path)["SL202"]["factor"]
        enough = math.ceil((widest.width or 0) * factor)
        if photo.width <= enough:
            continue
        # The downscale fits the longer edge; this edge makes the upright width `enough` (rounded down).
        edge = max(1, math.floor(max(photo.width, photo.height) * enough / photo.width))
        pages = len({showing.page for showing in photo.shown})
        yield Finding(
            "SL202", photo.path,
            f"{photo.width} px wide, but {'its page shows' if pages == 1 else f'its {pages} pages show'} it at "
            f"most {widest.width} px wide ({where(widest)}); {factor:g} x {widest.width} = {enough} px is enough",
            field="dimensions",
            fix=Fix("downscale", (edge,), Applicability.SAFE, summary=f"downscale to {enough} px wide"),
        )
