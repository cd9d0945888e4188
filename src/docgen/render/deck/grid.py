"""The slide grid and the box builders: one set of margins, one title position, brand colours.

Everything is placed on a 16:9 grid (13.333 x 7.5 in) with 0.6 in margins; sizes step by 2 pt from
each role's largest size down to its legible floor (quotes 24 pt, body 18 pt).
"""

from __future__ import annotations

from collections.abc import Sequence

from docgen.model import Author, Brand, Callout, FontFamily, Image, Quote, Text
from docgen.render.deck.fit import (
    Para,
    Run,
    Tokens,
    fit,
    merge,
    paginate,
    sentences,
    tokens,
    words,
)
from docgen.render.deck.fit import height as text_height
from docgen.render.deck.measure import deck_font_name, metrics
from docgen.render.deck.plan_types import Box, Picture, Rect
from docgen.scheme import scheme

IN = 914400
PT = 12700
SLIDE_W = 12192000  # 13.333 in
SLIDE_H = 6858000  # 7.5 in
M = int(0.6 * IN)
CONTENT_W = SLIDE_W - 2 * M
BODY_Y = int(1.95 * IN)
BODY_H = int(6.55 * IN) - BODY_Y
MAX_WORDS = 40  # the design rule: at most about 40 words on a slide
#: Measured width is reduced by this factor so hinting and kerning differences never overflow.
SAFETY = 0.96

Rect4 = tuple[int, int, int, int]
TITLE = {  # kind -> (x, y, w, h), largest size, floor, anchor
    "content": ((M, int(0.45 * IN), CONTENT_W, int(1.2 * IN)), 36.0, 24.0, "b"),
    "section": ((M, int(2.6 * IN), CONTENT_W, int(2.6 * IN)), 54.0, 32.0, "t"),
    "title": ((M, int(1.75 * IN), int(11.0 * IN), int(2.45 * IN)), 54.0, 32.0, "b"),
}


def _bullet_char(family: FontFamily) -> str:
    """The first of • – - that the family's regular face has (a bullet the viewer need not borrow)."""
    m = metrics(family.face(False, False).path)
    return next((ch for ch in "•–" if m.advance(ch) is not None), "-")


