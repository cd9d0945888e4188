"""The closing "About the Author" box: bio and role (and photo) beside the brand link's QR code."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer

from docgen.errors import Problem
from docgen.model import Image, Span, Text
from docgen.render import picture
from docgen.render.pdf.flowables import Boxed, Picture, QRCode
from docgen.render.pdf.paragraph import Paragraph
from docgen.render.pdf.tagging import Node, artifact, tag

if TYPE_CHECKING:
    from docgen.render.pdf.story import StoryBuilder

Padding = tuple[float, float, float, float]  # left, right, top, bottom


def _stack_height(flowables: list[Flowable], width: float) -> tuple[float, list[float]]:
    """Return the height of flowables set one under the other, and each one's own height."""
    sizes = [f.wrap(width, 1e6)[1] for f in flowables]
    gaps = [max(a.getSpaceAfter(), b.getSpaceBefore())
            for a, b in pairwise(flowables)]
    return sum(sizes) + sum(gaps), sizes


class Columns(Flowable):
    """Two columns of flowables on a tint with a rule above; the right one centred vertically
    against the left, so a short column (the QR code) leaves no hole under it."""

    def __init__(self, left: list[Flowable], right: list[Flowable], right_width: float,
                 padding: float, gutter: float, fill: Color, rule: Color,
                 space_before: float = 0, extend: float = 0, right_x: float | None = None) -> None:
        super().__init__()
        self.extend = extend  # drawn this much wider than the frame (into the side column)
        self.right_x = right_x  # where the right column starts (default: against the padding)
        self.left, self.right = left, right
        self.right_width = right_width
        self.padding, self.gutter = padding, gutter
        self.fill, self.rule = fill, rule
        self.spaceBefore = space_before
        self._left_w = 0.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._box_w = aw + self.extend
        self.width = aw
        if self.right and self.right_x is not None:  # the left column ends where the text does
            self._left_w = self.right_x - self.gutter - self.padding
        else:
            self._left_w = self._box_w - 2 * self.padding - (
                self.right_width + self.gutter if self.right else 0)
        lh, self._lsizes = _stack_height(self.left, self._left_w)
        rh, self._rsizes = _stack_height(self.right, self.right_width) if self.right else (0, [])
        self._lh, self._rh = lh, rh
        self.height = max(lh, rh) + 2 * self.padding
        return aw, self.height

    def draw(self) -> None:
        canv = self.canv
        with artifact(canv):
            canv.setFillColor(self.fill)
            canv.rect(0, 0, self._box_w, self.height, stroke=0, fill=1)
            canv.setStrokeColor(self.rule)
            canv.setLineWidth(2.5)
            canv.line(0, self.height - 1.25, self._box_w, self.height - 1.25)
        inner = self.height - 2 * self.padding
        self._draw(self.left, self._lsizes, self.padding, self.padding + inner)
        if self.right:
            top = self.padding + inner - (inner - self._rh) / 2
            x = self.right_x if self.right_x is not None else \
                self._box_w - self.padding - self.right_width
            self._draw(self.right, self._rsizes, x, top)

    def _draw(self, flowables: list[Flowable], sizes: list[float], x: float, top: float) -> None:
        y = top
        for i, (f, h) in enumerate(zip(flowables, sizes, strict=True)):
            if i:
                y -= max(flowables[i - 1].getSpaceAfter(), f.getSpaceBefore())
            y -= h
            f.drawOn(self.canv, x, y)


def author_box(b: StoryBuilder) -> Flowable:
    """Return the closing box; ``b`` is the story builder (styles, marker, structure)."""
    d, s, m = b.doc, b.s, b.marker
    a = d.author
    hf = b.heading
    sect = b.root.add("Sect")
    left: list[Flowable] = [
        tag(Paragraph(m.plain("About the Author".upper(), hf, a.location, bold=True),
                      s.box_heading), sect.add("H2")),
    ]
    if a.photo is not None and (a.photo.data or a.photo.path.is_file()):
        left.append(_photo(a.photo, sect.add("Figure", alt=a.photo.alt)))
    elif a.photo is not None:
        m.warnings.append(Problem(f"the author photo {a.photo.path.name} is missing",
                                  a.photo.location, severity="warning"))
    left.append(tag(Paragraph(m.plain(a.name, hf, a.location, bold=True), s.box_name),
                    sect.add("P")))
    if a.role:
        left.append(tag(Paragraph(m.plain(a.role, hf, a.location), b._style(
            s.box_text, fontName=hf.name(), textColor=s.colors.muted_on_tint, spaceAfter=8)),
            sect.add("P")))
    bio = b.display(a.bio)
    left.append(tag(Paragraph(m.text(bio, b.body, a.location, link_color=s.colors.link_on_tint),
                              s.box_text), sect.add("P", links=b.links(bio))))
    brand_link = d.brand.link
    for link in a.links:
        if link.url == brand_link:
            continue
        text = Text((Span(f"{link.label}: "), Span(link.url, href=link.url)))
        left.append(tag(Paragraph(m.text(text, b.body, a.location,
                                         link_color=s.colors.link_on_tint), s.box_text),
                        sect.add("P", links=b.links(text))))
    right: list[Flowable] = []
    qr_size = 76.0
    link_w = 0.0
    pad = 16.0
    g = s.grid
    room = g.side - pad / 2 if g.side else g.measure / 2
    size = 8.5
    if brand_link:
        shown = brand_link.split("://", 1)[-1].removeprefix("www.").rstrip("/")
        link_text = Text((Span(shown, href=brand_link),))
        link_w = stringWidth(shown, hf.name(), size) + 2
        if link_w > room:  # the address on one line: smaller, down to 7 pt, before it wraps
            size = max(7.0, size * room / link_w)
            link_w = min(room, stringWidth(shown, hf.name(), size) + 2)
        qr_link = sect.add("Link")
        right = [
            tag(QRCode(brand_link, qr_size, s.colors.on_tint),
                qr_link.add("Figure", alt=f"QR code linking to {shown}")),
            Spacer(1, 6),
            tag(Paragraph(m.text(link_text, hf, d.brand.location,
                                 link_color=s.colors.link_on_tint), b._style(
                s.box_text, fontName=hf.name(), fontSize=size, leading=11, spaceAfter=0)),
                sect.add("P", links=b.links(link_text))),
        ]
    if g.side:  # bio under the text column, QR code and link in the side column
        col = min(max(qr_size, link_w), g.side - pad / 2) if right else 0.0
        box = Columns(left, right, col, pad, g.gutter, s.colors.tint, s.colors.primary,
                      space_before=s.body.leading * 1.5, extend=g.full - g.measure,
                      right_x=g.measure + g.gutter)
    else:
        col = min(max(qr_size, link_w), g.measure / 2) if right else 0.0
        box = Columns(left, right, col, pad, pad * 1.5, s.colors.tint, s.colors.primary,
                      space_before=s.body.leading * 1.5)
    frame_h = s.grid.height - s.grid.top - s.grid.bottom
    if box.wrap(s.grid.measure, frame_h)[1] > frame_h:
        # A bio longer than a page: two columns cannot split, so let the parts flow instead.
        return Boxed([*left, *right], (pad, pad, pad, pad), fill=s.colors.tint)
    return KeepTogether([box])


def _photo(photo: Image, node: Node) -> Flowable:
    data, w, h = picture(photo)
    size = 64
    pic = tag(Picture(data, size * w / max(w, h), size * h / max(w, h)), node)
    pic.hAlign = "LEFT"
    pic.spaceAfter = 8
    return pic
