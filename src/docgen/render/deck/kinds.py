"""The body of each kind of content slide: boxes fitted into the layout's placeholders.

Each builder returns *pages*: what one slide shows below its title (boxes, pictures, rules). The
geometry is the built-in design's (:mod:`.design`), mapped onto the slide's frame, so a corporate
template of another size gets the same proportions; only on the built-in template do the boxes
fill the layout's placeholders and inherit their styles (a corporate one has no such layouts).
Sizes come from the type scale, largest first. A box keeps its layout's place; it is narrowed
only where a narrower measure makes better lines (:func:`.typeset.good_width`), and a quote's or
card's rule is as tall as its words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from docgen.fonts.runs import is_rtl_paragraph
from docgen.model import Callout, Image, Quote, Span, Text
from docgen.quotes import PULL_QUOTE, QUOTE, QuoteLook, rule_colour
from docgen.render import picture
from docgen.render.deck import design as d
from docgen.render.deck.fit import Para, Tokens, layout, paginate, sentences, tokens, words
from docgen.render.deck.frame import Frame
from docgen.render.deck.grid import PT, Kit, Rect4
from docgen.render.deck.measure import text_width
from docgen.render.deck.plan_types import Box, Picture, Rect
from docgen.render.deck.storyboard import Comparison
from docgen.render.deck.typeset import display, good_width, marks, quoted_words
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


def _picture(img: Image) -> dict[str, object]:
    """A content picture's bytes and pixel size, from the model (read once, by the loader); an
    SVG is read by the writer (through :mod:`docgen.svg`)."""
    if img.path.suffix.lower() == ".svg":
        return {}
    data, width, height = picture(img)
    return {"data": data, "pixels": (width, height)}


class Kinds:
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

    # -- quotes --------------------------------------------------------------------------------
    def quote_paras(self, q: Quote, toks: Tokens | None = None, last: bool = True) -> list[Para]:
        """The quote's words in the language's marks (ending "…" where an excerpt stops)."""
        opening, closing = marks(self.language)
        body = toks if toks is not None else self.words_of(q)
        head = Span(opening, italic=True)
        tail = Span("…" + closing if not last else closing, italic=True)
        return [Para((head, *body, tail))]

    def words_of(self, q: Quote) -> Tokens:
        """The quote's words as printed, as italic tokens (made once per quote)."""
        found = self._words.get(id(q))
        if found is None or found[0] is not q:
            found = self._words[id(q)] = (q, tokens(quoted_words(q.text, self.language), italic=True))
        return found[1]

    def by_para(self, q: Quote, level: int = 0, size: float = 0.0) -> list[Para]:
        if not q.by:
            return []
        return [Para(tokens(display(f"— {q.by}", self.language)), level=level, size=size,
                     space_before=0.6 if level else 0.0)]

    def colour(self, look: QuoteLook, tinted: bool) -> str:
        """The colour of a quote's words in ``look`` (a palette role), as it reads on the slide's
        ground (white, or the tint of statements and cards)."""
        if look.colour == "primary":
            return self.c.heading_on_tint if tinted else self.k.heading
        return self.k.on_light if tinted else self.k.text

    def rule_colour(self, look: QuoteLook) -> str:
        """The rule's colour, as the handout draws it (:func:`docgen.quotes.rule_colour`)."""
        return rule_colour(look, self.kit.brand.palette)

    def quote_block(self, role: str, q: Quote, sizes: Sequence[float],
                    paras: list[Para] | None = None) -> tuple[Item, ...] | None:
        """A quote with its attribution (the placeholder's second level), its top on the line
        every quote starts at, as the handout sets it (:mod:`docgen.quotes`): a quote italic in
        ink beside a rule as tall as the words and attribution (``QUOTE``); a statement larger,
        in the primary colour, under the title's rule (``PULL_QUOTE``); the opening mark hanging."""
        look = PULL_QUOTE if role == "statement" else QUOTE
        tinted = role == "statement"
        rect, ph = self.slot(role, "quote")
        words = paras or self.quote_paras(q)
        by = self.by_para(q, 1, d.META * self.f.scale) if q.by else []
        b = None
        for size in sizes:  # the words fitted with room for the attribution under them
            b = self.fitted("quote", rect, [*words, *by], (size,), color=self.colour(look, tinted),
                            ph=ph, slot="quote", layout_role=role, good=True)
            if b is not None:
                break
        if b is None:
            return None
        if not self.builtin and by:  # no second level of docgen's on a template: one size
            b = replace(b, paras=tuple(replace(p, size=0.0) for p in b.paras))
        b = self.hung(b)
        items: list[Item] = [b]
        if self.builtin and look.rule == "left":
            f = self.f
            h = self.text_h(b)
            items.insert(0, Rect(f.margin, b.y + f.len(0.06), f.len(d.RULE_W / d.IN),
                                 max(h - f.len(0.08), f.len(0.3)), self.rule_colour(look)))
        return tuple(items)

    def statement(self, q: Quote) -> list[Page] | None:
        """A short quote, large on the tinted statement layout; None when it is too long for it."""
        if words(self.words_of(q)) > MAX_WORDS:
            return None
        block = self.quote_block("statement", q, (d.STATEMENT, 40.0, 36.0))
        return None if block is None else [Page("statement", block)]

    def quote(self, q: Quote) -> list[Page]:
        """One quote on one slide, 28 pt, else 24; one too long even so shows its first sentences
        (``excerpt``: the notes hold it all)."""
        block = self.quote_block("quote", q, (d.BODY, d.CARD))
        if block is not None:
            return [Page("quote", block)]
        rect, _ = self.slot("quote", "quote")
        units = sentences(self.words_of(q))
        fits = self.kit.fits(rect, d.CARD)
        shown: list[Tokens] = []
        for unit in units:
            toks = tuple(t for u in (*shown, unit) for t in u)
            if shown and not fits([*self.quote_paras(q, toks, False), *self.by_para(q)]):
                break
            shown.append(unit)
        toks = tuple(t for u in shown for t in u)
        if len(shown) == len(units):  # one sentence longer than a slide: cut between words
            part = paginate([toks], lambda u: self.quote_paras(q, u[0], False),  # type: ignore[arg-type]
                            fits, 1, 10**6)[0][0]
            toks = part  # type: ignore[assignment]
        block = self.quote_block("quote", q, (d.BODY, d.CARD), self.quote_paras(q, toks, False))
        return [Page("quote", block or (), excerpt=True)]

    def cards(self, quotes: tuple[Quote, ...]) -> list[Page]:
        """Two or three short quotes side by side, each on a tinted card edged by its rule, the
        cards as tall as the longest and their tops where quotes start."""
        role = "cards3" if len(quotes) == 3 else "cards2"
        slots = [self.slot(role, f"card{i + 1}") for i in range(len(quotes))]
        rule = self.f.len(d.RULE_W / d.IN) if self.builtin else 0
        tint = self.c.card if self.builtin else self.kit.brand.palette.light
        paras = [self.quote_paras(q) for q in quotes]
        inset = self.f.len(d.CARD_INSET / d.IN)
        size = None
        for s in (28.0, d.CARD) if len(quotes) == 2 else (d.CARD,):  # one size for every card
            if all(self.kit.box("quote", r, p, s, s, inset=inset) for (r, _), p in zip(slots, paras,
                                                                                     strict=True)):
                size = s
                break
        if size is None:
            return [p for q in quotes for p in self.quote(q)]
        ink = self.c.text_on_card if self.builtin else self.colour(QUOTE, True)
        boxes = [self.fitted("quote", r, p, (size,), color=ink, inset=inset,
                             fill=tint, ph=ph, slot=f"card{i + 1}", layout_role=role, good=True)
                 for i, ((r, ph), p) in enumerate(zip(slots, paras, strict=True))]
        boxes = [self.hung(b) if b is not None else None for b in boxes]
        bys: list[Box | None] = []
        for i, ((x, _, w, _), _) in enumerate(slots):  # "— Name" at a card's foot, as in QUOTE
            (_, by, _, bh), by_ph = self.slot(role, f"by{i + 1}")
            bys.append(self.fitted("attribution", (x, by, w, bh), self.by_para(quotes[i]), (d.META,),
                                   font="heading", color=self.c.muted_on_card if self.builtin
                                   else self.k.muted_on_light, inset=inset,
                                   ph=by_ph, slot=f"by{i + 1}", layout_role=role)
                       if quotes[i].by else None)
        gap = self.f.len(0.15)
        height = max(self.text_h(b) + (gap + self.text_h(a) - 2 * inset if a else 0)
                     for b, a in zip(boxes, bys, strict=True) if b) + self.f.len(0.1)
        top = self.place((0, d.QUOTE_Y, 0, 0))[1]
        cards: list[Item] = []
        for b, a in zip(boxes, bys, strict=True):
            if b is None:
                continue
            cards.append(replace(b, y=top, h=height))
            if a is not None:  # on the card, at its foot
                cards.append(replace(a, y=top + height - self.text_h(a), h=self.text_h(a),
                                     anchor="b"))
        if rule:
            colour = self.rule_colour(QUOTE)
            cards[:0] = [Rect(c.x - rule, top, rule, height, colour)
                         for c in cards if isinstance(c, Box) and c.role == "quote"]
        return [Page(role, tuple(cards))]

    # -- lists ----------------------------------------------------------------------------------
    def bullets(self, items: tuple[Text, ...], layout: str = "bullets", numbered: bool = False
                ) -> list[Page]:
        """Points, at most six and 40 words a slide, split evenly over as many slides as needed."""
        rect, ph = self.slot(layout, "body")
        style = self.design.layout(layout).slot("body").style
        paras = [Para(run_in(tokens(display(t, self.language))), bullet=not numbered,
                      number=i + 1 if numbered else None, space_before=style.space_before)
                 for i, t in enumerate(items)]
        sizes = (d.BODY, d.CARD) if numbered else (d.BODY, d.CARD, d.META)
        pages = paginate(paras, lambda u: list(u), self.kit.fits(rect, sizes[-1]), MAX_BULLETS,
                         MAX_WORDS, balance=True)
        out = []
        for i, page in enumerate(pages):
            b = self.fitted("body", rect, page, sizes, ph=ph, slot="body",  # type: ignore[arg-type]
                            layout_role=layout, good=True, even=False)
            out.append(Page(layout, (b,) if b else (), continued=i > 0, part=i))
        return out

    def comparison(self, c: Comparison) -> list[Page] | None:
        """Two columns under the two subjects, the points that compare nothing above them."""
        f = self.f
        items: list[Item] = []
        shift = 0
        if c.lead:
            rect, ph = self.slot("comparison", "lead")
            paras = [Para(tokens(display(t, self.language))) for t in c.lead]
            lead = self.fitted("body", rect, paras, (d.BODY, d.CARD), color=self.k.text, ph=ph,
                               slot="lead", layout_role="comparison", good=True)
            if lead is None:
                return None
            items.append(lead)
        else:
            shift = self.slot("comparison", "left_head")[0][1] - f.body_y
        for side, head, points in (("left", c.left, c.left_items), ("right", c.right, c.right_items)):
            (hx, hy, hw, hh), hph = self.slot("comparison", f"{side}_head")
            (bx, by, bw, bh), bph = self.slot("comparison", side)
            h = self.fitted("label", (hx, hy - shift, hw, hh), [Para(tokens(head, bold=True))],
                            (d.BODY,), font="heading", color=self.k.heading, anchor="b", ph=hph,
                            slot=f"{side}_head", layout_role="comparison")
            paras = [Para(tokens(display(t, self.language)), bullet=True, space_before=0.5)
                     for t in points]
            body = self.fitted("body", (bx, by - shift, bw, bh + shift), paras,
                               (d.BODY, d.CARD, d.META), ph=bph, slot=side,
                               layout_role="comparison", good=True, even=False)
            if h is None or body is None or len(points) > MAX_BULLETS:
                return None
            items.append(h)
            if self.builtin:  # a rule under each subject (a template's own look has none of docgen's)
                items.append(Rect(hx, hy - shift + hh + f.len(0.04), hw, f.len(0.04),
                                  self.kit.brand.palette.secondary))
            items.append(body)
        if sum(words(p.runs) for b in items if isinstance(b, Box) for p in b.paras) > MAX_WORDS + 4:
            return None
        return [Page("comparison", tuple(items))]

    # -- pictures, callouts ------------------------------------------------------------------------
    def picture(self, img: Image) -> list[Page]:
        f = self.f
        (px, py, pw, _), pic_ph = self.slot("picture", "picture")
        bottom = f.body_bottom
        items: list[Item] = []
        if img.caption is not None and img.caption.plain.strip():
            rect, ph = self.slot("picture", "caption")
            cap = self.fitted("caption", rect, [Para(tokens(display(img.caption, self.language)))],
                              (d.META,), font="heading", color=self.k.muted, ph=ph, slot="caption",
                              layout_role="picture", good=True)
            if cap is not None:
                cap = replace(cap, y=bottom - self.text_h(cap) - f.len(0.02),
                              h=self.text_h(cap) + f.len(0.02))
                items.append(cap)
                bottom = cap.y - f.len(0.15)
        pic = Picture(img.path, img.alt, px, py, pw, bottom - py, align="l", **_picture(img))
        return [Page("picture", (replace(pic, placeholder=pic_ph) if pic_ph else pic, *items))]

    def callout(self, c: Callout) -> list[Page]:
        """A key takeaway, large on the statement layout (split at sentences past 40 words)."""
        rect, ph = self.slot("statement", "quote")

        def compose(units: list) -> list[Para]:
            return [Para(tuple(t for u in units for t in u))]

        units = sentences(tokens(display(c.text, self.language), bold=True))
        parts = paginate(units, compose, self.kit.fits(rect, 24.0, "heading"), 99, MAX_WORDS)
        out = []
        for i, part in enumerate(parts):
            b = self.fitted("callout", rect, compose(part), (40.0, 36.0, 28.0, 24.0), font="heading",
                            color=self.c.heading_on_tint, ph=ph, slot="quote",
                            layout_role="statement", good=True)
            out.append(Page("statement", (b,) if b else (), continued=i > 0, part=i))
        return out

    def eyebrow(self, text: Text | str, role: str) -> Box | None:
        """The small line above a content slide's title (its section), in the layout's slot; a
        line too long for one is shortened with "…" (measured as drawn: in capitals, spaced)."""
        lay = self.design.layout(role if role in d.ROLES else "content")
        if not lay.has("eyebrow"):
            return None
        slot = lay.slot("eyebrow")
        rect, ph = self.slot(lay.role, "eyebrow")
        colour = self.c.eyebrow_on_tint if role in ("statement", "question") else self.c.eyebrow
        shown = display(text, self.language).plain.strip()
        face = self.kit.brand.heading_font.face(False, False).path
        size = d.META * self.f.scale
        room = rect[2] / PT * 0.96

        def width(s: str) -> float:
            return text_width(s.upper(), face, size) + len(s) * slot.style.spacing / 100

        cut = shown.split(" ")
        while len(cut) > 1 and width(" ".join(cut)) > room:
            cut = cut[:-1]
            while cut and cut[-1].rstrip(",;:–—") != cut[-1]:
                cut[-1] = cut[-1].rstrip(",;:–—")
            cut[-1] = cut[-1] + "…" if not cut[-1].endswith("…") else cut[-1]
            if width(" ".join(cut)) <= room:
                break
            cut[-1] = cut[-1].rstrip("…")
        words = " ".join(cut)
        b = Box("eyebrow", *rect, (Para(tokens(words)),), size, "heading", colour, "l",
                slot.style.anchor, 0, None, 1, placeholder=ph)
        return replace(b, style=slot.style, home=rect) if self.builtin else b
