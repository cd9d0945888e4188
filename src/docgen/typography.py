"""Typography both renderers share: dashes, quote marks, ellipses, no-break spaces, Title Case and
balanced line breaks.

The model keeps text as the marketer typed it; each renderer passes its display text through
:func:`smarten` so the handout and the deck print the same characters: a spaced hyphen becomes an
en dash glued to the word before it (a dash never starts a line), ``--`` an em dash, ``...`` an
ellipsis, straight quotes curly in the article's language. Only code-free display text goes
through here: URLs and link targets are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from docgen.model import Text

NBSP = "\u00a0"
EN_DASH, EM_DASH, ELLIPSIS = "–", "—", "…"

#: language -> (open, close, inner open, inner close). English marks for any other language.
QUOTE_MARKS: dict[str, tuple[str, str, str, str]] = {
    "en": ("“", "”", "‘", "’"),
    "de": ("„", "“", "‚", "‘"),
    "fr": ("«\u202f", "\u202f»", "“", "”"),
    "es": ("«", "»", "“", "”"),
    "it": ("«", "»", "“", "”"),
    "pt": ("“", "”", "‘", "’"),
    "nl": ("“", "”", "‘", "’"),
}
_OPENING_CONTEXT = set(" \t\n\u00a0([{“‘«‹„‚–—/-")
#: Words kept lower case inside a title (articles, conjunctions, short prepositions).
_MINOR = frozenset((
    "a", "an", "and", "as", "at", "but", "by", "en", "for", "from", "if", "in", "into", "nor", "of",
    "off", "on", "onto", "or", "over", "per", "so", "the", "to", "up", "via", "vs", "vs.", "with",
    "yet",
))
_DOUBLE_HYPHEN = re.compile(r"-{2,3}")
_SPACE_BEFORE_DASH = re.compile(r"(?<=\S) +(?=[–—](?: |$))")
_ONE_LETTER = re.compile(r"(?<![\w’'])([aAI]) (?=\w)")
#: A text's last word made of symbols alone (an emoji, an arrow, a check mark).
_LAST_SYMBOLS = re.compile(r"(?<=\S) +(?=[^\w\s“”‘’\"'«»()\[\]{}.,;:!?…–—-]+$)")


def quote_marks(language: str) -> tuple[str, str, str, str]:
    """Return the outer and inner quote marks for a BCP 47 language tag ("en-GB" -> English)."""
    return QUOTE_MARKS.get(language.split("-")[0].lower(), QUOTE_MARKS["en"])


def smarten_str(text: str, language: str = "en", before: str = "", after: str = "") -> str:
    """Return ``text`` with typographic dashes, quotes, ellipses and no-break spaces.

    ``before`` and ``after`` are the characters around ``text`` (from neighbouring runs), so that a
    quote or dash at a run's edge is read in context.
    """
    if not text:
        return text
    text = text.replace("...", ELLIPSIS)
    text = _DOUBLE_HYPHEN.sub(EM_DASH, text)
    if "-" in text:
        text = _spaced_hyphens(text, before, after)
    if '"' in text or "'" in text:
        text = _curly(text, quote_marks(language), before)
    if EN_DASH in text or EM_DASH in text:
        text = _SPACE_BEFORE_DASH.sub(NBSP, text)
    if language.lower().startswith("en"):
        text = _ONE_LETTER.sub(lambda m: m.group(1) + NBSP, text)
    if not after and " " in text:  # "Launch 🚀": the emoji never ends up alone on a line
        text = _LAST_SYMBOLS.sub(NBSP, text)
    return text


def _spaced_hyphens(text: str, before: str, after: str) -> str:
    """A hyphen with a space (or the text's edge) on both sides is a dash: ``a - b`` -> ``a – b``."""
    padded = (before[-1:] or " ") + text + (after[:1] or "")
    out = []
    for i, ch in enumerate(text):
        j = i + 1  # index in padded
        if ch == "-" and padded[j - 1] in " \u00a0" and (j + 1 >= len(padded) or padded[j + 1] == " "):
            out.append(EN_DASH)
        else:
            out.append(ch)
    return "".join(out)


def _curly(text: str, marks: tuple[str, str, str, str], before: str) -> str:
    """Straight quotes to the language's curly ones; an apostrophe inside a word stays ’."""
    inner_open = marks[2]
    double_open, double_close = (marks[0].strip("\u202f"), marks[1].strip("\u202f"))
    out = []
    prev = before[-1:] or " "
    for i, ch in enumerate(text):
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch == '"':
            ch = double_open if prev in _OPENING_CONTEXT else double_close
        elif ch == "'":
            opening = prev in _OPENING_CONTEXT and nxt.isalpha()
            ch = inner_open if opening else "’"
        out.append(ch)
        prev = ch
    return "".join(out)


def smarten(text: Text, language: str = "en") -> Text:
    """Return ``text`` with :func:`smarten_str` applied to each run, read in context."""
    spans = text.spans
    out = []
    for i, span in enumerate(spans):
        before = spans[i - 1].text if i else ""
        after = spans[i + 1].text if i + 1 < len(spans) else ""
        if span.code:  # code is shown exactly as typed: `--force` stays two hyphens
            out.append(span)
            continue
        new = smarten_str(span.text, language, before, after)
        if new[:1] in (EN_DASH, EM_DASH) and out and out[-1].text.endswith(" "):
            prev = out[-1]  # the space before a dash that starts this run: glue it too
            out[-1] = replace(prev, text=prev.text[:-1] + NBSP)
        out.append(span if new == span.text else replace(span, text=new))
    return Text(tuple(out))


def unquote(text: Text) -> Text:
    """Return ``text`` without quote marks typed around all of it (renderers add their own).

    ``"A price is a promise."`` and ``“A price is a promise.”`` both become the bare words, so a
    quote is never printed with doubled marks; quotes inside stay.
    """
    plain = text.plain.strip()
    pairs = {'"': '"', "“": "”", "„": "“", "«": "»", "'": "'", "‘": "’", "”": "”"}
    if len(plain) < 2 or plain[0] not in pairs or plain[-1] != pairs[plain[0]]:
        return text
    inner = plain[1:-1]
    if any(ch in inner for ch in (plain[0], pairs[plain[0]])) and plain[0] in "\"'":
        return text  # "a" and "b": two quotations, not one quoted text
    spans = list(text.spans)
    lead = len(spans[0].text) - len(spans[0].text.lstrip())
    spans[0] = replace(spans[0], text=spans[0].text[lead + 1 :])
    last = spans[-1].text.rstrip()
    spans[-1] = replace(spans[-1], text=last[:-1])
    return Text(tuple(s for s in spans if s.text))


def nest_quotes(text: Text, language: str = "en") -> Text:
    """Return ``text`` with its double quotes in the inner style (‘ ’), for text set inside quotes."""
    _, _, inner_open, inner_close = quote_marks(language)
    outer_open, outer_close = (m.strip("\u202f") for m in quote_marks(language)[:2])
    table = str.maketrans({outer_open: inner_open, outer_close: inner_close})
    if outer_open == outer_close:
        return text
    spans = tuple(s if s.code else replace(s, text=s.text.translate(table)) for s in text.spans)
    return Text(spans)


def title_case(text: str) -> str:
    """Return ``text`` in headline Title Case: minor words stay lower case except first and last;
    words with capitals or digits inside (``iPhone``, ``B2B``) are kept as typed."""
    words = text.split(" ")
    last = max((i for i, w in enumerate(words) if w), default=0)
    out = []
    for i, word in enumerate(words):
        core = word.strip("“”‘’\"'([{")
        if not core or any(c.isupper() or c.isdigit() for c in core[1:]) or not core[0].isalpha():
            out.append(word)
            continue
        after_colon = i > 0 and words[i - 1].endswith((":", "—", "–"))
        if core.lower() in _MINOR and 0 < i < last and not after_colon:
            out.append(word.replace(core, core.lower(), 1))
        else:
            out.append(word.replace(core, core[0].upper() + core[1:], 1))
    return " ".join(out)


def balanced_breaks(widths: Sequence[float], space: float, measure: float,
                    words: Sequence[str] | None = None) -> list[int]:
    """Return where lines start (token indices, the first is 0) for the fewest lines that fit
    ``measure``, with the lines as even as possible (so a title or quote never ends on one word).

    ``widths`` are the tokens' widths without their trailing space; ``space`` the width of one.
    Without ``words``: binary search on the widest line allowed, greedy fill at each width (exact
    for minimising the widest line at the fewest lines). With ``words`` (the tokens' text), lines
    also break on sense: see :func:`sense_breaks`.
    """
    if not widths:
        return [0]
    if words is not None and len(words) == len(widths):
        return sense_breaks(widths, space, measure, words)

    fewest = len(greedy_breaks(widths, space, measure))
    return greedy_breaks(widths, space, narrowest_limit(widths, space, measure, fewest))


def narrowest_limit(widths: Sequence[float], space: float, measure: float, lines: int,
                    steps: int = 24) -> float:
    """Return the narrowest limit (to ``steps`` halvings) at which greedy filling still takes
    at most ``lines`` lines: where every line of a balanced text is as even as it can be."""
    low, high = max(widths), measure
    for _ in range(steps):
        mid = (low + high) / 2
        if len(greedy_breaks(widths, space, mid)) <= lines:
            high = mid
        else:
            low = mid
    return high


def greedy_breaks(widths: Sequence[float], space: float, limit: float) -> list[int]:
    """Return where lines start when each takes as many tokens as fit ``limit`` (reportlab's way)."""
    starts, line = [0], 0.0
    for i, w in enumerate(widths):
        need = w if line == 0 else line + space + w
        if need > limit and line > 0:
            starts.append(i)
            line = w
        else:
            line = need
    return starts


#: Words that begin the phrase after them (conjunctions, prepositions, relative words): a line
#: had better start with one than end on it ("in concert / to execute the plan").
_LEADS = frozenset((
    "about", "after", "against", "and", "as", "at", "because", "before", "between", "but", "by",
    "for", "from", "if", "in", "into", "like", "nor", "of", "on", "onto", "or", "over", "so",
    "than", "that", "through", "to", "under", "until", "when", "where", "which", "while", "who",
    "with", "without", "yet",
))
#: Words that belong to the word after them (articles, possessives): never end a line on one.
_DETERMINERS = frozenset(("a", "an", "the", "my", "your", "our", "their", "its", "his", "her",
                          "this", "these", "those"))
_CLAUSE_END = ",;:–—"
_SENTENCE_END = ".!?…"
#: Costs of a break, in the units of the evenness cost (a line 10 % off the mean costs 0.01).
_AFTER_SENTENCE, _AFTER_CLAUSE, _BEFORE_LEAD, _AFTER_LEAD = -0.15, -0.15, -0.08, 0.1
#: A last line this share of the measure or longer is never short (a quick check before the
#: characters are counted: see :data:`SHORT_LAST_CHARS`).
LAST_LINE = 0.36
#: Display lines this far (a share of the mean line) from the mean are even enough.
_EVEN = 0.15
#: Text in the flow (:func:`mended_breaks`): a last line of one word or of this many characters
#: or fewer is short ("For example:", "happen.”"); it is mended by moving at most this many words
#: down from the line above, which keeps at least this share of the measure.
SHORT_LAST_CHARS, MEND_WORDS, _ABOVE_KEEPS = 12, 2, 0.5
#: What a mended last line that is still short costs, and each word moved after the first (in
#: the units of :func:`break_cost`: fewer words moved wins a tie).
_STILL_SHORT, _EACH_MOVE = 0.2, 0.1
#: What one line more than the fewest costs, where a text may take one (``spare_line``).
_SPARE_LINE = 0.3
_OPENING, _CLOSING = "“‘\"'(«‹„‚", "”’\"')»›"


def break_cost(before: str, after: str) -> float:
    """Return what breaking a line between the words ``before`` and ``after`` costs: negative
    after a sentence or clause ends and before a conjunction or preposition, positive when the
    line would end on one or on an article ("Marketing, / and all" beats "Marketing, and / all")."""
    return _ending(before) + _starting(after)


@lru_cache(maxsize=4096)
def _ending(word: str) -> float:
    """What ending a line on ``word`` costs."""
    tail = word.rstrip(_CLOSING)
    if tail[-1:] in _SENTENCE_END:
        return _AFTER_SENTENCE
    if tail[-1:] in _CLAUSE_END:
        return _AFTER_CLAUSE
    return _AFTER_LEAD if tail.lower().lstrip(_OPENING) in _LEADS | _DETERMINERS else 0.0


@lru_cache(maxsize=4096)
def _starting(word: str) -> float:
    """What starting a line with ``word`` costs."""
    return _BEFORE_LEAD if word.lower().strip(_OPENING + _CLOSING + ".,;:!?") in _LEADS else 0.0


def sense_breaks(widths: Sequence[float], space: float, measure: float,
                 words: Sequence[str], fill: bool = False, spare_line: bool = False) -> list[int]:
    """Return line starts for the fewest lines that fit ``measure``, chosen for the shape of the
    lines and for breaks on sense (:func:`break_cost`) together: even lines (each line's
    distance from the mean line, as a share of it, costs little up to :data:`_EVEN` and its
    square beyond). For display text: a title, a heading, a pull quote.

    ``fill``: text in the flow instead, whose lines fill the measure: see :func:`mended_breaks`
    (breaking every line on sense there makes a staircase of uneven lines).
    ``spare_line``: one line more is allowed where it reads much better (narrow notes: "the
    plan, / the reconnaissance, / the strategy" rather than "the plan, the / reconnaissance,
    the strategy").
    """
    if fill:
        return mended_breaks(widths, space, measure, words)
    greedy = greedy_breaks(widths, space, measure)
    lines = len(greedy)
    if len(widths) < 2 or lines < 2:
        return greedy
    breaks = [0.0, *(break_cost(words[i - 1], words[i]) for i in range(1, len(words))), 0.0]
    found = _sense(widths, space, measure, breaks, lines)
    if spare_line and lines + 1 <= len(widths) and (found is None or found[0] > 0):
        more = _sense(widths, space, measure, breaks, lines + 1)
        if more is not None and (found is None or more[0] + _SPARE_LINE < found[0]):
            found = more
    return greedy if found is None else found[1]


def mended_breaks(widths: Sequence[float], space: float, measure: float,
                  words: Sequence[str]) -> list[int]:
    """Return line starts for text in the flow: every line as full as the measure allows (the
    greedy breaks reportlab makes), except that a short last line (one word, or
    :data:`SHORT_LAST_CHARS` characters or fewer) takes one or two words more from the line
    above ("…that makes / it happen.”"); the lines above keep their breaks.

    Of the one or two words, the choice that reads best: a last line no longer short, fewer
    words moved, and a break on sense (:func:`break_cost`: "…the back door / to support
    everything.”" rather than "…back door to / support everything.”"). A line above that would
    drop under half the measure is not robbed: the short line stays.
    """
    greedy = greedy_breaks(widths, space, measure)
    n = len(widths)
    if len(greedy) < 2 or len(words) != n or not _short(words, greedy[-1]):
        return greedy
    above, last = greedy[-2], greedy[-1]
    best: tuple[float, int] | None = None
    for moved in range(1, MEND_WORDS + 1):
        start = last - moved
        if start <= above or _width(widths, space, start, n) > measure or \
                _width(widths, space, above, start) < _ABOVE_KEEPS * measure:
            break
        cost = (_EACH_MOVE * (moved - 1) + (_STILL_SHORT if _short(words, start) else 0.0)
                + break_cost(words[start - 1], words[start]))
        if best is None or cost < best[0]:
            best = (cost, start)
    return greedy if best is None else [*greedy[:-1], best[1]]


def _short(words: Sequence[str], start: int) -> bool:
    """Return whether the line of ``words[start:]`` is a short last line."""
    rest = words[start:]
    return len(rest) < 2 or sum(map(len, rest)) + len(rest) - 1 <= SHORT_LAST_CHARS


def _width(widths: Sequence[float], space: float, start: int, end: int) -> float:
    return sum(widths[start:end]) + space * (end - start - 1)


def _sense(widths: Sequence[float], space: float, measure: float, breaks: Sequence[float],
           lines: int) -> tuple[float, list[int]] | None:
    """Return the cost and line starts of the best breaks into exactly ``lines`` lines (None if
    there are none of that shape); ``breaks[i]`` is what a line starting at token ``i`` costs.
    Dynamic programming over the break positions; a line holds the tokens that fit the
    measure, so the work is (tokens x tokens on a line x lines)."""
    n = len(widths)
    mean = (sum(widths) + space * (n - lines)) / lines
    inf = float("inf")
    # A line's shape costs its distance from the mean (as a share of it) squared, a tenth of it
    # up to _EVEN and all of it beyond: inlined below, this is the innermost loop.

    def shape(width: float) -> float:
        off = abs(width - mean) / mean
        return 0.1 * off * off + ((off - _EVEN) ** 2 if off > _EVEN else 0.0)

    # best[k][j]: the least cost of setting tokens j.. on k lines; choice[k][j]: the next start.
    # One line: the last, from j to the end.
    last = [inf] * (n + 1)
    width = -space
    for j in range(n - 1, -1, -1):
        width += space + widths[j]
        if width > measure and j < n - 1:
            break
        last[j] = shape(width)
    best, choice = [last], [[n] * (n + 1)]
    for _ in range(2, lines + 1):
        below = best[-1]
        here, chosen = [inf] * (n + 1), [n] * (n + 1)
        for j in range(n - 1, -1, -1):
            width = -space
            for end in range(j + 1, n):
                width += space + widths[end - 1]
                if width > measure and end > j + 1:
                    break
                rest = below[end]
                if rest == inf:
                    continue
                off = (width - mean) / mean
                off = off * off
                off = 0.1 * off + ((off ** 0.5 - _EVEN) ** 2 if off > _EVEN * _EVEN else 0.0)
                cost = off + rest + breaks[end]
                if cost < here[j]:
                    here[j], chosen[j] = cost, end
        best.append(here)
        choice.append(chosen)
    if best[-1][0] == inf:  # no breaks of that shape
        return None
    starts, j = [0], 0
    for k in range(lines - 1, 0, -1):
        j = choice[k][j]
        starts.append(j)
    return best[-1][0], starts
