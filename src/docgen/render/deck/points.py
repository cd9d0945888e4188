"""Which quote backs which key point: the claims a marketer wrote, matched to the words that say
them, so a quote's slide can take its claim as its title.

A section's ``key_points`` are short claims ("Marketing works at mass scale; Sales is
one-on-one"); its quotes are the evidence. Each point is matched to at most one quote and each
quote to at most one point, by the words they share: content words only, crudely stemmed
("sells" = "selling"), each weighted by how rare it is among the section's quotes (a word every
quote uses, "Marketing", tells nothing) and among its points; the words of the paragraph that
leads into a quote count half ("A few people said there is little difference..." backs "Some see
little difference at all"). The best pairs are taken first. A quote with no point of its own
that sits next to one backing a point it also matches shares that point (two farming quotes under
one farming claim). A quote may name its point outright (``point: 2``), which always wins.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from docgen.model import Quote, Text

#: The least score that makes a match: about one word only this quote and this point share.
MIN_SCORE = 1.0
LEAD_WEIGHT = 0.5
#: The share of a claim's words a quote says too for the claim to restate it.
ECHO_SHARE = 0.4

_STOP = frozenset(re.findall(r"\S+", """
a about after all also am an and any are as at be because been being both but by can could did do
does for from had has have he her here him his how i if in into is it its just me more most my no
not of on one or our out over own per she should so some such than that the their them then there
these they this those through to too under up us very was we were what when where which while who
whom why will with would you your yet ever even each every other another many much few others
"""))
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_LABEL = re.compile(r"^\s*([^:;,.]{1,40}?):\s+\S")


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A crude stem: "sells", "selling" -> "sell"; "creates", "create" -> "creat"."""
    w = re.sub(r"['’]s$", "", word)
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # planning -> plann -> plan
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    """The stems of ``text``'s content words (stop words and one- or two-letter words left out)."""
    return frozenset(stem(w) for w in _TOKEN.findall(text.lower())
                     if len(w) > 2 and w not in _STOP)


def label(point: Text | str) -> str:
    """A point's run-in label ("Farming: Marketing fertilizes..." -> "Farming"), or ""."""
    plain = point if isinstance(point, str) else point.plain
    m = _LABEL.match(plain)
    return m.group(1).strip() if m and len(m.group(1).split()) <= 3 else ""


def echoes(point: Text, quote: Quote) -> bool:
    """Whether ``point`` restates ``quote`` (two or more of its content words, and at least 40 %
    of them, are the quote's): then a slide setting the quote large says the claim already, and
    the claim as its title would say it twice ("Marketing picks the target; Sales goes in for the
    kill" over "Marketing is targeting your quarry. Sales is going in for the kill.")."""
    claim = content_words(point.plain)
    shared = claim & content_words(quote.text.plain)
    return len(shared) >= 2 and len(shared) >= ECHO_SHARE * len(claim)


def assign(points: Sequence[Text], quotes: Sequence[Quote], leads: Sequence[str],
           adjacent: Sequence[bool] = ()) -> list[int | None]:
    """Return, for each quote, the index of the key point it backs (None: none).

    ``leads[i]`` is the prose that leads into quote ``i``; ``adjacent[i]`` says quote ``i``
    follows quote ``i - 1`` with only paragraphs between (so the two may share a point).
    """
    out: list[int | None] = [None] * len(quotes)
    if not points or not quotes:
        return out
    taken: set[int] = set()
    for i, q in enumerate(quotes):  # the source's word first
        if q.point is not None and 1 <= q.point <= len(points):
            out[i] = q.point - 1
            taken.add(q.point - 1)
    score = _scorer(points, quotes, leads)
    pairs = sorted(((score(p, i), p, i) for p in range(len(points)) for i in range(len(quotes))
                    if out[i] is None and p not in taken), key=lambda x: (-x[0], x[1], x[2]))
    for s, p, i in pairs:
        if s < MIN_SCORE:
            break
        if out[i] is None and p not in taken:
            out[i] = p
            taken.add(p)
    # A quote left without a point shares its neighbour's, when it backs that point too.
    changed = True
    while changed:
        changed = False
        for i in range(len(quotes)):
            if out[i] is not None:
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(quotes) or out[j] is None:
                    continue
                if not (adjacent[max(i, j)] if len(adjacent) == len(quotes) else True):
                    continue
                if score(out[j], i) >= MIN_SCORE:  # type: ignore[arg-type]
                    out[i] = out[j]
                    changed = True
                    break
    return out


def _scorer(points: Sequence[Text], quotes: Sequence[Quote],
            leads: Sequence[str]) -> Callable[[int, int], float]:
    said = [content_words(q.text.plain) for q in quotes]
    led = [content_words(lead) - s for lead, s in zip(leads, said, strict=True)]
    claims = [content_words(p.plain) for p in points]
    n, m = len(quotes), len(points)
    df: dict[str, int] = {}
    for s, lead in zip(said, led, strict=True):
        for w in s | lead:
            df[w] = df.get(w, 0) + 1
    pf: dict[str, int] = {}
    for c in claims:
        for w in c:
            pf[w] = pf.get(w, 0) + 1

    def weight(w: str) -> float:
        rare = math.log((n + 1) / df.get(w, 1))
        own = math.log((m + 1) / pf[w]) / math.log(m + 1) if m > 1 else 1.0
        return rare * own

    def score(p: int, i: int) -> float:
        c = claims[p]
        return (sum(weight(w) for w in c & said[i])
                + LEAD_WEIGHT * sum(weight(w) for w in c & led[i]))

    return score


#: A closing claim longer than this is a paragraph, not a title.
CONCLUSION_WORDS = 12


def conclusion(points: Sequence[Text]) -> Text | None:
    """The article's closing claim: the last key point of its last section, when that section
    has two or more (one is its only point, not a conclusion drawn from the others), it has no
    run-in label ("Sports: …" names one item of a list) and it is short enough for a title.
    An article ends on what it concludes; its writer lists that point last."""
    if len(points) < 2:
        return None
    last = points[-1]
    if label(last) or not 0 < len(last.plain.split()) <= CONCLUSION_WORDS:
        return None
    return last
