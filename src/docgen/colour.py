"""Colour arithmetic on ``#RRGGBB`` strings: mixing, WCAG luminance and contrast.

Both renderers check every text colour against what is behind it with these functions.
"""

from __future__ import annotations

from docgen.model import Palette


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def rgb_to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def mix(colour: str, other: str, amount: float) -> str:
    """Return ``colour`` moved ``amount`` (0..1) of the way towards ``other``."""
    a, b = hex_to_rgb(colour), hex_to_rgb(other)
    return rgb_to_hex(tuple(x + (y - x) * amount for x, y in zip(a, b, strict=True)))  # type: ignore[arg-type]


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


def readable_on(background: str, dark: str = "#000000", light: str = "#FFFFFF") -> str:
    """Return whichever of ``dark`` and ``light`` reads better on ``background``."""
    return dark if contrast(dark, background) >= contrast(light, background) else light


def ensure_contrast(colour: str, background: str, ratio: float = 4.5) -> str:
    """Return ``colour``, darkened or lightened just enough to reach ``ratio`` on ``background``."""
    target = readable_on(background)
    for step in range(21):
        candidate = mix(colour, target, step / 20)
        if contrast(candidate, background) >= ratio:
            return candidate
    return target


def make_palette(primary: str, secondary: str, accent: str, foreground: str,
                 background: str) -> Palette:
    """Return the full palette, deriving the quiet grey and the tint that brands rarely name."""
    muted = ensure_contrast(mix(foreground, background, 0.45), background)
    light = mix(primary, background, 0.92)
    return Palette(primary, secondary, accent, foreground, background, muted, light)
