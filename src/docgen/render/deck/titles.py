"""Slide titles told apart: every slide's title its own (screen readers, the outline and the
slide sorter list them), a fallback label followed by the first words its slide shows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from docgen.labels import Labels
from docgen.model import Span, Text
from docgen.render.deck.measure import SOFT_BREAK
from docgen.render.deck.plan_types import SlidePlan
from docgen.render.deck.storyboard import Beat


class Draft(Protocol):
    """What :func:`unique` reads of a slide being planned."""

    @property
    def slide(self) -> SlidePlan | None: ...
    @property
    def title(self) -> Text | None: ...
    @property
    def tail(self) -> str: ...
    @property
    def fallback(self) -> str: ...
    @property
    def snippet(self) -> str: ...
    @property
    def heading(self) -> Text | None: ...


def snippet(beat: Beat, text: Callable[[str], Text]) -> str:
    """The first words a beat shows ("“Think of target shooting…”"): what tells two slides of one
    kind apart when neither has a claim of its own; the section's heading for key points."""
    if beat.quotes:
        words, marked = beat.quotes[0].text.plain.split(), True
    elif beat.kind == "list" and beat.items:
        words, marked = beat.items[0].plain.split(), False
    elif beat.image is not None:
        words, marked = beat.image.alt.split(), False
    elif beat.callout is not None:
        words, marked = beat.callout.text.plain.split(), False
    else:
        return ""
    shown = " ".join(words[:5]).rstrip(",;:.") + ("…" if len(words) > 5 else "")
    if len(shown) > 40:  # a long link: its start
        shown = shown[:36].rstrip(",;:. ") + "…"
    shown = text(shown).plain
    return f"“{shown}”" if marked else shown


def unique(drafts: Sequence[Draft], label: Labels) -> list[tuple[Text, str]]:
    """A title for every slide, none the same (screen readers and the outline list them): a
    fallback label shared by two slides takes the first words it shows ("In Their Words:
    “Think of target shooting…”", or the section for key points); what still repeats gets a
    number."""
    titles: list[tuple[Text, str]] = []
    for dr in drafts:
        if dr.slide is not None:
            titles.append((Text(tuple(Span(r.text.replace(SOFT_BREAK, ""), r.bold, r.italic)
                                      for p in dr.slide.title.paras for r in p.runs)), ""))
        else:
            titles.append((dr.title or Text(()), dr.tail))

    def key(t: tuple[Text, str]) -> str:
        return (t[0].plain + t[1]).strip().lower()

    counts: dict[str, int] = {}
    for t in titles:
        counts[key(t)] = counts.get(key(t), 0) + 1
    for i, (dr, t) in enumerate(zip(drafts, titles, strict=True)):
        if counts[key(t)] > 1 and dr.fallback:
            what = dr.snippet or (dr.heading.plain if dr.heading is not None else "")
            if what:
                titles[i] = (Text((*t[0].spans, Span(f": {what}"))), t[1])
    seen: dict[str, int] = {}
    out = []
    for head, tail in titles:
        k = key((head, tail))
        seen[k] = seen.get(k, 0) + 1
        out.append((head, tail) if seen[k] == 1 else (head, f"{tail} ({seen[k]})"))
    return out
