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
