"""The body of each kind of content slide: boxes fitted into the layout's placeholders.

Each builder returns *pages*: what one slide shows below its title (boxes, pictures, rules).
Quotes and cards are :mod:`.quoteslides`'; the frame they are all built in is :mod:`.body`'s.
Here: key points and lists (bullets, comparisons), pictures, callouts and the eyebrow.
"""

from __future__ import annotations

from dataclasses import replace

from docgen.model import Callout, Image, Text
from docgen.render.deck import design as d
from docgen.render.deck.body import MAX_BULLETS, MAX_WORDS, Item, Page, _picture, place, run_in
from docgen.render.deck.fit import Para, Tokens, paginate, sentences, tokens, words
from docgen.render.deck.grid import PT
from docgen.render.deck.measure import text_width
from docgen.render.deck.plan_types import Box, Picture, Rect
from docgen.render.deck.quoteslides import QuoteSlides
from docgen.render.deck.storyboard import Comparison
from docgen.render.deck.typeset import display

__all__ = ["MAX_BULLETS", "MAX_WORDS", "Item", "Kinds", "Page", "_picture", "place", "run_in"]


class Kinds(QuoteSlides):
    """Builds pages for one deck: quotes and cards (inherited), lists, pictures, callouts."""

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
        pages = paginate(paras, _as_paras, self.kit.fits(rect, sizes[-1]), MAX_BULLETS,
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


def _as_paras(units: list[Tokens | Para]) -> list[Para]:
    """Bullets are paragraphs already: a page of them is its units."""
    return [u for u in units if isinstance(u, Para)]
