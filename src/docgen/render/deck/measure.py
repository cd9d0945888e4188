"""Text measurement with the TrueType files docgen ships.

python-pptx cannot embed fonts and PowerPoint's "shrink on overflow" only acts when a person edits
the box, so docgen decides line breaks and sizes itself. Widths come from the ``hmtx`` table of the
face the viewer will draw with (a metric twin: Carlito for Calibri, ...); characters the face lacks
are measured with DejaVu Sans, which is what LibreOffice falls back to. Kerning is ignored, which
only over-estimates widths (safe for fitting).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FALLBACK = FONTS_DIR / "DejaVuSans.ttf"
FALLBACK_BOLD = FONTS_DIR / "DejaVuSans-Bold.ttf"

#: Family name in the source -> family name the deck asks for. The viewer has the right-hand name
#: (or maps it back to the twin, as LibreOffice does for Calibri -> Carlito), and both have the same
#: advance widths, so measuring with the shipped file predicts the viewer's line breaks.
TWINS: dict[str, str] = {
    "Carlito": "Calibri",
    "Caladea": "Cambria",
    "Liberation Sans": "Arial",
    "Liberation Serif": "Times New Roman",
    "Liberation Mono": "Courier New",
    "Arimo": "Arial",
    "Tinos": "Times New Roman",
    "Cousine": "Courier New",
}

#: Soft break inserted into a word wider than its box, so the viewer breaks it where docgen did.
SOFT_BREAK = "\u200b"
_ZERO_WIDTH = {SOFT_BREAK, "\u200c", "\u200d", "\ufeff", "\u00ad"}

#: Line pitch as a multiple of the size; the writer sets exactly this spacing on every paragraph.
LINE_PITCH = 1.2


def deck_font_name(family: str) -> str:
    """Return the font name to write into the deck for a source family name."""
    return TWINS.get(family, family)


@dataclass(frozen=True, slots=True)
class Metrics:
    """Advance widths of one face, in font units, and its units per em."""

    widths: dict[int, int]
    units_per_em: int

    def advance(self, char: str) -> float | None:
        """Return the advance of ``char`` in em, or None when the face lacks it."""
        w = self.widths.get(ord(char))
        return None if w is None else w / self.units_per_em


@cache
def metrics(path: Path) -> Metrics:
    """Load (once per process) the advance widths of a TrueType file, keyed by code point."""
    # fontTools warns about the shipped fonts' zero 'created' date; it is harmless here.
    logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)
    font = TTFont(str(path), lazy=True)
    hmtx = font["hmtx"].metrics
    cmap = font.getBestCmap() or {}
    widths = {cp: hmtx[name][0] for cp, name in cmap.items() if name in hmtx}
    upm = int(font["head"].unitsPerEm)
    font.close()
    return Metrics(widths, upm)


@cache
def _char_em(path: Path, bold: bool, char: str) -> float:
    if char in _ZERO_WIDTH:
        return 0.0
    em = metrics(path).advance(char)
    if em is None:
        em = metrics(FALLBACK_BOLD if bold else FALLBACK).advance(char)
    if em is None:  # not even in DejaVu: assume a wide glyph rather than nothing
        em = 1.0
    return em


def text_width(text: str, path: Path, size: float, bold: bool = False) -> float:
    """Return the width in points of ``text`` set in the face at ``path`` at ``size`` points."""
    return size * sum(_char_em(path, bold, c) for c in text)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text in one face: what the line breaker works on."""

    text: str
    font: Path
    bold: bool = False
    key: int = 0


@dataclass(frozen=True, slots=True)
class Layout:
    """The result of breaking text: lines (as plain strings) and the text with soft breaks added."""

    lines: tuple[str, ...]
    pieces: tuple[Piece, ...]

    @property
    def count(self) -> int:
        return len(self.lines)


def _tokens(pieces: Sequence[Piece]) -> list[list[tuple[str, Piece]]]:
    """Split styled pieces into words (a word keeps its trailing spaces and may span pieces)."""
    words: list[list[tuple[str, Piece]]] = []
    current: list[tuple[str, Piece]] = []
    for piece in pieces:
        buf = ""
        if current and current[-1][0].endswith(" ") and not piece.text.startswith(" "):
            words.append(current)
            current = []
        for ch in piece.text:
            if buf and ch != " " and buf[-1] == " ":
                current.append((buf, piece))
                words.append(current)
                current, buf = [], ""
            buf += ch
        if buf:
            current.append((buf, piece))
    if current:
        words.append(current)
    return words


def break_lines(pieces: Sequence[Piece], width: float, size: float) -> Layout:
    """Break styled text greedily into lines no wider than ``width`` points at ``size`` points.

    Trailing spaces do not count (viewers let them hang). A word wider than the whole line is split
    at character level, with a soft break at each split so the viewer breaks it there too.
    """
    lines: list[str] = []
    out: list[Piece] = []
    line, line_w, pending_space = "", 0.0, 0.0
    for word in _tokens(pieces):
        ink = [(t.rstrip(" "), p) for t, p in word]
        word_w = sum(text_width(t, p.font, size, p.bold) for t, p in ink)
        word_text = "".join(t for t, _ in word)
        space_w = sum(text_width(t[len(t.rstrip(" ")) :], p.font, size, p.bold) for t, p in word)
        if line and line_w + pending_space + word_w <= width:
            line += word_text
            line_w += pending_space + word_w
            pending_space = space_w
            out.extend(Piece(t, p.font, p.bold, p.key) for t, p in word)
            continue
        if line:
            lines.append(line.rstrip(" "))
            line, line_w, pending_space = "", 0.0, 0.0
        if word_w <= width:
            line, line_w, pending_space = word_text, word_w, space_w
            out.extend(Piece(t, p.font, p.bold, p.key) for t, p in word)
            continue
        # A word wider than the box: split it into chunks that each fill a line.
        for text, piece in word:
            chunk = ""
            for ch in text:
                w = text_width(ch, piece.font, size, piece.bold)
                if ch != " " and line_w + w > width and line:
                    lines.append(line)
                    out.append(Piece(chunk + SOFT_BREAK, piece.font, piece.bold, piece.key))
                    line, line_w, chunk = "", 0.0, ""
                line += ch
                chunk += ch
                if ch != " ":
                    line_w += w
            if chunk:
                out.append(Piece(chunk, piece.font, piece.bold, piece.key))
        pending_space = space_w
    if line or not lines:
        lines.append(line.rstrip(" "))
    return Layout(tuple(lines), tuple(_merge(out)))


def _merge(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for p in pieces:
        last = merged[-1] if merged else None
        if last and (last.font, last.bold, last.key) == (p.font, p.bold, p.key):
            merged[-1] = Piece(last.text + p.text, p.font, p.bold, p.key)
        else:
            merged.append(p)
    return merged


def text_height(line_count: int, size: float) -> float:
    """Return the height in points of ``line_count`` lines at ``size`` with docgen's line pitch."""
    return line_count * size * LINE_PITCH
