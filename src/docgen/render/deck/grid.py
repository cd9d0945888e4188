"""The kit: text boxes fitted at the largest size that fits, titles, brand colours, on the frame.

Everything is placed on the grid of :class:`~docgen.render.deck.frame.Frame` (drawn for 13.333 x
7.5 in with 0.6 in margins, scaled to the slide); the builders of each kind of slide
(:mod:`.kinds`) ask for the sizes of the type scale, largest first, down to the legible floor
(quotes 24 pt, body 18 pt), scaled with the slide's height. In template mode a text colour is
set only where it reads on the layout's background; elsewhere the template's own colour shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from docgen.model import Brand, FontFamily, Span, Text, merge_spans
from docgen.render.deck.fit import (
    Para,
    fit,
    tokens,
)
from docgen.render.deck.fit import height as text_height
from docgen.render.deck.frame import Frame, reads
from docgen.render.deck.measure import deck_font_name, metrics
from docgen.render.deck.plan_types import Box
from docgen.scheme import scheme

IN = 914400
PT = 12700
MAX_WORDS = 40  # the design rule: at most about 40 words on a slide
#: Measured width is reduced by this factor so hinting and kerning differences never overflow.
SAFETY = 0.96

Rect4 = tuple[int, int, int, int]


def _bullet_char(family: FontFamily) -> str:
    """The first of • – - that the family's regular face has (a bullet the viewer need not borrow)."""
    m = metrics(family.face(False, False).path)
    return next((ch for ch in "•–" if m.advance(ch) is not None), "-")


class Kit:
    """Builds boxes for one brand: fonts for measuring, colours checked for contrast."""

    def __init__(self, brand: Brand, frame: Frame | None = None) -> None:
        self.frame = f = frame or Frame()
        heading, body = f.fonts
        if heading is not None or body is not None:  # the template's theme fonts, measurable
            brand = replace(brand, heading_font=heading or brand.heading_font,
                            body_font=body or brand.body_font)
        self.brand = brand
        p = brand.palette
        self.heading_name = "+mj-lt" if heading else deck_font_name(brand.heading_font.name)
        self.body_name = "+mn-lt" if body else deck_font_name(brand.body_font.name)
        self.bg = p.background
        self.dark = p.primary
        k = scheme(p)[0]  # every text colour, checked against what is behind it
        self.ink = k.text
        self.heading_ink = k.heading
        self.muted = k.muted
        self.on_dark = k.on_primary
        self.soft_on_dark = k.soft_on_primary
        self.label_on_dark = k.label_on_primary
        self.callout_ink = k.heading_on_light
        self.bullet_ink = k.bullet
        self.bullet_char = {name: _bullet_char(fam) for name, fam in
                            (("heading", brand.heading_font), ("body", brand.body_font))}
        self.title_ink: dict[str, str | None] = {"content": self.heading_ink}
        if f.roles is not None:  # template mode: brand colours only where they read
            area = (f.margin, f.body_y, f.content_w, f.body_h)
            grounds = f.grounds_at("content", area)
            self.ink = f.ink("content", area, p.foreground)
            self.heading_ink = p.primary if reads(p.primary, grounds) else self.ink
            self.muted = p.muted if reads(p.muted, grounds) else self.ink
            self.bullet_ink = next((c for c in (p.secondary, p.primary) if reads(c, grounds, 3.0)), None)
            self.title_ink = {kind: (None if r.title is not None else
                                     f.ink(kind, f.title(kind)[0], r.title_ink or p.foreground))
                              for kind, r in f.roles.items()}
        self._titles: dict[tuple[Text | str, str], tuple[Box, str | None]] = {}

    # -- primitives -------------------------------------------------------------------------------
    def box(
        self,
        role: str,
        rect: Rect4,
        paras: Sequence[Para],
        top: float,
        floor: float,
        *,
        font: str = "body",
        color: str | None = None,
        align: str = "l",
        anchor: str = "t",
        inset: int = 0,
        fill: str | None = None,
        max_lines: int | None = None,
        placeholder: tuple[str, int] | None = None,
        inherit: bool = False,
    ) -> Box | None:
        """Return the box at the largest size that fits, or None when the floor is not enough."""
        x, y, w, h = rect
        family = self.brand.heading_font if font == "heading" else self.brand.body_font
        width = (w - 2 * inset) / PT * SAFETY
        scale = self.frame.scale
        top, floor = top * scale, floor * scale
        f = fit(paras, family, width, (h - 2 * inset) / PT, top, floor, max_lines)
        if f is None:
            return None
        out = tuple(Para(merge_spans(p.runs), p.bullet, p.number, p.space_before, p.level, p.size)
                    for p in f.paras)
        return Box(
            role,
            x,
            y,
            w,
            h,
            out,
            f.size,
            font,
            color or self.ink if color != "" else None,
            align,
            anchor,
            inset,
            fill,
            f.lines,
            self.bullet_ink,
            self.bullet_char[font],
            placeholder,
            inherit,
        )

    def fits(self, rect: Rect4, floor: float, font: str = "body",
             inset: int = 0) -> Callable[[Sequence[Para]], bool]:
        """Return a predicate: do these paragraphs fit the box at the floor size?"""
        family = self.brand.heading_font if font == "heading" else self.brand.body_font
        width = (rect[2] - 2 * inset) / PT * SAFETY
        height = (rect[3] - 2 * inset) / PT
        floor *= self.frame.scale
        return lambda paras: text_height(paras, family, width, floor) <= height

    def title(self, text: Text | str, kind: str = "content") -> tuple[Box, str | None]:
        """Return the title box; a title too long even at the floor is shortened with "…".

        Remembered per kit: every slide of a section repeats its heading (bounded for ``watch``).
        """
        key = (text, kind)
        found = self._titles.get(key)
        if found is None:
            if len(self._titles) >= 1024:
                self._titles.clear()
            found = self._titles[key] = self._title(text, kind)
        return found

    def _title(self, text: Text | str, kind: str) -> tuple[Box, str | None]:
        rect, top, floor, anchor = self.frame.title(kind)
        if self.frame.template:
            color = self.title_ink.get(kind) or ""  # "": the template's title colour
        else:
            color = self.heading_ink if kind == "content" else self.on_dark
        toks = tokens(text, bold=True)  # measured bold; on a template, written in its title style
        align = "" if self.frame.template and anchor == "" else "l"
        args: dict[str, Any] = {"font": "heading", "color": color, "anchor": anchor, "align": align,
                "inherit": self.frame.template and self.title_ink.get(kind) is None,
                # docgen's own content titles: two lines at most, above the accent rule
                "max_lines": 2 if kind == "content" and not self.frame.template else None}
        b = self.box("title", rect, [Para(toks)], top, floor, **args)
        if b is not None:
            return b, None
        cut = list(toks)
        # A continuation keeps its "(cont.)": the heading before it is what gets shortened.
        tail = [Span(" "), cut.pop()] if cut and cut[-1].text.strip() == "(cont.)" else []
        while b is None and cut:
            cut.pop()
            b = self.box("title", rect, [Para((*cut, Span("…", True), *tail))], floor, floor, **args)
        assert b is not None
        return b, "".join(t.text for t in toks)
