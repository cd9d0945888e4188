"""The document model: what every reader produces and every renderer reads.

Frozen dataclasses with no I/O. Text is stored as it was typed (NFC-normalised); inline emphasis and
links are already parsed into :class:`Span` runs, so renderers never interpret the text themselves.
Every element keeps its :class:`~docgen.errors.Location` so a renderer can point a warning at a line.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from docgen.errors import Location

NOWHERE = Location("<built-in>")


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one style; ``href`` is set for a link (http, https or mailto only);
    ``code`` for a code span (`` `invoke build` ``), which renderers set in a monospaced face."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    code: bool = False


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Return ``spans`` with neighbours of the same style (bold, italic, link, code) joined."""
    out: list[Span] = []
    for (bold, italic, href, code), group in groupby(spans, lambda s: (s.bold, s.italic, s.href,
                                                                        s.code)):
        same = list(group)
        out.append(Span("".join(s.text for s in same), bold, italic, href, code) if len(same) > 1
                   else same[0])
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Text:
    """Inline text: the runs of a paragraph, a heading, a quote or a list item."""

    spans: tuple[Span, ...]

    @property
    def plain(self) -> str:
        """Return the text as a reader sees it, without styling."""
        return "".join(s.text for s in self.spans)

    def __str__(self) -> str:
        return self.plain


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of inline text."""

    text: Text
    location: Location = NOWHERE


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation; renderers add the typographic quote marks, the source holds only the words."""

    text: Text
    by: str | None = None
    location: Location = NOWHERE
    #: The section's hero quote: the deck gives it a slide of its own, the handout sets it large.
    featured: bool = False
    #: The key point (1-based, in its section's ``key_points``) this quote backs, when the
    #: marketer names it; None: the deck matches points to quotes by their words.
    point: int | None = None


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted list."""

    items: tuple[Text, ...]
    location: Location = NOWHERE


@dataclass(frozen=True, slots=True)
class Image:
    """A picture; ``path`` is resolved, checked to be inside the article's folder.

    The loader reads and checks the file once and keeps its bytes and size in pixels here, so no
    renderer opens it again (a model built in code may leave them out: see
    :func:`docgen.render.picture`).
    """

    path: Path
    alt: str
    caption: Text | None = None
    width_px: int = 0
    height_px: int = 0
    location: Location = NOWHERE
    data: bytes = field(default=b"", repr=False)


@dataclass(frozen=True, slots=True)
class Callout:
    """A highlighted key takeaway."""

    text: Text
    location: Location = NOWHERE


Block = Paragraph | Quote | ListBlock | Image | Callout


@dataclass(frozen=True, slots=True)
class DeckHints:
    """How the deck treats a section."""

    skip: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    """A section: its heading, its blocks and the key points for the deck."""

    heading: Text
    blocks: tuple[Block, ...]
    key_points: tuple[Text, ...] = ()
    deck: DeckHints = field(default_factory=DeckHints)
    location: Location = NOWHERE


@dataclass(frozen=True, slots=True)
class Link:
    """A labelled link (http, https or mailto)."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Author:
    """Who wrote the article, shown in 'About the Author'."""

    name: str
    bio: Text
    role: str | None = None
    photo: Image | None = None
    links: tuple[Link, ...] = ()
    location: Location = NOWHERE


@dataclass(frozen=True, slots=True)
class CallToAction:
    """What the audience should do next: a short line and the link it leads to."""

    text: Text
    link: str | None = None
    location: Location = NOWHERE


@dataclass(frozen=True, slots=True)
class FontFace:
    """One TrueType file of a family, by weight (400 or 700) and style."""

    path: Path
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class FontFamily:
    """A family of up to four faces; missing faces fall back to the nearest one that exists."""

    name: str
    faces: tuple[FontFace, ...]

    def face(self, bold: bool = False, italic: bool = False) -> FontFace:
        """Return the face for the style, or the closest available one."""
        for want in ((bold, italic), (bold, False), (False, italic), (False, False)):
            for f in self.faces:
                if (f.bold, f.italic) == want:
                    return f
        return self.faces[0]


@dataclass(frozen=True, slots=True)
class Palette:
    """The colours docgen uses, as ``#RRGGBB``."""

    primary: str
    secondary: str
    accent: str
    foreground: str
    background: str
    muted: str
    light: str
    heading: str = ""  # typography.headings.color; empty: the primary colour
    link: str = ""  # typography.link.color or color.link; empty: the primary colour


@dataclass(frozen=True, slots=True)
class Brand:
    """The look of the outputs: colours, fonts, logos, footer, page size and deck template."""

    name: str
    palette: Palette
    body_font: FontFamily
    heading_font: FontFamily
    link: str | None = None
    footer: str | None = None
    logo: Path | None = None
    logo_on_dark: Path | None = None
    logo_alt: str = ""
    heading_bold: bool = True  # typography.headings.weight 600 or more (or not given)
    page_size: str = "letter"
    template: Path | None = None
    path: Path | None = None
    location: Location = NOWHERE
    template_location: Location = NOWHERE  # the brand file's ``template:`` line, for its errors
    pdf_standard: str | None = None  # defaults.docgen.pdf-standard: the article's pdf: wins


@dataclass(frozen=True, slots=True)
class Document:
    """One article, ready for any renderer."""

    title: Text
    slug: str
    author: Author
    sections: tuple[Section, ...]
    brand: Brand
    source: Path
    subtitle: Text | None = None
    date: _dt.date | None = None
    language: str = "en"
    summary: str | None = None
    keywords: tuple[str, ...] = ()
    intro: tuple[Block, ...] = ()
    pdf_standard: str | None = None  # "pdf/a-2b" for an archival handout (always PDF/UA-1)
    location: Location = NOWHERE
    cta: CallToAction | None = None
    slug_location: Location = NOWHERE  # the ``slug:`` line, else ``title:``: where a name clashes

    @property
    def folder(self) -> Path:
        """Return the article's folder: every asset lives inside it."""
        return self.source.parent
