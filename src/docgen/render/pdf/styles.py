"""Type scale, colours and page grid for the handout, all derived from the brand.

One body size drives everything: the other sizes are steps of a 1.25 ratio (7.7, 9.6, 12, 15,
18.75, 23.4, 29.3 pt on a 12 pt body, nothing in between), and the text column is as wide as the
body font needs for about 66 characters a line (the middle of the 60-75 range), so a brand with a
wider or narrower font still gets a comfortable measure. Colours come only from the brand
palette, each text colour as :mod:`docgen.scheme` checked it on its ground.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth

from docgen.colour import contrast, ensure_contrast, mix
from docgen.model import Brand
from docgen.quotes import QUOTE, rule_colour
from docgen.render.pdf.fonts import Registered
from docgen.scheme import scheme

BODY_SIZE = 12.0
RATIO = 1.25
# Ragged-right lines average about 5 characters fewer than the column holds: sizing the column
# for 71 gives lines of 62-70 characters in practice (measured on the seed article).
TARGET_CHARS = 71
# Running English prose: the average glyph width of real text, not of the alphabet.
_SAMPLE = (
    "Recently, a company asked me to lead a workshop on marketing with their top salespeople. "
    "The two work in concert to execute the plan together; both are important, and they vary "
    "by industry, B2B vs. B2C, and the experience of the people who answered the question."
)
PAGE_SIZES = {"letter": LETTER, "a4": A4}
#: The grid: equal outer margins (a share of the paper's width: 56 pt on Letter, 54 pt on A4),
#: the gutter between the text and the side column, and the narrowest side column worth having.
MARGIN = 0.0915
GUTTER = 24.0
MIN_SIDE = 96.0
#: The running lines: baselines this far from the paper's top and bottom edges, and a hairline
#: this far inside each. The text keeps this much white from each hairline: the text area starts
#: there under the header's, and a full page's last line ends with its descenders (a quarter of
#: the size) there above the footer's, so the page is neither top- nor bottom-heavy.
RUNNING_EDGE = 34.0
RUNNING_RULE = 10.0
TEXT_FROM_RULE = 20.0
DESCENT = 0.25
#: Small text (running lines, captions, the author's role) reads at this contrast or more, so
#: that printing does not take it below the 4.5:1 WCAG asks for.
SMALL_TEXT_CONTRAST = 5.5


def step(n: int) -> float:
    """Return the size ``n`` steps up (or down) the scale from the body size."""
    return round(BODY_SIZE * RATIO**n, 1)


class Colors(NamedTuple):
    primary: Color
    secondary: Color
    accent: Color
    text: Color
    paper: Color
    muted: Color
    tint: Color
    link: str  # on paper, as #RRGGBB for paragraph markup
    link_on_tint: str
    muted_on_tint: Color
    heading: Color
    on_band_soft: Color  # dates and subtitles on the cover band
    on_tint: Color  # callout text
    heading_on_tint: Color
    bullet: Color
    background: Color  # the page, painted when it is not white
    quote_rule: Color  # docgen.quotes.QUOTE's rule
    hairline: Color  # the rules under the running header and over the footer
    running_on_band: Color  # the footer set on the closing band


class Grid(NamedTuple):
    """Page geometry in points, the same on every page: the text column (``left``, ``measure``)
    and, across a gutter to its right, a narrow side column for the sections' key points
    (``side`` is 0 when the page is too narrow for one; they then sit in the text column)."""

    width: float
    height: float
    left: float
    measure: float
    top: float
    bottom: float
    header_y: float
    footer_y: float
    gutter: float = 0.0
    side: float = 0.0
    rule: float = 10.0  # the running lines' hairlines, this far inside their baselines

    @property
    def right(self) -> float:
        return self.width - self.left - self.measure

    @property
    def full(self) -> float:
        """Return the width of the text column, the gutter and the side column together."""
        return self.measure + (self.gutter + self.side if self.side else 0.0)


class Space(NamedTuple):
    """The room between blocks that is not a paragraph style's: what a tight layout narrows."""

    pull: float  # above a pull quote's rule and below its words
    pull_introduced: float  # above its rule when the line before introduces it ("For example:")
    quote_after: float  # below a block quote
    closing: float  # between the article's end and the author's card (or the closing band)
    closing_gap: float  # between the card and the band
    band_top: float  # in the band, above its words


