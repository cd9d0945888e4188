"""Choosing sizes and splitting text across slides, from measured line breaks.

Text is handled as *tokens*: one word with its trailing spaces and its style. Paragraphs are lists
of tokens, so content can be cut between any two words and regrouped without losing styling.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from docgen.model import FontFamily, Span, Text
from docgen.render.deck.lines import count_lines, faces, group_words, mono_family
from docgen.render.deck.measure import LINE_PITCH, Piece, break_lines


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph of a text box. ``number`` starts an auto-numbered list item at that number."""

    runs: tuple[Span, ...]
    bullet: bool = False
    number: int | None = None
    space_before: float = 0.0  # in multiples of the box's font size
    level: int = 0  # 1: the placeholder's second level (a quote's attribution)
    size: float = 0.0  # its own size (points) where it differs from the box's; 0: the box's

    @property
    def plain(self) -> str:
        return "".join(r.text for r in self.runs)


Tokens = tuple[Span, ...]
_WORD = re.compile(r"\S+\s*|\s+")


def tokens(text: Text | str, bold: bool = False, italic: bool = False) -> Tokens:
    """Split text into word tokens, keeping each span's style (and forcing ``bold``/``italic``)."""
    if isinstance(text, str):
        return tuple(Span(m.group(), bold, italic) for m in _WORD.finditer(text))
    out: list[Span] = []
    for s in text.spans:
        for m in _WORD.finditer(s.text):
            out.append(Span(m.group(), s.bold or bold, s.italic or italic, s.href, s.code))
    return tuple(out)


def words(toks: Sequence[Span]) -> int:
    return sum(1 for t in toks if t.text.strip())


def sentences(toks: Tokens) -> list[Tokens]:
    """Group tokens into sentences (a token ending in . ! ? ; or : closes one)."""
    out: list[Tokens] = []
    cur: list[Span] = []
    for t in toks:
        cur.append(t)
        if re.search(r"[.!?;:][”’\"')\]]*\s*$", t.text):
            out.append(tuple(cur))
            cur = []
    if cur:
        out.append(tuple(cur))
    return out


@dataclass(frozen=True, slots=True)
class Fitted:
    """Paragraphs broken at a size: runs carry soft breaks where words were split."""

    paras: tuple[Para, ...]
    size: float
    lines: int
    height: float  # points


INDENT_EM = 1.2  # hanging indent of bullets and numbers, in em of the box's size


def layout(paras: Sequence[Para], family: FontFamily, width: float, size: float) -> Fitted:
    """Break every paragraph at ``size`` and return the broken text, line count and height."""
    return _layout(paras, family, width, size, True)


def height(paras: Sequence[Para], family: FontFamily, width: float, size: float) -> float:
    """The height :func:`layout` gives, without making the broken text (pagination's question)."""
    return _layout(paras, family, width, size, False).height


def _layout(paras: Sequence[Para], family: FontFamily, width: float, size: float, keep: bool) -> Fitted:
    """Count lines with :mod:`lines`; only a paragraph with a word to split goes to ``break_lines``.

    Without a split the broken text is the paragraph itself (less any empty runs), which is what
    ``break_lines`` returns for it, so only the line count needs computing.
    """
    by_style = faces(family)
    out: list[Para] = []
    lines = 0
    total = 0.0
    for i, para in enumerate(paras):
        psize = para.size or size
        avail = width - (INDENT_EM * psize if para.bullet or para.number else 0.0)
        count = count_lines(group_words(para.runs, by_style), avail, psize)
        if count is None:
            pieces = [Piece(r.text, _face(mono_family() if r.code else family, r.bold, r.italic),
                            r.bold, k) for k, r in enumerate(para.runs)]
            result = break_lines(pieces, avail, psize)
            count = result.count
            if keep:
                runs = tuple(
                    replace(para.runs[p.key], text=p.text) for p in result.pieces
                )
                out.append(Para(runs, para.bullet, para.number, para.space_before, para.level,
                                para.size))
        elif keep:
            runs = tuple(r for r in para.runs if r.text)
            same = len(runs) == len(para.runs)
            out.append(para if same else Para(runs, para.bullet, para.number, para.space_before,
                                              para.level, para.size))
        lines += count
        total += count * psize * LINE_PITCH + (para.space_before * psize if i else 0.0)
    return Fitted(tuple(out), size, lines, total)


