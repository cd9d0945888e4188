"""SVG to PNG with resvg: the deck's fallback copy of an SVG picture, and a logo's average tone.

resvg (a Rust renderer, PyPI wheels with no system libraries) draws the cleaned bytes with only the
fonts docgen ships (never the machine's), so the same SVG gives the same PNG everywhere. Results
are kept in the disk cache, keyed by the cleaned bytes and the size.
"""

from __future__ import annotations

from docgen.fonts import FONT_DIR
from docgen.infra.diskcache import remember

#: Longest side of the deck's PNG copy: sharp on a 4K screen for a logo or a half-slide picture.
DECK_PIXELS = 1600


def _render(data: bytes, width: int) -> bytes:
    import resvg_py

    fonts = sorted(str(p) for p in FONT_DIR.glob("*.ttf"))
    png = resvg_py.svg_to_bytes(
        svg_string=data.decode("utf-8"), width=width, skip_system_fonts=True, font_files=fonts,
        font_family="Carlito", sans_serif_family="Carlito", serif_family="Caladea",
        monospace_family="Liberation Mono", resources_dir=None)
    return bytes(png)


def svg_png(data: bytes, width_px: float, height_px: float, longest: int = DECK_PIXELS) -> bytes:
    """Return PNG bytes of the cleaned SVG ``data``, its longest side ``longest`` pixels."""
    scale = longest / max(width_px, height_px, 1e-6)
    width = max(1, round(width_px * scale))
    import resvg_py

    version = getattr(resvg_py, "__version__", "0")
    return remember("svg-png", f"{version}-{width}", data, lambda: _render(data, width),
                    lambda v: isinstance(v, bytes) and v.startswith(b"\x89PNG"))