#: A tight layout (see :func:`docgen.render.pdf.document.render_pdf`) sets the room between
#: blocks at this share: enough to save the last page of an article that only just spills onto
#: it, too little to see without measuring.
TIGHT = 0.75


class Styles(NamedTuple):
    """Every style of the handout; immutable, shared by both layout passes and all flowables.

    NamedTuples rather than frozen dataclasses: the same immutability, made faster at import
    (docs/performance.md).
    """

    colors: Colors
    grid: Grid
    body: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    meta: ParagraphStyle
    quote: ParagraphStyle
    quote_by: ParagraphStyle
    callout: ParagraphStyle
    caption: ParagraphStyle
    item: ParagraphStyle
    box_heading: ParagraphStyle
    box_name: ParagraphStyle
    box_text: ParagraphStyle
    running: ParagraphStyle
    pull: ParagraphStyle
    note: ParagraphStyle
    note_label: ParagraphStyle
    space: Space


@lru_cache(maxsize=32)
def _small_text(colour: str, ground: str) -> str:
    return ensure_contrast(colour, ground, SMALL_TEXT_CONTRAST)


def _greys(muted: str, paper: str, tint: str) -> tuple[str, str]:
    """Return the small grey text's colour on the paper and on the tint: one grey for both when
    one reads on both (two near-identical greys look like a mistake), else one for each."""
    on_paper, on_tint = _small_text(muted, paper), _small_text(muted, tint)
    for grey in (on_tint, on_paper):
        if contrast(grey, paper) >= SMALL_TEXT_CONTRAST <= contrast(grey, tint):
            return grey, grey
    return on_paper, on_tint


