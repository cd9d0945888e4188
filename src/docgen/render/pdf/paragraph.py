"""Paragraphs that do not redo work: markup parsed once per process, lines broken once per width.

reportlab parses a paragraph's markup (an HTML parser in pure Python) when the Paragraph is made,
and breaks its lines on every ``wrap``. Both results depend only on their inputs, so they are
reused; the caches are bounded and hold nothing that layout changes.
"""

from __future__ import annotations

import copy
import weakref
from collections import OrderedDict
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph

from docgen.render.pdf import emoji
from docgen.render.pdf.complex import (
    BEGIN,
    END,
    RESELECT,
    actual_end,
    actual_text,
    base_rtl,
    break_lines,
    cut_frags,
    is_complex,
    reselect,
)
from docgen.render.pdf.fonts import match_x_height
from docgen.render.pdf.tagging import Tagged

#: Parsed paragraphs kept between builds (a rebuild by ``docgen watch`` parses only what changed).
MAX_PARSED = 1024
# (markup, style fingerprint) -> (cleaned text, parsed fragments)
_parsed: OrderedDict[tuple[str, str], tuple[str, tuple[Any, ...], bool, Any]] = OrderedDict()
_fingerprints: weakref.WeakKeyDictionary[ParagraphStyle, str] = weakref.WeakKeyDictionary()


def style_key(style: ParagraphStyle) -> str:
    """Every attribute of a style, as text: styles are made anew for each build."""
    found = _fingerprints.get(style)
    if found is None:
        attrs = sorted((k, v) for k, v in vars(style).items() if k not in ("name", "parent"))
        found = _fingerprints[style] = repr(attrs)
    return found


class Paragraph(Tagged, _Paragraph):
    """reportlab's Paragraph, reusing parsed markup and the line breaks for the last width; its
    drawing is marked as its structure element's content (see :class:`Tagged`).

    Why: breaking lines is the layout's most expensive step, and the same paragraph is wrapped at
    the same width several times (in both layout passes; by a box measuring, then splitting).
    The result depends only on the width (and the text and style, which never change). A split
    that drops or replaces ``blPara`` invalidates the memo, as does another width.

    Parsing is the story's most expensive step. A paragraph made from the same markup in an
    equal style gets a copy of the fragment list parsed before (the fragments are only read by
    layout and drawing); markup with a bullet, or that changes the style, is always parsed.
    """

    def __init__(self, text: str | None, style: ParagraphStyle | None = None,
                 bulletText: str | None = None, frags: list[Any] | None = None,
                 **kw: Any) -> None:
        if text is None or frags is not None or bulletText is not None or style is None or kw:
            super().__init__(text, style, bulletText, frags, **kw)
            if frags is None and style is not None:
                match_x_height(self.frags, style.fontName)
            self._complex_setup()
            return
        key = (text, style_key(style))
        hit = _parsed.get(key)
        if hit is not None:
            _parsed.move_to_end(key)
            super().__init__(text, style, frags=list(hit[1]))
            self.text = hit[0]
            self._complex = hit[2]
            if hit[3] is not None:
                self.style = hit[3]
            return
        super().__init__(text, style)
        match_x_height(self.frags, style.fontName)  # before the fragments are kept
        parsed_style = self.style
        self._complex_setup()
        if parsed_style is style and self.bulletText is None:
            rtl = self.style if self.style is not parsed_style else None
            _parsed[key] = (self.text, tuple(self.frags), self._complex, rtl)
            while len(_parsed) > MAX_PARSED:
                _parsed.popitem(last=False)

    def _complex_setup(self) -> None:
        """Mark a paragraph whose text needs :mod:`complex` layout; right-align a right-to-left one."""
        frags = self.frags
        text = "".join(getattr(f, "text", "") for f in frags)
        # An emoji's colour callbacks (onDraw) travel with its run (see complex.break_lines);
        # pictures and line breaks keep reportlab's own layout.
        self._complex = (is_complex(text) and not self.bulletText
                         and not any(hasattr(f, "lineBreak") or getattr(getattr(f, "cbDefn", None),
                                     "kind", "onDraw") != "onDraw" for f in frags))
        if self._complex and self.style.alignment == TA_LEFT and base_rtl(text):
            self.style = _rtl_style(self.style)

    def breakLines(self, width: Any) -> Any:
        if not self.__dict__.get("_complex"):
            kept = self.__dict__.pop("_kept_lines", None)
            if kept is not None and kept[0] == width:
                return kept[1]
            return super().breakLines(width)
        widths = list(width) if isinstance(width, (list, tuple)) else [width]
        hang = self.__dict__.get("hang_right", 0.0)
        if hang:  # a right-to-left quote's first line ends past the others, its mark hanging
            widths[0] += hang
        lines, widest, starts = break_lines(self.frags, widths)
        self._width_max = widest
        self._line_starts = starts
        return lines

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        if not self.__dict__.get("_complex"):
            parts = super().split(availWidth, availHeight)
            _keep_rest(self, parts)
            return parts
        self.wrap(availWidth, availHeight)
        lines = self.blPara.lines
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit >= len(lines):
            return [self]
        if len(lines) - fit < 2 and not self.style.allowWidows:
            fit -= 1
        if fit < 1 or (fit < 2 and not self.style.allowOrphans):
            return []
        head, tail = cut_frags(self.frags, self._line_starts[fit])
        kind = type(self)
        parts = [kind(None, self.style, frags=head), kind(None, self.style, frags=tail)]
        for part in parts:
            part.struct = self.struct  # as Tagged.split does: one element across pages
        if "hang_right" in self.__dict__:
            parts[0].hang_right = self.hang_right
        return parts

    def draw(self) -> None:
        register_callbacks(self.canv)
        super().draw()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        memo = self.__dict__.get("_wrapped")
        if memo is not None and memo[0] == availWidth and self.__dict__.get("blPara") is memo[2]:
            self.width, self.height = memo[1]
            return memo[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size, self.__dict__.get("blPara"))
        return size


