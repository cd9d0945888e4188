"""The deck's typography, through the module both renderers share (:mod:`docgen.typography`).

Display text is smartened in the article's language (dashes, curly quotes, no-break spaces before
dashes and after one-letter words); quotes lose marks typed around them, nest the quotes inside
them and take the language's own marks; titles and quotes break into balanced lines (no word left
alone on the last line), by line breaks placed where docgen measured them.
"""

from __future__ import annotations

import re

from docgen.model import FontFamily, Span, Text
from docgen.render.deck.fit import INDENT_EM, Para
from docgen.render.deck.lines import faces, group_words
from docgen.render.deck.measure import SOFT_BREAK, text_width
from docgen.typography import balanced_breaks, nest_quotes, quote_marks, smarten, unquote

#: A line break inside a paragraph (``a:br``): what python-pptx reads back as "\v" too.
BREAK = "\v"


def display(text: Text | str, language: str) -> Text:
    """Return ``text`` as the deck prints it: typographic dashes, quotes, spaces."""
    if isinstance(text, str):
        text = Text((Span(text),))
    return smarten(text, language)


def quoted_words(text: Text, language: str) -> Text:
    """A quotation's words as printed inside its marks: typed marks gone, inner quotes nested."""
    return nest_quotes(smarten(unquote(text), language), language)


def marks(language: str) -> tuple[str, str]:
    """The language's opening and closing quote marks."""
    opening, closing, _, _ = quote_marks(language)
    return opening, closing


def balanced(para: Para, family: FontFamily, width: float, size: float,
             even: bool | None = None) -> Para:
    """Return ``para`` with line breaks placed by docgen, in as many lines as the greedy breaking
    gives at ``size`` in ``width`` points.

    ``even``: lines as even as possible (titles, statements: no line holds one word). Otherwise
    the greedy lines, narrowed only as much as it takes for the last line to hold two words and a
    third of the width (a paragraph keeps its full measure and loses its widow). None: even for a
    paragraph of up to three lines, the other way for a longer one. A bullet's lines are measured
    inside its hanging indent. Words and widths are the line counter's (:mod:`.lines`, cached per
    run), so the breaks fall where docgen counted its lines.
    A paragraph with a word split inside it (a soft break) or a break of its own is kept as it is.
    """
    if any(SOFT_BREAK in r.text or BREAK in r.text for r in para.runs):
        return para
    words = group_words(para.runs, faces(family))
    if len(words) < 3:
        return para
    widths = [size * w[0] if type(w) is tuple else sum(size * e for e, _ in w)  # type: ignore[misc]
              for w in words]
    space = text_width(" ", family.face(False, False).path, size)
    if para.bullet or para.number:
        width -= INDENT_EM * size
    greedy = _greedy(widths, space, width)
    if len(greedy) < 2:
        return para
    if even is None:
        even = len(greedy) <= 3
    starts = balanced_breaks(widths, space, width) if even else _unwidowed(widths, space, width)
    return Para(_broken(para.runs, set(starts[1:])), para.bullet, para.number, para.space_before)


_SEGMENT = re.compile(r"[^ ]+ *| +")


def _broken(runs: tuple[Span, ...], starts: set[int]) -> tuple[Span, ...]:
    """``runs`` with a line break before each word whose index is in ``starts``, words counted as
    :func:`.lines.group_words` counts them (a word may span runs)."""
    out: list[Span] = []
    word, open_, ends_space = -1, False, False
    for r in runs:
        segments = _SEGMENT.findall(r.text)
        if open_ and ends_space and not r.text.startswith(" "):
            open_ = False
        if not segments:
            continue
        text = ""
        for j, seg in enumerate(segments):
            if j or not open_:
                word += 1
                open_ = True
                if word in starts:
                    if text:
                        out.append(Span(text.rstrip(" "), r.bold, r.italic, r.href))
                        text = ""
                    elif out:
                        last = out[-1]
                        out[-1] = Span(last.text.rstrip(" "), last.bold, last.italic, last.href)
                    out.append(Span(BREAK, r.bold, r.italic))
            text += seg
        if text:
            out.append(Span(text, r.bold, r.italic, r.href))
        ends_space = r.text.endswith(" ")
    return tuple(out)


def _greedy(widths: list[float], space: float, limit: float) -> list[int]:
    starts, line = [0], 0.0
    for i, w in enumerate(widths):
        need = w if line == 0 else line + space + w
        if need > limit and line > 0:
            starts.append(i)
            line = w
        else:
            line = need
    return starts


def _unwidowed(widths: list[float], space: float, measure: float) -> list[int]:
    """Greedy lines at the widest limit (down to 60 % of ``measure``) whose last line has two
    words and a third of the measure; the even breaks if no limit gives that."""
    count = len(_greedy(widths, space, measure))
    for step in range(21):
        limit = measure * (1 - step * 0.02)
        starts = _greedy(widths, space, limit)
        if len(starts) != count:
            break
        tail = widths[starts[-1]:]
        if len(tail) >= 2 and sum(tail) + space * (len(tail) - 1) >= measure / 3:
            return starts
    return balanced_breaks(widths, space, measure)
