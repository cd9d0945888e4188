"""Colour arithmetic on ``#RRGGBB`` strings: parsing, mixing, WCAG luminance and contrast.

Both renderers take every text colour from :mod:`docgen.scheme`, which checks each one against
what is behind it with these functions.
"""

from __future__ import annotations

import colorsys
import re

from docgen.model import Palette

_HEX = re.compile(r"#([0-9A-Fa-f]{3,4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})")


def parse_colour(value: str) -> tuple[str, float] | None:
    """Return (``#RRGGBB``, alpha) for a CSS colour (hex, ``rgb()``, ``hsl()`` or a CSS name).

    None when ``value`` is not a colour. Alpha is 0..1; callers decide what transparency means.
    """
    text = value.strip()
    found = _HEX.fullmatch(text)
    if found:
        digits = found.group(1)
        if len(digits) in (3, 4):
            digits = "".join(c * 2 for c in digits)
        alpha = int(digits[6:8], 16) / 255 if len(digits) == 8 else 1.0
        return "#" + digits[:6].upper(), alpha
    if not re.fullmatch(r"[a-zA-Z]+|(rgba?|hsla?|hsv|hsb)\([^()]{1,80}\)", text):
        return None
    from PIL import ImageColor  # only for colours written as names or functions

    try:
        rgb = ImageColor.getrgb(text.lower())
    except ValueError:
        return None
    alpha = rgb[3] / 255 if len(rgb) == 4 else 1.0
    return rgb_to_hex(rgb[:3]), alpha


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def rgb_to_hex(rgb: tuple[float, ...]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def mix(colour: str, other: str, amount: float) -> str:
    """Return ``colour`` moved ``amount`` (0..1) of the way towards ``other``."""
    a, b = hex_to_rgb(colour), hex_to_rgb(other)
    return rgb_to_hex(tuple(x + (y - x) * amount for x, y in zip(a, b, strict=True)))


def luminance(colour: str) -> float:
    """Return WCAG relative luminance."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in hex_to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """Return the WCAG contrast ratio of two colours (1..21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_dark(colour: str) -> bool:
    """Return whether light text reads better on ``colour`` than dark text."""
    return contrast("#FFFFFF", colour) > contrast("#000000", colour)


def readable_on(background: str, dark: str = "#000000", light: str = "#FFFFFF") -> str:
    """Return whichever of ``dark`` and ``light`` reads better on ``background``."""
    return dark if contrast(dark, background) >= contrast(light, background) else light


def _with_lightness(colour: str, lightness: float) -> str:
    r, g, b = (c / 255 for c in hex_to_rgb(colour))
    h, _, s = colorsys.rgb_to_hls(r, g, b)
    return rgb_to_hex(tuple(c * 255 for c in colorsys.hls_to_rgb(h, lightness, s)))


def ensure_contrast(colour: str, background: str, ratio: float = 4.5) -> str:
    """Return ``colour``, darkened or lightened just enough to reach ``ratio`` on ``background``.

    Only the lightness changes (hue and saturation stay), so the result is recognisably the brand's
    colour; the direction is the one in which the ratio can be reached.
    """
    if contrast(colour, background) >= ratio:
        return colour
    r, g, b = (c / 255 for c in hex_to_rgb(colour))
    start = colorsys.rgb_to_hls(r, g, b)[1]
    darker = contrast("#000000", background) >= contrast("#FFFFFF", background)
    if contrast("#000000" if darker else "#FFFFFF", background) < ratio:
        darker = not darker
    lo, hi = (0.0, start) if darker else (start, 1.0)
    for _ in range(24):  # bisect the lightness: the nearest one that passes
        mid = (lo + hi) / 2
        passes = contrast(_with_lightness(colour, mid), background) >= ratio
        if darker:
            lo, hi = (mid, hi) if passes else (lo, mid)
        else:
            lo, hi = (lo, mid) if passes else (mid, hi)
    result = _with_lightness(colour, lo if darker else hi)
    if contrast(result, background) < ratio:  # rounding to 8 bits: one more step out
        result = "#000000" if darker else "#FFFFFF"
    return result


def make_palette(primary: str, secondary: str, accent: str, foreground: str,
                 background: str, light: str | None = None, heading: str = "",
                 link: str = "") -> Palette:
    """Return the full palette, deriving the quiet grey and the tint that brands rarely name."""
    muted = ensure_contrast(mix(foreground, background, 0.45), background)
    tint = light if light is not None else mix(primary, background, 0.92)
    return Palette(primary, secondary, accent, foreground, background, muted, tint, heading, link)
