"""The slide's frame: its size, the grid scaled to it, and in template mode what each layout offers.

docgen's grid was drawn for 13.333 x 7.5 in. Lengths and type sizes scale with the slide's
*height* (PowerPoint's 4:3 and 16:9 templates share a 7.5 in height and their type sizes), widths
follow the slide's width, so a 10 x 7.5 in slide gets narrower boxes at the same sizes and a
10 x 5.625 in one everything at three quarters. With a corporate template the title boxes, the
text placeholders, the footer, the background and the template's own art come from its layouts
(:func:`from_template`), so docgen writes into the template instead of painting over it.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.colour import contrast
from docgen.fonts import bundled_family
from docgen.model import FontFamily
from docgen.render.deck.ground import Theme, art_boxes, background, filled_shapes, overlaps
from docgen.render.deck.layouts import TITLE_TYPES, Layout
from docgen.render.deck.measure import LINE_PITCH
from docgen.render.deck.opc import names as n
from docgen.render.deck.opc.reader import TemplatePackage

IN = 914400
REF_W, REF_H = 12192000, 6858000  # the grid's reference: 13.333 x 7.5 in

Rect4 = tuple[int, int, int, int]
Slot = tuple[str, int, Rect4]  # a layout placeholder: type, idx, box

#: Theme fonts docgen measures exactly: the name in the theme -> the shipped metric twin.
_MEASURABLE = {"calibri": "Carlito", "carlito": "Carlito", "cambria": "Caladea",
               "caladea": "Caladea", "dejavu sans": "DejaVu Sans"}


@dataclass(frozen=True, eq=False)
class Role:
    """What one layout (title, section or content) offers docgen in template mode."""

    title: Rect4 | None  # the title placeholder's box; None: the title goes in a text box
    title_size: float | None  # the template's title size in points, if it states one
    title_ink: str | None  # the template's title colour, for a title in a text box
    text: Slot | None  # a subtitle or body placeholder (title and section slides)
    footer: Slot | None  # the layout's footer placeholder
    text_ink: str | None  # the layout's text colour (tx1 through its colour map)
    ground: str | None  # the background colour, None when a picture, gradient or unknown
    art: tuple[Rect4, ...] = ()  # the template's own shapes and the layout's placeholders
    pictures: tuple[Rect4, ...] = ()  # the template's pictures: the ground under them is unknown
    fills: tuple[tuple[Rect4, str | None], ...] = ()  # its filled shapes and their colours


@dataclass(frozen=True, eq=False)
class Frame:
    """The slide size and, for a corporate template, its roles and fonts (None: docgen's look)."""

    width: int = REF_W
    height: int = REF_H
    roles: dict[str, Role] | None = None
    fonts: tuple[FontFamily | None, FontFamily | None] = (None, None)  # heading, body (theme's)
    text_ink: str | None = None  # the theme's text colour (dk1 through the colour map)

    @property
    def template(self) -> bool:
        return self.roles is not None

    @property
    def scale(self) -> float:
        return self.height / REF_H

    def len(self, inches: float) -> int:
        """A length of the reference grid, scaled to this slide."""
        return int(inches * IN * self.scale)

    @property
    def margin(self) -> int:
        return self.len(0.6)

    @property
    def content_w(self) -> int:
        return self.width - 2 * self.margin

    @property
    def body_y(self) -> int:
        content = self.roles["content"] if self.roles else None
        if content is not None and content.title is not None:
            _, y, _, h = content.title
            return max(min(y + h + self.len(0.25), self.len(2.6)), self.len(1.2))
        return self.len(2.4)

    @property
    def body_bottom(self) -> int:
        bottom = self.len(6.55)
        content = self.roles["content"] if self.roles else None
        if content is not None and content.footer is not None:
            bottom = min(bottom, content.footer[2][1] - self.len(0.1))
        return max(bottom, self.body_y + self.len(2.5))

    @property
    def body_h(self) -> int:
        return self.body_bottom - self.body_y

    def title(self, kind: str) -> tuple[Rect4, float, float, str]:
        """The title box of ``kind`` (content, section, title), its largest size, floor, anchor."""
        m, cw = self.margin, self.content_w
        from docgen.render.deck import design as d  # docgen's grid

        rect = {"content": d.TITLE_RECT, "section": d.SECTION_TITLE, "title": d.COVER_TITLE}[kind]
        y, w, h = (self.len(v / IN) for v in rect[1:])
        floor = (28.0 if kind == "content" else 36.0) if self.roles is None else (
            24.0 if kind == "content" else 32.0)  # a template's title boxes are its own size
        own = ((m, y, min(w, cw), h), d.TITLE if kind == "content" else d.DISPLAY, floor, "t")
        role = self.roles.get(kind) if self.roles else None
        if role is None:
            return own
        if role.title is None:  # a text box on docgen's grid, at the master's title size
            top = role.title_size / self.scale if role.title_size else own[1]
            return own[0], top, min(own[2], top), own[3]
        top = role.title_size / self.scale if role.title_size else own[1]
        floor = min(own[2], top * 0.8)  # a claim may step down a little to fit the box
        x, y, w, h = role.title
        line = int(floor * self.scale * LINE_PITCH * 12700 * 1.05)  # one line at the floor
        return self.inside((x, y, w, max(h, line))), top, floor, ""

    def grounds_at(self, role: str, rect: Rect4) -> list[str] | None:
        """The colours behind ``rect`` on a slide of ``role`` (the background and any of the
        template's filled shapes under it), or None where a picture, gradient or unknown is."""
        found = self.roles[role] if self.roles else None
        if found is None or found.ground is None or any(overlaps(rect, p) for p in found.pictures):
            return None
        grounds = [found.ground]
        for box, colour in found.fills:
            if overlaps(rect, box):
                if colour is None:
                    return None
                grounds.append(colour)
        return grounds

    def ink(self, role: str, rect: Rect4, want: str, ratio: float = 4.5) -> str | None:
        """The colour for docgen's text in ``rect``: ``want`` where it reads on all that is behind,
        else the template's text colour where that reads, else black or white, else (on a picture
        or gradient) the layout's title colour, readable on its art as the template was designed."""
        found = self.roles[role] if self.roles else None
        if found is None:
            return want
        grounds = self.grounds_at(role, rect)
        if grounds is None:
            return found.title_ink
        for colour in (want, found.text_ink or ""):
            if colour and reads(colour, grounds, ratio):
                return colour
        return max(("#000000", "#FFFFFF"), key=lambda c: min(contrast(c, g) for g in grounds))

    def inside(self, rect: Rect4) -> Rect4:
        """``rect`` moved and cut to lie on the slide."""
        x, y, w, h = rect
        x, y = max(0, min(x, self.width - 1)), max(0, min(y, self.height - 1))
        return x, y, min(w, self.width - x), min(h, self.height - y)


def reads(colour: str, grounds: list[str] | None, ratio: float = 4.5) -> bool:
    """Whether ``colour`` reads (WCAG) on every one of ``grounds`` (None: unknown, so no)."""
    return grounds is not None and all(contrast(colour, g) >= ratio for g in grounds)


def from_template(width: int, height: int, roles: dict[str, Layout],
                  package: TemplatePackage) -> Frame:
    """Return the frame of a corporate template whose layout for each role is ``roles``."""
    out: dict[str, Role] = {}
    fonts: tuple[FontFamily | None, FontFamily | None] = (None, None)
    text_ink = None
    for key, lay in roles.items():
        theme = Theme(package, lay.master, lay.part)
        ground, _ = background(lay.part, lay.master, theme)
        title = lay.title
        text = next((p for p in lay.placeholders if p.type == "subTitle"), None) or next(
            (p for p in lay.placeholders if p.type in ("body", "obj") and p.rect), None)
        footer = lay.placeholder("ftr")
        boxes = [p.rect for p in lay.placeholders if p.rect and p.type not in TITLE_TYPES]
        out[key] = Role(
            title.rect if title and title.rect else None,
            _title_size(lay),
            _title_ink(lay, theme),
            (text.type, text.idx, text.rect) if text and text.rect else None,
            (footer.type, footer.idx, footer.rect) if footer and footer.rect else None,
            theme.text(lay.master),
            ground,
            tuple(art_boxes(lay.part, lay.master)) + tuple(boxes),
            tuple(art_boxes(lay.part, lay.master, pictures=True)),
            tuple(filled_shapes(lay.part, lay.master, theme)),
        )
        if key == "content":
            # Headings are measured for both the theme's heading font and the title style's own.
            title_font = _title_font(lay, theme)
            heading = _family(theme.fonts[0])
            if title_font and _family(title_font) != heading:
                heading = _family("")
            fonts = (heading, _family(theme.fonts[1]))
            text_ink = theme.text(lay.master)
    return Frame(width, height, out, fonts, text_ink)


def _family(name: str) -> FontFamily | None:
    """The shipped family to measure the theme font ``name`` with: its metric twin, else DejaVu
    Sans, wider than nearly every text face, so a fit measured with it never overflows."""
    return bundled_family(_MEASURABLE.get(name.strip().lower(), "DejaVu Sans"))


_P = f"{{{n.P}}}"
_A = f"{{{n.A}}}"


def _title_font(lay: Layout, theme: Theme) -> str:
    """The font the master's title style names ("+mj-lt" resolved to the theme's), or ""."""
    master = lay.master.root
    latin = master.find(f"{_P}txStyles/{_P}titleStyle/{_A}lvl1pPr/{_A}defRPr/{_A}latin") \
        if master is not None else None
    face = latin.get("typeface", "") if latin is not None else ""
    return {"+mj-lt": theme.fonts[0], "+mn-lt": theme.fonts[1]}.get(face, face)


def _title_size(lay: Layout) -> float | None:
    """The title's size in points: the layout placeholder's list style, else the master's."""
    for part, path in ((lay.part, f"{_P}cSld/{_P}spTree"), (lay.master, f"{_P}cSld/{_P}spTree")):
        tree = part.root.find(path) if part.root is not None else None
        for shape in tree if tree is not None else ():
            ph = shape.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
            if ph is None or ph.get("type") not in TITLE_TYPES:
                continue
            rpr = shape.find(f"{_P}txBody/{_A}lstStyle/{_A}lvl1pPr/{_A}defRPr")
            if rpr is not None and rpr.get("sz", "").isdigit():
                return int(rpr.get("sz", "0")) / 100
    master = lay.master.root
    rpr = master.find(f"{_P}txStyles/{_P}titleStyle/{_A}lvl1pPr/{_A}defRPr") if master is not None else None
    if rpr is not None and rpr.get("sz", "").isdigit():
        return int(rpr.get("sz", "0")) / 100
    return None


def _title_ink(lay: Layout, theme: Theme) -> str | None:
    """The title's colour: the layout placeholder's list style, else the master's title style."""
    tree = lay.part.root.find(f"{_P}cSld/{_P}spTree") if lay.part.root is not None else None
    for shape in tree if tree is not None else ():
        ph = shape.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
        fill = shape.find(f"{_P}txBody/{_A}lstStyle/{_A}lvl1pPr/{_A}defRPr/{_A}solidFill")
        if ph is not None and ph.get("type") in TITLE_TYPES and fill is not None and len(fill):
            return theme.colour(fill[0])
    master = lay.master.root
    fill = master.find(f"{_P}txStyles/{_P}titleStyle/{_A}lvl1pPr/{_A}defRPr/{_A}solidFill") \
        if master is not None else None
    if fill is not None and len(fill):
        return theme.colour(fill[0])
    return theme.colours.get(theme.map.get("tx1", "dk1"))
