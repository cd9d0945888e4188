"""The deck's typography, through the module both renderers share (:mod:`docgen.typography`).

Display text is smartened in the article's language (dashes, curly quotes, no-break spaces before
dashes and after one-letter words); quotes lose marks typed around them, nest the quotes inside
them and take the language's own marks. Titles and quotes break into balanced lines (no word left
alone on the last line) by the viewer's own wrapping: docgen chooses the box's width
(:func:`good_width`), never writes a line break, so an edited slide wraps as it should.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from docgen.model import FontFamily, Span, Text
from docgen.render.deck.fit import INDENT_EM, Para
from docgen.render.deck.lines import faces, group_words
from docgen.render.deck.measure import SOFT_BREAK, text_width
from docgen.typography import (
    greedy_breaks,
    narrowest_limit,
    nest_quotes,
    quote_marks,
    sense_breaks,
    smarten,
    unquote,
)

#: A line break inside a paragraph (``a:br``) as python-pptx reads it back ("\v"); docgen
#: writes none of its own.
BREAK = "\v"


def display(text: Text | str, language: str) -> Text:
    """Return ``text`` as the deck prints it: typographic dashes, quotes, spaces."""
    if isinstance(text, str):
        text = Text((Span(text),))
    return smarten(text, language)


@lru_cache(maxsize=4096)
def quoted_words(text: Text, language: str) -> Text:
    """A quotation's words as printed inside its marks: typed marks gone, inner quotes nested
    (remembered: the slide, its title and its notes print the same quote)."""
    return nest_quotes(smarten(unquote(text), language), language)


def marks(language: str) -> tuple[str, str]:
    """The language's opening and closing quote marks."""
    opening, closing, _, _ = quote_marks(language)
    return opening, closing


def _widths(para: Para, family: FontFamily, size: float) -> tuple[list[float], float] | None:
    """The widths of ``para``'s words at ``size`` (points) and of a space, as the line counter
    measures them; None for a paragraph with a word split inside it."""
    if any(SOFT_BREAK in r.text or BREAK in r.text for r in para.runs):
        return None
    words = group_words(para.runs, faces(family))
    widths = [size * w[0] if type(w) is tuple else sum(size * e for e, _ in w)  # type: ignore[misc]
              for w in words]
    return widths, text_width(" ", family.face(False, False).path, size)


def good_width(paras: Sequence[Para], family: FontFamily, width: float, size: float,
               even: bool | None = None) -> float:
    """Return the text width (points, at most ``width``) at which the viewer's own wrapping gives
    ``paras`` good lines, so no line break need be written into the text.

    ``even``: lines as even as possible (titles, statements: no line holds one word). Otherwise
    the greedy lines at the widest width whose last line holds two words and a third of the
    measure. None: even for a single paragraph of up to three lines. A two-line text ends its
    first line where a clause ends when that keeps the lines near enough in length. At the width
    chosen the lines stay as good up to 2 % wider, so a viewer that kerns (its lines a little
    shorter than docgen measures them) breaks as docgen did (1 % for long texts, whose lines
    only need to keep their number and a last line of two words). A list gets one width for all its
    paragraphs; a bullet's lines are measured inside its hanging indent.
    """
    measured = []
    for p in paras:
        found = _widths(p, family, size)
        if found is None:
            return width
        indent = INDENT_EM * size if p.bullet or p.number else 0.0
        measured.append((found[0], found[1], indent))
    if not measured:
        return width

    def breaks(limit: float) -> list[list[int]]:
        return [greedy_breaks(w, sp, limit - ind) for w, sp, ind in measured]

    def stable(limit: float) -> bool:  # viewers kern: their lines may take a little more
        return breaks(limit) == breaks(limit * (1 + _SLACK))

    full = breaks(width)
    if all(len(b) < 2 for b in full):
        return width
    if even is None:
        even = len(measured) == 1 and len(full[0]) <= 3
    if even and len(measured) == 1:
        widths, space, indent = measured[0]
        texts = [w for w in paras[0].plain.split(" ") if w]
        if len(texts) == len(widths):  # even lines that also break on sense, if a width gives them
            lo, hi = _range(widths, space, sense_breaks(widths, space, width - indent, texts))
            target = lo * (1 + _SLACK / 4) + indent
            if target * (1 + _SLACK) < hi + indent and target <= width:
                return target
        clause = _clause_width(paras[0], widths, space, width - indent, len(full[0]))
        if clause is not None:
            target = min(clause * (1 + _SLACK / 4) + indent, width)
            if len(breaks(target)[0]) == len(full[0]) and stable(target):
                return target
        limit = _even_limit(widths, space, width - indent, len(full[0])) + indent
        while limit <= width:
            target = min(limit * (1 + _SLACK / 4), width)
            if len(breaks(target)[0]) == len(full[0]) and stable(target):
                return target
            nxt = _threshold(widths, space, limit - indent) + indent
            if nxt <= limit:
                break
            limit = nxt
        return width
    counts = [len(b) for b in full]

    def good(found: list[list[int]], like: list[list[int]] | None = None) -> bool:
        """No paragraph ends on a word alone (and, ``like``, with as many lines as those)."""
        same = like is None or [len(b) for b in found] == [len(b) for b in like]
        return same and all(_ok(w, sp, b, width - ind)
                            for (w, sp, ind), b in zip(measured, found, strict=True))

    narrow = None  # a width that gives good lines, but only just
    for spare in (0, 1):  # the same lines; else one line more, where the box has room for it
        for step in range(15):  # at most 14 % narrower: a text keeps its measure
            limit = width * (1 - step * 0.01)
            lines = breaks(limit)
            grown = [len(b) - c for b, c in zip(lines, counts, strict=True)]
            if min(grown) < 0 or sum(grown) > spare:
                if sum(grown) > spare:
                    break
                continue
            if good(lines):
                if good(breaks(limit * (1 + _SLACK / 2)), lines if step else None):
                    return limit
                narrow = narrow or limit
    return narrow or width


