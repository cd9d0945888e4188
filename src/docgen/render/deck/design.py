"""The built-in template's design as plain data: every layout, its placeholders, styles and art.

One table serves both sides: :mod:`.master` writes it as the slide master and its layouts, and the
planner fits text into the same boxes, so a slide docgen makes and a slide a person adds in
PowerPoint ("New Slide", "Reset") put the same text in the same place and style.

The grid is 13.333 x 7.5 in with 0.6 in margins. Content slides share the title (36 pt, bottom
aligned above a short accent rule), the body area (1.95-6.55 in) and a quiet footer line: the slide
number, the brand's footer and the small logo. The title, section and closing slides are set on the
brand's primary colour with the white logo. The type scale steps by about 1.33: 10 (footer),
18 (captions), 24 (body, cards), 32 (quotes), 44 (statements), 54 (title and section slides).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from docgen.model import Palette
from docgen.scheme import scheme

IN = 914400
PT = 12700
SLIDE_W, SLIDE_H = 12192000, 6858000
M = int(0.6 * IN)
CONTENT_W = SLIDE_W - 2 * M
BODY_Y = int(1.95 * IN)
BODY_BOTTOM = int(6.55 * IN)
BODY_H = BODY_BOTTOM - BODY_Y
GUTTER = int(0.4 * IN)
#: The cards' padding and the space between a quote's rule and its words.
CARD_INSET = int(0.3 * IN)
RULE_GAP = int(0.35 * IN)
RULE_W = int(0.06 * IN)  # docgen.quotes.QUOTE: 1/6 of the body size (24 pt)

Rect4 = tuple[int, int, int, int]


def inches(x: float, y: float, w: float, h: float) -> Rect4:
    return int(x * IN), int(y * IN), int(w * IN), int(h * IN)


@dataclass(frozen=True, slots=True)
class Style:
    """How a placeholder sets its text when a person types into it (docgen's runs say the same)."""

    size: float
    font: str = "body"  # "heading" (the theme's major font) or "body" (minor)
    colour: str = "#000000"
    bold: bool = False
    italic: bool = False
    align: str = "l"
    anchor: str = "t"
    bullet: str = ""  # "" none, "•" a character, "1." numbered
    bullet_colour: str = ""
    fill: str = ""  # the placeholder's own background (cards)
    inset: int = 0
    space_before: float = 0.0  # between paragraphs, in multiples of the size


@dataclass(frozen=True, slots=True)
class Slot:
    """A placeholder of a layout: docgen's name for it, its OOXML type and index, box and style."""

    name: str
    type: str
    idx: int
    rect: Rect4
    style: Style
    prompt: str = ""


@dataclass(frozen=True, slots=True)
class Art:
    """A shape of the layout itself: a filled rectangle, or the logo (``logo`` light or dark)."""

    rect: Rect4
    colour: str = ""
    logo: str = ""
    align: str = "l"


@dataclass(frozen=True, slots=True)
class LayoutDesign:
    """One layout: the slide role it serves, PowerPoint's name and type, placeholders and art."""

    role: str
    name: str
    type: str
    slots: tuple[Slot, ...]
    background: str = ""  # "" the master's
    art: tuple[Art, ...] = ()
    master_shapes: bool = True  # show the master's rule, footer and logo

    def slot(self, name: str) -> Slot:
        return next(s for s in self.slots if s.name == name)

    def has(self, name: str) -> bool:
        return any(s.name == name for s in self.slots)


@dataclass(frozen=True, slots=True)
class Design:
    """The master (its own placeholders and art) and the layouts, in PowerPoint's order."""

    master: LayoutDesign
    layouts: tuple[LayoutDesign, ...]

    def layout(self, role: str) -> LayoutDesign:
        return next(lay for lay in self.layouts if lay.role == role)


# -- the grid's boxes (also the planner's) --------------------------------------------------------
TITLE_RECT = inches(0.6, 0.45, 12.133, 1.2)
RULE_RECT = inches(0.6, 1.72, 1.2, 0.06)
BODY_RECT = (M, BODY_Y, CONTENT_W, BODY_H)
NUMBER_RECT = inches(0.6, 6.86, 0.55, 0.3)
FOOTER_RECT = inches(1.2, 6.86, 8.9, 0.3)
DATE_RECT = inches(10.2, 6.86, 0.9, 0.3)  # on the master only: a person may switch it on
LOGO_SMALL = inches(11.133, 6.775, 1.6, 0.45)
LOGO_BIG = inches(0.6, 0.55, 4.0, 0.9)
COVER_TITLE = inches(0.6, 1.75, 11.0, 2.45)
COVER_RULE = inches(0.6, 4.38, 1.2, 0.08)
COVER_SUBTITLE = inches(0.6, 4.6, 11.0, 1.05)
COVER_BYLINE = inches(0.6, 5.8, 11.0, 1.0)
SECTION_LABEL = inches(0.6, 1.85, 12.133, 0.6)
SECTION_TITLE = inches(0.6, 2.6, 12.133, 2.6)
DARK_NUMBER = inches(0.6, 6.86, 0.55, 0.3)
QUOTE_RECT = (M + RULE_W + RULE_GAP, BODY_Y, CONTENT_W - RULE_W - RULE_GAP, int(3.85 * IN))
ATTRIBUTION_RECT = (QUOTE_RECT[0], int(5.95 * IN), QUOTE_RECT[2], int(0.55 * IN))
#: The hero's words on the statement layout: on the grid's left edge (the mark hangs), under a
#: short rule.
PULL_RECT = (M, BODY_Y + int(0.3 * IN), CONTENT_W, int(3.55 * IN))
CAPTION_RECT = inches(0.6, 5.85, 12.133, 0.7)
PHOTO_RECT = inches(0.6, 1.95, 3.4, 4.6)
AUTHOR_X = int(4.4 * IN)  # the author's text, right of the photo
QR_TILE = inches(9.733, 2.2, 3.0, 3.0)


#: Every slide role, in the order of the built-in template's layouts.
ROLES = ("title", "bullets", "section", "cards2", "comparison", "content", "blank", "picture",
         "quote", "statement", "cards3", "agenda", "author", "closing")


def columns(n: int, y: int = BODY_Y, h: int = BODY_H) -> list[Rect4]:
    """``n`` equal columns across the content width, ``GUTTER`` apart."""
    w = (CONTENT_W - (n - 1) * GUTTER) // n
    return [(M + i * (w + GUTTER), y, w, h) for i in range(n)]


def _cards(n: int, card: Style, by: Style) -> list[Slot]:
    """``n`` tinted cards across the body, each with a slot for its attribution at its foot."""
    out = []
    for i, (x, y, w, h) in enumerate(columns(n)):
        out.append(Slot(f"card{i + 1}", "body", i + 1, (x, y, w, h), card, "Quote"))
        out.append(Slot(f"by{i + 1}", "body", 11 + i, (x, y + h - int(1.3 * IN), w, int(1.3 * IN)),
                        by, "Who said it"))
    return out


@lru_cache(maxsize=16)
def design(palette: Palette) -> Design:
    """Return the built-in template's design in the brand's colours (checked by :mod:`docgen.scheme`)."""
    k = scheme(palette)[0]
    p = palette
    tint = p.light
    heading = Style(32.0, "heading", k.heading, bold=True, anchor="b")
    body = Style(24.0, "body", k.text, bullet="•", bullet_colour=k.bullet, space_before=0.5)
    plain = Style(24.0, "body", k.text)
    quote = Style(32.0, "body", k.text, italic=True, anchor="ctr")  # docgen.quotes.QUOTE
    by = Style(18.0, "heading", k.muted)
    quiet = Style(10.0, "heading", k.muted, anchor="ctr")
    number = Style(10.0, "heading", k.heading, bold=True, anchor="ctr")

    def title(rect: Rect4 = TITLE_RECT, style: Style = heading, kind: str = "title") -> Slot:
        return Slot("title", kind, 0, rect, style, "Click to edit title")

    chrome = (Slot("number", "sldNum", 12, NUMBER_RECT, number),
              Slot("footer", "ftr", 11, FOOTER_RECT, quiet),
              Slot("date", "dt", 10, DATE_RECT, quiet))
    master = LayoutDesign(
        "master", "docgen", "", (title(), Slot("body", "body", 1, BODY_RECT, body), *chrome),
        background=p.background,
        art=(Art(RULE_RECT, p.accent), Art(LOGO_SMALL, logo="light", align="r")))

    def content(role: str, name: str, type_: str, *slots: Slot, background: str = "") -> LayoutDesign:
        return LayoutDesign(role, name, type_, (title(), *slots, *chrome[:2]), background)

    on_dark = Style(54.0, "heading", k.on_primary, bold=True, anchor="b")
    dark_number = Style(10.0, "heading", k.soft_on_primary, bold=True, anchor="ctr")
    dark_art = (Art(COVER_RULE, p.accent), Art(LOGO_BIG, logo="dark"))
    cover = LayoutDesign(
        "title", "Title Slide", "title",
        (title(COVER_TITLE, on_dark, "ctrTitle"),
         Slot("subtitle", "subTitle", 1, COVER_SUBTITLE, Style(28.0, "body", k.soft_on_primary),
              "Click to add subtitle"),
         Slot("byline", "body", 13, COVER_BYLINE, Style(20.0, "body", k.on_primary),
              "Author and date")),
        p.primary, dark_art, master_shapes=False)
    section = LayoutDesign(
        "section", "Section Header", "secHead",
        (title(SECTION_TITLE, Style(54.0, "heading", k.on_primary, bold=True)),
         Slot("label", "body", 1, SECTION_LABEL,
              Style(24.0, "heading", k.soft_on_primary, bold=True), "01 / 05"),
         Slot("number", "sldNum", 12, DARK_NUMBER, dark_number)),
        p.primary, (Art(inches(0.6, 2.45, 1.2, 0.08), p.accent),
                    Art(LOGO_SMALL, logo="dark", align="r")), master_shapes=False)
    closing = LayoutDesign(
        "closing", "Closing", "cust",
        (title(inches(0.6, 1.75, 8.4, 2.45), Style(44.0, "heading", k.on_primary, bold=True,
                                                   anchor="b")),
         Slot("body", "body", 1, inches(0.6, 4.6, 8.4, 0.6),
              Style(24.0, "body", k.soft_on_primary), "Who we are"),
         Slot("link", "body", 13, inches(0.6, 5.3, 8.4, 0.6),
              Style(24.0, "heading", k.on_primary, bold=True), "www.example.com"),
         Slot("number", "sldNum", 12, DARK_NUMBER, dark_number)),
        p.primary, dark_art, master_shapes=False)
    cards = Style(24.0, "body", k.on_light, italic=True, fill=tint, inset=CARD_INSET)
    card_by = Style(18.0, "heading", k.muted_on_light, inset=CARD_INSET, anchor="b")
    left, right = columns(2)
    lead_h = int(0.6 * IN)
    head_h = int(0.65 * IN)
    top = BODY_Y + lead_h + int(0.1 * IN)
    (cl, _, cw, _), (cr, _, _, _) = left, right
    column_body = Style(24.0, "body", k.text, bullet="•", bullet_colour=k.bullet, space_before=0.4)
    column_head = Style(28.0, "heading", k.heading, bold=True, anchor="b")
    layouts = (
        cover,
        content("bullets", "Title and Content", "obj", Slot("body", "body", 1, BODY_RECT, body)),
        section,
        content("cards2", "Two Content", "twoObj", *_cards(2, cards, card_by)),
        content("comparison", "Comparison", "twoTxTwoObj",
                Slot("left_head", "body", 1, (cl, top, cw, head_h), column_head, "Heading"),
                Slot("left", "body", 2, (cl, top + head_h + int(0.15 * IN), cw,
                                         BODY_BOTTOM - top - head_h - int(0.15 * IN)), column_body),
                Slot("right_head", "body", 3, (cr, top, cw, head_h), column_head, "Heading"),
                Slot("right", "body", 4, (cr, top + head_h + int(0.15 * IN), cw,
                                          BODY_BOTTOM - top - head_h - int(0.15 * IN)), column_body),
                Slot("lead", "body", 13, (M, BODY_Y, CONTENT_W, lead_h),
                     Style(24.0, "body", k.text), "A line above both columns")),
        content("content", "Title Only", "titleOnly"),
        LayoutDesign("blank", "Blank", "blank", chrome[:2]),
        content("picture", "Picture with Caption", "picTx",
                Slot("picture", "pic", 1, (M, BODY_Y, CONTENT_W, CAPTION_RECT[1] - BODY_Y
                                           - int(0.15 * IN)), plain, "Picture"),
                Slot("caption", "body", 2, CAPTION_RECT, Style(18.0, "heading", k.muted), "Caption")),
        content("quote", "Quote", "cust",
                Slot("quote", "body", 1, QUOTE_RECT, quote, "Quote"),
                Slot("by", "body", 2, ATTRIBUTION_RECT, by, "Who said it")),
        LayoutDesign("statement", "Statement", "cust", (
            title(style=Style(32.0, "heading", k.heading_on_light, bold=True, anchor="b")),
            Slot("quote", "body", 1, PULL_RECT, Style(44.0, "body", k.heading_on_light, italic=True,
                                                      anchor="ctr"), "Statement"),  # PULL_QUOTE
            Slot("by", "body", 2, (M, ATTRIBUTION_RECT[1], CONTENT_W, ATTRIBUTION_RECT[3]),
                 Style(18.0, "heading", k.muted_on_light), "Who said it"),
            Slot("number", "sldNum", 12, NUMBER_RECT, Style(10.0, "heading", k.heading_on_light,
                                                            bold=True, anchor="ctr")),
            Slot("footer", "ftr", 11, FOOTER_RECT, Style(10.0, "heading", k.muted_on_light,
                                                         anchor="ctr"))), tint),
        content("cards3", "Three Content", "cust", *_cards(3, cards, card_by)),
        content("agenda", "Agenda", "cust",
                Slot("body", "body", 1, BODY_RECT, Style(28.0, "body", k.text, bullet="1.",
                                                         bullet_colour=k.bullet, space_before=0.4))),
        content("author", "About the Author", "cust",
                Slot("photo", "pic", 4, PHOTO_RECT, plain, "Photo"),
                Slot("name", "body", 1, (AUTHOR_X, BODY_Y, SLIDE_W - M - AUTHOR_X, int(0.6 * IN)),
                     Style(28.0, "heading", k.heading, bold=True), "Name"),
                Slot("role", "body", 2, (AUTHOR_X, BODY_Y + int(0.65 * IN), SLIDE_W - M - AUTHOR_X,
                                         int(0.5 * IN)), Style(20.0, "heading", k.muted), "Role"),
                Slot("bio", "body", 3, (AUTHOR_X, BODY_Y + int(1.35 * IN), SLIDE_W - M - AUTHOR_X,
                                        BODY_BOTTOM - BODY_Y - int(1.35 * IN)),
                     Style(24.0, "body", k.text), "Biography")),
        closing,
    )
    return Design(master, layouts)
