"""The built-in brand: what an article without ``brand:`` gets.

Quiet navy and teal, Carlito headings and Caladea body text.
"""

from __future__ import annotations

from docgen.colour import make_palette
from docgen.fonts import bundled_family
from docgen.model import Brand


def default_brand() -> Brand:
    """Return the tasteful built-in brand used when an article names none."""
    heading = bundled_family("Carlito")
    body = bundled_family("Caladea")
    assert heading and body
    palette = make_palette("#1D3557", "#2A7F8E", "#E76F51", "#1F2328", "#FFFFFF")
    return Brand("docgen", palette, body, heading)
