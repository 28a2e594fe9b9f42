"""Geographic positions: how schoollint writes one, and ISO 6709 text.

A position is reported as "latitude, longitude" in decimal degrees, at most
6 decimals (about 10 cm), whichever notation the file used: EXIF GPS
rationals (CIPA DC-008 section 4.6.6), XMP GPSCoordinate (CIPA DC-010), 3GPP
'loci' 16.16 fixed point (3GPP TS 26.244) or ISO 6709 Annex H
strings (QuickTime '©xyz', Apple's location.ISO6709 key).
"""

from __future__ import annotations

import re


def format_position(latitude: float, longitude: float) -> str:
    return ", ".join(format(round(x, 6), ".6f").rstrip("0").rstrip(".") for x in (latitude, longitude))


def iso6709(text: str) -> str:
    """'+51.4169-000.0806/' as '51.4169, -0.0806'; text that is no position stays as it is."""
    match = re.match(r"\s*([+-][\d.]+)([+-][\d.]+)", text)
    if not match:
        return text
    latitude, longitude = _iso6709_angle(match[1], 2), _iso6709_angle(match[2], 3)
    if latitude is None or longitude is None:
        return text
    return format_position(latitude, longitude)


def _iso6709_angle(token: str, degree_digits: int) -> float | None:
    # ±DD.D, ±DDMM.M or ±DDMMSS.S (three degree digits for longitude)
    whole, _, fraction = token[1:].partition(".")
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        return None
    parts = [whole[:degree_digits], whole[degree_digits:degree_digits + 2], whole[degree_digits + 2:]]
    if len(whole) not in (degree_digits, degree_digits + 2, degree_digits + 4):
        return None
    numbers: list[float] = [int(part) for part in parts if part]
    numbers[-1] += float("0." + fraction) if fraction else 0
    value = sum(number / 60 ** i for i, number in enumerate(numbers))
    return -value if token[0] == "-" else value
