"""The About slide reads as prose: a measure of about 65 characters (9 in at most, not the
slide's 12 in), no word alone on a paragraph's last line, the company named once above the
biography (the role line), not again as the subject of the sentence under it."""

from __future__ import annotations

import io

from pptx import Presentation

from docgen.model import Document
from docgen.render import Rendered
from docgen.render.deck.author import BIO_MEASURE_IN
from docgen.render.deck.plan import plan_deck
from docgen.render.deck.typeset import _widths
from docgen.typography import greedy_breaks

IN = 914400
PT = 12700


def test_the_biography_is_set_to_a_reading_measure_with_balanced_last_lines(
        seed_doc: Document) -> None:
    (slide,) = [s for s in plan_deck(seed_doc).slides if s.kind == "author"]
    (bio,) = [b for b in slide.boxes if b.role == "body"]
    assert BIO_MEASURE_IN <= 9.0
    assert bio.w <= BIO_MEASURE_IN * IN + 1
    measure = (bio.w - 2 * bio.inset) / PT
    family = seed_doc.brand.body_font
    broken = 0
    for para in (p for p in bio.paras if p.level == 0):
        found = _widths(para, family, bio.size)
        assert found is not None
        widths, space = found
        starts = greedy_breaks(widths, space, measure)
        if len(starts) < 2:
            continue
        broken += 1
        last = widths[starts[-1]:]
        assert len(last) >= 2, para.plain
        assert sum(last) + space * (len(last) - 1) >= measure / 3, para.plain
    assert broken  # the seed's biography does wrap: the check above ran


def test_the_about_slide_says_what_the_company_does_in_a_whole_sentence(
        seed_doc: Document, seed_deck: Rendered) -> None:
    prs = Presentation(io.BytesIO(seed_deck.data))
    (slide,) = [s for s in prs.slides if s.slide_layout.name == "About the Author"]
    by_idx = {sh.placeholder_format.idx: sh.text_frame.text.replace("\u00a0", " ")
              for sh in slide.placeholders if sh.has_text_frame}
    role, bio = by_idx[1], by_idx[2]
    company = "Rocket Market Development LLC"
    assert company in (seed_doc.author.role or "")
    assert role.count(company) == 1  # the sentence below keeps it as its subject: no fragment
    assert bio.startswith(f"{company} helps companies reach sustainable revenue growth.")
