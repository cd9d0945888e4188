"""The frame every slide body is built in: pages, the design's boxes placed on the slide, and
boxes fitted into a layout's placeholders at the first size of the type scale that fits.

The geometry is the built-in design's (:mod:`.design`), mapped onto the slide's frame, so a
corporate template of another size gets the same proportions; only on the built-in template do
the boxes fill the layout's placeholders and inherit their styles (a corporate one has no such
layouts). A box keeps its layout's place; it is narrowed only where a narrower measure makes
better lines (:func:`.typeset.good_width`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from docgen.fonts.runs import is_rtl_paragraph
from docgen.model import Image, Quote, Span
from docgen.render import picture
from docgen.render.deck import design as d
from docgen.render.deck.fit import Para, Tokens, layout
from docgen.render.deck.frame import Frame
from docgen.render.deck.grid import PT, Kit, Rect4
from docgen.render.deck.measure import text_width
from docgen.render.deck.plan_types import Box, Picture, Rect
from docgen.render.deck.typeset import good_width, marks
from docgen.scheme import scheme

MAX_BULLETS = 6
MAX_WORDS = 40
Item = Box | Picture | Rect


@dataclass(frozen=True, slots=True)
class Page:
    """One slide's body: its layout role, its items, and whether it continues the one before.
    ``excerpt``: a quote too long for one slide shows its first sentences (the notes hold it all)."""

    layout: str
    items: tuple[Item, ...]
    continued: bool = False
    part: int = 0  # which part of a split list (0: the first)
    excerpt: bool = False

    @property
    def boxes(self) -> tuple[Box, ...]:
        return tuple(i for i in self.items if isinstance(i, Box))


def place(f: Frame, rect: Rect4) -> Rect4:
    """A box of the built-in design (13.333 x 7.5 in) on the frame ``f``: the same box on the
    built-in template; elsewhere across the content width and down the body area in proportion."""
    if (f.width, f.height) == (d.SLIDE_W, d.SLIDE_H) and not f.template:
        return rect
    x, y, w, h = rect
    sx, sy = f.content_w / d.CONTENT_W, f.body_h / d.BODY_H
    return (f.margin + round((x - d.M) * sx), f.body_y + round((y - d.BODY_Y) * sy),
            round(w * sx), round(h * sy))


def run_in(toks: Tokens) -> Tokens:
    """A point that opens with a short label and a colon ("Farming: Marketing fertilizes…")
    gets the label in bold, so the eye finds it; other points are left as they are."""
    for i, t in enumerate(toks[:4]):
        if t.text.rstrip().endswith(":") and i + 1 < len(toks) and not any(x.bold for x in toks):
            return tuple(Span(x.text, True, x.italic, x.href) if j <= i else x
                         for j, x in enumerate(toks))
    return toks


def _picture(img: Image) -> dict[str, Any]:
    """A content picture's bytes and pixel size, from the model (read once, by the loader); an
    SVG is read by the writer (through :mod:`docgen.svg`)."""
    if img.path.suffix.lower() == ".svg":
        return {}
    data, width, height = picture(img)
    return {"data": data, "pixels": (width, height)}



class Body:
    """What every slide body is built with: the kit, the language, the built-in design's colours."""
    """Builds pages for one deck: the kit, the language, the colours of the built-in design."""

    def __init__(self, kit: Kit, language: str) -> None:
        self.kit = kit
        self.f = kit.frame
        self.language = language
        self.builtin = not self.f.template
        self.k = scheme(kit.brand.palette)[0]
        self.design = d.design(kit.brand.palette)
        self.c = self.design.colours
        self._words: dict[int, tuple[Quote, Tokens]] = {}

    # -- geometry ------------------------------------------------------------------------------
    def place(self, rect: Rect4) -> Rect4:
        return place(self.f, rect)

    def slot(self, role: str, name: str) -> tuple[Rect4, tuple[str, int] | None]:
        """The box of a layout's placeholder, and the placeholder to fill (built-in only)."""
        s = self.design.layout(role).slot(name)
        return self.place(s.rect), ((s.type, s.idx) if self.builtin else None)

    def fitted(self, role: str, rect: Rect4, paras: Sequence[Para], sizes: Sequence[float], *,
               font: str = "body", color: str | None = None, anchor: str = "t", inset: int = 0,
               fill: str | None = None, ph: tuple[str, int] | None = None, slot: str = "",
               layout_role: str = "", good: bool = False, align: str = "l",
               even: bool | None = None) -> Box | None:
        """The box at the first size of ``sizes`` (a type scale's steps) that fits ``rect``; on
        the built-in template it carries its placeholder's style (``layout_role``, ``slot``).

        On a template the colour is the one that reads on its layout there (else its own).
        """
        if not self.builtin and not fill:
            color = self.f.ink("content", rect, color or self.kit.ink or "#000000") or ""
        for size in sizes:
            b = self.kit.box(role, rect, paras, size, size, font=font, color=color, anchor=anchor,
                             inset=inset, fill=fill, placeholder=ph, align=align)
            if b is not None:
                if self.builtin and slot:
                    s = self.design.layout(layout_role).slot(slot)
                    b = replace(b, style=s.style, second=s.second, home=self.place(s.rect),
                                anchor=s.style.anchor if anchor == "t" else anchor)
                return self.good(b, even) if good else b
        return None

    def good(self, b: Box, even: bool | None = None) -> Box:
        """``b`` narrowed to the width at which its lines wrap well (no word alone on a last line,
        short texts in even lines); a filled box keeps its width and pads its text instead."""
        paras = [p for p in b.paras if p.level == 0]
        if not paras:
            return b
        family = self.kit.brand.heading_font if b.font == "heading" else self.kit.brand.body_font
        inner = (b.w - 2 * b.inset - b.hang) / PT
        width = good_width(paras, family, inner, b.size, even)
        if width >= inner - 0.5:
            return b
        fitted = layout(b.paras, family, width, b.size)
        if fitted.height > (b.h - 2 * b.inset) / PT:  # a line more than the box holds
            return b
        lines = fitted.lines
        cut = int((inner - width) * PT)
        if b.fill:
            return replace(b, pad_right=cut, lines=lines)
        if any(is_rtl_paragraph(p.plain) for p in paras):  # right to left: the right edge stays
            return replace(b, x=b.x + cut, w=b.w - cut, lines=lines)
        return replace(b, w=b.w - cut, lines=lines)

    def hung(self, b: Box) -> Box:
        """``b`` widened to the left by its opening quote mark, which hangs there (marL/indent),
        so the words of every line align; the lines themselves do not change."""
        opening = marks(self.language)[0]
        first = b.paras[0].runs[0] if b.paras and b.paras[0].runs else None
        if first is None or not first.text.startswith(opening):
            return b
        face = self.kit.brand.body_font.face(False, True).path
        hang = int(text_width(opening, face, b.size) * PT)
        if b.fill:  # a card: the mark hangs into its padding
            return replace(b, hang=min(hang, b.inset))
        return replace(b, x=b.x - hang, w=b.w + hang, hang=hang)

    def text_h(self, b: Box) -> int:
        """The height of ``b``'s text in EMU (lines at docgen's pitch, paragraph spacing)."""
        family = self.kit.brand.heading_font if b.font == "heading" else self.kit.brand.body_font
        return int(layout(b.paras, family, b.text_w / PT, b.size).height * PT) + 2 * b.inset
