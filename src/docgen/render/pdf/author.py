"""The closing "About the Author" card: label, name, role and bio (and photo), and the QR code of
the brand's link beside them unless the closing band (:mod:`.closing`) carries that link."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from docgen.errors import Problem
from docgen.model import Image, Span, Text
from docgen.render import picture
from docgen.render.pdf.balance import Balanced
from docgen.render.pdf.flowables import Boxed, Label, Picture, QRCode
from docgen.render.pdf.paragraph import Paragraph
from docgen.render.pdf.styles import BODY_SIZE
from docgen.render.pdf.tagging import Node, artifact, tag

if TYPE_CHECKING:
    from docgen.render.pdf.story import StoryBuilder

#: The card's padding, and the QR code's side.
PAD, QR_SIZE = 20.0, 76.0


def hex_of(colour: Color) -> str:
    """Return a reportlab colour as ``#RRGGBB`` (what paragraph markup takes)."""
    return "#" + colour.hexval()[2:].upper()


def _stack_height(flowables: list[Flowable], width: float) -> tuple[float, list[float]]:
    """Return the height of flowables set one under the other, and each one's own height."""
    sizes = [f.wrap(width, 1e6)[1] for f in flowables]
    gaps = [max(a.getSpaceAfter(), b.getSpaceBefore())
            for a, b in pairwise(flowables)]
    return sum(sizes) + sum(gaps), sizes


class Column(NamedTuple):
    """Flowables set one under another, ``x`` from the card's left edge, ``width`` wide; a
    ``centred`` column sits in the middle of the card's height (so a short column, the QR
    code, leaves no hole under it), others at its top."""

    flowables: list[Flowable]
    x: float
    width: float
    centred: bool = False


class Card(Flowable):
    """A tinted card under a rule, ``width`` wide (the frame's by default; wider reaches into
    the side column), holding columns of flowables."""

    def __init__(self, columns: list[Column], fill: Color, rule: Color, space_before: float = 0,
                 width: float | None = None) -> None:
        super().__init__()
        self.columns = columns
        self.fill, self.rule = fill, rule
        self.spaceBefore = space_before
        self.box_width = width
        self._stacks: list[tuple[float, list[float]]] = []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._box_w = self.box_width or aw
        self._stacks = [_stack_height(c.flowables, c.width) for c in self.columns]
        self.width = aw
        self.height = max((h for h, _ in self._stacks), default=0.0) + 2 * PAD
        return aw, self.height

    def draw(self) -> None:
        canv = self.canv
        with artifact(canv):
            canv.setFillColor(self.fill)
            canv.rect(0, 0, self._box_w, self.height, stroke=0, fill=1)
            canv.setStrokeColor(self.rule)
            canv.setLineWidth(2.5)
            canv.line(0, self.height - 1.25, self._box_w, self.height - 1.25)
        inner = self.height - 2 * PAD
        for column, (height, sizes) in zip(self.columns, self._stacks, strict=True):
            top = PAD + inner - ((inner - height) / 2 if column.centred else 0.0)
            y = top
            for i, (f, h) in enumerate(zip(column.flowables, sizes, strict=True)):
                if i:
                    y -= max(column.flowables[i - 1].getSpaceAfter(), f.getSpaceBefore())
                y -= h
                f.drawOn(canv, column.x, y)


