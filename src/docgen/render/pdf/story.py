"""The story: the article's blocks, in reading order, as reportlab flowables."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from docgen.errors import DocgenError, Location, Problem
from docgen.labels import Labels
from docgen.model import Block, Callout, Document, Image, ListBlock, Quote, Section, Span, Text
from docgen.model import Paragraph as ParagraphBlock  # not reportlab's Paragraph (flowable)
from docgen.quotes import pull_quote
from docgen.render import format_date, picture
from docgen.render.pdf.author import Card, author_box
from docgen.render.pdf.balance import Balanced, InFlow, Note
from docgen.render.pdf.closing import closing_band
from docgen.render.pdf.complex import base_rtl
from docgen.render.pdf.flowables import Boxed, HeaderBand, Item, Label, Picture
from docgen.render.pdf.fonts import Registered
from docgen.render.pdf.markup import Marker
from docgen.render.pdf.paragraph import Paragraph
from docgen.render.pdf.sections import Heading, restates, room_for_opening
from docgen.render.pdf.styles import Styles
from docgen.render.pdf.tagging import BULLETS, NO_LABELS, Node, tag
from docgen.typography import nest_quotes, quote_marks, smarten, unquote

__all__ = ["Heading", "StoryBuilder"]

class StoryBuilder:
    """Turns a :class:`Document` into flowables and their structure tree (``root``, made anew by
    each :meth:`build`); text problems are collected in ``marker`` (the caller's, when it has
    made markup of its own for the same document, e.g. the running lines)."""

    def __init__(self, doc: Document, styles: Styles, body: Registered, heading: Registered,
                 marker: Marker | None = None) -> None:
        self.doc = doc
        self.s = styles
        self.body = body
        self.heading = heading
        self.marker = marker or Marker(styles.colors.link)
        self.marks = quote_marks(doc.language)[:2]
        #: docgen's own words (labels, alternate text) in the article's language
        self.labels = Labels([s.heading.plain for s in doc.sections], doc.language)
        self._pull: Quote | None = None
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
        self._pull = None
        band_code = doc.cta is not None and bool(doc.cta.link or doc.brand.link)
        card = author_box(self, qr=not band_code)  # one QR code on the page: the band's
        if isinstance(card, Card):  # the card under the article, the band grown up to it
            band = closing_band(self, card)
            closing = [card if band is None else band]
        else:  # a bio longer than a page flows, and the band follows it
            band = closing_band(self)
            closing = [card] if band is None else [card, band]
        for flowable in closing:
            flowable.closing = True  # (the page template notes where the article ends)
        story.extend(closing)
        if self.marker.problems:
            raise DocgenError(self.marker.problems)
        return story

    def display(self, text: Text) -> Text:
        """Return ``text`` as the handout prints it: real
        dashes, curly quotes, ellipses and no-break spaces (:func:`docgen.typography.smarten`,
        which the deck uses too); a link whose words are its address is left as typed. A face
        without a no-break space draws its own space there (``fonts.NO_BREAK``).
        """
        if any(s.href and s.text.strip() == s.href for s in text.spans):
            parts = [s if s.href and s.text.strip() == s.href else
                     smarten(Text((s,)), self.doc.language).spans[0] for s in text.spans]
            shown = Text(tuple(parts))
        else:
            shown = smarten(text, self.doc.language)
        return shown

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
              fam: Registered | None = None, kind: type[Paragraph] = Paragraph,
              **kw: Any) -> Paragraph:
        """A paragraph of ``text`` tagged as a new ``role`` element of the current parent."""
        shown = self.display(text)
        markup = self.marker.text(shown, fam or self.body, where, **kw)
        return tag(kind(markup, style), self.parent.add(role, links=self.links(shown)))

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
        parts: list[Flowable] = [self._para(d.title, s.title, d.location, "H1", hf, bold=True,
                                            kind=Balanced)]
        if d.subtitle is not None:
            parts.append(self._para(d.subtitle, s.subtitle, d.location, "P", hf, kind=Balanced))
        byline = " · ".join(x for x in (d.author.name, self._date()) if x)
        parts.append(tag(Paragraph(self.marker.plain(byline, hf, d.author.location), s.meta),
                         self.root.add("P")))
        return HeaderBand(parts, s.grid, s.colors.primary, logo, logo_node)

    def _date(self) -> str:
        d = self.doc.date
        return "" if d is None else format_date(d, self.doc.language)

    def section(self, section: Section, n: int) -> list[Flowable]:
        self.parent = self.root.add("Sect")
        self._pull = pull_quote(section)
        g, st = self.s.grid, self.s
        shown = self.display(section.heading)
        markup = self.marker.text(shown, self.heading, section.location, bold=True)
        head_node = self.parent.add("H2", links=self.links(shown))
        notes = self.key_points(section) if section.key_points and not restates(section) else []
        beside = bool(notes) and g.side > 0
        head = tag(Heading(markup, st.heading, outline=section.heading.plain, key=f"section-{n}",
                           notes=notes if beside else None, side_x=g.measure + g.gutter,
                           side_width=g.side), head_node)
        body = self.blocks(section.blocks)
        # Room for the heading, what must follow it and the key points beside it, or a new page:
        # unlike keepWithNext (which moves the whole next block), a following paragraph may
        # still split after a few lines.
        head_h = head.wrap(g.measure, 1e6)[1]
        first = room_for_opening(body, g.measure, 4 * st.body.leading,
                                 (g.height - g.top - g.bottom) / 2)
        need = max(head_h + st.heading.spaceAfter + first, head.notes_height()) \
            + st.heading.spaceBefore
        out: list[Flowable] = [CondPageBreak(need), head]
        if notes and not beside:
            out.append(Boxed(notes, (14, 14, 10, 8), fill=st.colors.tint,
                             space_after=st.body.spaceAfter))
        return out + body

    def key_points(self, section: Section) -> list[Flowable]:
        """The section's key points: a label and a list of short items, tagged right after the
        heading as a ``P`` and an ``L`` whose items are ``LBody`` only (the dashes are drawn as
        artifacts: a long handout has thousands of items, and each element is an object)."""
        st = self.s
        label = tag(Label(self.labels("bullets").upper(), st.note_label), self.parent.add("P"))
        lst = self.parent.add("L")
        lst.attrs = NO_LABELS
        items: list[Flowable] = [label]
        for point in section.key_points:
            shown = self.display(point)
            body = tag(Note(self.marker.text(shown, self.heading, section.location), st.note),
                       lst.add("LI").add("LBody", links=self.links(shown)))
            items.append(Item(body, "–", 9, self.heading.name(), st.note.fontSize,
                              st.colors.accent, None, _rtl(point.plain)))
        return items

    def blocks(self, blocks: tuple[Block, ...]) -> list[Flowable]:
        out: list[Flowable] = []
        for i, block in enumerate(blocks):
            if isinstance(block, ParagraphBlock) and len(block.text.plain.split()) > LONG_PARAGRAPH_WORDS:
                out.extend(self.long_paragraph(block))
            elif isinstance(block, ListBlock):
                out.extend(self.listing(block))
            elif isinstance(block, Quote):
                out.append(self.quote(block, introduced=i > 0 and _introduces(blocks[i - 1])))
            else:
                follows = blocks[i + 1] if i + 1 < len(blocks) else None
                out.append(self.block(block, lead_in=isinstance(follows, LEAD_INTO)))
        return out

    def long_paragraph(self, block: ParagraphBlock) -> list[Flowable]:
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

    def block(self, block: Block, lead_in: bool = False) -> Flowable:
        match block:
            case ParagraphBlock():
                style = self.s.body
                if lead_in or _introduces(block):
                    # A paragraph just before a quote, list or picture introduces it ("For
                    # example:"); never leave it alone at the foot of a page.
                    style = self._style(style, keepWithNext=1)
                return self._para(block.text, style, block.location, kind=InFlow)
            case Quote():
                return self.quote(block)
            case Callout():
                p = self._para(block.text, self.s.callout, block.location, fam=self.heading,
                               kind=InFlow)
                return Boxed([p], (16, 14, 11, 13), fill=self.s.colors.tint,
                             bar=self.s.colors.accent, space_before=6,
                             space_after=self.s.body.spaceAfter + 6,
                             rtl=_rtl(block.text.plain))
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

    def quote(self, q: Quote, introduced: bool = False) -> Flowable:
        """A quote as :data:`docgen.quotes.QUOTE` describes it (body size, italic, ink, a thin
        accent rule), or the section's pull quote as :data:`~docgen.quotes.PULL_QUOTE` does
        (larger, in the primary colour, under a short rule); marks hang, lines are balanced.
        ``introduced``: the paragraph before ends in a colon ("For example:"), so a pull quote
        stands closer to it (the room above it is what sets it apart from unrelated text)."""
        pull = q is self._pull
        style = self.s.pull if pull else self.s.quote
        opening, closing = self.marks
        # Right to left: the rule and bar on the right, the opening mark hanging on the right
        # (the lines end at a right indent, the first one past it: Paragraph's hang_right).
        rtl = _rtl(q.text.plain)
        outer, self.parent = self.parent, self.parent.add("BlockQuote")
        try:
            words = nest_quotes(self.display(unquote(q.text)), self.doc.language)
            text = Text((Span(opening), *words.spans, Span(closing)))
            hang = stringWidth(opening, style.fontName, style.fontSize)
            para_style = (self._style(style, rightIndent=hang) if rtl else
                          self._style(style, leftIndent=hang, firstLineIndent=-hang))
            markup = self.marker.text(text, self.body, q.location, italic=True)
            # Without an attribution the words are the BlockQuote's own content (one element
            # fewer for each quote: the structure tree is a third of a long handout's objects).
            node = self.parent.add("P", links=self.links(text)) if q.by else self.parent
            if not q.by:
                node.links = self.links(text)
            kind = Balanced if pull else InFlow  # display text even, flowing text as it falls
            words_p = kind(markup, para_style)
            if rtl:
                words_p.hang_right = hang
            parts: list[Flowable] = [tag(words_p, node)]
            if q.by:
                by = self.marker.plain("— " + q.by, self.heading, q.location)
                side = "rightIndent" if rtl else "leftIndent"
                parts.append(tag(Paragraph(by, self._style(self.s.quote_by, **{side: hang})),
                                 self.parent.add("P")))
        finally:
            self.parent = outer
        space, colors = self.s.space, self.s.colors
        if pull:  # the mark hangs into the margin; the words align with the text column
            return Boxed(parts, (-hang, 0, 16, 2), bar=colors.accent, bar_width=3,
                         rule_above=36,
                         space_before=space.pull_introduced if introduced else space.pull,
                         space_after=space.pull, rtl=rtl)
        return Boxed(parts, (16 - hang, 0, 1, 2), bar=colors.quote_rule, bar_width=2,
                     space_before=self.s.body.leading * 0.4, space_after=space.quote_after,
                     rtl=rtl)

    def listing(self, block: ListBlock) -> list[Flowable]:
        s = self.s
        lst = self.parent.add("L")
        lst.attrs = BULLETS
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
                              s.colors.bullet, label, _rtl(t.plain)))
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


#: Blocks a paragraph just before introduces (it is kept on their page).
LEAD_INTO = (Quote, ListBlock, Image)


def _introduces(block: Block) -> bool:
    """Return whether ``block`` is a paragraph that ends in a colon ("For example:")."""
    return isinstance(block, ParagraphBlock) and block.text.plain.rstrip().endswith(":")
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
                pieces[-1].append(replace(span, text=buf))
                pieces.append([])
                buf, count = "", 0
        if buf:
            pieces[-1].append(replace(span, text=buf))
    return [Text(tuple(p)) for p in pieces if any(s.text.strip() for s in p)] or [text]


def _rtl(text: str) -> bool:
    """Return True for text that runs right to left (the bidi package only for text that may)."""
    return any(ord(c) >= 0x590 for c in text) and base_rtl(text)


def _replace_style(style: ParagraphStyle, **kw: object) -> ParagraphStyle:
    """Return a copy of a ParagraphStyle with some attributes changed."""
    return ParagraphStyle(f"{style.name}+", parent=style, **kw)