@lru_cache(maxsize=256)
def _face(family: FontFamily, bold: bool, italic: bool) -> Path:
    return family.face(bold, italic).path


def sizes(top: float, floor: float, step: float = 2.0) -> list[float]:
    """Return the candidate sizes from ``top`` down to ``floor``, largest first."""
    out, s = [], top
    while s > floor:
        out.append(s)
        s -= step
    return [*out, floor]


def fit(
    paras: Sequence[Para],
    family: FontFamily,
    width: float,
    height: float,
    top: float,
    floor: float,
    max_lines: int | None = None,
) -> Fitted | None:
    """Return the layout at the largest size in ``[floor, top]`` that fits the box, or None."""
    for size in sizes(top, floor):
        result = layout(paras, family, width, size)
        if result.height <= height and (max_lines is None or result.lines <= max_lines):
            return result
    return None


def paginate(
    units: Sequence[Tokens | Para],
    compose: Callable[[list[Tokens | Para]], list[Para]],
    fits: Callable[[list[Para]], bool],
    max_units: int,
    max_words: int,
    balance: bool = False,
) -> list[list[Tokens | Para]]:
    """Group units (sentences or paragraphs) greedily into pages that fit at the floor size.

    A unit that does not fit on a page of its own is cut between words into pieces that do. With
    ``balance``, the units are then spread as evenly as the limits allow over the same number of
    pages (12 bullets: 4/4/4 rather than 5/5/2).
    """
    pages: list[list[Tokens | Para]] = []
    cur: list[Tokens | Para] = []
    cur_words = 0  # words(cur), kept as the page grows rather than recounted per candidate
    for unit in units:
        for part in _cut(unit, compose, fits, max_words):
            cand = [*cur, part]
            part_words = words(_toks(part))
            count = cur_words + part_words
            if cur and (len(cand) > max_units or count > max_words or not fits(compose(cand))):
                pages.append(cur)
                cur, cur_words = [part], part_words
            else:
                cur, cur_words = cand, count
    if cur or not pages:
        pages.append(cur)
    if balance and len(pages) > 1:
        flat = [u for p in pages for u in p]
        k, n = len(pages), len(flat)
        even, at = [], 0
        for i in range(k):
            size = n // k + (1 if i < n % k else 0)
            even.append(flat[at : at + size])
            at += size

        def ok(page: list[Tokens | Para]) -> bool:
            count = sum(words(_toks(u)) for u in page)
            return len(page) <= max_units and count <= max_words and fits(compose(page))

        if all(ok(p) for p in even):
            return even
    return pages


def _toks(unit: Tokens | Para) -> Tokens:
    return unit.runs if isinstance(unit, Para) else unit


def _cut(
    unit: Tokens | Para,
    compose: Callable[[list[Tokens | Para]], list[Para]],
    fits: Callable[[list[Para]], bool],
    max_words: int,
) -> list[Tokens | Para]:
    toks = _toks(unit)
    if words(toks) <= max_words and fits(compose([unit])):
        return [unit]

    def wrap(part: Tokens) -> Tokens | Para:
        if isinstance(unit, Para):
            return replace(unit, runs=part)
        return part

    parts: list[Tokens | Para] = []
    cur: list[Span] = []
    for t in toks:
        cand = (*cur, t)
        if cur and (words(cand) > max_words or not fits(compose([wrap(cand)]))):
            parts.append(wrap(tuple(cur)))
            cur = [t]
        else:
            cur = list(cand)
    if cur:
        parts.append(wrap(tuple(cur)))
    return parts
