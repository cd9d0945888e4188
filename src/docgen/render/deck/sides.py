"""Two subjects side by side: the key points an article sets against each other ("Marketing
works at mass scale; Sales is one-on-one"), found from their shape alone.

The subjects are the two words that open a clause of the same point in two points or more, each
opening three clauses at least; a section's points then become two columns (:func:`compare`),
and the article's two-sided claims one overview (:func:`overview`). Plain data, as the
storyboard is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.model import Section, Span, Text
from docgen.render.deck.points import label

if TYPE_CHECKING:
    from docgen.render.deck.storyboard import Part


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two subjects side by side: each column's points (the subject word taken off), and the
    points that compare nothing, shown above the columns."""

    left: str
    right: str
    left_items: tuple[Text, ...]
    right_items: tuple[Text, ...]
    lead: tuple[Text, ...] = ()


#: The overview's most rows, and most words in its columns.
OVERVIEW_ROWS = 5
OVERVIEW_WORDS = 36


def _row(text: str, subjects: tuple[str, str]) -> tuple[str, str, str] | None:
    """A point as (the subject it names first, what the first subject does, what the second
    does), or None when it is not one clause for each ("Marketing aims; Sales pulls...")."""
    if label(text):
        text = text.split(":", 1)[1].strip()
    clauses = [(_opening_word(c), c) for c in _clauses(text.strip(), subjects)]
    if len(clauses) != 2 or {w for w, _ in clauses} != set(subjects):
        return None
    sides = {w: c[len(w):].strip() for w, c in clauses}
    for side, other in ((sides[subjects[0]], subjects[1]), (sides[subjects[1]], subjects[0])):
        if not side or re.search(rf"\b{re.escape(other)}\b", side):
            return None
    return clauses[0][0], sides[subjects[0]], sides[subjects[1]]


def overview(parts: list[Part], subjects: tuple[str, str]) -> tuple[int, Comparison] | None:
    """The article's two-sided claims side by side, one row a claim, when they have that shape.

    A row is a key point that is one clause for each subject, in either order ("Marketing works
    at mass scale; Sales is one-on-one"; a run-in label is set aside: "Farming: Marketing plants,
    Sales harvests"). Rows are taken from each part in turn (the parts' first claims first), at
    most five and 36 words. Made only when at least three rows from two parts or more have that
    shape, and no part shows a comparison of its own already. Returns the index of the last part
    a row comes from (the overview closes it) and the two columns.
    """
    if any(b.kind == "comparison" for p in parts for b in p.beats):
        return None
    first = ""  # the subject the article names first: the left column
    rows: dict[int, list[tuple[str, str]]] = {}

    def rows_of(at: int) -> list[tuple[str, str]]:  # made as they are asked for: a long
        nonlocal first                              # article's first parts fill the slide
        if at not in rows:
            rows[at] = []
            for point in parts[at].section.key_points:
                row = _row(point.plain, subjects)
                if row is not None:
                    first = first or row[0]
                    rows[at].append(row[1:])
        return rows[at]

    chosen: list[tuple[int, tuple[str, str]]] = []
    words = 0
    turn, more = 0, True
    while more and len(chosen) < OVERVIEW_ROWS:
        more = False
        for at in range(len(parts)):
            if len(chosen) == OVERVIEW_ROWS:
                break
            mine = rows_of(at)
            if turn < len(mine):
                more = True
                n = sum(len(x.split()) for x in mine[turn])
                if words + n <= OVERVIEW_WORDS:
                    chosen.append((at, mine[turn]))
                    words += n
        turn += 1
    if len(chosen) < 3 or len({at for at, _ in chosen}) < 2:
        return None
    chosen.sort(key=lambda c: c[0])  # in the article's order
    left = tuple(Text((Span(a),)) for _, (a, _) in chosen)
    right = tuple(Text((Span(b),)) for _, (_, b) in chosen)
    at = max(at for at, _ in chosen)
    if first == subjects[1]:
        return at, Comparison(subjects[1], subjects[0], right, left)
    return at, Comparison(subjects[0], subjects[1], left, right)


_CLAUSE = re.compile(r"\s*(?:;|\.(?=\s))\s*")
_WORD = re.compile(r"[A-Z][\w’'-]*")


def _clauses(text: str, subjects: tuple[str, ...] = ()) -> list[str]:
    """Clauses of a point: split at ";" and ". ", and at ", " before a subject (any capitalised
    word while the subjects are not known yet): "Marketing fertilizes, Sales harvests"."""
    out: list[str] = []
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


def subjects_of(sections: list[Section]) -> tuple[str, str] | None:
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
        found: list[tuple[str, str]] = []
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
