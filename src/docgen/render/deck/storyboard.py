"""What each section of the deck shows, decided from its content alone: the storyboard.

Plain data, no geometry and no XML, so the choices are tested on their own:

- one **hero** quote per section, on a slide of its own right after the divider: the handout's
  pull quote (``featured: true``, else the shortest that still makes a point, 4 to 40 words);
- runs of short quotes as **cards**, three to a slide when each has at most 16 words, else two
  when both together have at most 40; a quote left alone, or a longer one, gets a **quote** slide;
- **key points** as bullets, or as a **comparison** when the points set two subjects side by side
  ("Marketing works at mass scale; Sales is one-on-one") and the article sets those two
  subjects side by side in two points at least, so one stray pair never makes columns;
- pictures, lists and callouts in the order they come;
- the paragraphs are the speaker's: each beat keeps the paragraphs that lead into it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from docgen.model import Callout, Document, Image, ListBlock, Paragraph, Quote, Section, Span, Text
from docgen.quotes import pull_quote

CARD3_WORDS = 16
CARD2_WORDS = 30
SLIDE_WORDS = 40


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two subjects side by side: each column's points (the subject word taken off), and the
    points that compare nothing, shown above the columns."""

    left: str
    right: str
    left_items: tuple[Text, ...]
    right_items: tuple[Text, ...]
    lead: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True)
class Beat:
    """One idea of a section, which becomes one slide (or several when it does not fit).

    ``kind``: statement (the hero), quote, cards, bullets (key points), comparison, list,
    picture, callout. ``lead_ins[i]`` are the paragraphs that led into the i-th quote (or, for
    other kinds, into the beat): what the speaker says before it.
    """

    kind: str
    quotes: tuple[Quote, ...] = ()
    items: tuple[Text, ...] = ()
    comparison: Comparison | None = None
    image: Image | None = None
    callout: Callout | None = None
    lead_ins: tuple[tuple[Text, ...], ...] = ()

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
    subjects = _subjects(sections)
    return tuple(_part(s, i, subjects) for i, s in enumerate(sections, 1))


def hero(section: Section) -> Quote | None:
    """The section's hero quote: the handout's pull quote (:func:`docgen.quotes.pull_quote`), so
    both outputs single out the same words: the first featured one, else the shortest that makes
    a point."""
    return pull_quote(section)


def _part(section: Section, number: int, subjects: tuple[str, str] | None) -> Part:
    star = hero(section)
    beats: list[Beat] = []
    pending: list[Text] = []  # paragraphs waiting for the next beat
    run: list[tuple[Quote, tuple[Text, ...]]] = []  # short quotes waiting to be grouped
    hero_beat: Beat | None = None
    opening: list[Text] = []  # paragraphs before the first beat: the section's introduction

    def flush_run() -> None:
        beats.extend(_group(run))
        run.clear()

    for block in section.blocks:
        if isinstance(block, Paragraph):
            pending.append(block.text)
            continue
        lead = tuple(pending)
        pending.clear()
        if not beats and not run and hero_beat is None:
            opening.extend(lead)
            lead = ()
        if block is star:
            hero_beat = Beat("statement", (block,), lead_ins=(lead,))
            continue
        if isinstance(block, Quote):
            if count_words(block.text) <= CARD2_WORDS:
                run.append((block, lead))
                continue
            flush_run()
            beats.append(Beat("quote", (block,), lead_ins=(lead,)))
            continue
        flush_run()
        if isinstance(block, ListBlock):
            beats.append(Beat("list", items=block.items, lead_ins=(lead,)))
        elif isinstance(block, Image):
            beats.append(Beat("picture", image=block, lead_ins=(lead,)))
        elif isinstance(block, Callout):
            beats.append(Beat("callout", callout=block, lead_ins=(lead,)))
    flush_run()
    if section.key_points:
        lead = tuple(pending)
        pending.clear()
        if not beats and hero_beat is None:
            opening.extend(lead)
            lead = ()
        compared = compare(section.key_points, subjects) if subjects else None
        beats.append(Beat("comparison", comparison=compared, items=section.key_points,
                          lead_ins=(lead,)) if compared else
                     Beat("bullets", items=section.key_points, lead_ins=(lead,)))
    if hero_beat is not None:  # the hero opens the section, with the section's introduction
        first = (*opening, *hero_beat.lead_ins[0])
        beats.insert(0, Beat("statement", hero_beat.quotes, lead_ins=(first,)))
    elif beats and opening:
        b = beats[0]
        lead_ins = ((*opening, *b.lead_ins[0]), *b.lead_ins[1:]) if b.lead_ins else (tuple(opening),)
        beats[0] = Beat(b.kind, b.quotes, b.items, b.comparison, b.image, b.callout, lead_ins)
    elif opening:
        pending[:0] = opening
    total = sum(count_words(b.text) for b in section.blocks if isinstance(b, (Paragraph, Quote, Callout)))
    total += sum(count_words(t) for t in section.key_points)
    total += sum(count_words(t) for b in section.blocks if isinstance(b, ListBlock) for t in b.items)
    return Part(section, number, tuple(beats), tuple(pending), total)