class Kit:
    """Builds boxes for one brand: fonts for measuring, colours checked for contrast."""

    def __init__(self, brand: Brand) -> None:
        self.brand = brand
        p = brand.palette
        self.heading_name = deck_font_name(brand.heading_font.name)
        self.body_name = deck_font_name(brand.body_font.name)
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
        self.bullet_char = {f: _bullet_char(fam) for f, fam in
                            (("heading", brand.heading_font), ("body", brand.body_font))}
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
    ) -> Box | None:
        """Return the box at the largest size that fits, or None when the floor is not enough."""
        x, y, w, h = rect
        family = self.brand.heading_font if font == "heading" else self.brand.body_font
        width = (w - 2 * inset) / PT * SAFETY
        f = fit(paras, family, width, (h - 2 * inset) / PT, top, floor, max_lines)
        if f is None:
            return None
        out = tuple(Para(merge(p.runs), p.bullet, p.number, p.space_before) for p in f.paras)
        return Box(
            role,
            x,
            y,
            w,
            h,
            out,
            f.size,
            font,
            color or self.ink,
            align,
            anchor,
            inset,
            fill,
            f.lines,
            self.bullet_ink,
            self.bullet_char[font],
        )

    def fits(self, rect: Rect4, floor: float, font: str = "body", inset: int = 0):
        """Return a predicate: do these paragraphs fit the box at the floor size?"""
        family = self.brand.heading_font if font == "heading" else self.brand.body_font
        width = (rect[2] - 2 * inset) / PT * SAFETY
        height = (rect[3] - 2 * inset) / PT
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
        rect, top, floor, anchor = TITLE[kind]
        color = self.heading_ink if kind == "content" else self.on_dark
        toks = tokens(text, bold=True)
        args = {"font": "heading", "color": color, "anchor": anchor}
        b = self.box("title", rect, [Para(toks)], top, floor, **args)
        if b is not None:
            return b, None
        cut = list(toks)
        # A continuation keeps its "(cont.)": the heading before it is what gets shortened.
        tail = [Run(" "), cut.pop()] if cut and cut[-1].text.strip() == "(cont.)" else []
        while b is None and cut:
            cut.pop()
            b = self.box("title", rect, [Para((*cut, Run("…", True), *tail))], floor, floor, **args)
        assert b is not None
        return b, "".join(t.text for t in toks)

    def rule(self) -> tuple[Rect, ...]:
        return (Rect(M, int(1.72 * IN), int(1.2 * IN), int(0.06 * IN), self.brand.palette.accent),)

    def quote_bar(self) -> tuple[Rect, ...]:
        return (
            Rect(
                M,
                BODY_Y + int(0.1 * IN),
                int(0.08 * IN),
                int(3.5 * IN),
                self.brand.palette.secondary,
            ),
        )

    # -- content pages ----------------------------------------------------------------------------
    def body_pages(
        self, paras: list[Para], max_units: int, top: float = 28.0, floor: float = 18.0
    ) -> list[tuple[Box, ...]]:
        rect = (M, BODY_Y, CONTENT_W, BODY_H)
        pages = paginate(paras, lambda u: list(u), self.fits(rect, floor), max_units, 40, balance=True)
        out = []
        for page in pages:
            b = self.box("body", rect, page, top, floor)  # type: ignore[arg-type]
            out.append((b,) if b else ())
        return out

    def quote_pages(self, q: Quote) -> list[tuple[Box, ...]]:
        rect = (M + int(0.4 * IN), BODY_Y, CONTENT_W - int(0.4 * IN), int(3.7 * IN))

        def marked(units: list, first: bool, last: bool) -> list[Para]:
            """A part of the quote: “ opens the first part, ” closes the last, … joins the parts."""
            toks: Tokens = tuple(t for u in units for t in u)
            head, tail = Run("“" if first else "…", italic=True), Run("”" if last else "…", italic=True)
            return [Para((head, *toks, tail))]

        def compose(units: list) -> list[Para]:  # for fitting: wide enough for any part's marks
            toks: Tokens = tuple(t for u in units for t in u)
            return [Para((Run("“…", italic=True), *toks, Run("…”", italic=True)))]

        # The size steps down from 40 pt to the 24 pt floor (box() below) before a quote is split:
        # pages are cut only where the floor or the ~40-word rule would be broken.
        units = sentences(tokens(q.text, italic=True))
        pages = paginate(units, compose, self.fits(rect, 24.0), 99, 40)
        out: list[tuple[Box, ...]] = []
        for i, page in enumerate(pages):
            last = i == len(pages) - 1
            paras = marked(page, i == 0, last)
            b = self.box("quote", rect, paras, 40.0, 24.0, anchor="ctr")
            boxes = [b] if b else []
            if last and q.by:
                a = self.box(
                    "attribution",
                    (rect[0], int(5.85 * IN), rect[2], int(0.6 * IN)),
                    [Para(tokens(f"— {q.by}"))],
                    20.0,
                    18.0,
                    color=self.muted,
                )
                boxes += [a] if a else []
            out.append(tuple(boxes))
        return out

    def callout_pages(self, c: Callout) -> list[tuple[Box, ...]]:
        rect, inset = (M, BODY_Y, CONTENT_W, BODY_H), int(0.5 * IN)

        def compose(units: list) -> list[Para]:
            return [Para(tuple(t for u in units for t in u))]

        units = sentences(tokens(c.text, bold=True))
        pages = paginate(units, compose, self.fits(rect, 24.0, "heading", inset), 99, 40)
        out = []
        for page in pages:
            b = self.box(
                "callout",
                rect,
                compose(page),
                40.0,
                24.0,
                font="heading",
                color=self.callout_ink,
                anchor="ctr",
                inset=inset,
                fill=self.brand.palette.light,
            )
            out.append((b,) if b else ())
        return out

    def image(self, img: Image) -> tuple[tuple[Box, ...], Picture]:
        boxes: tuple[Box, ...] = ()
        bottom = M + BODY_Y + BODY_H - M
        if img.caption is not None and img.caption.plain.strip():
            for h in (0.75, 1.3, 1.9):
                rect = (M, bottom - int(h * IN), CONTENT_W, int(h * IN))
                b = self.box(
                    "caption",
                    rect,
                    [Para(tokens(img.caption))],
                    20.0,
                    18.0,
                    color=self.muted,
                )
                if b:
                    boxes = (b,)
                    bottom = rect[1] - int(0.15 * IN)
                    break
        # Left-aligned on the content grid (x = the title's left), like the caption under it.
        pic = Picture(img.path, img.alt, M, BODY_Y, CONTENT_W, bottom - BODY_Y, align="l")
        return boxes, pic

    def author_pages(self, author: Author) -> list[tuple[Box | Picture, ...]]:
        text_w = CONTENT_W - (int(3.8 * IN) if author.photo else 0)
        name = self.box(
            "label",
            (M, BODY_Y, text_w, int(0.6 * IN)),
            [Para(tokens(author.name, bold=True))],
            28.0,
            24.0,
            font="heading",
            color=self.heading_ink,
        )
        head: list[Box | Picture] = [name] if name else []
        y = BODY_Y + int(0.65 * IN)
        if author.role:
            role = self.box(
                "label",
                (M, y, text_w, int(0.5 * IN)),
                [Para(tokens(author.role))],
                20.0,
                18.0,
                color=self.muted,
            )
            head += [role] if role else []
            y += int(0.6 * IN)
        if author.photo:
            p = author.photo
            head.append(
                Picture(p.path, p.alt, M + text_w + int(0.4 * IN), BODY_Y, int(3.4 * IN), BODY_H, "r")
            )
        rect = (M, y, text_w, BODY_Y + BODY_H - y)
        # One slide, ~40 words: name, role and the bio's first sentence(s); the full bio goes to the
        # notes and the link to the closing slide.
        budget = max(MAX_WORDS - words(tokens(author.name)) - words(tokens(author.role or "")), 12)
        shown: list[Run] = []
        for sentence in sentences(tokens(author.bio)):
            if words((*shown, *sentence)) > budget:
                break
            shown += sentence
        if not shown:  # a first sentence longer than the budget: its first words, then "…"
            cut = list(tokens(author.bio))
            while words(cut) > budget:
                cut.pop()
            shown = [*cut, Run("…")]
        if shown:
            shown[-1] = Run(shown[-1].text.rstrip(), shown[-1].bold, shown[-1].italic, shown[-1].href)
        b = None
        while b is None and shown:
            b = self.box("body", rect, [Para(tuple(shown))], 24.0, 18.0)
            if b is None:  # narrower than expected (a photo beside it): fewer words
                shown = [*shown[:-2], Run("…")] if len(shown) > 2 else []
        return [(*head, *((b,) if b else ()))]
