"""Colour emoji on the page: the colour font's picture over the outline glyph, drawn invisibly.

The markup wraps each emoji that has a picture (:func:`docgen.fonts.emoji.picture`) in two
``<onDraw>`` callbacks. The first, called where the glyph starts, places the PNG at the glyph's
advance width and text size and switches the text to render mode 3 (invisible); the second
switches it back. The glyph keeps its place in the line and in the text layer, so the line breaks
as it did and the emoji extracts as itself.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from docgen.fonts.emoji import picture
from docgen.infra.xmlescape import escape, quoteattr

BEGIN, END = "docgen-emoji", "docgen-emoji-end"


def markup(text: str, font: str) -> str | None:
    """Return markup that draws ``text`` (emoji in ``font``) in colour, or None if none can be."""
    out: list[str] = []
    coloured = False
    for ch in text:
        if picture(ch) is None:
            out.append(escape(ch))
            continue
        coloured = True
        out.append(f"<onDraw name={BEGIN} label={quoteattr(font + '|' + ch)}/>{escape(ch)}"
                   f'<onDraw name={END} label=""/>')
    return "".join(out) if coloured else None


def draw(canvas: Any, _kind: str, label: str | None) -> None:
    """Place the emoji's picture where its glyph starts; make the glyph invisible."""
    info = canvas._curr_tx_info
    font, _, ch = (label or "").partition("|")
    pic = picture(ch) if ch else None
    if pic is None:
        return
    xs = info["xs"]
    size = xs.style.fontSize
    width = stringWidth(ch, font, size)
    height = width * pic.height / pic.width
    y = info["cur_y"] - height * pic.below / pic.height
    canvas.drawImage(ImageReader(io.BytesIO(pic.png)), info["cur_x"], y, width, height,
                     mask="auto")
    info["tx"]._code.append("3 Tr")


def end(canvas: Any, _kind: str, _label: str | None) -> None:
    """Draw text visibly again after an emoji."""
    canvas._curr_tx_info["tx"]._code.append("0 Tr")


def register(canvas: Any) -> None:
    """Make the callbacks known to ``canvas`` (reportlab looks them up by name while drawing)."""
    canvas.setNamedCB(BEGIN, draw)
    canvas.setNamedCB(END, end)
