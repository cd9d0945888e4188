"""The body of each kind of content slide: boxes fitted into the layout's placeholders.

Each builder returns *pages*: what one slide shows below its title (boxes, pictures, rules). The
geometry is the built-in design's (:mod:`.design`), mapped onto the slide's frame, so a corporate
template of another size gets the same proportions; only on the built-in template do the boxes
fill the layout's placeholders (a corporate one has no such layouts). Sizes come from the type
scale, largest first; rules and cards are sized to the text they hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from docgen.model import Author, Callout, Image, Quote, Span, Text
from docgen.quotes import PULL_QUOTE, QUOTE, QuoteLook
from docgen.render import picture
from docgen.render.deck import design as d
from docgen.render.deck.fit import Para, Tokens, paginate, sentences, tokens, words
from docgen.render.deck.frame import Frame
from docgen.render.deck.grid import PT, SAFETY, Kit, Rect4
from docgen.render.deck.measure import LINE_PITCH, text_width
from docgen.render.deck.plan_types import Box, Picture, Rect
from docgen.render.deck.storyboard import Comparison
from docgen.render.deck.typeset import balanced, display, marks, quoted_words
from docgen.scheme import scheme

MAX_BULLETS = 6
MAX_WORDS = 40
Item = Box | Picture | Rect


@dataclass(frozen=True, slots=True)
class Page:
    """One slide's body: its layout role, its items, and whether it continues the one before."""

    layout: str
    items: tuple[Item, ...]
    continued: bool = False
    part: int = 0  # which part of a split text (0: the first)

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
               fill: str | None = None, ph: tuple[str, int] | None = None,
               balance: bool = False, align: str = "l") -> Box | None:
        """The box at the first size of ``sizes`` (a type scale's steps) that fits ``rect``.

        On a template the colour is the one that reads on its layout there (else its own).
        """
        if not self.builtin and not fill:
            color = self.f.ink("content", rect, color or self.kit.ink or "#000000") or ""
        for size in sizes:
            b = self.kit.box(role, rect, paras, size, size, font=font, color=color, anchor=anchor,
                             inset=inset, fill=fill, placeholder=ph, align=align)
            if b is not None:
                return self.balanced(b) if balance else b
        return None

    def balanced(self, b: Box) -> Box:
        """``b`` with its lines balanced (:func:`.typeset.balanced`): a paragraph of three lines or
        fewer evenly (titles, short quotes, points), a longer one only kept from ending on a word
        alone."""
        if b.lines < 2:
            return b
        family = self.kit.brand.heading_font if b.font == "heading" else self.kit.brand.body_font
        width = (b.w - 2 * b.inset) / PT * SAFETY
        return replace(b, paras=tuple(balanced(p, family, width, b.size) for p in b.paras))

    def hung(self, b: Box) -> Box:
        """``b`` widened to the left by its opening quote mark, which hangs there (marL/indent),
        so the words of every line align; the lines themselves do not change."""
        opening = marks(self.language)[0]
        first = b.paras[0].runs[0] if b.paras and b.paras[0].runs else None
        if first is None or not first.text.startswith(opening):
            return b
        face = self.kit.brand.body_font.face(False, True).path
        hang = int(text_width(opening, face, b.size) * PT)
        return replace(b, x=b.x - hang, w=b.w + hang, hang=hang)

    def text_h(self, b: Box) -> int:
        """The height of ``b``'s text in EMU (lines at docgen's pitch, paragraph spacing)."""
        gaps = sum(p.space_before for p in b.paras[1:]) * b.size
        return int((b.lines * b.size * LINE_PITCH + gaps) * PT) + 2 * b.inset

    def shrink(self, b: Box, y: int, pad: float = 0.06) -> Box:
        """``b`` moved to ``y`` and made as tall as its text (plus a little air)."""
        return replace(b, y=y, h=self.text_h(b) + self.f.len(pad), anchor="t")

    # -- quotes --------------------------------------------------------------------------------
    def quote_paras(self, q: Quote, first: bool = True, last: bool = True,
                    toks: Tokens | None = None) -> list[Para]:
        """The quote's words in the language's marks (… where a split part continues)."""
        opening, closing = marks(self.language)
        body = toks if toks is not None else self.words_of(q)
        head = Span(opening if first else "…", italic=True)
        tail = Span(closing if last else "…", italic=True)
        return [Para((head, *body, tail))]

    def words_of(self, q: Quote) -> Tokens:
        """The quote's words as printed, as italic tokens (made once per quote)."""
        found = self._words.get(id(q))
        if found is None or found[0] is not q:
            found = self._words[id(q)] = (q, tokens(quoted_words(q.text, self.language), italic=True))
        return found[1]

    def by_para(self, q: Quote) -> list[Para]:
        return [Para(tokens(display(f"— {q.by}", self.language)))] if q.by else []

    def colour(self, look: QuoteLook, tinted: bool) -> str:
        """The colour of a quote's words in ``look`` (a palette role), as it reads on the slide's
        ground (white, or the tint of statements and cards)."""
        if look.colour == "primary":
            return self.k.heading_on_light if tinted else self.k.heading
        return self.k.on_light if tinted else self.k.text

    def quote_block(self, role: str, q: Quote, sizes: Sequence[float], paras: list[Para] | None = None,
                    by: bool = True) -> tuple[Item, ...] | None:
        """A quote (or part) with its attribution, centred in the body, as the handout sets it.

        The looks are the handout's (:mod:`docgen.quotes`): a quote italic in ink beside an accent
        rule as tall as the words and attribution (``QUOTE``); the hero on the statement layout
        larger, in the primary colour, under a short accent rule (``PULL_QUOTE``); the opening
        mark hanging; the attribution in the heading face, smaller and quieter.
        """
        look = PULL_QUOTE if role == "statement" else QUOTE
        tinted = role == "statement"
        rect, ph = self.slot(role, "quote")
        b = self.fitted("quote", rect, paras or self.quote_paras(q), sizes,
                        color=self.colour(look, tinted), ph=ph, balance=True)
        if b is None:
            return None
        by_box = None
        if by and q.by:
            by_rect, by_ph = self.slot(role, "by")
            muted = self.k.muted_on_light if tinted else self.k.muted
            by_box = self.fitted("attribution", by_rect, self.by_para(q), (18.0,), font="heading",
                                 color=muted, ph=by_ph)
        f = self.f
        gap = f.len(0.12)
        quote_h = self.text_h(b)
        above = f.len(0.3) if look.rule == "top" and self.builtin else 0
        total = above + quote_h + (gap + self.text_h(by_box) if by_box else 0)
        top = f.body_y + max(0, (f.body_h - total) * 9 // 20) + above  # a little above centre
        items: list[Item] = [self.hung(self.shrink(b, top))]
        if by_box is not None:
            items.append(self.shrink(by_box, top + quote_h + gap))
        if self.builtin:  # a template's own look has no rule of docgen's
            accent = self.kit.brand.palette.accent
            if look.rule == "top":
                items.insert(0, Rect(rect[0], top - above, f.len(1.0), f.len(d.RULE_W / d.IN),
                                     accent))
            else:
                x = rect[0] - f.len((d.RULE_GAP + d.RULE_W) / d.IN)
                items.insert(0, Rect(x, top + f.len(0.08), f.len(d.RULE_W / d.IN),
                                     max(total - f.len(0.1), f.len(0.3)), accent))
        return tuple(items)

    def statement(self, q: Quote) -> list[Page] | None:
        """The hero quote, large on the tinted statement layout; None when it is too long for it."""
        block = self.quote_block("statement", q, (44.0, 40.0, 36.0))
        return None if block is None else [Page("statement", block)]

    def quote(self, q: Quote) -> list[Page]:
        """One quote; a long one steps down to 24 pt, then continues on more slides (≤ 40 words each)."""
        if words(tokens(q.text)) <= MAX_WORDS:
            block = self.quote_block("quote", q, (32.0, 28.0, 24.0))
            if block is not None:
                return [Page("quote", block)]
        rect, _ = self.slot("quote", "quote")

        def compose(units: list) -> list[Para]:
            toks: Tokens = tuple(t for u in units for t in u)
            return [Para((Span("“…", italic=True), *toks, Span("…”", italic=True)))]

        units = sentences(self.words_of(q))
        parts = paginate(units, compose, self.kit.fits(rect, 24.0), 99, MAX_WORDS)
        pages = []
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            toks = tuple(t for u in part for t in u)  # type: ignore[union-attr]
            paras = self.quote_paras(q, i == 0, last, toks)
            items = self.quote_block("quote", q, (32.0, 28.0, 24.0), paras, by=last) or ()
            pages.append(Page("quote", items, continued=i > 0, part=i))
        return pages

    def cards(self, quotes: tuple[Quote, ...]) -> list[Page]:
        """Two or three short quotes side by side, each on a tinted card sized to the longest."""
        role = "cards3" if len(quotes) == 3 else "cards2"
        slots = [self.slot(role, f"card{i + 1}") for i in range(len(quotes))]
        rule = self.f.len(d.RULE_W / d.IN) if self.builtin else 0
        # Each card edged, as a quote is, by an accent rule down its left side (beside the card's
        # tint, not under it).
        slots = [((x + rule, y, w - rule, h), ph) for (x, y, w, h), ph in slots]
        tint = self.kit.brand.palette.light
        paras = [self.quote_paras(q) for q in quotes]
        inset = self.f.len(d.CARD_INSET / d.IN)
        sizes = (28.0, 24.0) if len(quotes) == 2 else (24.0,)
        size = None
        for s in sizes:  # one size for every card: the largest that all of them take
            if all(self.kit.box("quote", r, p, s, s, inset=inset) for (r, _), p in zip(slots, paras,
                                                                                     strict=True)):
                size = s
                break
        if size is None:
            return [p for q in quotes for p in self.quote(q)]
        boxes = [self.fitted("quote", r, p, (size,), color=self.colour(QUOTE, True), inset=inset,
                             fill=tint, ph=ph, balance=True)
                 for (r, ph), p in zip(slots, paras, strict=True)]
        bys: list[Box | None] = []
        for i, ((x, _, w, _), _) in enumerate(slots):  # "— Name" at a card's foot, as in QUOTE
            (_, by, _, bh), by_ph = self.slot(role, f"by{i + 1}")
            bys.append(self.fitted("attribution", (x, by, w, bh), self.by_para(quotes[i]), (18.0,),
                                   font="heading", color=self.k.muted_on_light, inset=inset,
                                   ph=by_ph) if quotes[i].by else None)
        gap = self.f.len(0.15)
        height = max(self.text_h(b) + (gap + self.text_h(a) - 2 * inset if a else 0)
                     for b, a in zip(boxes, bys, strict=True) if b) + self.f.len(0.1)
        top = self.f.body_y + max(0, (self.f.body_h - height) * 9 // 20)
        cards: list[Item] = []
        for b, a in zip(boxes, bys, strict=True):
            if b is None:
                continue
            cards.append(replace(b, y=top, h=height))
            if a is not None:  # on the card, at its foot
                cards.append(replace(a, y=top + height - self.text_h(a), h=self.text_h(a),
                                     anchor="b"))
        if rule:
            cards[:0] = [Rect(c.x - rule, top, rule, height, self.kit.brand.palette.accent)
                         for c in cards if isinstance(c, Box) and c.role == "quote"]
        return [Page(role, tuple(cards))]

    # -- lists ----------------------------------------------------------------------------------
    def bullets(self, items: tuple[Text, ...], layout: str = "bullets", numbered: bool = False
                ) -> list[Page]:
        """Points, at most six and 40 words a slide, split evenly over as many slides as needed."""
        rect, ph = self.slot(layout, "body")
        paras = [Para(run_in(tokens(display(t, self.language))), bullet=not numbered,
                      number=i + 1 if numbered else None, space_before=0.5)
                 for i, t in enumerate(items)]
        sizes = (28.0, 24.0) if numbered else (28.0, 24.0, 20.0)
        pages = paginate(paras, lambda u: list(u), self.kit.fits(rect, sizes[-1]), MAX_BULLETS,
                         MAX_WORDS, balance=True)
        out = []
        for i, page in enumerate(pages):
            b = self.fitted("body", rect, page, sizes, ph=ph, balance=True)  # type: ignore[arg-type]
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
            lead = self.fitted("body", rect, paras, (28.0, 24.0), color=self.k.text, ph=ph,
                               balance=True)
            if lead is None:
                return None
            items.append(lead)
        else:
            shift = self.slot("comparison", "left_head")[0][1] - f.body_y
        for side, head, points in (("left", c.left, c.left_items), ("right", c.right, c.right_items)):
            (hx, hy, hw, hh), hph = self.slot("comparison", f"{side}_head")
            (bx, by, bw, bh), bph = self.slot("comparison", side)
            h = self.fitted("label", (hx, hy - shift, hw, hh), [Para(tokens(head, bold=True))],
                            (28.0,), font="heading", color=self.k.heading, anchor="b", ph=hph)
            paras = [Para(tokens(display(t, self.language)), bullet=True, space_before=0.4)
                     for t in points]
            body = self.fitted("body", (bx, by - shift, bw, bh + shift), paras, (28.0, 24.0, 20.0),
                               ph=bph, balance=True)
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

    # -- pictures, callouts, the author ------------------------------------------------------------
    def picture(self, img: Image) -> list[Page]:
        f = self.f
        (px, py, pw, _), pic_ph = self.slot("picture", "picture")
        bottom = f.body_bottom
        items: list[Item] = []
        if img.caption is not None and img.caption.plain.strip():
            rect, ph = self.slot("picture", "caption")
            cap = self.fitted("caption", rect, [Para(tokens(display(img.caption, self.language)))],
                              (18.0,), font="heading", color=self.k.muted, ph=ph, balance=True)
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
            b = self.fitted("callout", rect, compose(part), (40.0, 32.0, 28.0, 24.0), font="heading",
                            color=self.k.heading_on_light, ph=ph, balance=True)
            if b is not None:
                b = self.shrink(b, self.f.body_y + max(0, (self.f.body_h - self.text_h(b)) * 9 // 20))
            out.append(Page("statement", (b,) if b else (), continued=i > 0, part=i))
        return out

    def author(self, author: Author) -> list[Page]:
        """Name, role and the whole biography (continued on another slide if it must), the photo
        at the left when there is one; without one the text moves to the grid's left edge and
        keeps its measure (about 65 characters a line at 24 pt)."""
        f = self.f
        offset = 0
        items: list[Item] = []
        if author.photo is not None:
            (px, py, pw, ph_), pic_ph = self.slot("author", "photo")
            p = author.photo
            pic = Picture(p.path, p.alt, px, py, pw, ph_, "l", **_picture(p))
            items.append(replace(pic, placeholder=pic_ph) if pic_ph else pic)
        else:
            offset = self.slot("author", "photo")[0][2] + f.len(0.4)
        (nx, ny, nw, nh), nph = self.slot("author", "name")
        grow = (nx - offset, ny, nw, nh)
        name = self.fitted("label", grow, [Para(tokens(display(author.name, self.language),
                                                          bold=True))],
                           (28.0, 24.0), font="heading", color=self.k.heading, ph=nph)
        items += [name] if name else []
        if author.role:
            (rx, ry, rw, rh), rph = self.slot("author", "role")
            role = self.fitted("label", (rx - offset, ry, rw, rh),
                               [Para(tokens(display(author.role, self.language)))], (20.0, 18.0),
                               font="heading", color=self.k.muted, ph=rph)
            items += [role] if role else []
        (bx, by, bw, bh), bph = self.slot("author", "bio")
        rect = (bx - offset, by, bw, bh)
        units = sentences(tokens(display(author.bio, self.language)))
        parts = paginate(units, lambda u: [Para(tuple(t for x in u for t in x))],
                         self.kit.fits(rect, 20.0), 99, 80)
        pages = []
        for i, part in enumerate(parts):
            paras = [Para(tuple(t for u in part for t in u))]  # type: ignore[union-attr]
            bio = self.fitted("body", rect, paras, (24.0, 20.0), ph=bph, balance=True)
            head = tuple(items) if i == 0 else tuple(x for x in items if isinstance(x, Picture))
            pages.append(Page("author", (*head, *((bio,) if bio else ())), continued=i > 0, part=i))
        return pages
