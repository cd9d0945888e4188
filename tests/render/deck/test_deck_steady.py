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
from docgen.render.deck.quoteslides import captions, carriers
from docgen.render.deck.script import CONNECTIVES, EXAMPLES, PAUSES, SHORT


def _read(deck: Rendered) -> Presentation:
    return Presentation(io.BytesIO(deck.data))


def test_said_once_statements_keep_the_section_line_where_content_slides_have_it(
        seed_doc: Document) -> None:
    """A quote said once (the quote as title) stands on the Statement layout: its eyebrow is at
    the content position, and the quote is centred where a statement's words stand."""
    plan = plan_deck(seed_doc)
    said = [s for s in plan.slides
            if s.kind == "statement" and s.title.paras[0].plain.startswith("“")]
    assert len(said) == 4
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
    assert len(boxes) == 17 and len(set(boxes.values())) == 1, boxes
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
    assert not [s for s in plan.slides if s.layout == "cards2"]  # farming: split (a 4-word quote)


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


def test_the_sentences_that_carry_each_clause_of_a_claim() -> None:
    said = ["Marketing and Sales can be very similar. ",
            "But when you break it down, Marketing occurs on a mass, less personal scale. ",
            "Sales is very personal, high touch, one-on-one look at a prospect’s needs."]
    assert carriers(said, "Marketing works at mass scale; Sales is one-on-one") == [1, 2]
    assert carriers(said, "Marketing is similar") == [0]
    assert carriers(said, "Finance keeps the books") == []


def test_a_slide_over_forty_words_shows_the_sentences_that_carry_its_claim(
        seed_doc: Document) -> None:
    """Slide 6: a 9-word claim and 4-word eyebrow over a 33-word quote (46 words) shows its two
    sentences that carry the claim's two halves; the notes say the whole quote."""
    slides = plan_deck(seed_doc).slides
    (six,) = [s for s in slides if s.title.paras[0].plain.startswith("Marketing works at mass")]
    (quote,) = [b for b in six.boxes if b.role == "quote"]
    shown = quote.paras[0].plain
    assert shown.startswith("“… When you break it down") and "Sales is very personal" in shown
    count = sum(len(p.plain.split()) for b in (six.title, *six.boxes) for p in b.paras
                if b.role not in ("number", "footer"))
    assert count <= 40, count
    assert "Marketing and Sales can be very similar." in six.notes.replace("\u00a0", " ")


def test_no_line_of_docgens_own_is_said_twice_in_a_deck(seed_doc: Document,
                                                         stress_doc: Document) -> None:
    """The connecting lines docgen writes (not the article's words) come at most once a deck;
    where they run out, the article's words stand alone."""
    pools = (*CONNECTIVES, *SHORT, *PAUSES, *EXAMPLES)
    for doc in (seed_doc, stress_doc):
        notes = "\n".join(s.notes for s in plan_deck(doc).slides)
        for line in pools:
            assert notes.count(line) <= 1, line


def test_the_built_decks_notes_repeat_no_spoken_line(seed_deck: Rendered) -> None:
    """Read back: no paragraph of the notes is on two slides, but the part timings (the same
    words for two parts of one length) and the excerpt's direction; the last part, without a
    divider, opens as a divider would and bridges to the next slide."""
    seen: dict[str, int] = {}
    for n, slide in enumerate(_read(seed_deck).slides, 1):
        for line in slide.notes_slide.notes_text_frame.text.split("\n"):
            if line.strip() and not line.startswith(("[Allow", "[The slide shows an excerpt")):
                assert line not in seen, (seen.get(line), n, line)
                seen[line] = n
    (last,) = [s for s in _read(seed_deck).slides
               if s.shapes.title.text_frame.text.replace("\u00a0", " ")
               == "Both are important, and they need to work together"]
    text = last.notes_slide.notes_text_frame.text.replace("\u00a0", " ")
    assert text.startswith("And the last part: What I Learned.")
    assert text.rstrip().endswith("let me tell you who I am.")
