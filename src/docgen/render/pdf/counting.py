"""The page-counting pass: the first layout of a handout only counts its pages (for the footer's
"Page N of M") and finds where the article ends, so it places flowables without drawing them."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame

from docgen.render.pdf.paragraph import forget_layout


def _no_draw(canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
    """Stands in for ``Flowable.drawOn`` in the counting pass."""


class CountingFrame(Frame):
    """The frame of the page-counting pass: flowables are wrapped, split and placed, not drawn.

    Drawing cannot move anything (the layout is decided by ``wrap`` and ``split`` before
    ``drawOn``), and it was a third of the counting pass. The stand-in is an instance attribute
    that is removed again, because the final pass lays out the same flowables. What a placed or
    split flowable remembers of its line breaks is dropped as the pass goes, so memory stays as
    low as when each pass had a story of its own (the final pass breaks the lines again).
    """

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        flowable.drawOn = _no_draw
        try:
            placed = super()._add(flowable, canv, trySplit)
        finally:
            del flowable.drawOn
        if placed:
            forget_layout(flowable)
        return placed

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        parts = super().split(flowable, canv)
        forget_layout(flowable)
        return parts


class CountingCanvas(Canvas):
    """The canvas of the page-counting pass: pictures are placed but not decoded and encoded."""

    def drawImage(self, image: object, x: float, y: float, width: float | None = None,
                  height: float | None = None, *args: object, **kw: object) -> tuple[float, float]:
        return (width or 0, height or 0)
