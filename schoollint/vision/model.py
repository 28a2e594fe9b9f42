"""What vision saw in a picture, as plain frozen data.

Boxes are fractions of the upright picture: x and width of its width, y and height of its
height, so that they still hold after a downscale; confidence is the detector's own, 0 to 1.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """A region of the upright picture, as fractions of its width (x, w) and height (y, h)."""

    x: float
    y: float
    w: float
    h: float
    confidence: float          # 0..1, the detector's own score

    @classmethod
    def from_pixels(cls, left: float, top: float, right: float, bottom: float, size: tuple[int, int],
                    confidence: float) -> Box:
        """From edges in pixels of a picture of `size`, clipped to it: detectors may reach past an edge."""
        width, height = size
        left, top = max(0.0, left), max(0.0, top)
        right, bottom = min(float(width), right), min(float(height), bottom)
        return cls(round(left / width, 4), round(top / height, 4), round((right - left) / width, 4),
                   round((bottom - top) / height, 4), round(confidence, 2))

    def described(self) -> str:
        """Public wording: where in the picture, in percent, e.g. "at 12-30% across, 8-31% down"."""
        return (f"at {self.x:.0%}-{self.x + self.w:.0%} across, {self.y:.0%}-{self.y + self.h:.0%} down")


def union(boxes: list[Box]) -> Box:
    """The smallest box holding all of them; its confidence is the least of theirs."""
    left, top = min(b.x for b in boxes), min(b.y for b in boxes)
    right, bottom = max(b.x + b.w for b in boxes), max(b.y + b.h for b in boxes)
    return Box(left, top, round(right - left, 4), round(bottom - top, 4), min(b.confidence for b in boxes))


@dataclass(frozen=True)
class TextLine:
    box: Box
    text: str


@dataclass(frozen=True)
class Picture:
    """What vision saw in one raster image. `faces`/`text` are None when not looked for."""

    width: int                 # upright size of the full picture, pixels
    height: int
    faces: tuple[Box, ...] | None = None
    text: tuple[TextLine, ...] | None = None
    error: str | None = None   # why the pixels could not be looked at
