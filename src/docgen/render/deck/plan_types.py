"""The plan's plain data: slides, boxes, pictures and rectangles, all positioned in EMU."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import Problem
from docgen.render.deck.design import Style
from docgen.render.deck.fit import Para


@dataclass(frozen=True, slots=True)
class Box:
    """A text box: position and size in EMU, paragraphs already broken, one font size."""

    role: str  # title, subtitle, body, quote, attribution, caption, label, footer, callout
    x: int
    y: int
    w: int
    h: int
    paras: tuple[Para, ...]
    size: float
    font: str = "body"  # "heading" or "body": which brand family
    color: str | None = "#000000"  # None: the template's own text colour
    align: str = "l"  # l, ctr, r
    anchor: str = "t"  # t, ctr, b
    inset: int = 0
    fill: str | None = None
    lines: int = 0
    bullet_color: str | None = None  # bullets and numbers; None: the text colour
    bullet_char: str = "•"  # a character the box's font has (LibreOffice falls back to OpenSymbol)
    #: A layout placeholder to fill, as (type, idx) ("body", 1); None: a free text box. A box with
    #: no width then takes the placeholder's own position and size from the layout.
    placeholder: tuple[str, int] | None = None
    #: Styled by the template (its title style): the writer sets no bold, colour or alignment
    #: that the plan did not ask for, so the layout's own show through.
    inherit: bool = False
    #: The opening quote mark hangs left of the text by this much (EMU), so the words align.
    hang: int = 0
    #: The built-in layout placeholder's own style (and its second level's): the writer says
    #: nothing the style already says, so the runs inherit it. None: every property is written.
    style: Style | None = None
    second: Style | None = None
    #: Room kept free at the right of the text (EMU, added to the right inset): a filled card
    #: keeps its width while its words wrap where docgen chose.
    pad_right: int = 0
    #: The layout placeholder's own box: where the box is there, the slide says no geometry and
    #: inherits the layout's (so "Reset Slide" has nothing to undo).
    home: tuple[int, int, int, int] | None = None

    @property
    def plain(self) -> str:
        return "\n".join(p.plain for p in self.paras)

    @property
    def text_w(self) -> int:
        """The width the words wrap in (EMU): inside the insets and the right padding; a mark
        that hangs does so into the box's widening, or a card's padding."""
        return self.w - 2 * self.inset - self.pad_right - (0 if self.fill else self.hang)


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture fitted (aspect kept) inside the box; ``dark`` picks the logo for dark grounds."""

    path: Path
    alt: str
    x: int
    y: int
    w: int
    h: int
    align: str = "ctr"
    role: str = "image"
    svg: Path | None = None  # the vector original of ``path`` (a PNG), for viewers that take it
    #: The picture's bytes and size in pixels as the loader read them (empty: read ``path``).
    data: bytes = field(default=b"", repr=False)
    pixels: tuple[int, int] = (0, 0)
    #: A layout picture placeholder to fill, as (type, idx) ("pic", 1); None: a free picture.
    placeholder: tuple[str, int] | None = None


@dataclass(frozen=True, slots=True)
class Rect:
    """A plain filled rectangle (brand bars and rules)."""

    x: int
    y: int
    w: int
    h: int
    color: str


@dataclass(frozen=True, slots=True)
class Code:
    """A QR code drawn as one vector shape (crisp at any size), linking to ``href``."""

    x: int
    y: int
    w: int
    h: int
    modules: tuple[tuple[bool, ...], ...]  # rows top to bottom, True for dark
    color: str
    href: str
    alt: str


@dataclass(frozen=True, slots=True)
class SlidePlan:
    kind: str  # title, agenda, section, statement, quote, cards, comparison, bullets, image, ...
    layout: str  # a slide role: the template's layout for it (``Template.layout``)
    title: Box
    boxes: tuple[Box, ...] = ()
    pictures: tuple[Picture, ...] = ()
    rects: tuple[Rect, ...] = ()
    notes: str = ""
    background: str | None = None
    continued: bool = False
    codes: tuple[Code, ...] = ()


@dataclass(frozen=True, slots=True)
class DeckPlan:
    slides: tuple[SlidePlan, ...]
    width: int
    height: int
    heading_font: str
    body_font: str
    title: str
    author: str
    subject: str
    keywords: str
    language: str
    warnings: tuple[Problem, ...] = ()
