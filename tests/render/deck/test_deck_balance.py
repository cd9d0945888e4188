"""Round 4 of the deck's design: balanced quote slides, cards that read as a row, the kicker in
one place, an About slide of whole lines. Checked on the plan (plain data) and on the built deck
read back with python-pptx."""

from __future__ import annotations

import dataclasses
import io

from pptx import Presentation

from docgen.model import Document, Quote, Section, Span, Text
from docgen.render import Rendered
from docgen.render.deck import design as d
from docgen.render.deck.plan import plan_deck
from docgen.render.deck.quoteslides import quote_sizes

IN = 914400
#: The line quote blocks and statements are centred on (the body's optical centre).
MIDDLE = d.STATEMENT_RECT[1] + d.STATEMENT_RECT[3] // 2


def _text(s: str) -> Text:
    return Text((Span(s),))


def test_a_quote_is_set_up_a_step_by_its_length() -> None:
    assert quote_sizes(12)[0] == 36.0
    assert quote_sizes(20)[0] == 36.0
    assert quote_sizes(21)[0] == 32.0
    assert quote_sizes(40)[0] == 32.0
    assert quote_sizes(41)[0] == 28.0
    assert all(s in (24.0, 28.0, 32.0, 36.0) for n in (5, 30, 60) for s in quote_sizes(n))


