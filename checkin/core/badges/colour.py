"""Category colours on a badge, and which text colour reads on them.

A category band is printed in its colour with the label in black or white, whichever
contrasts more by WCAG 2 relative luminance; a band too close to the white card gets an
outline so it still reads as a band.
"""

from __future__ import annotations

import functools
import re

RGB = tuple[float, float, float]

BLACK: RGB = (0.0, 0.0, 0.0)
WHITE: RGB = (1.0, 1.0, 1.0)


@functools.lru_cache(maxsize=256)
def parse_colour(value: str) -> RGB | None:
    """'#RRGGBB' (or '#RGB') -> (r, g, b) in 0..1; '' -> None (no band colour)."""
    text = value.strip().lstrip("#")
    if not text:
        return None
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if len(text) != 6 or not re.fullmatch("[0-9a-fA-F]{6}", text):
        raise ValueError(f"colour {value!r} is not #RRGGBB")
    return tuple(int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def luminance(rgb: RGB) -> float:
    """WCAG 2 relative luminance of an (r, g, b) in 0..1."""
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of '#RRGGBB' (0 black .. 1 white; '' counts as white)."""
    return luminance(parse_colour(colour) or WHITE)


def contrast(a: RGB, b: RGB) -> float:
    """WCAG 2 contrast ratio of two colours (1 .. 21)."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def band_text_colour(colour: str) -> str:
    """'#FFFFFF' or '#000000', whichever has the higher WCAG contrast ratio on ``colour``."""
    lum = relative_luminance(colour)
    on_white, on_black = 1.05 / (lum + 0.05), (lum + 0.05) / 0.05
    return "#FFFFFF" if on_white >= on_black else "#000000"
