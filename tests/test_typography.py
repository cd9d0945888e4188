"""The shared typography: what both the handout and the deck print for what a marketer typed."""

from __future__ import annotations

import pytest

from docgen.model import Span, Text
from docgen.typography import (
    MEND_WORDS,
    NBSP,
    SHORT_LAST_CHARS,
    balanced_breaks,
    break_cost,
    greedy_breaks,
    mended_breaks,
    nest_quotes,
    quote_marks,
    sense_breaks,
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


def _lines(text: str, measure: float, **kw: bool) -> list[str]:
    """Break ``text`` (one unit per character, a space is one) with the words' sense."""
    words = text.split()
    starts = balanced_breaks([len(w) for w in words], 1, measure, words) if not kw else \
        sense_breaks([len(w) for w in words], 1, measure, words, **kw)
    return [" ".join(words[a:b]) for a, b in zip(starts, [*starts[1:], len(words)], strict=True)]


@pytest.mark.parametrize(("text", "measure", "lines"), [
    # after a comma and before "and", not "Marketing, and / all Marketing"
    ("All Selling is Marketing, and all Marketing is Selling.", 40,
     ["All Selling is Marketing,", "and all Marketing is Selling."]),
    # before a preposition, not after it: "in concert / to execute", not "concert to / execute"
    ("The two work in concert to execute the battle plan together.", 40,
     ["The two work in concert", "to execute the battle plan together."]),
    # a sentence's end wins over even lines
    ("Marketing is targeting your quarry. Sales is going in for the kill.", 45,
     ["Marketing is targeting your quarry.", "Sales is going in for the kill."]),
    # never an article at a line's end, even for evener lines
    ("Managing Partner, Rocket Market Development LLC", 32,
     ["Managing Partner,", "Rocket Market Development LLC"]),
])
def test_balanced_breaks_with_words_break_on_sense(text: str, measure: float,
                                                   lines: list[str]) -> None:
    assert _lines(text, measure) == lines


def _flow(text: str, measure: float) -> tuple[list[str], list[str]]:
    """Return ``text``'s greedy lines and its mended ones (one unit per character)."""
    words = text.split()
    widths = [len(w) for w in words]
    out = []
    for starts in (greedy_breaks(widths, 1, measure), mended_breaks(widths, 1, measure, words)):
        out.append([" ".join(words[a:b])
                    for a, b in zip(starts, [*starts[1:], len(words)], strict=True)])
    return out[0], out[1]


@pytest.mark.parametrize(("text", "measure", "last_two"), [
    # one word alone: one word more, the break before "it" (the reviewer's "that makes / it")
    ("Marketing is the master plan, the reconnaissance, and the strategy behind the operation. "
     "Sales is the boots on the ground that makes it happen.”", 68,
     ["behind the operation. Sales is the boots on the ground that makes", "it happen.”"]),
    # 12 characters are too few ("For example:" alone): two words, so that the line above does
    # not end on "and"
    ("A few people said there is little difference between Marketing and Sales. For example:", 74,
     ["A few people said there is little difference between Marketing", "and Sales. For example:"]),
    # two words where they read better: before "to", not after it
    ("Marketing AND Sales are the front door, working together, to identify prospects and "
     "communicate what the company offers to its customers with Ops, Finance, IT, etc., as "
     "the back door to support everything.", 66,
     ["customers with Ops, Finance, IT, etc., as the back door", "to support everything."]),
])
def test_flow_text_fills_its_lines_and_mends_only_a_short_last_line(
        text: str, measure: float, last_two: list[str]) -> None:
    greedy, mended = _flow(text, measure)
    assert len(mended) == len(greedy) and mended[:-2] == greedy[:-2]  # the lines above keep theirs
    assert mended[-2:] == last_two
    moved = len(mended[-1].split()) - len(greedy[-1].split())
    assert 1 <= moved <= MEND_WORDS
    assert sense_breaks([len(w) for w in text.split()], 1, measure, text.split(), fill=True) == \
        mended_breaks([len(w) for w in text.split()], 1, measure, text.split())


@pytest.mark.parametrize(("text", "measure"), [
    ("one two three four five six seven", 20),  # "five six seven": 14 characters, left alone
    # a staircase is what breaking on sense made of these; they keep reportlab's full lines
    ("Marketing is the master plan, the reconnaissance, and the strategy behind the operation. "
     "Sales is the boots on the ground.", 68),
    ("Marketing is the backstage [and] the script. Sales people are the front men, the "
     "performers.", 72),
])
def test_flow_text_with_a_long_enough_last_line_keeps_its_greedy_lines(text: str,
                                                                       measure: float) -> None:
    greedy, mended = _flow(text, measure)
    assert mended == greedy
    assert len(greedy[-1]) > SHORT_LAST_CHARS


def test_a_short_last_line_is_kept_rather_than_rob_a_short_line_above() -> None:
    words = ["a" * 15, "b" * 20, "c" * 6]  # "b…" down would leave 15 of 40 above
    assert greedy_breaks([len(w) for w in words], 1, 40) == [0, 2]
    assert mended_breaks([len(w) for w in words], 1, 40, words) == [0, 2]


def test_sense_breaks_take_a_spare_line_only_where_it_reads_much_better() -> None:
    point = "Marketing is the plan, the reconnaissance, the strategy"
    assert _lines(point, 30, spare_line=False) == \
        ["Marketing is the plan, the", "reconnaissance, the strategy"]
    assert _lines(point, 30, spare_line=True) == \
        ["Marketing is the plan,", "the reconnaissance,", "the strategy"]
    assert _lines("Partners in meeting sales goals", 22, spare_line=True) == \
        ["Partners in meeting", "sales goals"]


def test_break_cost_reads_punctuation_and_function_words() -> None:
    assert break_cost("Marketing,", "and") < break_cost("Marketing", "is") == 0
    assert break_cost("together.”", "Sales") < 0
    assert break_cost("the", "battle") > 0 and break_cost("to", "execute") > 0


def test_a_trailing_emoji_or_symbol_stays_with_the_word_before_it() -> None:
    assert smarten_str("Global launch 🚀") == "Global launch\u00a0🚀"
    assert smarten_str("Next steps →") == "Next steps\u00a0→"
    assert smarten_str("We win!") == "We win!"
    assert smarten_str("launch 🚀", after="s") == "launch 🚀"  # not the end of the text
