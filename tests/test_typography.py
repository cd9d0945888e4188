"""The shared typography: what both the handout and the deck print for what a marketer typed."""

from __future__ import annotations

import pytest

from docgen.model import Span, Text
from docgen.typography import (
    NBSP,
    balanced_breaks,
    nest_quotes,
    quote_marks,
    smarten,
    smarten_str,
    title_case,
    unquote,
)


@pytest.mark.parametrize(("typed", "printed"), [
    ("linked - partners - in", f"linked{NBSP}– partners{NBSP}– in"),
    ("commercialization -", f"commercialization{NBSP}–"),
    ("well--known", "well—known"),
    ("wait...", "wait…"),
    ("a well-known brand", f"a{NBSP}well-known brand"),
    ("The 9-5 grind", "The 9-5 grind"),
    ('She said "go" and left', "She said “go” and left"),
    ("the ‘why’ and 'what'", "the ‘why’ and ‘what’"),
    ("don't stop", "don’t stop"),
    ("in the '90s", "in the ’90s"),
])
def test_smarten_str_prints_real_dashes_quotes_and_ellipses(typed: str, printed: str) -> None:
    assert smarten_str(typed) == printed


def test_smarten_reads_a_dash_at_a_run_edge_in_context() -> None:
    text = Text((Span("Marketing "), Span("-", bold=True), Span(" then Sales")))
    assert smarten(text).plain == f"Marketing{NBSP}– then Sales"


def test_smarten_keeps_link_targets() -> None:
    text = Text((Span("see -- here", href="https://example.com/a--b"),))
    assert smarten(text).spans[0].href == "https://example.com/a--b"


def test_quotes_follow_the_language() -> None:
    assert quote_marks("de-DE")[:2] == ("„", "“")
    assert quote_marks("xx") == quote_marks("en")
    assert smarten_str('Er sagte "ja"', "de") == "Er sagte „ja“"


@pytest.mark.parametrize("typed", ['"A price is a promise."', "“A price is a promise.”",
                                   "  “A price is a promise.”  "])
def test_unquote_drops_marks_typed_around_a_whole_quote(typed: str) -> None:
    assert unquote(Text((Span(typed),))).plain == "A price is a promise."


def test_unquote_leaves_two_quotations_alone() -> None:
    typed = '"Yes" and "no"'
    assert unquote(Text((Span(typed),))).plain == typed


def test_nested_quotes_take_the_inner_style() -> None:
    assert nest_quotes(Text((Span("the “why” of it"),))).plain == "the ‘why’ of it"


@pytest.mark.parametrize(("typed", "cased"), [
    ("About the author", "About the Author"),
    ("the difference between marketing and sales", "The Difference Between Marketing and Sales"),
    ("what it is for", "What It Is For"),
    ("iPhone sales in B2B", "iPhone Sales in B2B"),
    ("Marketing: a field guide", "Marketing: A Field Guide"),
])
def test_title_case(typed: str, cased: str) -> None:
    assert title_case(typed) == cased


def test_balanced_breaks_never_leave_one_word_alone() -> None:
    # "The Difference Between Marketing and Sales" at a measure that fits five words a line.
    widths = [3, 10, 7, 9, 3, 5]
    starts = balanced_breaks(widths, 1, 36)
    assert len(starts) == 2
    lines = [widths[a:b] for a, b in zip(starts, [*starts[1:], len(widths)], strict=True)]
    assert min(len(line) for line in lines) >= 2
    assert balanced_breaks([], 1, 10) == [0]
    assert balanced_breaks([50], 1, 10) == [0]
