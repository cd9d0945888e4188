"""The built-in template's design as plain data: every layout, its placeholders, styles and art.

One table serves both sides: :mod:`.master` writes it as the slide master and its layouts, and the
planner fits text into the same boxes, so a slide docgen makes and a slide a person adds in
PowerPoint ("New Slide", "Reset") put the same text in the same place and style. The slides'
runs name no size, colour or font where the layout's style already says it: the layouts carry
the look, and a changed theme font changes the deck.

The grid is 13.333 x 7.5 in with 0.6 in margins and two text edges: the titles' (0.6 in) and the
body's (1.0 in: bullets, quotes and cards hang their marks and rules between the two). Every
content slide opens the same way, top down: a short accent rule, the eyebrow (the section's name,
20 pt), the title (36 pt, at most two lines); the body starts at one height below it, and a quote
or a row of cards always starts at the same line. The type scale: 10 (footer), 20 (eyebrows,
attributions, captions, meta), 24 (cards), 28 (body, long quotes), 32 and 36 (shorter quotes, set
up by length; 36 is also the titles'), 44 (statements), 54
(the cover and the dividers), 96 (the one figure the opening is built on). The cover, the
dividers and the closing slide are set on the brand's primary colour with the white logo, the
same rule above their small line and title.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from docgen.colour import contrast, ensure_contrast
from docgen.model import Palette
from docgen.scheme import scheme

IN = 914400
PT = 12700
SLIDE_W, SLIDE_H = 12192000, 6858000
M = int(0.6 * IN)
CONTENT_W = SLIDE_W - 2 * M
#: The body's text edge: bullets' words, quotes' words and the first card's words start here.
INDENT = int(0.4 * IN)
TEXT_X = M + INDENT
BODY_Y = int(2.4 * IN)
BODY_BOTTOM = int(6.55 * IN)
BODY_H = BODY_BOTTOM - BODY_Y
#: Where a quote's words, a statement's and a row of cards start on every slide.
QUOTE_Y = BODY_Y + int(0.3 * IN)
GUTTER = int(0.4 * IN)
RULE_W = int(0.06 * IN)  # docgen.quotes.QUOTE: 1/6 of the body size (about 4.3 pt)
#: The cards' padding: the first card's words start on the body's text edge.
CARD_INSET = INDENT - RULE_W

#: The type scale.
FOOTER, META, CARD, BODY, TITLE, STATEMENT, DISPLAY = 10.0, 20.0, 24.0, 28.0, 36.0, 44.0, 54.0
#: A quote of 21-40 words (a short one is set at the titles' 36, a long one at the body's 28).
LEAD = 32.0
#: The one figure the opening is built on ("140+"), set as a number, not as words.
FIGURE = 96.0

Rect4 = tuple[int, int, int, int]


def inches(x: float, y: float, w: float, h: float) -> Rect4:
    return int(x * IN), int(y * IN), int(w * IN), int(h * IN)


@dataclass(frozen=True, slots=True)
class Style:
    """How a placeholder sets its text when a person types into it (docgen's runs say the same,
    by saying nothing: they inherit it)."""

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
    indent: int = 0  # the hanging indent of bullets and numbers (EMU)
    caps: bool = False
    spacing: int = 0  # letter spacing, hundredths of a point


@dataclass(frozen=True, slots=True)
class Slot:
    """A placeholder of a layout: docgen's name for it, its OOXML type and index (unique in its
    layout, and apart from the master's date, footer and number: 10, 11, 12), box and style;
    ``second`` is the style of its second level (a quote's attribution under its words)."""

    name: str
    type: str
    idx: int
    rect: Rect4
    style: Style
    prompt: str = ""
    second: Style | None = None


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
    colours: Colours

    def layout(self, role: str) -> LayoutDesign:
        return next(lay for lay in self.layouts if lay.role == role)


@dataclass(frozen=True, slots=True)
class Colours:
    """The deck's own colours beyond the scheme's, each checked on its ground."""

    statement: str  # the statement slides' ground: the brand's light
    card: str  # a card's ground: the brand's light, as the statements'
    card_bar: str  # the accent on a card's edge: the brand's secondary, 3:1 on the slide
    text_on_card: str
    muted_on_card: str
    eyebrow: str  # the eyebrow on white
    eyebrow_on_tint: str
    quiet: str  # footer and number on white, with a margin over 4.5:1
    quiet_on_tint: str
    heading_on_tint: str
    muted_on_tint: str
    text_on_tint: str


def colours(p: Palette) -> Colours:
    k = scheme(p)[0]
    # The statements' and the cards' ground is the brand's own light (no grey of docgen's: one
    # light tone in the deck); a card, faint on a white slide, is drawn by the accent bar on its
    # edge, which stands 3:1 from the slide (WCAG's figure for a shape that must be seen).
    tint = p.light
    card = tint
    return Colours(
        statement=tint,
        card=card,
        card_bar=ensure_contrast(p.secondary or p.primary, p.background, 3.0),
        text_on_card=ensure_contrast(k.on_light, card, 4.5),
        muted_on_card=ensure_contrast(k.muted_on_light, card, 4.5),
        eyebrow=ensure_contrast(p.secondary, p.background, 4.5),
        eyebrow_on_tint=ensure_contrast(p.secondary, tint, 4.5),
        quiet=ensure_contrast(k.muted, p.background, 5.0),
        quiet_on_tint=ensure_contrast(k.muted, tint, 5.0),
        heading_on_tint=ensure_contrast(k.heading, tint, 4.5),
        muted_on_tint=ensure_contrast(k.muted, tint, 4.5),
        text_on_tint=k.text if contrast(k.text, tint) >= 4.5 else ensure_contrast(k.text, tint),
    )


# -- the grid's boxes (also the planner's) --------------------------------------------------------
RULE_RECT = inches(0.6, 0.5, 0.6, 0.06)
EYEBROW_RECT = inches(0.6, 0.62, 12.133, 0.4)
TITLE_RECT = inches(0.6, 1.0, 12.133, 1.25)
BODY_RECT = (M, BODY_Y, CONTENT_W, BODY_H)
NUMBER_RECT = inches(0.6, 6.86, 0.55, 0.3)
FOOTER_RECT = inches(1.2, 6.86, 8.9, 0.3)
DATE_RECT = inches(10.2, 6.86, 0.9, 0.3)  # on the master only: a person may switch it on
LOGO_SMALL = inches(11.133, 6.775, 1.6, 0.45)
LOGO_BIG = inches(0.6, 0.55, 4.0, 0.9)
#: The dark slides: the rule, the small line under it, the title under that.
DARK_RULE = inches(0.6, 2.5, 0.6, 0.06)
DARK_META = inches(0.6, 2.64, 11.0, 0.45)
COVER_TITLE = inches(0.6, 3.2, 11.0, 1.9)
COVER_SUBTITLE = inches(0.6, 5.2, 11.0, 1.2)
SECTION_TITLE = inches(0.6, 3.2, 12.133, 2.9)
DARK_NUMBER = inches(0.6, 6.86, 0.55, 0.3)
#: A quote: its words on the body's text edge (the opening mark hangs left of it), the rule
#: between the grid's edge and the words.
QUOTE_RECT = (TEXT_X, QUOTE_Y, SLIDE_W - M - TEXT_X, BODY_BOTTOM - QUOTE_Y)
#: A statement: its words on the titles' edge (the mark hangs in the margin), large.
#: Its centre is the slide's optical centre (about 4 in down, above the geometric 3.75 in plus
#: the title above it), anchored there as the layout says.
STATEMENT_RECT = (M, BODY_Y, CONTENT_W, int(3.25 * IN))
CAPTION_RECT = inches(0.6, 5.85, 12.133, 0.7)
PHOTO_RECT = (M, BODY_Y, int(3.4 * IN), BODY_H)
AUTHOR_X = M + int(3.8 * IN)  # the biography, right of a photo
CLOSING_TITLE = inches(0.6, 3.2, 8.3, 1.9)
CLOSING_BODY = inches(0.6, 5.2, 8.3, 0.5)
CLOSING_LINK = inches(0.6, 5.7, 8.3, 0.6)
QR_TILE = inches(9.733, 2.1, 3.0, 3.0)
#: The opening question: its line and the question itself, large, in the middle of the slide.
QUESTION_RULE = DARK_RULE
QUESTION_META = (M, DARK_META[1], CONTENT_W, DARK_META[3])
QUESTION_RECT = inches(0.6, 3.2, 12.133, 3.0)
#: The figure above the question's line, standing on its rule.
FIGURE_RECT = inches(0.6, 0.6, 12.133, 1.85)


#: Every slide role, in the order of the built-in template's layouts.
ROLES = ("title", "bullets", "section", "cards2", "comparison", "content", "blank", "picture",
         "quote", "statement", "cards3", "agenda", "author", "closing", "question")


def columns(n: int, y: int = BODY_Y, h: int = BODY_H) -> list[Rect4]:
    """``n`` equal columns across the content width, ``GUTTER`` apart."""
    w = (CONTENT_W - (n - 1) * GUTTER) // n
    return [(M + i * (w + GUTTER), y, w, h) for i in range(n)]


def _cards(n: int, card: Style, by: Style) -> list[Slot]:
    """``n`` tinted cards across the body, right of their rules, each with a slot for its
    attribution at its foot (indexes 14 on: apart from the master's 10-12)."""
    out = []
    for i, (x, _, w, _) in enumerate(columns(n, QUOTE_Y, BODY_BOTTOM - QUOTE_Y)):
        rect = (x + RULE_W, QUOTE_Y, w - RULE_W, BODY_BOTTOM - QUOTE_Y)
        out.append(Slot(f"card{i + 1}", "body", i + 1, rect, card, "Quote"))
        out.append(Slot(f"by{i + 1}", "body", 14 + i, (rect[0], BODY_BOTTOM - int(1.2 * IN), rect[2],
                                                       int(1.2 * IN)), by, "Who said it"))
    return out


def _eyebrow(colour: str) -> Slot:
    return Slot("eyebrow", "body", 13, EYEBROW_RECT,
                Style(META, "heading", colour, caps=True, spacing=100, anchor="b"), "Section")


@lru_cache(maxsize=16)
def design(palette: Palette) -> Design:
    """Return the built-in template's design in the brand's colours (checked by :mod:`docgen.scheme`)."""
    k = scheme(palette)[0]
    c = colours(palette)
    p = palette
    heading = Style(TITLE, "heading", k.heading, bold=True)
    body = Style(BODY, "body", k.text, bullet="•", bullet_colour=k.bullet, space_before=0.85,
                 indent=INDENT)
    plain = Style(BODY, "body", k.text)
    meta = Style(META, "heading", k.muted, space_before=0.6)
    quote = Style(BODY, "body", k.text, italic=True)  # docgen.quotes.QUOTE
    quiet = Style(FOOTER, "heading", c.quiet, anchor="ctr")
    number = Style(FOOTER, "heading", k.heading, bold=True, anchor="ctr")

    def title(rect: Rect4 = TITLE_RECT, style: Style = heading, kind: str = "title") -> Slot:
        return Slot("title", kind, 0, rect, style, "Click to edit title")

    chrome = (Slot("number", "sldNum", 12, NUMBER_RECT, number),
              Slot("footer", "ftr", 11, FOOTER_RECT, quiet),
              Slot("date", "dt", 10, DATE_RECT, quiet))
    master = LayoutDesign(
        "master", "docgen", "", (title(), Slot("body", "body", 1, BODY_RECT, body), *chrome),
        background=p.background,
        art=(Art(RULE_RECT, p.accent), Art(LOGO_SMALL, logo="light", align="r")))
    eyebrow = _eyebrow(c.eyebrow)

    def content(role: str, name: str, type_: str, *slots: Slot) -> LayoutDesign:
        return LayoutDesign(role, name, type_, (title(), eyebrow, *slots, *chrome[:2]))

    on_dark = Style(DISPLAY, "heading", k.on_primary, bold=True)
    dark_meta = Style(META, "heading", k.soft_on_primary, caps=True, spacing=100)
    dark_number = Style(FOOTER, "heading", k.soft_on_primary, bold=True, anchor="ctr")
    dark_art = (Art(DARK_RULE, p.accent), Art(LOGO_BIG, logo="dark"))
    cover = LayoutDesign(
        "title", "Title Slide", "title",
        (title(COVER_TITLE, on_dark, "ctrTitle"),
         Slot("byline", "body", 13, DARK_META, dark_meta, "Author and date"),
         Slot("subtitle", "subTitle", 1, COVER_SUBTITLE, Style(BODY, "body", k.soft_on_primary),
              "Click to add subtitle")),
        p.primary, dark_art, master_shapes=False)
    section = LayoutDesign(
        "section", "Section Header", "secHead",
        (title(SECTION_TITLE, on_dark),
         Slot("label", "body", 1, DARK_META, dark_meta, "01 / 05"),
         Slot("number", "sldNum", 12, DARK_NUMBER, dark_number)),
        p.primary, (Art(DARK_RULE, p.accent), Art(LOGO_SMALL, logo="dark", align="r")),
        master_shapes=False)
    closing = LayoutDesign(
        "closing", "Closing", "cust",
        (title(CLOSING_TITLE, Style(STATEMENT, "heading", k.on_primary, bold=True)),
         Slot("label", "body", 3, DARK_META, dark_meta, "Thank you"),
         Slot("body", "body", 1, CLOSING_BODY, Style(META, "heading", k.soft_on_primary),
              "Who to ask"),
         Slot("link", "body", 2, CLOSING_LINK, Style(BODY, "heading", k.on_primary, bold=True),
              "www.example.com")),
        p.primary, dark_art, master_shapes=False)
    cards = Style(CARD, "body", c.text_on_card, italic=True, fill=c.card, inset=CARD_INSET)
    card_by = Style(META, "heading", c.muted_on_card, inset=CARD_INSET, anchor="b")
    left, right = columns(2)
    lead_h = int(0.6 * IN)
    head_h = int(0.6 * IN)
    top = BODY_Y + lead_h + int(0.15 * IN)
    (cl, _, cw, _), (cr, _, _, _) = left, right
    below = top + head_h + int(0.2 * IN)
    column_body = Style(BODY, "body", k.text, bullet="•", bullet_colour=k.bullet,
                        space_before=0.5, indent=INDENT)
    column_head = Style(BODY, "heading", k.heading, bold=True, anchor="b")
    tint = c.statement
    on_tint_title = Style(TITLE, "heading", c.heading_on_tint, bold=True)
    layouts = (
        cover,
        content("bullets", "Title and Content", "obj", Slot("body", "body", 1, BODY_RECT, body)),
        section,
        content("cards2", "Two Content", "twoObj", *_cards(2, cards, card_by)),
        content("comparison", "Comparison", "twoTxTwoObj",
                Slot("left_head", "body", 1, (cl, top, cw, head_h), column_head, "Heading"),
                Slot("left", "body", 2, (cl, below, cw, BODY_BOTTOM - below), column_body),
                Slot("right_head", "body", 3, (cr, top, cw, head_h), column_head, "Heading"),
                Slot("right", "body", 4, (cr, below, cw, BODY_BOTTOM - below), column_body),
                Slot("lead", "body", 14, (M, BODY_Y, CONTENT_W, lead_h), plain,
                     "A line above both columns")),
        content("content", "Title Only", "titleOnly"),
        LayoutDesign("blank", "Blank", "blank", chrome[:2]),
        content("picture", "Picture with Caption", "picTx",
                Slot("picture", "pic", 1, (M, BODY_Y, CONTENT_W, CAPTION_RECT[1] - BODY_Y
                                           - int(0.15 * IN)), plain, "Picture"),
                Slot("caption", "body", 2, CAPTION_RECT, Style(META, "heading", k.muted), "Caption")),
        content("quote", "Quote", "cust",
                Slot("quote", "body", 1, QUOTE_RECT, quote, "Quote", second=meta)),
        LayoutDesign("statement", "Statement", "cust", (
            title(style=on_tint_title), _eyebrow(c.eyebrow_on_tint),
            Slot("quote", "body", 1, STATEMENT_RECT,
                 Style(STATEMENT, "body", c.heading_on_tint, italic=True, anchor="ctr"), "Statement",
                 second=Style(META, "heading", c.muted_on_tint, space_before=0.5)),
            Slot("number", "sldNum", 12, NUMBER_RECT, Style(FOOTER, "heading", c.heading_on_tint,
                                                            bold=True, anchor="ctr")),
            Slot("footer", "ftr", 11, FOOTER_RECT, Style(FOOTER, "heading", c.quiet_on_tint,
                                                         anchor="ctr"))), tint),
        content("cards3", "Three Content", "cust", *_cards(3, cards, card_by)),
        content("agenda", "Agenda", "cust",
                Slot("body", "body", 1, BODY_RECT, Style(BODY, "body", k.text, bullet="1.",
                                                         bullet_colour=k.bullet, space_before=0.6,
                                                         indent=INDENT))),
        content("author", "About the Author", "cust",
                Slot("photo", "pic", 3, PHOTO_RECT, plain, "Photo"),
                Slot("role", "body", 1, (M, BODY_Y, CONTENT_W, int(0.5 * IN)), meta, "Role"),
                Slot("bio", "body", 2, (M, BODY_Y, CONTENT_W, BODY_H),
                     Style(BODY, "body", k.text, space_before=0.5), "Biography")),
        closing,
        LayoutDesign("question", "Question", "cust", (
            title(QUESTION_RECT, Style(STATEMENT, "body", c.heading_on_tint, italic=True)),
            Slot("eyebrow", "body", 13, QUESTION_META, Style(META, "heading", c.eyebrow_on_tint,
                                                             caps=True, spacing=100), "Why we ask"),
            Slot("figure", "body", 14, FIGURE_RECT, Style(FIGURE, "heading", c.eyebrow_on_tint,
                                                          bold=True, anchor="b"), "Figure"),
            Slot("number", "sldNum", 12, NUMBER_RECT, Style(FOOTER, "heading", c.heading_on_tint,
                                                            bold=True, anchor="ctr")),
            Slot("footer", "ftr", 11, FOOTER_RECT, Style(FOOTER, "heading", c.quiet_on_tint,
                                                         anchor="ctr"))), tint,
            (Art(QUESTION_RULE, p.accent), Art(LOGO_SMALL, logo="light", align="r")),
            master_shapes=False),
    )
    return Design(master, layouts, c)
