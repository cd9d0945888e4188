"""SVG pictures in the handout as vector graphics (svglib), sharp at any zoom.

svglib turns the cleaned SVG (:mod:`docgen.svg`) into reportlab graphics. Text in an SVG is drawn
with the fonts docgen ships, embedded like every other font of the handout, never with a PDF
standard font or one svglib would look up on the machine.
"""

from __future__ import annotations

import io
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from docgen.fonts import bundled_family
from docgen.render.pdf.fonts import register
from docgen.render.pdf.tagging import Tagged
from docgen.svg import read_svg

# svglib reports what it skips through logging; docgen reports through its own messages.
logging.getLogger("svglib").addHandler(logging.NullHandler())
logging.getLogger("svglib").propagate = False


def _font_map() -> Any:
    from svglib.fonts import FontMap

    from docgen.fonts.kinds import FALLBACK, GENERIC, kind_of_name

    class ShippedFonts(FontMap):
        """Every SVG font family maps to the shipped family of its kind (sans, serif, mono)."""

        def find_font(self, font_name: str, weight: str = "normal",
                      style: str = "normal") -> tuple[str, bool]:
            name = font_name.strip().strip("'\"")
            kind = GENERIC.get(name.lower()) or kind_of_name(name)
            family = bundled_family(FALLBACK[kind]) or bundled_family("Carlito")
            assert family is not None
            bold = str(weight).lower() in ("bold", "bolder") or (
                str(weight).isdigit() and int(weight) >= 600)
            return register(family).name(bold, style.lower() in ("italic", "oblique")), False

    return ShippedFonts()


@lru_cache(maxsize=8)
def _drawing(data: bytes) -> Any:
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(io.BytesIO(data), font_map=_font_map())
    if drawing is None:  # the loader checked the file; svglib failing is a bug to report
        raise ValueError("svglib could not read the SVG")
    # reportlab's renderer starts every drawing in a standard (unembedded) font; start in a
    # shipped one instead, so the PDF embeds every font it names.
    family = bundled_family("Carlito")
    assert family is not None
    drawing.__dict__["initialFontName"] = register(family).name()
    return drawing


def svg_size(path: Path) -> tuple[float, float]:
    """Return the SVG's intrinsic size (CSS pixels): only its aspect ratio matters here."""
    clean = read_svg(path)
    return clean.width, clean.height


def draw_svg(canv: Canvas, path: Path, x: float, y: float, width: float, height: float) -> None:
    """Draw the SVG at ``path`` into the box, aspect kept, centred."""
    from reportlab.graphics import renderPDF

    drawing = _drawing(read_svg(path).data)
    scale = min(width / drawing.width, height / drawing.height)
    dx = x + (width - drawing.width * scale) / 2
    dy = y + (height - drawing.height * scale) / 2
    canv.saveState()
    canv.translate(dx, dy)
    canv.scale(scale, scale)
    renderPDF.draw(drawing, canv, 0, 0, showBoundary=False)
    canv.restoreState()


class SvgFlowable(Flowable):
    """An SVG picture in the story, drawn as vector graphics at ``width`` x ``height``."""

    def __init__(self, path: Path, width: float, height: float) -> None:
        super().__init__()
        self.path, self.width, self.height = path, width, height

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_svg(self.canv, self.path, 0, 0, self.width, self.height)


class TaggedSvg(Tagged, SvgFlowable):
    """An SVG picture tagged as a Figure with its alternate text."""
