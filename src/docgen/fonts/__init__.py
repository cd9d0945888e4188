"""The fonts docgen ships: where they are and the families they make.

Carlito and Caladea are metric twins of Calibri and Cambria, so the deck measures true in
PowerPoint; DejaVu Sans (and DejaVu Serif Condensed in serif text) covers the characters a
brand's fonts lack; Liberation Mono (Courier New's twin) stands in for a brand's monospace family.
"""

from __future__ import annotations

from pathlib import Path

from docgen.model import FontFace, FontFamily

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"

_STYLES = {"Regular": (False, False), "Bold": (True, False), "Italic": (False, True),
           "BoldItalic": (True, True)}
BUNDLED_FAMILIES = {"Carlito": "Carlito", "Caladea": "Caladea", "DejaVu Sans": "DejaVuSans",
                    "Liberation Mono": "LiberationMono"}


def bundled_family(name: str) -> FontFamily | None:
    """Return a font family that ships with docgen, by family name (case-insensitive)."""
    for family, stem in BUNDLED_FAMILIES.items():
        if family.lower() == name.strip().lower():
            faces = []
            for style, (bold, italic) in _STYLES.items():
                suffix = "" if style == "Regular" and stem == "DejaVuSans" else f"-{style}"
                path = FONT_DIR / f"{stem}{suffix}.ttf"
                if path.exists():
                    faces.append(FontFace(path, bold, italic))
            return FontFamily(family, tuple(faces))
    return None
