"""Brand defaults, bundled fonts and colour arithmetic (no file reading here).

The built-in brand is what an article without ``brand:`` gets: quiet navy and teal, Carlito headings
and Caladea body text (metric twins of Calibri and Cambria, so the deck measures true in PowerPoint).
"""

from __future__ import annotations

from pathlib import Path

from docgen.model import Brand, FontFace, FontFamily, Palette

ASSETS = Path(__file__).parent / "assets"
FONTS = ASSETS / "fonts"

_STYLES = {"Regular": (False, False), "Bold": (True, False), "Italic": (False, True),
           "BoldItalic": (True, True)}
BUNDLED_FAMILIES = {"Carlito": "Carlito", "Caladea": "Caladea", "DejaVu Sans": "DejaVuSans"}
FALLBACK_FAMILY = "DejaVu Sans"

NAMED_COLOURS = {"white": "#FFFFFF", "black": "#000000"}


def bundled_family(name: str) -> FontFamily | None:
    """Return a font family that ships with docgen, by family name (case-insensitive)."""
    for family, stem in BUNDLED_FAMILIES.items():
        if family.lower() == name.strip().lower():
            faces = []
            for style, (bold, italic) in _STYLES.items():
                suffix = "" if style == "Regular" and stem == "DejaVuSans" else f"-{style}"
                path = FONTS / f"{stem}{suffix}.ttf"
                if path.exists():
                    faces.append(FontFace(path, bold, italic))
            return FontFamily(family, tuple(faces))
    return None


def fallback_family() -> FontFamily:
    """Return the wide-coverage family used for characters the brand's fonts lack."""
    family = bundled_family(FALLBACK_FAMILY)
    assert family is not None
    return family


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


def default_brand() -> Brand:
    """Return the tasteful built-in brand used when an article names none."""
    heading = bundled_family("Carlito")
    body = bundled_family("Caladea")
    assert heading and body
    palette = make_palette("#1D3557", "#2A7F8E", "#E76F51", "#1F2328", "#FFFFFF")
    return Brand("docgen", palette, body, heading)
