"""The deck writer's cost per slide stays constant as the deck grows; so does the planner's.

Checked without timing: the Python calls per added slide must not grow with the deck (a scan of
everything already written, as python-pptx's ``add_slide`` made, would).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import cycle, islice
from typing import Any

import pytest

from docgen.model import Document
from docgen.render.deck import plan_deck
from docgen.render.deck.plan_types import DeckPlan
from docgen.render.deck.writer import write_deck

WHEN = dt.datetime(2026, 1, 2, tzinfo=dt.UTC)


def _deck_of(plan: DeckPlan, n: int) -> DeckPlan:
    """The seed's slides repeated to ``n`` slides (notes, pictures, links and all)."""
    return dataclasses.replace(plan, slides=tuple(islice(cycle(plan.slides), n)))


@contextmanager
def _counting() -> Iterator[dict[str, int]]:
    """Count Python and C calls."""
    counts = {"calls": 0}

    def profile(frame: Any, event: str, arg: Any) -> None:
        if event in ("call", "c_call"):
            counts["calls"] += 1

    sys.setprofile(profile)
    try:
        yield counts
    finally:
        sys.setprofile(None)


@pytest.mark.slow
def test_cost_per_slide_does_not_grow(seed_doc: Document) -> None:
    plan = plan_deck(seed_doc)
    m = len(plan.slides)  # the repeats below cycle whole seed decks
    write_deck(_deck_of(plan, m), seed_doc.brand, WHEN)  # warm caches (template, images)
    counts = {}
    for n in (2 * m, 8 * m, 14 * m):
        with _counting() as c:
            write_deck(_deck_of(plan, n), seed_doc.brand, WHEN)
        counts[n] = c
    for key in ("calls",):
        first = (counts[8 * m][key] - counts[2 * m][key]) / (6 * m)
        second = (counts[14 * m][key] - counts[8 * m][key]) / (6 * m)
        # Linear: the same cost for the later slides as for the earlier ones. Quadratic doubles it.
        assert second <= first * 1.05 + 1, (key, first, second, counts)


def _sections_of(doc: Document, n: int) -> Document:
    """The seed's sections repeated to ``n``, each heading numbered (as the bench's long articles)."""
    from docgen.model import Span, Text

    secs = [
        dataclasses.replace(s, heading=Text((*s.heading.spans, Span(f" {i}"))))
        for i, s in enumerate(islice(cycle(doc.sections), n))
    ]
    return dataclasses.replace(doc, sections=tuple(secs))


@contextmanager
def _lines() -> Iterator[dict[str, int]]:
    """Count the Python lines executed (a loop's body once per turn, comprehensions included)."""
    counts = {"lines": 0}

    def trace(frame: Any, event: str, arg: Any) -> Any:
        counts["lines"] += 1
        return trace

    sys.settrace(trace)
    try:
        yield counts
    finally:
        sys.settrace(None)


@pytest.mark.slow
def test_planning_cost_per_section_does_not_grow(seed_doc: Document) -> None:
    """The planner's caches (run widths per face, title boxes per kit) never make it scan what it planned.

    Lines executed, not calls: a scan of the slides so far is one comprehension call but a line
    per slide.
    """
    plan_deck(_sections_of(seed_doc, 10))  # warm the per-face width caches
    lines = {}
    for n in (10, 60, 110):  # whole cycles of the seed's 5 sections
        with _lines() as c:
            plan_deck(_sections_of(seed_doc, n))
        lines[n] = c["lines"]
    first = (lines[60] - lines[10]) / 50
    second = (lines[110] - lines[60]) / 50
    assert second <= first * 1.02 + 1, (first, second, lines)