def _clause_width(para: Para, widths: list[float], space: float, measure: float, lines: int
                  ) -> float | None:
    """For a text of two lines: the width of the first line when it ends where a clause does
    ("…the “why”; / Sales sells…"), if the two lines are then near enough in length."""
    texts = [w for w in para.plain.split(" ") if w]
    if lines != 2 or len(texts) != len(widths):
        return None
    best: tuple[int, float, float] | None = None
    total = sum(widths) + space * (len(widths) - 1)
    for k in range(1, len(widths)):
        end = texts[k - 1].rstrip("”’\"')»")
        if end[-1:] not in ";:,—–":
            continue
        first = sum(widths[:k]) + space * (k - 1)
        rest = total - first - space
        longer = max(first, rest)
        if longer > measure or min(first, rest) < 0.4 * longer or k < 2 or len(widths) - k < 2:
            continue
        rank = (0 if end[-1] != "," else 1, abs(first - rest), longer)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return None if best is None else best[2]


#: How much a viewer's widths may differ from docgen's and the breaks still fall the same.
_SLACK = 0.02


def _range(widths: list[float], space: float, starts: list[int]) -> tuple[float, float]:
    """The widths at which filling lines greedily breaks at ``starts``: from the longest line
    up to (not including) the narrowest line plus the word that follows it."""
    ends = [*starts[1:], len(widths)]
    lines = [sum(widths[a:b]) + space * (b - a - 1) for a, b in zip(starts, ends, strict=True)]
    nexts = [line + space + widths[b] for line, b in zip(lines, ends[:-1], strict=False)]
    return max(lines), min(nexts, default=float("inf"))


def _ok(widths: list[float], space: float, starts: list[int], measure: float) -> bool:
    """A paragraph's last line holds two words and a third of the measure (or it has one line)."""
    if len(starts) < 2:
        return True
    tail = widths[starts[-1]:]
    return len(tail) >= 2 and sum(tail) + space * (len(tail) - 1) >= measure / 3


def _even_limit(widths: list[float], space: float, measure: float, lines: int) -> float:
    """The narrowest limit at which greedy filling still takes ``lines`` lines."""
    return narrowest_limit(widths, space, measure, lines, steps=20)


def _threshold(widths: list[float], space: float, limit: float) -> float:
    """The limit above ``limit`` at which greedy filling first breaks differently: the narrowest
    line that could take the next word."""
    starts = greedy_breaks(widths, space, limit)
    best = float("inf")
    for a, b in pairwise(starts):
        line = sum(widths[a:b]) + space * (b - a - 1)
        best = min(best, line + space + widths[b])
    return best if best < float("inf") else limit
