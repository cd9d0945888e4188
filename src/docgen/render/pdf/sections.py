"""Section headings, and each section's key points set beside them in the side column.

The key points (``key_points:`` in the source, the deck's bullet slide) are margin notes: they
start on the heading's baseline in the column right of the text, where they cost no page space.
In the structure tree they follow the heading (``Div`` > ``P`` "Key points", ``L``), so a screen
reader hears them as the section's summary. A page too narrow for a side column gets them as a
tinted box under the heading instead. Key points that only repeat a section's lone paragraph are
left out (:func:`restates`). A heading keeps room below it for its section's opening
(:func:`room_for_opening`) and its key points.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether

from docgen.model import Paragraph as ParagraphBlock
from docgen.model import Section
from docgen.render.pdf.balance import Balanced
from docgen.render.pdf.flowables import Boxed
from docgen.render.pdf.paragraph import Paragraph

#: Space kept between the key points of two sections that meet on one page.
NOTES_GAP = 14.0


def stack(flowables: list[Flowable], width: float) -> tuple[float, list[float], list[float]]:
    """Return the height of flowables set one under another, their heights, and the gaps."""
    sizes = [f.wrap(width, 1e6)[1] for f in flowables]
    gaps = [0.0, *(max(a.getSpaceAfter(), b.getSpaceBefore()) for a, b in pairwise(flowables))]
    return sum(sizes) + sum(gaps), sizes, gaps


class Heading(Balanced):
    """A section heading; the page template bookmarks it and adds it to the outline, and it
    draws the section's key points (``notes``) in the side column, ``side_x`` to its right.

    Takes reportlab's Paragraph arguments because ``Paragraph.split`` makes the parts of a heading
    too tall for a page with them; only the first part keeps the bookmark and the notes.
    """

    def __init__(self, text: str | None, style: Any = None, bulletText: str | None = None,
                 frags: list[Any] | None = None, *, outline: str = "", key: str = "",
                 notes: list[Flowable] | None = None, side_x: float = 0.0,
                 side_width: float = 0.0) -> None:
        super().__init__(text, style, bulletText=bulletText, frags=frags)
        self.outline = outline
        self.key = key
        self.notes = notes or []
        self.side_x, self.side_width = side_x, side_width

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        if parts and isinstance(parts[0], Heading):
            first = parts[0]
            first.outline, first.key = self.outline, self.key
            first.notes, first.side_x, first.side_width = self.notes, self.side_x, self.side_width
        return parts

    def notes_height(self) -> float:
        """Return how far the notes reach below the heading's top."""
        if not self.notes:
            return 0.0
        return stack(self.notes, self.side_width)[0] + self.style.fontSize \
            - self.notes[0].style.fontSize

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        super().drawOn(canv, x, y, _sW)
        if self.notes and self.key:
            baseline = y + self.height - self.style.fontSize
            draw_notes(canv, self.notes, x + self.side_x, baseline, self.side_width)


def draw_notes(canv: Canvas, notes: list[Flowable], x: float, baseline: float,
               width: float) -> None:
    """Draw notes whose first baseline is ``baseline``, below any notes already on the page."""
    _, sizes, gaps = stack(notes, width)
    top = baseline + notes[0].style.fontSize
    page = canv.getPageNumber()
    last = getattr(canv, "_docgen_notes_end", None)
    if last is not None and last[0] == page:
        top = min(top, last[1] - NOTES_GAP)
    y = top
    for flowable, height, gap in zip(notes, sizes, gaps, strict=True):
        y -= gap + height
        flowable.drawOn(canv, x, y)
    canv._docgen_notes_end = (page, y)


def room_for_opening(body: list[Flowable], width: float, lines: float, most: float) -> float:
    """Return the height a section's heading needs below it for the section's opening: a few
    ``lines`` of its first block, or all of a lead-in and what it introduces (they go to the
    next page together; ``most`` at most, past which they split anyway)."""
    height, gap = 0.0, 0.0
    for i, flowable in enumerate(body):
        kept = getattr(getattr(flowable, "style", None), "keepWithNext", 0)
        if isinstance(flowable, KeepTogether):  # a picture and its caption
            own = sum(f.wrap(width, 1e6)[1] for f in flowable._content)
        else:
            own = flowable.wrap(width, 1e6)[1]
            if not i and not kept and isinstance(flowable, Paragraph | Boxed):
                own = min(own, lines)  # text alone splits after a few lines
        if i:
            gap = max(body[i - 1].getSpaceAfter(), flowable.getSpaceBefore())
        height += gap + own
        if not kept:
            break
    return min(height, most)


#: A key point whose words are this share or more of one paragraph's words says it again.
RESTATES = 0.75
_WORD = re.compile(r"[\w’']+")
_FILLER = frozenset(("a", "an", "and", "are", "as", "at", "be", "both", "by", "for", "in", "is",
                     "it", "of", "on", "or", "that", "the", "their", "they", "this", "to",
                     "was", "were", "with", "vs"))


def restates(section: Section) -> bool:
    """Return whether the section's key points only say again what its one paragraph says, in
    its own words (a summary beside the text it sums up): the handout then leaves them out
    (the deck still shows them). A section with anything else (two paragraphs, a quote, a
    list) keeps them."""
    if len(section.blocks) != 1 or not isinstance(section.blocks[0], ParagraphBlock):
        return False
    text = set(_words(section.blocks[0].text.plain))
    for point in section.key_points:
        words = [w for w in _words(point.plain) if w not in _FILLER]
        if not words or sum(w in text for w in words) < RESTATES * len(words):
            return False
    return True


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]
