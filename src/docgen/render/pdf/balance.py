"""Balanced paragraphs: a short paragraph (a quote, a heading, the title) whose last line would be
a word or two is set a little narrower, so its lines come out even ("the kill.”" never stands
alone). The line breaks come from :func:`docgen.typography.balanced_breaks`, the rule the deck
uses too; reportlab then breaks the lines at the width that rule found, and the result is kept
only if it has the same number of lines.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from docgen.render.pdf.paragraph import Paragraph
from docgen.typography import balanced_breaks

#: A last line at least this full (of the measure) is left alone.
FULL_ENOUGH = 0.6
#: Paragraphs of more lines are body text: left to reportlab's breaking.
MAX_LINES = 8


class Balanced(Paragraph):
    """A paragraph wrapped at the narrowest width that keeps its line count, if its last line
    would otherwise be short."""

    _caps: dict[float, float] | None = None

    def _cap(self, width: float) -> float:
        caps = self.__dict__.get("_caps")
        if caps is None:
            caps = self._caps = {}
        cap = caps.get(width)
        if cap is None:
            cap = caps[width] = self._balanced(width)
        return cap

    def _balanced(self, width: float) -> float:
        super().wrap(width, 1e6)
        lines = getattr(self.blPara, "lines", [])
        if not 2 <= len(lines) <= MAX_LINES or getattr(self.blPara, "kind", 0) not in (0, 1):
            return width
        style = self.style
        inner = width - style.leftIndent - style.rightIndent
        if inner - _extra(lines[-1]) >= FULL_ENOUGH * inner:
            return width
        widths, space = _tokens(self.frags, style)
        if not widths:
            return width
        starts = balanced_breaks(widths, space, inner)
        ends = [*starts[1:], len(widths)]
        widest = max(sum(widths[a:b]) + space * (b - a - 1) for a, b in zip(starts, ends,
                                                                              strict=True))
        target = widest + style.leftIndent + style.rightIndent + 1.0
        if target >= width:
            return width
        super().wrap(target, 1e6)
        if len(getattr(self.blPara, "lines", [])) != len(lines):
            return width
        return target

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return super().wrap(self._cap(availWidth), availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        return super().split(self._cap(availWidth), availHeight)


def _extra(line: Any) -> float:
    """Return the unused width at the end of a broken line (both of reportlab's line kinds)."""
    if isinstance(line, tuple):
        return float(line[0])
    return float(getattr(line, "extraSpace", 0.0))


def _tokens(frags: list[Any], style: Any) -> tuple[list[float], float]:
    """Return the widths of the paragraph's words (a word may span fragments) and of a space.

    A no-break space is not a break, so words it joins count as one.
    """
    widths: list[float] = []
    current, open_word = 0.0, False
    for frag in frags:
        text = getattr(frag, "text", "")
        if not isinstance(text, str) or hasattr(frag, "cbDefn"):
            continue
        for i, part in enumerate(text.split(" ")):
            if i and open_word:
                widths.append(current)
                current, open_word = 0.0, False
            if part:
                current += stringWidth(part, frag.fontName, frag.fontSize)
                open_word = True
    if open_word:
        widths.append(current)
    return widths, stringWidth(" ", style.fontName, style.fontSize)
