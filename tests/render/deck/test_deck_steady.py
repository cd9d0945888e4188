"""Round 5 of the deck's design: the section's line stays put, cards say which point they back,
the notes say no invented line twice and long slides show an excerpt. Checked on the plan (plain
data) and on the built deck read back with python-pptx."""

from __future__ import annotations

import io

from pptx import Presentation

from docgen.model import Document
from docgen.render import Rendered
from docgen.render.deck import design as d
from docgen.render.deck.plan import plan_deck


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