def author_box(b: StoryBuilder, qr: bool = True) -> Flowable:
    """Return the closing card; ``b`` is the story builder (styles, marker, structure). ``qr``:
    show the brand link's QR code (the closing band shows it when there is one).

    With the QR code: who the author is over the bio, the code and its address beside them.
    Without: who the author is in a narrow column, the bio beside it. The bio keeps the text
    column's 60-75 characters a line at the card's smaller size.
    """
    d, s, m = b.doc, b.s, b.marker
    a = d.author
    hf = b.heading
    sect = b.root.add("Sect")
    who: list[Flowable] = [tag(Label(b.labels("author").upper(), s.box_heading), sect.add("H2"))]
    if a.photo is not None and (a.photo.data or a.photo.path.is_file()):
        who.append(_photo(a.photo, sect.add("Figure", alt=a.photo.alt)))
    elif a.photo is not None:
        m.warnings.append(Problem(f"the author photo {a.photo.path.name} is missing",
                                  a.photo.location, severity="warning"))
    who.append(tag(Paragraph(m.plain(a.name, hf, a.location, bold=True), s.box_name),
                   sect.add("P")))
    if a.role:
        who.append(tag(Balanced(m.plain(a.role, hf, a.location), b._style(
            s.box_text, fontName=hf.name(), textColor=s.colors.muted_on_tint, spaceAfter=8)),
            sect.add("P")))
    bio = b.display(a.bio)
    about: list[Flowable] = [tag(Paragraph(m.text(bio, b.body, a.location,
                                                  link_color=s.colors.link_on_tint),
                                           s.box_text), sect.add("P", links=b.links(bio)))]
    brand_link = d.brand.link
    for link in a.links:
        if link.url == brand_link:
            continue
        text = Text((Span(f"{link.label}: "), Span(link.url, href=link.url)))
        about.append(tag(Paragraph(m.text(text, b.body, a.location,
                                          link_color=s.colors.link_on_tint), s.box_text),
                         sect.add("P", links=b.links(text))))
    g = s.grid
    full = g.full if g.side else g.measure
    bio_w = min(round(g.measure * s.box_text.fontSize / BODY_SIZE), full - 2 * PAD)
    if brand_link and qr:
        room = full - 3 * PAD - bio_w
        shown = shown_url(brand_link)
        link_text = Text((Span(shown, href=brand_link),))
        size = s.box_text.fontSize
        link_w = stringWidth(shown, hf.name(), size) + 2
        if link_w > room:  # the address on one line: smaller, down to 7 pt, before it wraps
            size = max(7.0, size * room / link_w)
            link_w = min(room, stringWidth(shown, hf.name(), size) + 2)
        code = tag(QRCode(brand_link, QR_SIZE, s.colors.on_tint),
                   sect.add("Link").add("Figure", alt=b.labels.sentence("qr", link=shown)))
        address = tag(Paragraph(m.text(link_text, hf, d.brand.location,
                                       link_color=hex_of(s.colors.heading_on_tint)),
                                b._style(s.box_text, fontName=hf.name(), fontSize=size,
                                         leading=round(size * 1.3), spaceAfter=0)),
                      sect.add("P", links=b.links(link_text)))
        col = min(max(QR_SIZE, link_w), room)
        start = PAD + bio_w + PAD
        columns = [Column([*who, *about], PAD, bio_w),
                   Column([code, Spacer(1, 6), address], start + (full - PAD - start - col) / 2,
                          col, centred=True)]
    elif g.side:
        who_w = full - 2 * PAD - bio_w - g.gutter
        columns = [Column(who, PAD, who_w), Column(about, full - PAD - bio_w, bio_w)]
    else:
        columns = [Column([*who, *about], PAD, bio_w)]
    card = Card(columns, s.colors.tint, s.colors.primary, space_before=s.space.closing,
                width=full)
    frame_h = g.height - g.top - g.bottom
    if card.wrap(g.measure, frame_h)[1] > frame_h:
        # A bio longer than a page: a card cannot split, so let the parts flow instead.
        return Boxed([*who, *about, *(columns[1].flowables if len(columns) > 1 and
                                      columns[1].centred else [])],
                     (PAD, PAD, PAD, PAD), fill=s.colors.tint)
    return card


def shown_url(url: str) -> str:
    """Return a link as printed: no scheme, no "www.", no trailing slash."""
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/")


def _photo(photo: Image, node: Node) -> Flowable:
    data, w, h = picture(photo)
    size = 64
    pic = tag(Picture(data, size * w / max(w, h), size * h / max(w, h)), node)
    pic.hAlign = "LEFT"
    pic.spaceAfter = 8
    return pic