def test_quote_blocks_stand_on_the_bodys_optical_centre(seed_doc: Document) -> None:
    """No empty band under a quote: the block (rule, words, attribution) is centred where the
    statements are, whatever its length; a short quote is set at 36 pt."""
    short = Quote(_text("Marketing finds the door and Sales walks through it, every single time, "
                        "in every market we know."))  # 18 words
    long = Quote(_text("Marketing builds the audience over months and years of patient work; Sales "
                       "then meets each buyer in person and turns that attention into revenue."))
    section = Section(_text("A Short One"), (short, long))
    doc = dataclasses.replace(seed_doc, sections=(*seed_doc.sections, section))
    quotes = [s for s in plan_deck(doc).slides if s.kind == "quote"]
    assert len(quotes) >= 8
    for slide in quotes:
        (rule,) = slide.rects
        assert abs(rule.y + rule.h // 2 - MIDDLE) < 0.2 * IN, slide.title.plain
    sizes = [b.size for q in quotes for b in q.boxes if "walks" in b.plain or "patient" in b.plain]
    assert sizes == [36.0, 32.0]


def test_built_quote_slides_are_balanced(seed_deck: Rendered) -> None:
    """Read back: on every Quote slide the rule beside the words sits on the body's centre line
    and the words are 32 pt or more (the seed's quotes are 21-40 words)."""
    prs = Presentation(io.BytesIO(seed_deck.data))
    seen = 0
    for n, slide in enumerate(prs.slides, 1):
        if slide.slide_layout.name != "Quote":
            continue
        seen += 1
        (rule,) = [sh for sh in slide.shapes if not sh.is_placeholder]
        assert abs(rule.top + rule.height // 2 - MIDDLE) < 0.2 * IN, n
        body = next(sh for sh in slide.placeholders if sh.placeholder_format.idx == 1)
        sizes = {r.font.size.pt for r in body.text_frame.paragraphs[0].runs if r.font.size}
        assert sizes and min(sizes) >= 32, (n, sizes)
    assert seen >= 5


def test_cards_read_as_a_row(seed_doc: Document) -> None:
    """Cards of one row: one top, words anchored there (first lines share a baseline), no right
    padding forcing the lines narrow, the row centred like a quote block, and the last two words
    of each quote tied (no word alone on a card's last line)."""
    rows = [s for s in plan_deck(seed_doc).slides if s.kind == "cards"]
    assert len(rows) == 1  # the farming pair split: a 4-word quote beside a 28-word one
    for slide in rows:
        cards = [b for b in slide.boxes if b.role == "quote"]
        assert len({(c.y, c.h) for c in cards}) == 1
        assert all(c.anchor == "t" and c.pad_right == 0 for c in cards)
        assert abs(cards[0].y - max(d.QUOTE_Y, MIDDLE - cards[0].h // 2)) < 0.05 * IN
        for c in cards:
            words = c.plain.split(" ")
            assert "\u00a0" in words[-1], words[-1]


def test_a_card_is_the_brands_light_edged_by_its_accent() -> None:
    """A card's ground is the brand's light (the statements' too: no grey of docgen's), its
    edge the brand's secondary at 3:1 from the slide at least (a shape that must be seen), and
    its words keep 4.5:1 on it, for any brand."""
    from docgen.colour import contrast
    from docgen.model import Palette

    for primary, background in (("#1B365D", "#FFFFFF"), ("#E87722", "#FFFFFF"),
                                ("#FFD100", "#FFFFFF"), ("#00A3E0", "#F5F5F5")):
        palette = Palette(primary, "#00778B", "#E35205", "#222222", background, "#555555",
                          "#F3F6F8")
        c = d.colours(palette)
        assert c.card == c.statement == palette.light
        assert contrast(c.card_bar, background) >= 3.0, primary
        assert c.card_bar.lower() == "#00778b", c.card_bar
        assert contrast(c.text_on_card, c.card) >= 4.5 and contrast(c.muted_on_card, c.card) >= 4.5


def test_a_narrow_slide_has_two_cards_at_most(seed_doc: Document) -> None:
    from docgen.render.deck.frame import Frame

    wide = [len([b for b in s.boxes if b.role == "quote"])
            for s in plan_deck(seed_doc).slides if s.kind == "cards"]
    narrow = plan_deck(seed_doc, Frame(9144000, 6858000)).slides  # 10 x 7.5 in (4:3)
    counts = [len([b for b in s.boxes if b.role == "quote"]) for s in narrow if s.kind == "cards"]
    assert max(wide) == 3 and counts and max(counts) <= 2
    said = " ".join(b.plain for s in narrow for b in s.boxes)
    assert "mussels" in said  # the third quote keeps a slide of its own


def test_built_cards_are_top_aligned_with_even_insets(seed_deck: Rendered) -> None:
    """Read back: every card placeholder is anchored at the top, all cards of a slide at one
    top, and no padding on the right beyond the card's inset."""
    prs = Presentation(io.BytesIO(seed_deck.data))
    seen = 0
    for n, slide in enumerate(prs.slides, 1):
        if slide.slide_layout.name not in ("Two Content", "Three Content"):
            continue
        cards = [sh for sh in slide.placeholders if sh.placeholder_format.idx in (1, 2, 3)]
        assert len({sh.top for sh in cards}) == 1, n
        for sh in cards:
            seen += 1
            body = sh.text_frame._txBody.bodyPr
            assert body.get("anchor") in (None, "t"), n
            left, right = body.get("lIns"), body.get("rIns")
            assert right is None or int(right) <= d.CARD_INSET, (n, left, right)  # no padding
    assert seen == 3


def test_the_about_slide_shows_the_role_and_whole_sentences(seed_doc: Document,
                                                           seed_deck: Rendered) -> None:
    """The role in its slot; under it only whole sentences of the biography (none cut, none
    that says the role again); the full name once; the whole biography in the notes."""
    prs = Presentation(io.BytesIO(seed_deck.data))
    (slide,) = [s for s in prs.slides if s.slide_layout.name == "About the Author"]
    by_idx = {sh.placeholder_format.idx: sh.text_frame.text.replace("\u00a0", " ")
              for sh in slide.placeholders if sh.has_text_frame}
    author = seed_doc.author
    assert by_idx[1] == author.role
    bio = by_idx[2].replace("\v", " ").replace("\n", " ")
    assert bio and bio.rstrip().endswith(".")
    offer, *rest = bio.split(". ")  # what the company does: it sets up the call to action
    assert offer == "Rocket Market Development LLC helps companies reach sustainable revenue growth"
    for sentence in rest:
        assert sentence.rstrip(".") in author.bio.plain, sentence
    assert "Managing Partner" not in bio
    shown = " ".join(v for k, v in by_idx.items() if k)  # the name is the title, said once
    assert author.name not in shown
    notes = slide.notes_slide.notes_text_frame.text.replace("\u00a0", " ")
    assert " ".join(author.bio.plain.split()) in " ".join(notes.split())