def _group(run: list[tuple[Quote, tuple[Text, ...]]]) -> list[Beat]:
    """Group a run of short quotes into card slides: fewest slides, then fewest short quotes left
    alone (a lone quote gets a quote slide; a longer one is at home there), then most threes."""
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
            if size == 3 and (max(chunk) > CARD3_WORDS or sum(chunk) > SLIDE_WORDS):
                continue
            if size == 2 and sum(chunk) > SLIDE_WORDS:
                continue
            (slides, singles, threes), sizes = best[j]  # type: ignore[misc]
            alone = size == 1 and counts[i] <= CARD3_WORDS
            options.append(((slides + 1, singles + alone, threes - (size == 3)), [size, *sizes]))
        best[i] = min(options, key=lambda o: o[0]) if options else None  # ties: bigger first
    assert best[0] is not None
    beats, at = [], 0
    for size in best[0][1]:
        chunk = run[at:at + size]
        quotes = tuple(q for q, _ in chunk)
        leads = tuple(lead for _, lead in chunk)
        beats.append(Beat("cards" if size > 1 else "quote", quotes, lead_ins=leads))
        at += size
    return beats


# -- comparisons -----------------------------------------------------------------------------------
_CLAUSE = re.compile(r"\s*(?:;|\.(?=\s))\s*")
_WORD = re.compile(r"[A-Z][\w’'-]*")


def _clauses(text: str, subjects: tuple[str, ...] = ()) -> list[str]:
    """Clauses of a point: split at ";" and ". ", and at ", " before a subject (any capitalised
    word while the subjects are not known yet): "Marketing fertilizes, Sales harvests"."""
    out = []
    for part in _CLAUSE.split(text.strip().rstrip(".!")):
        pieces = re.split(r",\s+(?=[A-Z])", part)
        for piece in pieces:
            if out and piece is not pieces[0] and subjects and _opening_word(piece) not in subjects:
                out[-1] += ", " + piece  # "the plan, The Reconnaissance": not a new subject
            elif piece:
                out.append(piece)
    return out


def _opening_word(clause: str) -> str:
    m = _WORD.match(clause)
    return m.group() if m and (len(clause) == m.end() or clause[m.end()] == " ") else ""


def _subjects(sections: list[Section]) -> tuple[str, str] | None:
    """The two words the key points set side by side most often: both open a clause of the same
    point at least twice, and each opens at least three clauses in the whole article."""
    opens: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for s in sections:
        for point in s.key_points:
            words = [w for w in (_opening_word(c) for c in _clauses(point.plain)) if w]
            opens.update(words)
            if len(set(words)) == 2 and len(words) == 2:
                pairs[tuple(sorted(words))] += 1  # type: ignore[index]
    for (a, b), count in pairs.most_common():
        if count >= 2 and opens[a] >= 3 and opens[b] >= 3:
            return a, b
    return None


def compare(points: tuple[Text, ...], subjects: tuple[str, str]) -> Comparison | None:
    """Return the points as two columns, or None when they do not compare the two subjects.

    A point joins a column clause by clause: "Marketing works at mass scale; Sales is one-on-one"
    gives "works at mass scale" to Marketing and "is one-on-one" to Sales. A point naming neither
    (or both at once: "Marketing and Sales need to work together") compares nothing; at most one
    such point may stand above the columns, and each column needs a point of its own.
    """
    columns: dict[str, list[Text]] = {s: [] for s in subjects}
    lead: list[Text] = []
    order: list[str] = []
    for point in points:
        text = point.plain.strip()
        clauses = _clauses(text, subjects)
        found = []
        for clause in clauses:
            word = _opening_word(clause)
            rest = clause[len(word):].strip()
            other = subjects[1] if word == subjects[0] else subjects[0]
            if word not in subjects or not rest or re.search(rf"\b{re.escape(other)}\b", rest):
                found = []
                break
            found.append((word, rest))
        if not found or len({w for w, _ in found}) != len(found):
            lead.append(point)
            continue
        for word, rest in found:
            columns[word].append(Text((Span(rest),)))
            if word not in order:
                order.append(word)
    if len(lead) > 1 or not all(columns.values()):
        return None
    left, right = (order + [s for s in subjects if s not in order])[:2]
    return Comparison(left, right, tuple(columns[left]), tuple(columns[right]), tuple(lead))
