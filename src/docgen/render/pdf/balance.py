"""Balanced paragraphs: display text (a pull quote, a heading, the title, a key point) set in even
lines broken on sense, and text in the flow (a quote, a short paragraph) whose lines fill the
column, except that a last line of a word or a few letters takes a word or two from the line
above.

The line breaks come from :func:`docgen.typography.sense_breaks` (what the deck's
:func:`~docgen.typography.balanced_breaks` uses when given the words) and
:func:`docgen.typography.mended_breaks`.
reportlab breaks lines greedily; the chosen breaks are handed to it as one width per line (each
line's own width and a little more), so its greedy breaking finds exactly them. The result is
kept only if reportlab makes as many lines as planned.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Literal

from reportlab.pdfbase.pdfmetrics import stringWidth

from docgen.render.pdf.paragraph import Paragraph, style_key
from docgen.typography import LAST_LINE, greedy_breaks, mended_breaks, sense_breaks

#: Paragraphs of more lines are left to reportlab's breaking.
MAX_LINES = 8

Mode = Literal["even", "last"]
#: Plans kept between builds, as the parsed markup is (see :mod:`.paragraph`).
MAX_KNOWN = 4096
_known: OrderedDict[tuple[Any, ...], list[float] | None] = OrderedDict()


class Balanced(Paragraph):
    """A paragraph broken into even lines on sense (``mode="even"``), or reportlab's way with no
    short last line (``mode="last"``); reportlab's own breaking whenever the plan does not hold."""

    mode: Mode = "even"
    spare_line = False  # may take one line more than the fewest (narrow notes)
    _plans: dict[float, list[float] | None] | None = None
    _forced: list[float] | None = None
    _splitting = False

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        # reportlab replaces ``frags`` by its word list when it breaks lines of several styles
        self._source = self.frags

    def _plan(self, width: float) -> list[float] | None:
        plans = self.__dict__.get("_plans")
        if plans is None:
            plans = self._plans = {}
        if width not in plans:
            # The same text in the same style at the same width has the same plan: a rebuild
            # (docgen watch, docgen serve) plans only what changed.
            text = self.text  # (None for the parts of a split paragraph: not kept)
            key = (text, style_key(self.style), width, self.mode, self.spare_line)
            if not text:
                plans[width] = self._make_plan(width)
            elif key in _known:
                _known.move_to_end(key)
                plans[width] = _known[key]
            else:
                plans[width] = _known[key] = self._make_plan(width)
                while len(_known) > MAX_KNOWN:
                    _known.popitem(last=False)
        return plans[width]

    def _make_plan(self, width: float) -> list[float] | None:
        """Return the width of each line for balanced breaks at ``width``, or None.

        Text in the flow is laid out first (what it would need anyway) and measured word by
        word only when its last line may be short (one word, or under :data:`LAST_LINE` of the
        column). For display text, the lines reportlab would make are foreseen from the words'
        widths (its breaking is greedy too).
        """
        if self.__dict__.get("_complex"):
            return None
        style = self.style
        inner = width - style.leftIndent - style.rightIndent
        if self.mode == "last":
            super().wrap(width, 1e6)
            lines = getattr(self.blPara, "lines", [])
            if not 2 <= len(lines) <= MAX_LINES or (_room(lines[-1]) <= (1 - LAST_LINE) * inner
                                                    and _word_count(lines[-1]) > 1):
                return None
        widths, words, space = _tokens(self._source, style)
        if len(widths) < 3:
            return None
        # The first line is longer by its indent (negative for a hanging quote mark): as if its
        # first word were shorter, so every line has the same measure.
        widths[0] += style.firstLineIndent
        greedy = greedy_breaks(widths, space, inner)
        if not 2 <= len(greedy) <= MAX_LINES:
            return None
        if self.mode == "last":
            starts = mended_breaks(widths, space, inner, words)
        else:
            starts = sense_breaks(widths, space, inner, words, spare_line=self.spare_line)
        if starts == greedy:
            return None  # where reportlab breaks anyway
        ends = [*starts[1:], len(widths)]
        plan = [sum(widths[a:b]) + space * (b - a - 1) + space / 2 for a, b in zip(starts, ends,
                                                                                   strict=True)]
        plan[0] -= style.firstLineIndent
        self._forced = plan
        self.__dict__.pop("_wrapped", None)
        super().wrap(width, 1e6)
        self._forced = None
        if len(getattr(self.blPara, "lines", [])) != len(starts):
            self.__dict__.pop("_wrapped", None)  # the next wrap breaks reportlab's way again
            return None
        return plan

    def breakLines(self, width: Any) -> Any:
        forced = self.__dict__.get("_forced")
        return super().breakLines(forced if forced is not None else width)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        plan = None if self.__dict__.get("_splitting") else self._plan(availWidth)
        if plan is not None:
            memo = self.__dict__.get("_wrapped")
            if memo is None or memo[0] != availWidth or memo[2] is not self.__dict__.get("blPara"):
                self._forced = plan
                self.__dict__.pop("_wrapped", None)
        try:
            return super().wrap(availWidth, availHeight)
        finally:
            self._forced = None

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        # Across a page, reportlab's own lines: the plan was made for the whole paragraph.
        if self._plan(availWidth) is None:
            return super().split(availWidth, availHeight)
        self.__dict__.pop("_wrapped", None)
        self.__dict__.pop("blPara", None)
        self._splitting = True
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self._splitting = False
        if any(part is self for part in parts):  # not split after all: drawn with the plan
            self.__dict__.pop("_wrapped", None)
            self.__dict__.pop("blPara", None)
        return parts


class Note(Balanced):
    """A key point in the narrow side column: even lines, one more if that reads much better."""

    spare_line = True


class InFlow(Balanced):
    """A quote or short paragraph in the flow: reportlab's full lines; only a short last line
    takes a word or two from the line above."""

    mode: Mode = "last"


def _room(line: Any) -> float:
    """Return the unused width at the end of a broken line (both of reportlab's line kinds)."""
    return float(line[0]) if isinstance(line, tuple) else float(getattr(line, "extraSpace", 0.0))


def _word_count(line: Any) -> int:
    """Return how many words a broken line holds (both of reportlab's line kinds)."""
    return len(line[1]) if isinstance(line, tuple) else int(getattr(line, "wordCount", 2))


def _tokens(frags: list[Any], style: Any) -> tuple[list[float], list[str], float]:
    """Return the widths and text of the paragraph's words (a word may span fragments) and the
    width of a space. A no-break space is not a break, so words it joins count as one."""
    widths: list[float] = []
    words: list[str] = []
    current, text_so_far, open_word = 0.0, "", False
    for frag in frags:
        text = getattr(frag, "text", "")
        if not isinstance(text, str) or hasattr(frag, "cbDefn"):
            continue
        for i, part in enumerate(text.split(" ")):
            if i and open_word:
                widths.append(current)
                words.append(text_so_far)
                current, text_so_far, open_word = 0.0, "", False
            if part:
                current += stringWidth(part, frag.fontName, frag.fontSize)
                text_so_far += part
                open_word = True
    if open_word:
        widths.append(current)
        words.append(text_so_far)
    return widths, words, stringWidth(" ", style.fontName, style.fontSize)
