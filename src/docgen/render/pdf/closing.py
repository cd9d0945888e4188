"""The closing band: the article's call to action (``cta:``) on the primary colour across the foot
of the last page, mirroring the cover band, with its address and a QR code on a white tile; the
author's card stands on it.

The band (with the card) is the story's last flowable. It takes the rest of the page: the card
stands a little below the article's end and the band grows from the paper's foot up to just
under the card, so the page has no hole in the middle; up to :data:`MAX_BAND` of the page (a
band of more than half the page would drown its few words), beyond which the room left falls
between the card and the band: the article and its author's card read on, the band closes. On a
page of their own the card stands on the band, both at the page's foot, like a back cover.
The band is drawn over the place of the running footer, which the page template then sets on the
band in quieter colours. In the structure tree it is a ``Sect``: the call to action (``P``), its
address (``P`` with its ``Link``) and the QR code (``Figure`` in a ``Link``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from docgen.infra import qr
from docgen.model import Span, Text
from docgen.render.pdf.author import QR_SIZE, hex_of, shown_url
from docgen.render.pdf.balance import Balanced
from docgen.render.pdf.flowables import LOGO_HEIGHT, LOGO_TOP, QRCode, draw_logo, logo_size
from docgen.render.pdf.paragraph import Paragraph
from docgen.render.pdf.styles import BODY_SIZE, Grid, Space, step
from docgen.render.pdf.tagging import artifact, tag

if TYPE_CHECKING:
    from docgen.render.pdf.story import StoryBuilder

#: Room between the band's words and the footer (the room above them, between the card and the
#: band and before the card are the styles' ``space``).
PAD_FOOT = 26.0
#: White around the QR code on its tile, in modules (what the QR code standard asks).
QUIET_MODULES = 4
#: The band grows up to this share of the page's height; without a logo at its top, only to
#: the cover band's share (words alone at the foot of 45 % of a page read as an empty field).
MAX_BAND, MAX_BAND_PLAIN = 0.45, 0.33


class ClosingBand(Flowable):
    """The call to action (``words``, then ``address`` under it) beside a QR ``code``, under the
    brand's ``logo`` (the light variant the cover uses)."""

    def __init__(self, words: Flowable, address: Flowable | None, code: QRCode | None,
                 grid: Grid, fill: Color, paper: Color, space: Space,
                 card: Flowable | None = None, logo: Path | None = None,
                 cap: float = 0.7) -> None:
        super().__init__()
        self.words, self.address, self.code = words, address, code
        self.grid, self.fill, self.paper = grid, fill, paper
        self.card = card  # above the band, space.closing_gap above it
        self.logo = logo
        self._logo_px = logo_size(logo) if logo is not None else (0.0, 0.0)
        self.cap = cap  # the headline's first line: from the paragraph's top to its cap height
        self.spaceBefore = space.closing
        self.gap, self.pad_top = space.closing_gap, space.band_top
        self._origin = (0.0, 0.0)
        self._card_h = 0.0
        self.tile = self._tile_side()

    def _tile_side(self) -> float:
        """Return the side of the QR code's white tile: the code and its quiet zone."""
        if self.code is None:
            return 0.0
        return QR_SIZE * (1 + 2 * QUIET_MODULES / len(qr.modules(self.code.url)))

    def _text_width(self) -> float:
        g = self.grid
        return g.full - (self.tile + g.gutter if self.code is not None else 0.0)

    def _text_height(self) -> tuple[float, float, float]:
        w = self._text_width()
        words = self.words.wrap(w, 1e6)[1]
        address = self.address.wrap(w, 1e6)[1] if self.address is not None else 0.0
        gap = 8.0 if self.address is not None else 0.0
        return words, address, words + gap + address

    def _group(self) -> float:
        """Return the call to action's height from the headline's cap height to its foot: the
        words, or the QR tile top-aligned with them when it is taller."""
        return max(self._text_height()[2] - self.cap, self.tile)

    def band_height(self) -> float:
        """Return the band's least height from the paper's foot: the call to action and, above
        it, the logo with the cover's clear space."""
        logo = LOGO_HEIGHT + LOGO_TOP if self.logo is not None else 0.0
        return self._content_bottom() + self._group() + self.pad_top + logo

    def _content_bottom(self) -> float:
        return self.grid.footer_y + self.grid.rule + PAD_FOOT

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self._card_h = self.card.wrap(aw, ah)[1] + self.gap if self.card is not None else 0.0
        least = self.band_height() - self.grid.bottom + self._card_h
        self.height = max(least, ah)  # all the room left: the band grows into it
        return aw, self.height

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self._origin = (x, y)  # the frame's position on the page: the band is drawn from the foot
        super().drawOn(canv, x, y, _sW)

    def draw(self) -> None:
        canv, g = self.canv, self.grid
        x0, y0 = self._origin
        canv._docgen_band = canv.getPageNumber()  # for the footer
        # From the paper's foot: the band reaches up to the card's foot (less the gap), which
        # stands at the top of this flowable, unless that makes the band taller than MAX_BAND:
        # then the room left falls between the card and the band, or, on a page of their own
        # (nothing of the article above), above the card, which stands on the band.
        most = MAX_BAND if self.logo is not None else MAX_BAND_PLAIN
        top = max(self.band_height(), min(y0 + self.height - self._card_h, most * g.height))
        alone = y0 + self.height >= g.height - g.top - 0.5  # at the top of a later page's frame
        with artifact(canv):
            canv.setFillColor(self.fill)
            canv.rect(-x0, -y0, g.width, top, stroke=0, fill=1)
            if self.logo is not None:  # as on the cover: the cover's logo is the Figure
                draw_logo(canv, self.logo, self._logo_px, g.left - x0,
                          top - LOGO_TOP - LOGO_HEIGHT - y0, LOGO_HEIGHT, g.measure)
        # The call to action stands on the band's foot (a step above the footer), whatever the
        # band's height: the room the band grows by opens between the logo and the words.
        cap_line = self._content_bottom() + self._group()
        words, _, text = self._text_height()
        y = cap_line + self.cap  # the words' top
        self.words.drawOn(canv, g.left - x0, y - words - y0)
        if self.address is not None:
            self.address.drawOn(canv, g.left - x0, y - text - y0)
        if self.card is not None:
            self.card.drawOn(canv, 0, top + self.gap - y0 if alone
                             else self.height - self._card_h + self.gap)  # at the top
        if self.code is not None:
            side = self.tile
            quiet = (side - QR_SIZE) / 2
            left = g.left + g.full - side - x0
            base = cap_line - side - y0  # top-aligned with the headline's capitals
            with artifact(canv):
                canv.setFillColor(self.paper)
                canv.rect(left, base, side, side, stroke=0, fill=1)
            self.code.drawOn(canv, left + quiet, base + quiet)


