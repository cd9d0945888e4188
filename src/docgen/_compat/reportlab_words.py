"""Long words split into lines in time linear in their length (a reportlab internal).

reportlab splits a word wider than a line (``splitLongWords``) character by character, measuring
each character with a Python call; and when the paragraph continues on the next page, the rest
of the word is joined up again and split again from its start. A 100,000-character token was
split some 170 times, 8.5 million width look-ups: laying out one token took time quadratic in its
length (500,000 characters: two minutes).

Here a long word's split points come from the running sum of its character widths, found by
bisection, and the sums are kept for the last few long words: the rest of a word on the next page
is a suffix of a word already measured, so its sums are the same numbers. The lines are those
reportlab's own ``_splitWord`` and ``_splitFragWord`` make (the same greedy rule: a line takes
characters while they fit; a character wider than a line gets a line of its own); words shorter
than :data:`LONG`, right-to-left words and words holding inline objects go to reportlab's own
functions. Installed only on the reportlab versions of :data:`docgen._compat.reportlab.TESTED`.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

#: Words with fewer characters keep reportlab's own splitting (identical bytes for everyday text).
LONG = 256
#: Long words whose width sums are kept (a page's rest of a word is found among them).
KEPT = 4

#: reportlab's own splitters, once replaced (tests compare with them).
ORIGINALS: list[Any] = []
_sums: dict[tuple[str, float], list[tuple[str, array[float]]]] = {}
_widths: dict[tuple[str, float], dict[str, float]] = {}


def install() -> None:
    """Replace reportlab's long-word splitters, once, on tested versions."""
    import reportlab.platypus.paragraph as paragraph

    from docgen._compat.reportlab import use_internals

    if not use_internals or getattr(paragraph._splitWord, "__module__", "") == __name__:
        return
    original_word, original_frag = paragraph._splitWord, paragraph._splitFragWord

    def split_word(w: Any, lineWidth: float, maxWidths: list[float], lineno: int,
                   fontName: str, fontSize: float, encoding: str = "utf8") -> list[Any]:
        if isinstance(w, bytes):
            w = w.decode(encoding)
        if len(w) < LONG or paragraph.isBidiStr(w):
            return original_word(w, lineWidth, maxWidths, lineno, fontName, fontSize, encoding)
        pieces = _lines(w, fontName, fontSize, maxWidths[min(len(maxWidths) - 1, lineno)] -
                        lineWidth, maxWidths, lineno)
        return [paragraph._SplitWord(p) for p, _ in pieces[:-1]] + [
            paragraph._SplitWordEnd(pieces[-1][0])]

    def split_frag_word(w: Any, maxWidth: float, maxWidths: list[float],
                        lineno: int) -> list[Any]:
        parts = w[1:]
        fonts = {(f.fontName, f.fontSize) for f, _ in parts}
        if len(fonts) != 1 or any(hasattr(f, "cbDefn") or not isinstance(t, str) or not t
                                  for f, t in parts):
            return original_frag(w, maxWidth, maxWidths, lineno)
        text = "".join(t for _, t in parts)
        if len(text) < LONG or paragraph.isBidiStr(text):
            return original_frag(w, maxWidth, maxWidths, lineno)
        (font, size), = fonts
        lines = _lines(text, font, size, maxWidth, maxWidths, lineno)
        out, part, used = [], 0, 0  # the fragment being cut, and how much of it is cut off
        for n, (line, width) in enumerate(lines):
            pieces: list[Any] = [width]
            left = len(line)
            if used == len(parts[part][1]) and part + 1 < len(parts):
                part, used = part + 1, 0
            while True:  # this line's share of each fragment, as reportlab cuts them
                frag, whole = parts[part]
                take = min(left, len(whole) - used)
                clone = frag.clone()
                if hasattr(clone, "text"):
                    clone.text = whole[used:used + take]
                pieces.append((clone, whole[used:used + take]))
                used, left = used + take, left - take
                if not left:
                    break
                part, used = part + 1, 0
            if n < len(lines) - 1:
                out.append(paragraph._SplitFrag(pieces))
            else:
                last = paragraph._SplitFragHS if isinstance(w, paragraph._HSFrag) \
                    else paragraph._SplitFragH
                out.append(last(pieces))
        return out

    split_word.__module__ = split_frag_word.__module__ = __name__
    ORIGINALS[:] = [original_word, original_frag]
    paragraph._splitWord = split_word
    paragraph._splitFragWord = split_frag_word


def _lines(word: str, font: str, size: float, first: float, widths: list[float],
           lineno: int) -> list[tuple[str, float]]:
    """Return ``word`` cut into lines, with their widths: the first line ``first`` points wide,
    the next as ``widths[lineno + 1 ...]`` say (the last repeating), as reportlab's greedy rule
    cuts them."""
    sums, start = _running_sums(word, font, size)
    last = len(widths) - 1
    next_width = widths[min(last, lineno + 1)]
    pieces: list[tuple[str, float]] = []
    at, room, end = start, first, start + len(word)
    while True:
        fit = max(at, bisect_right(sums, sums[at] + room, at, end + 1) - 1)  # at..fit-1 fit
        if fit == at and (pieces or sums[at + 1] - sums[at] > next_width):
            fit = at + 1  # a character wider than a line gets one (only the very first may move)
        if fit >= end:
            pieces.append((word[at - start:], sums[end] - sums[at]))
            return pieces
        pieces.append((word[at - start:fit - start], sums[fit] - sums[at]))
        at = fit
        lineno += 1
        room = widths[min(last, lineno)]


def _running_sums(word: str, font: str, size: float) -> tuple[Sequence[float], int]:
    """Return running width sums in which ``word`` starts at the returned index: those of a long
    word measured before when ``word`` is its end (the rest of it on a new page), else new ones."""
    key = (font, size)
    kept = _sums.setdefault(key, [])
    for whole, sums in kept:
        if whole.endswith(word):
            return sums, len(whole) - len(word)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    known = _widths.setdefault(key, {})
    for ch in set(word).difference(known):
        known[ch] = stringWidth(ch, font, size)
    sums = array("d", accumulate(map(known.__getitem__, word), initial=0.0))
    kept.insert(0, (word, sums))
    del kept[KEPT:]
    return sums, 0
