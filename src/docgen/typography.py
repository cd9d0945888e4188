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


def balanced_breaks(widths: Sequence[float], space: float, measure: float) -> list[int]:
    """Return where lines start (token indices, the first is 0) for the fewest lines that fit
    ``measure``, with the lines as even as possible (so a title or quote never ends on one word).

    ``widths`` are the tokens' widths without their trailing space; ``space`` the width of one.
    Binary search on the widest line allowed, greedy fill at each width: exact for minimising the
    widest line at the fewest lines.
    """
    if not widths:
        return [0]

    def greedy(limit: float) -> list[int]:
        starts, line = [0], 0.0
        for i, w in enumerate(widths):
            need = w if line == 0 else line + space + w
            if need > limit and line > 0:
                starts.append(i)
                line = w
            else:
                line = need
        return starts

    fewest = len(greedy(measure))
    low, high = max(widths), measure
    for _ in range(24):
        mid = (low + high) / 2
        if len(greedy(mid)) <= fewest:
            high = mid
        else:
            low = mid
    return greedy(high)