def closing_band(b: StoryBuilder, card: Flowable | None = None) -> ClosingBand | None:
    """Return the band of the document's call to action with ``card`` on it, or None when the
    document has no call to action."""
    d, s, m = b.doc, b.s, b.marker
    cta = d.cta
    if cta is None:
        return None
    hf = b.heading
    sect = b.root.add("Sect")
    size = step(4)  # the title's size: the close answers the cover
    style = b._style(s.title, fontSize=size, leading=round(size * 1.1), spaceAfter=0)
    outer, b.parent = b.parent, sect
    try:
        words = b._para(cta.text, style, cta.location, "P", hf, bold=True, kind=Balanced)
    finally:
        b.parent = outer
    link = cta.link or d.brand.link
    address: Any = None
    code = None
    if link:
        shown = shown_url(link)
        text = Text((Span(shown, href=link),))
        soft = s.colors.on_band_soft
        address = tag(Paragraph(m.text(text, hf, cta.location, link_color=hex_of(soft)),
                                b._style(s.subtitle, fontSize=BODY_SIZE,
                                         leading=round(BODY_SIZE * 1.4), textColor=soft,
                                         spaceAfter=0)),
                      sect.add("P", links=b.links(text)))
        code = tag(QRCode(link, QR_SIZE, s.colors.primary),
                   sect.add("Link").add("Figure", alt=b.labels.sentence("qr", link=shown)))
    logo = d.brand.logo_on_dark
    if logo is not None and not logo.is_file():
        logo = None  # (the cover band reported it)
    face = pdfmetrics.getFont(style.fontName).face
    cap = size - size * getattr(face, "capHeight", 700) / 1000  # the first line's top to its caps
    return ClosingBand(words, address, code, s.grid, s.colors.primary, s.colors.background,
                       s.space, card, logo, cap)
