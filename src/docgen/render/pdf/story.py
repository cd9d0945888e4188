"""The story: the article's blocks, in reading order, as reportlab flowables."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Image as RLImage

from docgen.errors import DocgenError, Location, Problem
from docgen.model import Block, Callout, Document, Image, ListBlock, Quote, Section, Span, Text
from docgen.model import Paragraph as Para
from docgen.render import format_date
from docgen.render.pdf.flowables import Boxed, HeaderBand, QRCode
from docgen.render.pdf.fonts import Registered
from docgen.render.pdf.markup import Marker
from docgen.render.pdf.paragraph import Paragraph
from docgen.render.pdf.styles import Styles

# Opening and closing marks by language; English-style curly quotes otherwise.
QUOTE_MARKS = {"de": ("„", "“"), "fr": ("« ", " »"), "es": ("«", "»"), "it": ("«", "»")}
class Heading(Paragraph):
    """A section heading; the page template bookmarks it and adds it to the outline.

    Takes reportlab's Paragraph arguments because ``Paragraph.split`` makes the parts of a heading
    too tall for a page with them; only the first part keeps the bookmark.
    """

    def __init__(self, text: str | None, style: Any = None, bulletText: str | None = None,
                 frags: list[Any] | None = None, *, outline: str = "", key: str = "") -> None:
        super().__init__(text, style, bulletText=bulletText, frags=frags)
        self.outline = outline
        self.key = key

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        if parts and isinstance(parts[0], Heading):
            parts[0].outline, parts[0].key = self.outline, self.key
        return parts


class StoryBuilder:
    """Turns a :class:`Document` into flowables; text problems are collected in ``marker`` (the
    caller's, when it has made markup of its own for the same document, e.g. the running lines)."""

    def __init__(self, doc: Document, styles: Styles, body: Registered, heading: Registered,
                 marker: Marker | None = None):
        self.doc = doc
        self.s = styles
        self.body = body
        self.heading = heading
        self.marker = marker or Marker(styles.colors.link)
        lang = doc.language.split("-")[0].lower()
        self.marks = QUOTE_MARKS.get(lang, ("“", "”"))
        self._styles: dict[tuple[int, tuple[tuple[str, object], ...]], ParagraphStyle] = {}

    # -- the whole story ------------------------------------------------------------------------

    def build(self) -> list[Flowable]:
        doc = self.doc
        story: list[Flowable] = [self.band()]
        story += self.blocks(doc.intro)
        for n, section in enumerate(doc.sections, 1):
            story += self.section(section, n)
        story.append(self.author_box())
        if self.marker.problems:
            raise DocgenError(self.marker.problems)
        return story

    def band(self) -> HeaderBand:
        d, s = self.doc, self.s
        hf = self.heading
        parts: list[Flowable] = [
            Paragraph(self.marker.text(d.title, hf, d.location, bold=True), s.title)
        ]
        if d.subtitle is not None:
            parts.append(Paragraph(self.marker.text(d.subtitle, hf, d.location), s.subtitle))
        byline = " · ".join(x for x in (d.author.name, self._date()) if x)
        parts.append(Paragraph(self.marker.plain(byline, hf, d.author.location), s.meta))
        logo = d.brand.logo_on_dark
        if logo is not None and not logo.is_file():
            self.marker.warnings.append(
                Problem(f"the logo {logo.name} is missing; the band has no logo", d.brand.location,
                        severity="warning")
            )
            logo = None
        return HeaderBand(parts, s.grid, s.colors.primary, logo)

    def _date(self) -> str:
        d = self.doc.date
        return "" if d is None else format_date(d, self.doc.language)

    def section(self, section: Section, n: int) -> list[Flowable]:
        markup = self.marker.text(section.heading, self.heading, section.location, bold=True)
        head = Heading(markup, self.s.heading, outline=section.heading.plain, key=f"section-{n}")
        # Room for the heading and a few lines after it, or a new page: unlike keepWithNext (which
        # moves the whole next block), the following paragraph may still split after two lines.
        need = head.wrap(self.s.grid.measure, 1e6)[1] + self.s.heading.spaceBefore
        return [CondPageBreak(need + 4 * self.s.body.leading), head, *self.blocks(section.blocks)]

    def blocks(self, blocks: tuple[Block, ...]) -> list[Flowable]:
        out: list[Flowable] = []
        for block in blocks:
            if isinstance(block, Para) and len(block.text.plain.split()) > LONG_PARAGRAPH_WORDS:
                out.extend(self.long_paragraph(block))
            else:
                out.append(self.block(block))
        return out

    def long_paragraph(self, block: Para) -> list[Flowable]:
        """A very long paragraph as consecutive Paragraphs with no space between them.

        Why: reportlab's ``Paragraph.split`` re-breaks the whole remainder on every page, so one
        paragraph of n pages costs O(n²) (a 60,000-word paragraph took a minute). The only visible
        difference is that each piece (a few hundred words, ending at a sentence) starts a line.
        """
        pieces = chunks(block.text)
        joined = self._style(self.s.body, spaceAfter=0)
        out: list[Flowable] = [Paragraph(self._body(t, block.location), joined) for t in pieces[:-1]]
        out.append(self.block(Para(pieces[-1], block.location)))  # the usual last-piece rules
        return out

    def block(self, block: Block) -> Flowable:
        match block:
            case Para():
                style = self.s.body
                if block.text.plain.rstrip().endswith(":"):
                    # "For example:" introduces what follows; never leave it alone on a page.
                    style = self._style(style, keepWithNext=1)
                return Paragraph(self._body(block.text, block.location), style)
            case Quote():
                return self.quote(block)
            case ListBlock():
                return self.listing(block)
            case Callout():
                p = Paragraph(self.marker.text(block.text, self.heading, block.location),
                              self.s.callout)
                return Boxed([p], (16, 14, 11, 13), fill=self.s.colors.tint,
                             bar=self.s.colors.accent, space_before=6,
                             space_after=self.s.body.spaceAfter + 6)
            case Image():
                return self.image(block)
        raise AssertionError(f"unknown block {block!r}")  # pragma: no cover

    def _style(self, style: ParagraphStyle, **kw: object) -> ParagraphStyle:
        """A variant of one of ``self.s``'s styles, made once per story and shared.

        Every quote needs the same two variants: sharing them saved thousands of style objects
        (about 2 KB each) on long articles. reportlab never changes a style while laying out.
        """
        key = (id(style), tuple(sorted(kw.items())))
        variant = self._styles.get(key)
        if variant is None:
            variant = self._styles[key] = _replace_style(style, **kw)
            # Its attributes are copied at creation; without the parent link, the deepcopy that
            # reportlab makes when it splits an indented paragraph copies one style, not three.
            variant.parent = None
        return variant

    def _body(self, text: Text, where: Location) -> str:
        return self.marker.text(text, self.body, where)

    # -- blocks -----------------------------------------------------------------------------

    def quote(self, q: Quote) -> Flowable:
        """A pull quote: larger italic in the secondary colour, hanging marks, an accent rule."""
        style = self.s.quote
        opening, closing = self.marks
        spans = (Span(opening), *q.text.spans, Span(closing))
        markup = self.marker.text(Text(spans), self.body, q.location, italic=True)
        hang = stringWidth(opening, style.fontName, style.fontSize)
        para_style = self._style(style, leftIndent=hang, firstLineIndent=-hang)
        parts: list[Flowable] = [Paragraph(markup, para_style)]
        if q.by:
            by = self.marker.plain("— " + q.by, self.heading, q.location)
            parts.append(Paragraph(by, self._style(self.s.quote_by, leftIndent=hang)))
        lead = self.s.body.leading
        return Boxed(parts, (18 - hang, 0, 2, 3), bar=self.s.colors.accent, bar_width=2.5,
                     space_before=lead * 0.6, space_after=lead * 1.0)

    def listing(self, block: ListBlock) -> Flowable:
        s = self.s
        items = [
            ListItem(Paragraph(self._body(t, block.location), s.item), value="•")
            for t in block.items
        ]
        return ListFlowable(
            items, bulletType="bullet", start="•", leftIndent=16, bulletFontName=self.body.name(),
            bulletFontSize=s.body.fontSize, bulletColor=s.colors.secondary,
            spaceAfter=s.body.spaceAfter,
        )

    def image(self, img: Image) -> Flowable:
        if not img.path.is_file():
            raise DocgenError(Problem(f"the image {img.path.name} does not exist", img.location))
        try:
            w, h = ImageReader(str(img.path)).getSize()
        except Exception as exc:  # reportlab/Pillow raise many types for a bad file
            raise DocgenError(
                Problem(f"cannot read the image {img.path.name}: {exc}", img.location)
            ) from exc
        grid = self.s.grid
        max_w = grid.measure
        max_h = (grid.height - grid.top - grid.bottom) * 0.5
        natural = w * 0.75  # pixels at 96 dpi, in points: never blown up beyond that
        scale = min(max_w / w, max_h / h, natural / w)
        pic = RLImage(str(img.path), width=w * scale, height=h * scale)
        pic.hAlign = "LEFT"
        parts: list[Flowable] = [pic]
        if img.caption is not None:
            cap = self.marker.text(img.caption, self.heading, img.location, italic=True)
            parts.append(Paragraph(cap, self.s.caption))
        parts.append(Spacer(1, self.s.body.spaceAfter))
        return KeepTogether(parts)

    # -- about the author ----------------------------------------------------------------------

    def author_box(self) -> Flowable:
        """The closing box: bio and role (and photo) beside the brand link and its QR code."""
        d, s, m = self.doc, self.s, self.marker
        a = d.author
        hf = self.heading
        left: list[Flowable] = [
            Paragraph(m.plain("About the Author".upper(), hf, a.location, bold=True),
                      s.box_heading),
            Paragraph(m.plain(a.name, hf, a.location, bold=True), s.box_name),
        ]
        if a.role:
            left.append(Paragraph(m.plain(a.role, hf, a.location), self._style(
                s.box_text, fontName=hf.name(), textColor=s.colors.muted_on_tint, spaceAfter=8)))
        left.append(Paragraph(m.text(a.bio, self.body, a.location,
                                     link_color=s.colors.link_on_tint), s.box_text))
        brand_link = d.brand.link
        for link in a.links:
            if link.url == brand_link:
                continue
            text = Text((Span(f"{link.label}: "), Span(link.url, href=link.url)))
            left.append(Paragraph(m.text(text, self.body, a.location,
                                         link_color=s.colors.link_on_tint), s.box_text))
        if a.photo is not None and a.photo.path.is_file():
            left.insert(0, self._photo(a.photo.path))
        elif a.photo is not None:
            m.warnings.append(Problem(f"the author photo {a.photo.path.name} is missing",
                                      a.photo.location, severity="warning"))
        right: list[Flowable] = []
        qr_size = 76
        link_w = 0.0
        if brand_link:
            shown = brand_link.split("://", 1)[-1].removeprefix("www.").rstrip("/")
            link_text = Text((Span(shown, href=brand_link),))
            link_w = stringWidth(shown, hf.name(), 8.5) + 2
            right = [
                QRCode(brand_link, qr_size, s.colors.text),
                Spacer(1, 6),
                Paragraph(m.text(link_text, hf, d.brand.location,
                                 link_color=s.colors.link_on_tint), self._style(
                    s.box_text, fontName=hf.name(), fontSize=8.5, leading=11)),
            ]
        pad = 16
        col = min(max(qr_size, link_w), s.grid.measure / 2) + pad if right else 0
        table = Table(
            [[left, right]] if right else [[left]],
            colWidths=[s.grid.measure - col, col] if right else [s.grid.measure],
            style=TableStyle([
                ("BACKGROUND", (0, 0), (-1, -1), s.colors.tint),
                # Cells default to an unembedded Helvetica even when they hold only paragraphs.
                ("FONTNAME", (0, 0), (-1, -1), self.body.name()),
                ("LINEABOVE", (0, 0), (-1, 0), 2.5, s.colors.primary),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                ("LEFTPADDING", (1, 0), (1, 0), 0),
            ]),
            hAlign="LEFT",
        )
        frame_h = s.grid.height - s.grid.top - s.grid.bottom
        if table.wrap(s.grid.measure, frame_h)[1] > frame_h:
            # A bio longer than a page: a table cannot split, so let the parts flow instead.
            return Boxed([*left, *right], (pad, pad, pad, pad), fill=s.colors.tint)
        table.spaceBefore = s.body.leading * 1.5
        return KeepTogether([table])

    def _photo(self, path: Path) -> Flowable:
        reader = ImageReader(str(path))
        w, h = reader.getSize()
        size = 64
        pic = RLImage(str(path), width=size * w / max(w, h), height=size * h / max(w, h))
        pic.hAlign = "LEFT"
        pic.spaceAfter = 8
        return pic


#: A paragraph with more words than this is laid out in pieces (see ``StoryBuilder.long_paragraph``).
LONG_PARAGRAPH_WORDS = 600
#: Words per piece: a piece ends at the first sentence end after this many words (or at twice this).
CHUNK_WORDS = 250
_TOKEN = re.compile(r"\s*\S+\s*|\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+$")


def chunks(text: Text, size: int = CHUNK_WORDS) -> list[Text]:
    """Split ``text`` into pieces of ``size`` to ``2 * size`` words, at a sentence end if possible."""
    pieces: list[list[Span]] = [[]]
    count = 0
    for span in text.spans:
        buf = ""
        for m in _TOKEN.finditer(span.text):
            token = m.group(0)
            buf += token
            if not token.strip():
                continue
            count += 1
            if (count >= size and _SENTENCE_END.search(token)) or count >= 2 * size:
                pieces[-1].append(Span(buf, span.bold, span.italic, span.href))
                pieces.append([])
                buf, count = "", 0
        if buf:
            pieces[-1].append(Span(buf, span.bold, span.italic, span.href))
    return [Text(tuple(p)) for p in pieces if any(s.text.strip() for s in p)] or [text]


def _replace_style(style: ParagraphStyle, **kw: object) -> ParagraphStyle:
    """Return a copy of a ParagraphStyle with some attributes changed."""
    return ParagraphStyle(f"{style.name}+", parent=style, **kw)

