"""Text measurement with the TrueType files docgen ships.

python-pptx cannot embed fonts and PowerPoint's "shrink on overflow" only acts when a person edits
the box, so docgen decides line breaks and sizes itself. Widths come from the ``hmtx`` table of the
face the viewer will draw with (a metric twin: Carlito for Calibri, ...); characters the face lacks
are measured with DejaVu Sans, which is what LibreOffice falls back to, and characters of other
scripts with the shipped font the deck names for them (:mod:`docgen.fonts.runs`). Kerning is ignored, which
only over-estimates widths (safe for fitting).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from docgen.fonts import FONT_DIR
from docgen.fonts.metrics import advance_widths
from docgen.fonts.scripts import script

TYPE_CHECKING = False  # not typing's: type checkers treat this name as true
if TYPE_CHECKING:
    from docgen.fonts.fallback import Chain

FALLBACK = FONT_DIR / "DejaVuSans.ttf"
FALLBACK_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"

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
    widths, units_per_em = advance_widths(path)
    return Metrics(widths, units_per_em)


@cache
def _char_em(path: Path, bold: bool, char: str) -> float:
    if char in _ZERO_WIDTH:
        return 0.0
    em = metrics(path).advance(char)
    if em is None and not script(char):  # scripts with a font of their own are measured in it
        em = metrics(FALLBACK_BOLD if bold else FALLBACK).advance(char)
    if em is None:  # the font the deck names for this script (see docgen.fonts.runs)
        source = _chain().find(char)
        em = None if source is None else metrics(source.path).advance(char)
    if em is None:  # nothing has it: assume a wide glyph rather than nothing
        em = 1.0
    return em


@cache
def _chain() -> Chain:
    from docgen.fonts.fallback import Chain  # only for text beyond the brand's and DejaVu's

    return Chain(system=False)


def text_width(text: str, path: Path, size: float, bold: bool = False) -> float:
    """Return the width in points of ``text`` set in the face at ``path`` at ``size`` points."""
    return size * _text_em(text, path, bold)


@lru_cache(maxsize=1 << 16)
def _text_em(text: str, path: Path, bold: bool) -> float:
    """Width of ``text`` in em, summed in the same order as before caching (same floats).

    Why cached: the planner measures the same words again at every candidate size and page split,
    and a long article repeats its vocabulary; a bounded cache keeps ``watch`` from growing.
    """
    return sum(_char_em(path, bold, c) for c in text)


text_em = _text_em  # public name for :mod:`lines`, which measures run texts once per face


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


@dataclass(frozen=True, slots=True)
class _Word:
    """A word of :func:`_tokens`, with what :func:`break_lines` needs at any size precomputed."""

    parts: tuple[tuple[str, Piece], ...]
    text: str
    ink_em: tuple[float, ...]  # per part, trailing spaces excluded
    space_em: tuple[float, ...]  # per part, trailing spaces only
    pieces: tuple[Piece, ...]


@lru_cache(maxsize=4096)
def _words(pieces: tuple[Piece, ...]) -> tuple[_Word, ...]:
    """Return the words of ``pieces`` with their widths in em (cached: fitting tries many sizes)."""
    out = []
    for word in _tokens(pieces):
        ink = [(t.rstrip(" "), p) for t, p in word]
        out.append(_Word(
            tuple(word),
            "".join(t for t, _ in word),
            tuple(_text_em(t, p.font, p.bold) for t, p in ink),
            tuple(_text_em(t[len(t.rstrip(" ")) :], p.font, p.bold) for t, p in word),
            tuple(Piece(t, p.font, p.bold, p.key) for t, p in word),
        ))
    return tuple(out)


def break_lines(pieces: Sequence[Piece], width: float, size: float) -> Layout:
    """Break styled text greedily into lines no wider than ``width`` points at ``size`` points.

    Trailing spaces do not count (viewers let them hang). A word wider than the whole line is split
    at character level, with a soft break at each split so the viewer breaks it there too.
    """
    return _break_lines(tuple(pieces), width, size)


@lru_cache(maxsize=8192)
def _break_lines(pieces: tuple[Piece, ...], width: float, size: float) -> Layout:
    """:func:`break_lines`, memoized: pagination re-lays out the same paragraph at the same size."""
    lines: list[str] = []
    out: list[Piece] = []
    line, line_w, pending_space = "", 0.0, 0.0
    for w in _words(pieces):
        word_w = sum(size * e for e in w.ink_em)  # == text_width(...) summed, bit for bit
        word_text = w.text
        space_w = sum(size * e for e in w.space_em)
        if line and line_w + pending_space + word_w <= width:
            line += word_text
            line_w += pending_space + word_w
            pending_space = space_w
            out.extend(w.pieces)
            continue
        if line:
            lines.append(line.rstrip(" "))
            line, line_w, pending_space = "", 0.0, 0.0
        if word_w <= width:
            line, line_w, pending_space = word_text, word_w, space_w
            out.extend(w.pieces)
            continue
        # A word wider than the box: split it into chunks that each fill a line.
        for text, piece in w.parts:
            chunk = ""
            for ch in text:
                cw = text_width(ch, piece.font, size, piece.bold)
                if ch != " " and line_w + cw > width and line:
                    lines.append(line)
                    out.append(Piece(chunk + SOFT_BREAK, piece.font, piece.bold, piece.key))
                    line, line_w, chunk = "", 0.0, ""
                line += ch
                chunk += ch
                if ch != " ":
                    line_w += cw
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
