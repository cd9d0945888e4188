"""The handout's own flowables: the cover band, boxes with a rule or tint, the QR code.

Boxes are flowables that split (rather than one-cell tables, which cannot), so a very long quote or
callout flows over pages instead of failing the layout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from docgen.infra import qr
from docgen.render.pdf.images import draw_image, size
from docgen.render.pdf.styles import Grid
from docgen.render.pdf.tagging import Node, Tagged, artifact, content

Padding = tuple[float, float, float, float]  # left, right, top, bottom

#: The logo on the cover band (and the closing band): its height and its clear space above.
LOGO_HEIGHT = 34.0
LOGO_TOP = 48.0


class Boxed(Flowable):
    """Flowables inside a box with an optional tint and a rule down its left edge."""

    def __init__(
        self,
        contents: list[Flowable],
        padding: Padding,
        fill: Color | None = None,
        bar: Color | None = None,
        bar_width: float = 3,
        space_before: float = 0,
        space_after: float = 0,
        rule_above: float = 0,
        rtl: bool = False,
    ) -> None:
        super().__init__()
        self.contents = contents
        self.rtl = rtl  # right to left: the padding, the bar and the rule mirrored
        self.padding = (padding[1], padding[0], *padding[2:]) if rtl else padding
        self.fill = fill
        self.bar = bar
        self.bar_width = bar_width
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self.rule_above = rule_above  # > 0: the bar is a rule this long above, not a bar beside
        self._sizes: list[float] = []

    def _inner(self, aw: float) -> float:
        return aw - self.padding[0] - self.padding[1]

    def _gaps(self) -> list[float]:
        """Return the space above each content flowable (none above the first)."""
        gaps = [0.0]
        for prev, cur in zip(self.contents, self.contents[1:], strict=False):
            gaps.append(max(prev.getSpaceAfter(), cur.getSpaceBefore()))
        return gaps

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        inner = self._inner(aw)
        self._sizes = [f.wrap(inner, 1e6)[1] for f in self.contents]
        self.width = aw
        self.height = sum(self._sizes) + sum(self._gaps()) + self.padding[2] + self.padding[3]
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        inner = self._inner(aw)
        room = ah - self.padding[2] - self.padding[3]
        used = 0.0
        for i, (f, gap) in enumerate(zip(self.contents, self._gaps(), strict=True)):
            h = f.wrap(inner, 1e6)[1]
            if used + gap + h <= room:
                used += gap + h
                continue
            parts = f.split(inner, room - used - gap) if room - used - gap > 0 else []
            if len(parts) < 2:
                head, tail = self.contents[:i], self.contents[i:]
            else:
                head, tail = [*self.contents[:i], parts[0]], [*parts[1:], *self.contents[i + 1 :]]
            if not head:
                return []
            return [self._like(head, self.spaceBefore, 0), self._like(tail, 0, self.spaceAfter)]
        return []

    def _like(self, contents: list[Flowable], before: float, after: float) -> Boxed:
        p = self.padding
        return Boxed(contents, (p[1], p[0], *p[2:]) if self.rtl else p, self.fill, self.bar,
                     self.bar_width, before, after,
                     self.rule_above if before == self.spaceBefore else 0, self.rtl)

    def draw(self) -> None:
        canv = self.canv
        if self.fill is not None or self.bar is not None:
            with artifact(canv):
                if self.fill is not None:
                    canv.setFillColor(self.fill)
                    canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
                if self.bar is not None and self.rule_above:
                    canv.setFillColor(self.bar)
                    x = self.width - self.rule_above if self.rtl else 0
                    canv.rect(x, self.height - self.bar_width, self.rule_above, self.bar_width,
                              stroke=0, fill=1)
                elif self.bar is not None:
                    canv.setFillColor(self.bar)
                    x = self.width - self.bar_width if self.rtl else 0
                    canv.rect(x, 0, self.bar_width, self.height, stroke=0, fill=1)
        y = self.height - self.padding[2]
        for f, h, gap in zip(self.contents, self._sizes, self._gaps(), strict=True):
            y -= gap + h
            f.drawOn(canv, self.padding[0], y)


class HeaderBand(Flowable):
    """The cover band: full-bleed primary colour with the logo, title, subtitle and byline.

    It sits at the top of the first page's frame (which starts at the paper's top edge) and paints
    past the frame to both paper edges; the text stays on the column grid.
    """

    def __init__(
        self,
        contents: list[Flowable],
        grid: Grid,
        fill: Color,
        logo: Path | None,
        logo_node: Node | None = None,
        logo_height: float = LOGO_HEIGHT,
        pad_top: float = LOGO_TOP,
        pad_bottom: float = 34,
        space_after: float = 30,
    ) -> None:
        super().__init__()
        self.contents = contents
        self.grid = grid
        self.fill = fill
        self.logo = logo
        self.logo_node = logo_node
        self._logo_px = logo_size(logo) if logo else (0, 0)
        self.logo_height = logo_height
        self.pad_top = pad_top
        self.pad_bottom = pad_bottom
        self.spaceAfter = space_after
        self._sizes: list[float] = []

    def _logo_size(self) -> tuple[float, float]:
        if self.logo is None:
            return 0.0, 0.0
        w, h = self._logo_px
        scale = self.logo_height / h
        return min(w * scale, self.grid.measure), self.logo_height

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._sizes = [f.wrap(aw, 1e6)[1] for f in self.contents]
        logo = self._logo_size()[1]
        self.width = aw
        self.height = (
            self.pad_top + (logo + 26 if logo else 0) + sum(self._sizes) + self.pad_bottom
            + sum(f.getSpaceAfter() for f in self.contents[:-1])
        )
        return aw, self.height

    def draw(self) -> None:
        canv = self.canv
        with artifact(canv):
            canv.setFillColor(self.fill)
            canv.rect(-self.grid.left, 0, self.grid.width, self.height, stroke=0, fill=1)
        y = self.height - self.pad_top
        if self.logo is not None:
            h = self._logo_size()[1]
            y -= h
            with content(canv, self.logo_node) if self.logo_node else artifact(canv):
                draw_logo(canv, self.logo, self._logo_px, 0, y, h, self.grid.measure)
            y -= 26
        for f, h in zip(self.contents, self._sizes, strict=True):
            y -= h
            f.drawOn(canv, 0, y)
            y -= f.getSpaceAfter()


def draw_logo(canv: Any, logo: Path, px: tuple[float, float], x: float, y: float, h: float,
              most: float) -> None:
    """Draw ``logo`` (its size ``px``) ``h`` high, at most ``most`` wide, its foot-left at x, y."""
    if logo.suffix.lower() == ".svg":  # vector, sharp at any zoom
        from docgen.render.pdf.svgdraw import draw_svg

        draw_svg(canv, logo, x, y, min(px[0] * h / px[1], most), h)
    else:
        w = min(px[0] * h / px[1], most)
        draw_image(canv, logo, x, y, w, h, mask="auto", preserveAspectRatio=True)


def logo_size(path: Path) -> tuple[float, float]:
    """Return the logo's own size (pixels, or an SVG's user units)."""
    if path.suffix.lower() == ".svg":
        from docgen.render.pdf.svgdraw import svg_size

        return svg_size(path)
    return size(path)


class Picture(Tagged, Flowable):
    """A picture drawn from its bytes, tagged as a Figure with its alternate text.

    Drawn as reportlab's ``Image`` flowable draws (``Canvas.drawImage``, mask "auto"), through
    :func:`~docgen.render.pdf.images.draw_image`, which encodes each picture once.
    """

    def __init__(self, data: bytes, width: float, height: float) -> None:
        super().__init__()
        self.data = data
        self.width, self.height = width, height

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_image(self.canv, self.data, 0, 0, self.width, self.height, mask="auto")


class QRCode(Tagged, Flowable):
    """A QR code for ``url`` that is also a clickable link, so print and screen both lead back."""

    def __init__(self, url: str, size: float, color: Color) -> None:
        super().__init__()
        self.url = url
        self.width = self.height = size
        self.color = color

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        # The modules are painted directly: a reportlab Drawing would pull in an unembedded
        # Times-Roman as its default font state.
        modules = qr.modules(self.url)
        n = len(modules)
        cell = self.width / n
        canv = self.canv
        canv.setFillColor(self.color)
        for r, row in enumerate(modules):
            for c, dark in enumerate(row):
                if dark:
                    canv.rect(c * cell, (n - 1 - r) * cell, cell, cell, stroke=0, fill=1)
        self.canv.linkURL(self.url, (0, 0, self.width, self.height), relative=1, thickness=0)


class Label(Tagged, Flowable):
    """A one-line label in capitals, letter-spaced as capitals want (reportlab's paragraphs
    cannot space letters): ``tracking`` is a share of the size added after each letter."""

    def __init__(self, text: str, style: Any, tracking: float = 0.06) -> None:
        super().__init__()
        self.text, self.style = text, style
        self.space = tracking * style.fontSize
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = stringWidth(self.text, self.style.fontName, self.style.fontSize) \
            + self.space * (len(self.text) - 1)
        self.height = self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        canv, st = self.canv, self.style
        text = canv.beginText(0, self.height - st.fontSize)  # where a paragraph sets its line
        text.setFont(st.fontName, st.fontSize)
        text.setFillColor(st.textColor)
        text.setCharSpace(self.space)
        text.textOut(self.text)
        canv.drawText(text)


class Item(Flowable):
    """A list item: its label (a bullet) in the indent, beside the first line of its body.

    The label is drawn as the item's ``Lbl`` element; the body paragraph is the ``LBody``. A body
    that splits across pages keeps the label on its first part only.
    """

    def __init__(self, body: Flowable, label: str | None, indent: float, font: str,
                 size: float, color: Color, label_node: Node | None, rtl: bool = False) -> None:
        super().__init__()
        self.body = body
        self.rtl = rtl  # right to left: the label at the right edge, the body beside it
        self.label = label
        self.indent = indent
        self.font, self.size, self.color = font, size, color
        self.label_node = label_node

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self.body.wrap(aw - self.indent, ah)[1]
        return aw, self.height

    def getSpaceBefore(self) -> float:
        return float(self.body.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.body.getSpaceAfter())

    def split(self, aw: float, ah: float) -> list[Flowable]:
        parts = self.body.split(aw - self.indent, ah)
        if len(parts) < 2:
            return []
        first = Item(parts[0], self.label, self.indent, self.font, self.size, self.color,
                     self.label_node, self.rtl)
        rest = [Item(p, None, self.indent, self.font, self.size, self.color, None, self.rtl)
                for p in parts[1:]]
        return [first, *rest]

    def draw(self) -> None:
        canv = self.canv
        if self.label:
            style = getattr(self.body, "style", None)
            top = style.fontSize if style is not None else self.size
            with content(canv, self.label_node) if self.label_node else artifact(canv):
                canv.setFont(self.font, self.size)
                canv.setFillColor(self.color)
                if self.rtl:
                    canv.drawRightString(self.width, self.height - top, self.label)
                else:
                    canv.drawString(0, self.height - top, self.label)
        self.body.drawOn(canv, 0 if self.rtl else self.indent, 0)