def _keep_rest(whole: Any, parts: list[Any]) -> None:
    """Hand the lines after a page break to the paragraph that continues on the next page.

    Why: reportlab joins the rest of a split paragraph up again and breaks its lines anew on the
    next page, so a paragraph over many pages was broken into lines once per page: time
    quadratic in its length (a 250,000-character token: 544 line breakings). Breaking is greedy,
    so the lines after a break are the ones a fresh breaking at the same width makes; they are
    reused when the rest is wrapped at that width (any other width breaks them anew). Only for
    paragraphs of one style (reportlab's simple lines): lines of several fragments point into
    the paragraph's own fragment list.
    """
    blpara = whole.__dict__.get("blPara")
    widths = whole.__dict__.get("_wrapWidths")
    if len(parts) != 2 or blpara is None or blpara.kind != 0 or not widths \
            or getattr(whole.style, "endDots", None):
        return  # (lines of several fragments index the paragraph's fragments: not reusable)
    first, rest = parts
    done = len(first.blPara.lines)
    kept = copy.copy(blpara)
    kept.lines = blpara.lines[done:]
    rest._kept_lines = ([widths[-1], widths[-1]], kept)


def register_callbacks(canvas: Any) -> None:
    """Make the drawing callbacks of complex runs and colour emoji known to ``canvas``."""
    canvas.setNamedCB(BEGIN, actual_text)
    canvas.setNamedCB(END, actual_end)
    canvas.setNamedCB(RESELECT, reselect)
    emoji.register(canvas)


@lru_cache(maxsize=64)
def _rtl_style(style: ParagraphStyle) -> ParagraphStyle:
    """The style of a right-to-left paragraph: aligned to the right, where its lines start."""
    return ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)


def forget_layout(flowable: object) -> None:
    """Drop the line breaks a laid-out flowable (and what it contains) keeps; wrap makes new ones.

    Why: the counting pass lays out the same story as the final pass, and kept line breaks for
    every paragraph of a long article are several megabytes more at the peak.
    """
    attrs = getattr(flowable, "__dict__", None)
    if attrs is None:
        return
    attrs.pop("blPara", None)
    attrs.pop("_wrapped", None)
    for name in _CHILDREN:
        children = attrs.get(name)
        if children:
            for child in _flatten(children):
                forget_layout(child)


# Where the flowables used here keep their contents: Boxed and HeaderBand, KeepTogether and
# ListFlowable and ListItem, Table (rows of cells, each a flowable or a list of them).
_CHILDREN = ("contents", "_content", "_cellvalues")


def _flatten(items: object) -> list[object]:
    if isinstance(items, (list, tuple)):
        return [leaf for item in items for leaf in _flatten(item)]
    return [items]
