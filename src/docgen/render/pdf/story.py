"""The story: the article's blocks, in reading order, as reportlab flowables."""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from docgen.errors import DocgenError, Location, Problem
from docgen.model import Block, Callout, Document, Image, ListBlock, Quote, Section, Span, Text
from docgen.model import Paragraph as Para
from docgen.render import format_date, picture
from docgen.render.pdf.author import author_box
from docgen.render.pdf.flowables import Boxed, HeaderBand, Item, Picture
from docgen.render.pdf.fonts import Registered
from docgen.render.pdf.markup import Marker
from docgen.render.pdf.paragraph import Paragraph
from docgen.render.pdf.styles import Styles
from docgen.render.pdf.tagging import Node, tag
from docgen.typography import nest_quotes, smarten

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
    """Turns a :class:`Document` into flowables and their structure tree (``root``, made anew by
    each :meth:`build`); text problems are collected in ``marker`` (the caller's, when it has
    made markup of its own for the same document, e.g. the running lines)."""

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
        self.root = Node("Document")
        self.parent = self.root

    # -- the whole story ------------------------------------------------------------------------

    def build(self) -> list[Flowable]:
        doc = self.doc
        self.root = self.parent = Node("Document")
        story: list[Flowable] = [self.band()]
        story += self.blocks(doc.intro)
        for n, section in enumerate(doc.sections, 1):
            story += self.section(section, n)
        self.parent = self.root
        story.append(author_box(self))
        if self.marker.problems:
            raise DocgenError(self.marker.problems)
        return story

    def display(self, text: Text) -> Text:
        """Return ``text`` as the handout prints it."""
        return text

    @staticmethod
    def links(text: Text) -> dict[str, str] | None:
        """Return each link target of ``text`` with its visible words (for link descriptions)."""
        found: dict[str, str] = {}
        last = None
        for span in text.spans:
            if span.href:
                found[span.href] = (found.get(span.href, "") if last == span.href else "") \
                    + span.text
            last = span.href
        return {k: " ".join(v.split()) for k, v in found.items()} or None

    def _para(self, text: Text, style: ParagraphStyle, where: Location, role: str = "P",
              fam: Registered | None = None, **kw: Any) -> Paragraph:
        """A paragraph of ``text`` tagged as a new ``role`` element of the current parent."""
        shown = self.display(text)
        markup = self.marker.text(shown, fam or self.body, where, **kw)
        return tag(Paragraph(markup, style), self.parent.add(role, links=self.links(shown)))

    def band(self) -> HeaderBand:
        d, s = self.doc, self.s
        hf = self.heading
        logo = d.brand.logo_on_dark
        if logo is not None and not logo.is_file():
            self.marker.warnings.append(
                Problem(f"the logo {logo.name} is missing; the band has no logo", d.brand.location,
                        severity="warning")
            )
            logo = None
        logo_node = self.root.add("Figure", alt=d.brand.logo_alt or f"{d.brand.name} logo") if logo else None
        parts: list[Flowable] = [self._para(d.title, s.title, d.location, "H1", hf, bold=True)]
        if d.subtitle is not None:
            parts.append(self._para(d.subtitle, s.subtitle, d.location, "P", hf))
        byline = " · ".join(x for x in (d.author.name, self._date()) if x)
        parts.append(tag(Paragraph(self.marker.plain(byline, hf, d.author.location), s.meta),
                         self.root.add("P")))
        return HeaderBand(parts, s.grid, s.colors.primary, logo, logo_node)

    def _date(self) -> str:
        d = self.doc.date
        return "" if d is None else format_date(d, self.doc.language)

    def section(self, section: Section, n: int) -> list[Flowable]:
        self.parent = self.root.add("Sect")
        shown = self.display(section.heading)
        markup = self.marker.text(shown, self.heading, section.location, bold=True)
        head = tag(Heading(markup, self.s.heading, outline=section.heading.plain,
                           key=f"section-{n}"), self.parent.add("H2", links=self.links(shown)))
        # Room for the heading and a few lines after it, or a new page: unlike keepWithNext (which
        # moves the whole next block), the following paragraph may still split after two lines.
        need = head.wrap(self.s.grid.measure, 1e6)[1] + self.s.heading.spaceBefore
        return [CondPageBreak(need + 4 * self.s.body.leading), head, *self.blocks(section.blocks)]

    def blocks(self, blocks: tuple[Block, ...]) -> list[Flowable]:
        out: list[Flowable] = []
        for block in blocks:
            if isinstance(block, Para) and len(block.text.plain.split()) > LONG_PARAGRAPH_WORDS:
                out.extend(self.long_paragraph(block))
            elif isinstance(block, ListBlock):
                out.extend(self.listing(block))
            else:
                out.append(self.block(block))
        return out

    def long_paragraph(self, block: Para) -> list[Flowable]:
        """A very long paragraph as consecutive Paragraphs with no space between them, tagged as
        one ``P`` element.

        Why: reportlab's ``Paragraph.split`` re-breaks the whole remainder on every page, so one
        paragraph of n pages costs O(n²) (a 60,000-word paragraph took a minute). The only visible
        difference is that each piece (a few hundred words, ending at a sentence) starts a line.
        """
        pieces = chunks(block.text)
        joined = self._style(self.s.body, spaceAfter=0)
        node = self.parent.add("P", links=self.links(block.text))
        out: list[Flowable] = [tag(Paragraph(self._body(t, block.location), joined), node)
                               for t in pieces[:-1]]
        out.append(tag(Paragraph(self._body(pieces[-1], block.location), self.s.body), node))
        return out

    def block(self, block: Block) -> Flowable:
        match block:
            case Para():
                style = self.s.body
                if block.text.plain.rstrip().endswith(":"):
                    # "For example:" introduces what follows; never leave it alone on a page.
                    style = self._style(style, keepWithNext=1)
                return self._para(block.text, style, block.location)
            case Quote():
                return self.quote(block)
            case Callout():
                p = self._para(block.text, self.s.callout, block.location, fam=self.heading)
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
        return self.marker.text(self.display(text), self.body, where)

    # -- blocks -----------------------------------------------------------------------------

    def quote(self, q: Quote) -> Flowable:
        """A pull quote: larger italic in the secondary colour, hanging marks, an accent rule."""
        style = self.s.quote
        opening, closing = self.marks
        outer, self.parent = self.parent, self.parent.add("BlockQuote")
        try:
            # The marks set here are the outer ones: quotes inside the words nest (‘ ’).
            lang = self.doc.language
            words_shown = nest_quotes(smarten(self.display(q.text), lang), lang)
            text = Text((Span(opening), *words_shown.spans, Span(closing)))
            hang = stringWidth(opening, style.fontName, style.fontSize)
            para_style = self._style(style, leftIndent=hang, firstLineIndent=-hang)
            markup = self.marker.text(text, self.body, q.location, italic=True)
            # Without an attribution the words are the BlockQuote's own content (one element
            # fewer for each quote: the structure tree is a third of a long handout's objects).
            words = self.parent.add("P", links=self.links(text)) if q.by else self.parent
            if not q.by:
                words.links = self.links(text)
            parts: list[Flowable] = [tag(Paragraph(markup, para_style), words)]
            if q.by:
                by = self.marker.plain("— " + q.by, self.heading, q.location)
                parts.append(tag(Paragraph(by, self._style(self.s.quote_by, leftIndent=hang)),
                                 self.parent.add("P")))
        finally:
            self.parent = outer
        lead = self.s.body.leading
        return Boxed(parts, (18 - hang, 0, 2, 3), bar=self.s.colors.accent, bar_width=2.5,
                     space_before=lead * 0.6, space_after=lead * 1.0)

    def listing(self, block: ListBlock) -> list[Flowable]:
        s = self.s
        lst = self.parent.add("L")
        items: list[Flowable] = []
        for i, t in enumerate(block.items):
            li = lst.add("LI")
            label = li.add("Lbl")
            style = s.item if i < len(block.items) - 1 else self._style(
                s.item, spaceAfter=s.body.spaceAfter)
            shown = self.display(t)
            body = tag(Paragraph(self.marker.text(shown, self.body, block.location), style),
                       li.add("LBody", links=self.links(shown)))
            items.append(Item(body, "•", 16, self.body.name(), s.body.fontSize,
                              s.colors.bullet, label))
        return items

    def image(self, img: Image) -> Flowable:
        vector = img.path.suffix.lower() == ".svg"
        if vector:
            if not img.path.is_file():
                raise DocgenError(Problem(f"the image {img.path.name} does not exist",
                                          img.location))
            from docgen.render.pdf.svgdraw import svg_size

            w, h = svg_size(img.path)
        else:
            data, w, h = picture(img)
        grid = self.s.grid
        max_w = grid.measure
        max_h = (grid.height - grid.top - grid.bottom) * 0.5
        natural = w * 0.75  # pixels at 96 dpi, in points: never blown up beyond that
        scale = min(max_w / w, max_h / h, natural / w)
        outer, self.parent = self.parent, self.parent.add("Div")
        try:
            if vector:  # sharp at any zoom
                from docgen.render.pdf.svgdraw import TaggedSvg

                pic = tag(TaggedSvg(img.path, w * scale, h * scale),
                          self.parent.add("Figure", alt=img.alt))
            else:
                pic = tag(Picture(data, w * scale, h * scale),
                          self.parent.add("Figure", alt=img.alt))
            pic.hAlign = "LEFT"
            parts: list[Flowable] = [pic]
            if img.caption is not None:
                parts.append(self._para(img.caption, self.s.caption, img.location, "Caption",
                                        self.heading, italic=True))
        finally:
            self.parent = outer
        parts.append(Spacer(1, self.s.body.spaceAfter))
        return KeepTogether(parts)


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

