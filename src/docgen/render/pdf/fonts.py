"""Fonts for the handout: register brand families with reportlab and check glyph coverage.

reportlab draws a missing glyph as a blank or a box without complaint, so every character is
checked against the cmap of the face that will draw it before anything is laid out. Characters the
brand face lacks fall back to the shipped DejaVu Sans; characters no shipped font has stop the
build.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from docgen.errors import DocgenError, Location, Problem
from docgen.fonts import FONT_DIR
from docgen.fonts.metrics import advance_widths
from docgen.model import FontFace, FontFamily
from docgen.render.pdf.facecache import load_font

FALLBACK = FontFamily(
    "DejaVuSans",
    (
        FontFace(FONT_DIR / "DejaVuSans.ttf"),
        FontFace(FONT_DIR / "DejaVuSans-Bold.ttf", bold=True),
    ),
)
_STYLES = ((False, False), (True, False), (False, True), (True, True))
# Whitespace that reportlab collapses into a word break: never drawn, so never checked.
_COLLAPSED = frozenset("\n\r\t\f\v")


@dataclass(frozen=True)
class Registered:
    """A family as reportlab knows it: one registered font name per (bold, italic) style."""

    family: FontFamily
    names: tuple[tuple[tuple[bool, bool], str], ...]

    def name(self, bold: bool = False, italic: bool = False) -> str:
        """Return the reportlab font name that draws this style."""
        return dict(self.names)[(bold, italic)]

    def path(self, bold: bool = False, italic: bool = False) -> Path:
        return self.family.face(bold, italic).path


def _font_name(face: FontFace) -> str:
    """Name a face by its file so two brands with a same-named family never collide."""
    digest = hashlib.sha1(str(face.path.resolve()).encode()).hexdigest()[:8]
    return f"{face.path.stem}-{digest}"


@lru_cache(maxsize=64)
def register(family: FontFamily, where: Location | None = None) -> Registered:
    """Register the faces of ``family`` once, tied together so <b> and <i> use real faces."""
    names: dict[tuple[bool, bool], str] = {}
    for bold, italic in _STYLES:
        face = family.face(bold, italic)
        name = _font_name(face)
        if name not in pdfmetrics.getRegisteredFontNames():
            try:
                pdfmetrics.registerFont(load_font(name, face.path))
            except (TTFError, OSError) as exc:
                raise DocgenError(
                    Problem(
                        f"cannot use the font file {face.path.name} of family {family.name}: {exc}",
                        where,
                        hint="use TrueType-outline .ttf files; CFF-based .otf files do not load",
                    )
                ) from exc
        names[(bold, italic)] = name
    pdfmetrics.registerFontFamily(
        names[(False, False)],
        normal=names[(False, False)],
        bold=names[(True, False)],
        italic=names[(False, True)],
        boldItalic=names[(True, True)],
    )
    return Registered(family, tuple(sorted(names.items())))


@lru_cache(maxsize=64)
def coverage(path: Path) -> frozenset[int]:
    """Return the code points a font file maps to glyphs, in the Basic Multilingual Plane only.

    reportlab's TrueType subsetter keeps 16-bit codes, so a character beyond U+FFFF would be
    written with the wrong code and extract as a different character: better refused than wrong.
    """
    return frozenset(c for c in advance_widths(path)[0] if c <= 0xFFFF)


def fallback() -> Registered:
    """Return the shipped wide-coverage family (Latin, Greek, Cyrillic and many symbols).

    Registered on first use only: most articles never need it, and parsing it costs a cold build
    more than anything else about fonts.
    """
    return register(FALLBACK)


def describe(ch: str) -> str:
    """Name a character the way Unicode charts do: U+2603 SNOWMAN."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"


def runs(
    text: str, fam: Registered, bold: bool, italic: bool
) -> tuple[list[tuple[str, str | None]], list[str]]:
    """Split ``text`` into (chunk, fallback font name or None) runs, plus the undrawable characters.

    None means the brand face draws the chunk. The fallback is named by its exact face because a
    reportlab <font name> tag resets the weight of the text inside it. Undrawable characters are
    left out of the runs; the caller reports them (see :func:`missing_problem`) and stops the build.
    """
    own = coverage(fam.path(bold, italic))
    spare = coverage(FALLBACK.face(bold, italic).path)
    out: list[tuple[str, str | None]] = []
    missing: list[str] = []
    chunk: list[str] = []
    current: str | None = None
    for ch in text:
        if ch in _COLLAPSED or ord(ch) in own:
            font = None
        elif ord(ch) in spare:
            font = fallback().name(bold, italic)
        else:
            if ch not in missing:
                missing.append(ch)
            continue
        if font != current and chunk:
            out.append(("".join(chunk), current))
            chunk = []
        current = font
        chunk.append(ch)
    if chunk:
        out.append(("".join(chunk), current))
    return out, missing


def missing_problem(ch: str, text: str, where: Location | None) -> Problem:
    """Describe a character no shipped font can draw, with a few words around it."""
    i = text.index(ch)
    start, end = max(0, i - 20), min(len(text), i + 21)
    context = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return Problem(
        f"no font can draw the character {describe(ch)} in “{context}”",
        where,
        hint="replace or remove it; emoji and rare scripts are not supported",
    )
