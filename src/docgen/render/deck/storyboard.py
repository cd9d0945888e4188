"""What each section of the deck shows, decided from its content alone: the storyboard.

Plain data, no geometry and no XML, so the choices are tested on their own. The article's order
is kept; what a slide is depends on what it holds, not where it stands:

- each quote backs at most one of the section's key points (:mod:`.points`), and its slide takes
  that claim as its title; quotes backing one point share a slide, as cards;
- a quote alone on its slide is a **statement** (set large) when it is short, or marked
  ``featured: true``; else a **quote** slide; it is never split; a statement whose claim only
  restates it (:func:`.points.echoes`) is set alone, so the slide says it once (``echo``);
- runs of short quotes become **cards**, three to a slide when each has at most 16 words, else
  two when both together have at most 40, when they back no point, or points with run-in labels
  ("Sports: ...", "Theatre: ..."), which then title the slide together;
- the **key points** come back as a recap (bullets, or a **comparison** when they set two
  subjects side by side) only when it adds something: a point no slide took as its title;
- pictures, lists and callouts in the order they come;
- the paragraphs are the speaker's: each beat keeps the paragraphs that lead into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TypeVar

from docgen.model import (
    Block,
    Callout,
    Document,
    Image,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    Span,
    Text,
)
from docgen.render.deck.points import assign, conclusion, echoes, label
from docgen.render.deck.sides import Comparison, compare, overview, subjects_of

CARD3_WORDS = 16
CARD2_WORDS = 30
SLIDE_WORDS = 40
#: A quote alone on its slide and this short is set large, as a statement.
STATEMENT_WORDS = 16
#: A statement this short whose claim restates it is set alone, the quote as the slide's title.
ECHO_WORDS = 30


@dataclass(frozen=True, slots=True)
class Beat:
    """One idea of a section, which becomes one slide (or several when a list does not fit).

    ``kind``: statement, quote, cards, bullets (key points), comparison, list, picture, callout,
    overview (the article's two-sided claims side by side, :func:`overview`).
    ``lead_ins[i]`` are the paragraphs that led into the i-th quote (or, for other kinds, into
    the beat): what the speaker says before it. ``point``: the key point the beat's quotes back,
    its title; ``labels``: the run-in labels of the points its cards back ("Sports"), which
    title it together; ``backs[i]``: the point the i-th quote backs.
    """

    kind: str
    quotes: tuple[Quote, ...] = ()
    items: tuple[Text, ...] = ()
    comparison: Comparison | None = None
    image: Image | None = None
    callout: Callout | None = None
    lead_ins: tuple[tuple[Text, ...], ...] = ()
    point: Text | None = None
    labels: tuple[str, ...] = ()
    backs: tuple[Text | None, ...] = ()
    #: A statement whose claim restates its quote: the quote alone is set large (the slide's
    #: title), and the claim is said, not shown.
    echo: bool = False

    @property
    def words(self) -> int:
        """The words the beat puts on its slide(s)."""
        texts = [q.text for q in self.quotes] + list(self.items)
        if self.callout is not None:
            texts.append(self.callout.text)
        if self.image is not None and self.image.caption is not None:
            texts.append(self.image.caption)
        if self.comparison is not None:
            c = self.comparison
            texts += [*c.left_items, *c.right_items, *c.lead]
        return sum(count_words(t) for t in texts)


@dataclass(frozen=True, slots=True)
class Part:
    """A section's storyboard: its number, beats, closing paragraphs and spoken words."""

    section: Section
    number: int
    beats: tuple[Beat, ...]
    closing: tuple[Text, ...] = ()  # paragraphs after the last beat
    words: int = 0  # every word of the section: what the timing is estimated from


def count_words(text: Text) -> int:
    return len(text.plain.split())


def storyboard(doc: Document) -> tuple[Part, ...]:
    """Return the storyboard of every section the deck shows, in order."""
    sections = [s for s in doc.sections if not s.deck.skip]
    subjects = subjects_of(sections)
    parts = [_part(s, i, subjects) for i, s in enumerate(sections, 1)]
    found = overview(parts, subjects) if subjects else None
    if found is not None:  # closes the last part it draws on
        at, compared = found
        p = parts[at]
        parts[at] = Part(p.section, p.number, (*p.beats, Beat("overview", comparison=compared)),
                         p.closing, p.words)
    return tuple(parts)


_QUESTION = re.compile(r"[“\"«„]\s*([^“”\"«»„]{3,300}?\?)\s*[”\"»“]")


def question(doc: Document) -> Text | None:
    """The question the article sets out to answer, quoted in its introduction ("... with a
    simple question, “What’s the difference between Marketing and Sales?”"), or None."""
    for block in doc.intro:
        if isinstance(block, Paragraph):
            m = _QUESTION.search(block.text.plain)
            if m:
                return Text((Span(m.group(1).strip()),))
    return None


_FIGURE = re.compile(
    r"\b(?:(?P<more>over|more than|upwards of)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d{2,})(?P<plus>\+)?"
    r"\s+(?P<what>[a-z][a-z-]*s(?:\s+(?:to|of|from|for|in|on|about)\s+[a-z]+(?:\s+[a-z]+)?)?)"
    r"(?=[.,;:!?)]|\s*$)")


def figure(doc: Document) -> tuple[str, str] | None:
    """The count the article's opening is built on, as (the figure, what it counts), or None:
    "Highlights from over 140 responses to one question" gives ("140+", "responses to one
    question"). Read from the subtitle, else the introduction's paragraph that asks the question;
    only a count of ten or more, of a plural noun, standing at a clause's end (a year, a
    percentage or a number in mid-sentence is no hook)."""
    texts = [doc.subtitle.plain] if doc.subtitle is not None else []
    texts += [b.text.plain for b in doc.intro if isinstance(b, Paragraph)
              and _QUESTION.search(b.text.plain)]
    for text in texts:
        for m in _FIGURE.finditer(text):
            n = m.group("n")
            if not m.group("more") and not m.group("plus") and len(n) == 4 and n[:2] in ("19", "20"):
                continue  # a year
            more = "+" if m.group("more") or m.group("plus") else ""
            return n + more, m.group("what")
    return None


def _part(section: Section, number: int, subjects: tuple[str, str] | None) -> Part:
    # The section as items: each block that is not a paragraph, with the paragraphs before it.
    items: list[tuple[Block, tuple[Text, ...]]] = []
    pending: list[Text] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            pending.append(block.text)
        else:
            items.append((block, tuple(pending)))
            pending = []
    quotes = [b for b, _ in items if isinstance(b, Quote)]
    leads = [" ".join(t.plain for t in lead) for b, lead in items if isinstance(b, Quote)]
    adjacent, prev = [], None
    for i, (b, _) in enumerate(items):
        if isinstance(b, Quote):
            adjacent.append(prev == i - 1)
            prev = i
    points = section.key_points
    backs = assign(points, quotes, leads, adjacent)
    point_of = {id(q): p for q, p in zip(quotes, backs, strict=True)}

    beats: list[Beat] = []
    run: list[tuple[Quote, tuple[Text, ...]]] = []

    def flush() -> None:
        beats.extend(_run(run, point_of, points))
        run.clear()

    for block, lead in items:
        if isinstance(block, Quote):
            run.append((block, lead))
            continue
        flush()
        if isinstance(block, ListBlock):
            beats.append(Beat("list", items=block.items, lead_ins=(lead,)))
        elif isinstance(block, Image):
            beats.append(Beat("picture", image=block, lead_ins=(lead,)))
        elif isinstance(block, Callout):
            beats.append(Beat("callout", callout=block, lead_ins=(lead,)))
    flush()
    titled = {id(b.point) for b in beats if b.point is not None}
    # Points whose run-in labels title a row of cards are shown there (and said in the notes).
    titled |= {id(p) for b in beats if b.labels for p in b.backs if p is not None}
    if points and any(id(p) not in titled for p in points):  # the recap adds a point
        lead = tuple(pending)
        pending = []
        compared = compare(points, subjects) if subjects else None
        beats.append(Beat("comparison", comparison=compared, items=points, lead_ins=(lead,))
                     if compared else Beat("bullets", items=points, lead_ins=(lead,)))
    total = sum(count_words(b.text) for b in section.blocks if isinstance(b, (Paragraph, Quote, Callout)))
    total += sum(count_words(t) for t in points)
    total += sum(count_words(t) for b in section.blocks if isinstance(b, ListBlock) for t in b.items)
    return Part(section, number, tuple(beats), tuple(pending), total)


def _run(run: list[tuple[Quote, tuple[Text, ...]]], point_of: dict[int, int | None],
         points: tuple[Text, ...]) -> list[Beat]:
    """The slides of a run of quotes: split where the titles would differ, then grouped."""
    def key(i: int) -> tuple[object, ...]:
        q = run[i][0]
        p = point_of.get(id(q))
        if q.featured:
            return ("featured", i)
        if p is None:
            return ("none",)
        shared = sum(1 for x, _ in run if point_of.get(id(x)) == p) > 1
        if shared:
            return ("point", p)
        return ("labelled",) if label(points[p]) else ("single", i)

    out: list[Beat] = []
    start = 0
    for i in range(1, len(run) + 1):
        if i < len(run) and key(i) == key(start):
            continue
        segment = run[start:i]
        for chunk in _group(segment) if len(segment) > 1 else [segment]:
            backs = tuple(_point(point_of.get(id(q)), points) for q, _ in chunk)
            quotes = tuple(q for q, _ in chunk)
            leads = tuple(lead for _, lead in chunk)
            if len(chunk) == 1:
                q = quotes[0]
                kind = "statement" if q.featured or count_words(q.text) <= STATEMENT_WORDS else "quote"
                echo = (kind == "statement" and backs[0] is not None and count_words(q.text) <= ECHO_WORDS
                        and echoes(backs[0], q))
                out.append(Beat(kind, quotes, lead_ins=leads, point=backs[0], backs=backs, echo=echo))
                continue
            shared = backs[0] if all(b is backs[0] for b in backs) else None
            labels = tuple(label(b) for b in backs if b is not None) if shared is None else ()
            if len(labels) != len(chunk) or not all(labels):
                labels = ()
            out.append(Beat("cards", quotes, lead_ins=leads, point=shared, labels=labels,
                            backs=backs))
        start = i
    return out


def _point(index: int | None, points: tuple[Text, ...]) -> Text | None:
    return None if index is None else points[index]


def _group(run: list[tuple[Quote, tuple[Text, ...]]]) -> list[list[tuple[Quote, tuple[Text, ...]]]]:
    """Group a run of short quotes into card slides: fewest slides, then fewest short quotes left
    alone (a lone quote gets a slide of its own; a longer one is at home there), then most threes."""
    n = len(run)
    counts = [count_words(q.text) for q, _ in run]
    best: list[tuple[tuple[int, int, int], list[int]] | None] = [None] * (n + 1)
    best[n] = ((0, 0, 0), [])
    for i in range(n - 1, -1, -1):
        options = []
        for size in (3, 2, 1):
            j = i + size
            if j > n or best[j] is None:
                continue
            chunk = counts[i:j]
            if size > 1 and max(chunk) > CARD2_WORDS:
                continue
            if size == 3 and (max(chunk) > CARD3_WORDS or sum(chunk) > SLIDE_WORDS):
                continue
            if size == 2 and sum(chunk) > SLIDE_WORDS:
                continue
            (slides, singles, threes), sizes = best[j]  # type: ignore[misc]
            alone = size == 1 and counts[i] <= CARD3_WORDS
            options.append(((slides + 1, singles + alone, threes - (size == 3)), [size, *sizes]))
        best[i] = min(options, key=lambda o: o[0]) if options else None  # ties: bigger first
    assert best[0] is not None
    out, at = [], 0
    for size in best[0][1]:
        out.append(run[at:at + size])
        at += size
    return out


_T = TypeVar("_T")

#: Cards side by side are as tall as the longest: a quote under 1/CARD_RATIO of its words
#: leaves its card mostly empty, so it stands on a slide of its own.
CARD_RATIO = 2.5


def matched(beat: Beat) -> list[Beat]:
    """The card beat's quotes in groups that can share a slide, in their order: all together,
    unless some have under 1/``CARD_RATIO`` of the longest's words; those stand alone (a short
    one split from a claim it shares as its own title, :attr:`Beat.echo`: the claim titles the
    long one's slide, so it is said once), the rest together where the first of them was."""
    n = [len(q.text.plain.split()) for q in beat.quotes]
    if beat.kind != "cards" or len(n) < 2 or max(n) <= CARD_RATIO * min(n):
        return [beat]
    keep = tuple(i for i in range(len(n)) if n[i] * CARD_RATIO >= max(n))
    groups = sorted([*((i,) for i in range(len(n)) if i not in keep), keep])

    def pick(items: tuple[_T, ...], g: tuple[int, ...]) -> tuple[_T, ...]:
        return tuple(items[i] for i in g if i < len(items))

    return [replace(beat, quotes=pick(beat.quotes, g), lead_ins=pick(beat.lead_ins, g),
                    backs=pick(beat.backs, g), labels=pick(beat.labels, g),
                    echo=beat.point is not None and g is not keep) for g in groups]


def concluded(beat: Beat, part: Part) -> Beat:
    """The last part's key points titled by the article's closing claim (:func:`conclusion`),
    the others its bullets; the section's name goes to the eyebrow."""
    points = part.section.key_points
    end = conclusion(points)
    if end is None or beat.kind != "bullets" or beat.items != points or beat.point:
        return beat
    return replace(beat, items=points[:-1], point=end)


__all__ = ["Beat", "Comparison", "Part", "compare", "concluded", "figure", "matched", "overview",
           "question", "storyboard"]
