"""Round 5 of the deck's design: the section's line stays put, cards say which point they back,
the notes say no invented line twice and long slides show an excerpt. Checked on the plan (plain
data) and on the built deck read back with python-pptx."""

from __future__ import annotations

import io

from pptx import Presentation

from docgen.model import Document, Quote, Span, Text
from docgen.render import Rendered
from docgen.render.deck import design as d
from docgen.render.deck.plan import plan_deck
from docgen.render.deck.quoteslides import captions


def _read(deck: Rendered) -> Presentation:
    return Presentation(io.BytesIO(deck.data))


def test_said_once_statements_keep_the_section_line_where_content_slides_have_it(
        seed_doc: Document) -> None:
    """A quote said once (the quote as title) stands on the Statement layout: its eyebrow is at
    the content position, and the quote is centred where a statement's words stand."""
    plan = plan_deck(seed_doc)
    said = [s for s in plan.slides
            if s.kind == "statement" and s.title.paras[0].plain.startswith("“")]
    assert len(said) == 3
    for s in said:
        assert s.layout == "statement"
        (brow,) = [b for b in s.boxes if b.role == "eyebrow"]
        assert (brow.x, brow.y, brow.w, brow.h) == d.EYEBROW_RECT
        assert s.title.anchor == "ctr" and s.title.size == d.STATEMENT
        assert s.title.y + s.title.h // 2 == d.STATEMENT_RECT[1] + d.STATEMENT_RECT[3] // 2


def test_the_built_decks_section_line_never_moves(seed_deck: Rendered) -> None:
    """Read back: every slide that shows the section's line (placeholder idx 13) shows it in one
    box, but the cover (its byline) and the opening question (its line under the figure)."""
    boxes = {}
    for n, slide in enumerate(_read(seed_deck).slides, 1):
        if slide.slide_layout.name in ("Title Slide", "Question"):
            continue
        for sh in slide.placeholders:
            if sh.placeholder_format.idx == 13:
                boxes[n] = (sh.left, sh.top, sh.width, sh.height)
    assert len(boxes) == 16 and len(set(boxes.values())) == 1, boxes
    assert next(iter(boxes.values()))[1] == d.EYEBROW_RECT[1]


def _t(s: str) -> Text:
    return Text((Span(s),))


def test_a_cards_caption_says_what_its_quote_does_not() -> None:
    """A labelled point its quote restates gives its label; one it does not, the whole point
    first (then the label, should that not fit); an unlabelled point, itself or nothing."""
    ball = Quote(_t("Marketing puts the ball in play. Sales puts the ball away."))
    sports = _t("Sports: Marketing puts the ball in play, Sales puts it away")
    assert [c.plain for c in captions(ball, sports)] == ["Sports"]
    assert captions(ball, sports)[0].spans[0].bold
    other = _t("Sports: the crowd pays for both teams")
    assert [c.plain for c in captions(ball, other)] == ["Sports: the crowd pays for both teams",
                                                         "Sports"]
    assert captions(ball, _t("Marketing puts the ball in play; Sales puts it away")) == []
    assert [c.plain for c in captions(ball, _t("Both need a referee"))] == ["Both need a referee"]


def test_cards_that_each_back_a_point_carry_its_label_in_their_caption_slots(
        seed_doc: Document) -> None:
    plan = plan_deck(seed_doc)
    (three,) = [s for s in plan.slides if s.layout == "cards3"]
    caps = [b for b in three.boxes if b.role == "attribution"]
    assert [b.paras[0].plain for b in caps] == ["Sports", "Theatre", "Seafood"]
    cards = [b for b in three.boxes if b.role == "quote"]
    for cap, card in zip(caps, cards, strict=True):  # at the foot of its own card
        assert cap.x == card.x and cap.y + cap.h == card.y + card.h
    (two,) = [s for s in plan.slides if s.layout == "cards2"]  # two quotes, one point: no caption
    assert not [b for b in two.boxes if b.role == "attribution"]


def test_the_built_cards_captions_are_in_the_layouts_caption_placeholders(
        seed_deck: Rendered) -> None:
    (slide,) = [s for s in _read(seed_deck).slides if s.slide_layout.name == "Three Content"]
    caps = {sh.placeholder_format.idx: sh for sh in slide.placeholders
            if sh.placeholder_format.idx in (14, 15, 16)}
    assert [caps[i].text_frame.text for i in (14, 15, 16)] == ["Sports", "Theatre", "Seafood"]
    cards = [sh for sh in slide.placeholders if sh.placeholder_format.idx in (1, 2, 3)]
    for i, card in zip((14, 15, 16), sorted(cards, key=lambda c: c.left), strict=True):
        assert card.left <= caps[i].left < card.left + card.width
        assert caps[i].text_frame.paragraphs[0].runs[0].font.bold