def make_styles(brand: Brand, body: Registered, heading: Registered,
                tight: bool = False) -> Styles:
    """Build every paragraph style of the handout from the brand's fonts and palette; ``tight``:
    with :data:`TIGHT` of the room between blocks and paragraphs."""
    room = TIGHT if tight else 1.0
    p = brand.palette
    k = scheme(p)[0]  # every text colour, checked against what is behind it
    grey, grey_on_tint = _greys(k.muted, p.background, p.light)
    c = Colors(
        primary=HexColor(p.primary),
        secondary=HexColor(k.quote),
        accent=HexColor(p.accent),
        text=HexColor(k.text),
        paper=HexColor(k.on_primary),
        muted=HexColor(grey),
        tint=HexColor(p.light),
        link=k.link,
        link_on_tint=k.link_on_light,
        muted_on_tint=HexColor(grey_on_tint),
        heading=HexColor(k.heading),
        on_band_soft=HexColor(k.soft_on_primary),
        on_tint=HexColor(k.on_light),
        heading_on_tint=HexColor(k.heading_on_light),
        bullet=HexColor(k.bullet),
        background=HexColor(p.background),
        quote_rule=HexColor(rule_colour(QUOTE, p)),
        hairline=HexColor(mix(p.primary, p.background, 0.82)),
        # the footer on the closing band: quieter than the band's own words
        running_on_band=HexColor(_small_text(mix(p.primary, k.on_primary, 0.6), p.primary)),
    )
    width, height = PAGE_SIZES.get(brand.page_size.lower(), LETTER)
    per_char = stringWidth(_SAMPLE, body.name(), BODY_SIZE) / len(_SAMPLE)
    measure = min(round(TARGET_CHARS * per_char), width - 1.5 * inch)
    margin = round(width * MARGIN)
    left, side = margin, width - 2 * margin - measure - GUTTER
    if side < MIN_SIDE:  # too narrow for notes beside the text: centre the column, notes inline
        left, side = round((width - measure) / 2), 0.0
    rule = RUNNING_EDGE + RUNNING_RULE
    leading = round(BODY_SIZE * 1.42)
    grid = Grid(width, height, left, measure, top=rule + TEXT_FROM_RULE,
                bottom=rule + TEXT_FROM_RULE - (leading - BODY_SIZE) + DESCENT * BODY_SIZE,
                header_y=height - RUNNING_EDGE, footer_y=RUNNING_EDGE, gutter=GUTTER, side=side,
                rule=RUNNING_RULE)

    base = ParagraphStyle(
        "body",
        fontName=body.name(),
        fontSize=BODY_SIZE,
        leading=leading,
        textColor=c.text,
        alignment=TA_LEFT,
        spaceAfter=round(leading * 0.6 * room),
        allowWidows=0,
        allowOrphans=0,
        splitLongWords=1,
        linkUnderline=1,
        underlineWidth=0.5,
        underlineOffset=-0.15 * BODY_SIZE,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    h = heading.name(brand.heading_bold)
    q = step(1)
    small = step(-1)  # the one small size: key points, labels, captions, the author box
    pull = step(2)  # docgen.quotes.PULL_QUOTE: a step under the headings, in the body face
    return Styles(
        colors=c,
        grid=grid,
        body=base,
        # A step above the pull quotes (the call to action's size): the headings lead.
        heading=derive("heading", fontName=h, fontSize=step(3), leading=round(step(3) * 1.2),
                       textColor=c.heading, spaceBefore=leading * room,
                       spaceAfter=leading * 0.5),
        title=derive("title", fontName=h, fontSize=step(4), leading=round(step(4) * 1.1),
                     textColor=c.paper, spaceAfter=step(4) * 0.3),
        subtitle=derive("subtitle", fontName=heading.name(), fontSize=q, leading=round(q * 1.3),
                        textColor=c.paper, spaceAfter=q * 0.8),
        meta=derive("meta", fontName=heading.name(), fontSize=small, leading=round(small * 1.4),
                    textColor=c.on_band_soft, spaceAfter=0),
        # docgen.quotes.QUOTE and PULL_QUOTE: the look the deck shares.
        quote=derive("quote", fontName=body.name(False, True), textColor=c.text, spaceAfter=0),
        pull=derive("pull", fontName=body.name(False, True), fontSize=pull,
                    leading=round(pull * 1.28), textColor=c.heading, spaceAfter=0),
        quote_by=derive("quote_by", fontName=heading.name(), fontSize=small,
                        leading=round(small * 1.4), textColor=c.muted, spaceBefore=6,
                        spaceAfter=0),
        callout=derive("callout", fontName=heading.name(), textColor=c.on_tint, spaceAfter=0),
        caption=derive("caption", fontName=heading.name(False, True), fontSize=small,
                       leading=round(small * 1.35), textColor=c.muted, spaceBefore=4),
        item=derive("item", spaceAfter=round(leading * 0.25)),
        box_heading=derive("box_heading", fontName=h, fontSize=small, leading=round(small * 1.3),
                           textColor=c.heading_on_tint, spaceAfter=4),
        # the role's baseline 18 pt under the name's, as the name's is under the label's
        box_name=derive("box_name", fontName=h, fontSize=q, leading=round(q * 1.2),
                        textColor=c.heading_on_tint, spaceAfter=5),
        box_text=derive("box_text", fontSize=small, leading=round(small * 1.46), spaceAfter=4),
        running=derive("running", fontName=heading.name(), fontSize=step(-2),
                       leading=round(step(-2) * 1.3), textColor=c.muted, spaceAfter=0),
        note=derive("note", fontName=heading.name(), fontSize=small, leading=round(small * 1.35),
                    spaceAfter=4, allowWidows=1, allowOrphans=1),
        note_label=derive("note_label", fontName=h, fontSize=small, leading=round(small * 1.35),
                          textColor=c.heading, spaceAfter=2),
        space=Space(pull=leading * 2 * room, pull_introduced=18 * room,
                    quote_after=leading * 0.8 * room, closing=34 * room, closing_gap=36 * room,
                    band_top=40 * room),
    )
