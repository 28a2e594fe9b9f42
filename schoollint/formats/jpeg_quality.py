"""JPEG quality: which IJG (libjpeg) quality setting a JPEG's quantisation tables match.

ITU-T T.81 Annex K.1 gives the example luminance and chrominance tables; the
Independent JPEG Group's libjpeg scales them by quality (1-100: 5000/q below
50, 200 - 2q from 50) and clamps to 1..255. Re-encoding at the estimated
quality keeps a downscaled JPEG close to its source in size and look.
"""

from __future__ import annotations

from .reencode import CONVERTED_QUALITY

# IJG (libjpeg) base tables at quality 50, natural order (JPEG standard, Annex K).
_IJG_LUMINANCE = (
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
)
_IJG_CHROMINANCE = (
    17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
    24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
) + (99,) * 32


def estimate_jpeg_quality(quantization: dict) -> int:
    """The IJG quality (1-100) whose tables come closest to these; 90 when there are none."""
    tables = [list(quantization[index]) for index in (0, 1) if index in quantization]
    if not tables:
        return CONVERTED_QUALITY

    def distance(quality: int) -> int:
        return sum(abs(expected - actual)
                   for base, table in zip((_IJG_LUMINANCE, _IJG_CHROMINANCE), tables, strict=False)
                   for expected, actual in zip(_ijg_table(base, quality), table, strict=False))

    return min(range(1, 101), key=lambda quality: (distance(quality), -quality))


def _ijg_table(base: tuple[int, ...], quality: int) -> list[int]:
    scale = 5000 // quality if quality < 50 else 200 - 2 * quality
    return [min(255, max(1, (value * scale + 50) // 100)) for value in base]
