"""The box builders: one set of margins, one title position, brand colours, on the slide's frame.

Everything is placed on the grid of :class:`~docgen.render.deck.frame.Frame` (drawn for 13.333 x
7.5 in with 0.6 in margins, scaled to the slide); sizes step by 2 pt from each role's largest size
down to its legible floor (quotes 24 pt, body 18 pt), both scaled with the slide's height. In
template mode a text colour is set only where it reads on the layout's background; elsewhere the
template's own colour shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from docgen.model import Author, Brand, Callout, FontFamily, Image, Quote, Span, Text, merge_spans
from docgen.render import picture
from docgen.render.deck.fit import (
    Para,
    Tokens,
    fit,
    paginate,
    sentences,
    tokens,
    words,
)
from docgen.render.deck.fit import height as text_height
from docgen.render.deck.frame import Frame, reads
from docgen.render.deck.measure import deck_font_name, metrics
from docgen.render.deck.plan_types import Box, Picture, Rect
from docgen.scheme import scheme

IN = 914400
PT = 12700
MAX_WORDS = 40  # the design rule: at most about 40 words on a slide
#: Measured width is reduced by this factor so hinting and kerning differences never overflow.
SAFETY = 0.96

Rect4 = tuple[int, int, int, int]


def _picture(img: Image) -> dict[str, object]:
    """A content picture's bytes and pixel size, from the model (read once, by the loader); an
    SVG is read by the writer (through :mod:`docgen.svg`)."""
    if img.path.suffix.lower() == ".svg":
        return {}
    data, width, height = picture(img)
    return {"data": data, "pixels": (width, height)}


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
            body = (f.margin, f.body_y, f.content_w, f.body_h)
            grounds = f.grounds_at("content", body)
            self.ink = f.ink("content", body, p.foreground)
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
        out = tuple(Para(merge_spans(p.runs), p.bullet, p.number, p.space_before) for p in f.paras)
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

    def fits(self, rect: Rect4, floor: float, font: str = "body", inset: int = 0):
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
        args = {"font": "heading", "color": color, "anchor": anchor, "align": align,
                "inherit": self.frame.template and self.title_ink.get(kind) is None}
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

    def rule(self) -> tuple[Rect, ...]:
        """The accent rule under a content title (none on a template: its look wins)."""
        f = self.frame
        if f.template:
            return ()
        return (Rect(f.margin, f.len(1.72), f.len(1.2), f.len(0.06), self.brand.palette.accent),)

    def quote_bar(self) -> tuple[Rect, ...]:
        f = self.frame
        if f.template:
            return ()
        return (Rect(f.margin, f.body_y + f.len(0.1), f.len(0.08), f.len(3.5),
                     self.brand.palette.secondary),)

    # -- content pages ----------------------------------------------------------------------------
    def body_pages(
        self, paras: list[Para], max_units: int, top: float = 28.0, floor: float = 18.0
    ) -> list[tuple[Box, ...]]:
        f = self.frame
        rect = (f.margin, f.body_y, f.content_w, f.body_h)
        pages = paginate(paras, lambda u: list(u), self.fits(rect, floor), max_units, 40, balance=True)
        out = []
        for page in pages:
            b = self.box("body", rect, page, top, floor)  # type: ignore[arg-type]
            out.append((b,) if b else ())
        return out

    def quote_pages(self, q: Quote) -> list[tuple[Box, ...]]:
        f = self.frame
        rect = (f.margin + f.len(0.4), f.body_y, f.content_w - f.len(0.4), min(f.len(3.7), f.body_h))

        def marked(units: list, first: bool, last: bool) -> list[Para]:
            """A part of the quote: “ opens the first part, ” closes the last, … joins the parts."""
            toks: Tokens = tuple(t for u in units for t in u)
            head, tail = Span("“" if first else "…", italic=True), Span("”" if last else "…", italic=True)
            return [Para((head, *toks, tail))]

        def compose(units: list) -> list[Para]:  # for fitting: wide enough for any part's marks
            toks: Tokens = tuple(t for u in units for t in u)
            return [Para((Span("“…", italic=True), *toks, Span("…”", italic=True)))]

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
                    (rect[0], min(f.len(5.85), f.body_bottom - f.len(0.6)), rect[2], f.len(0.6)),
                    [Para(tokens(f"— {q.by}"))],
                    20.0,
                    18.0,
                    color=self.muted,
                )
                boxes += [a] if a else []
            out.append(tuple(boxes))
        return out

    def callout_pages(self, c: Callout) -> list[tuple[Box, ...]]:
        f = self.frame
        rect, inset = (f.margin, f.body_y, f.content_w, f.body_h), f.len(0.5)

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
        f = self.frame
        bottom = f.body_bottom
        if img.caption is not None and img.caption.plain.strip():
            for h in (0.75, 1.3, 1.9):
                rect = (f.margin, bottom - f.len(h), f.content_w, f.len(h))
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
                    bottom = rect[1] - f.len(0.15)
                    break
        # Left-aligned on the content grid (x = the title's left), like the caption under it.
        pic = Picture(img.path, img.alt, f.margin, f.body_y, f.content_w, bottom - f.body_y, align="l",
                      **_picture(img))
        return boxes, pic

    def author_pages(self, author: Author) -> list[tuple[Box | Picture, ...]]:
        f = self.frame
        m, body_y, body_h = f.margin, f.body_y, f.body_h
        text_w = f.content_w - (f.len(3.8) if author.photo else 0)
        name = self.box(
            "label",
            (m, body_y, text_w, f.len(0.6)),
            [Para(tokens(author.name, bold=True))],
            28.0,
            24.0,
            font="heading",
            color=self.heading_ink,
        )
        head: list[Box | Picture] = [name] if name else []
        y = body_y + f.len(0.65)
        if author.role:
            role = self.box(
                "label",
                (m, y, text_w, f.len(0.5)),
                [Para(tokens(author.role))],
                20.0,
                18.0,
                color=self.muted,
            )
            head += [role] if role else []
            y += f.len(0.6)
        if author.photo:
            p = author.photo
            head.append(Picture(p.path, p.alt, m + text_w + f.len(0.4), body_y, f.len(3.4), body_h, "r",
                                **_picture(p)))
        rect = (m, y, text_w, body_y + body_h - y)
        # One slide, ~40 words: name, role and the bio's first sentence(s); the full bio goes to the
        # notes and the link to the closing slide.
        budget = max(MAX_WORDS - words(tokens(author.name)) - words(tokens(author.role or "")), 12)
        shown: list[Span] = []
        for sentence in sentences(tokens(author.bio)):
            if words((*shown, *sentence)) > budget:
                break
            shown += sentence
        if not shown:  # a first sentence longer than the budget: its first words, then "…"
            cut = list(tokens(author.bio))
            while words(cut) > budget:
                cut.pop()
            shown = [*cut, Span("…")]
        if shown:
            shown[-1] = replace(shown[-1], text=shown[-1].text.rstrip())
        b = None
        while b is None and shown:
            b = self.box("body", rect, [Para(tuple(shown))], 24.0, 18.0)
            if b is None:  # narrower than expected (a photo beside it): fewer words
                shown = [*shown[:-2], Span("…")] if len(shown) > 2 else []
        return [(*head, *((b,) if b else ()))]
