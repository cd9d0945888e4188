"""The plan, checked without any XML: kinds, order, counts, skip, continuations and sizes."""

from __future__ import annotations

from docgen.model import Document
from docgen.render.deck.fit import words
from docgen.render.deck.plan import plan_deck

FLOORS = {"quote": 24.0, "body": 18.0, "callout": 24.0, "caption": 18.0, "attribution": 18.0}


def test_seed_slide_kinds_in_order(seed_doc: Document) -> None:
    plan = plan_deck(seed_doc)
    kinds = [s.kind for s in plan.slides]
    assert kinds[:2] == ["title", "agenda"]
    assert kinds[-2:] == ["author", "closing"]
    sections = [s for s in seed_doc.sections if not s.deck.skip]
    assert kinds.count("section") == len(sections)
    quotes = sum(1 for s in sections for b in s.blocks if type(b).__name__ == "Quote")
    first_parts = [s for s in plan.slides if s.kind == "quote" and not s.continued]
    assert len(first_parts) == quotes
    assert 20 <= len(plan.slides) <= 40


def test_section_titles_and_layouts(seed_doc: Document) -> None:
    plan = plan_deck(seed_doc)
    titles = [s.title.plain for s in plan.slides if s.kind == "section"]
    assert titles == [s.heading.plain for s in seed_doc.sections if not s.deck.skip]
    assert {s.layout for s in plan.slides} == {"title", "section", "content"}


def test_content_titles_share_one_position(seed_doc: Document, stress_doc: Document) -> None:
    for doc in (seed_doc, stress_doc):
        spots = {
            (s.title.x, s.title.y, s.title.w, s.title.h)
            for s in plan_deck(doc).slides
            if s.layout == "content"
        }
        assert len(spots) == 1


def test_sizes_never_below_floors(stress_doc: Document, seed_doc: Document) -> None:
    for doc in (seed_doc, stress_doc):
        for slide in plan_deck(doc).slides:
            for box in slide.boxes:
                assert box.size >= FLOORS.get(box.role, 9.0), (slide.kind, box.role, box.size)


def test_skipped_section_left_out(stress_doc: Document) -> None:
    plan = plan_deck(stress_doc)
    text = " ".join(s.title.plain + " " + " ".join(b.plain for b in s.boxes) + s.notes for s in plan.slides)
    assert "Skipped" not in text
    assert "never shown" not in text


def test_continuation_slides_and_limits(stress_doc: Document) -> None:
    plan = plan_deck(stress_doc)
    cont = [s for s in plan.slides if s.continued]
    assert {"quote", "bullets", "callout", "agenda"} <= {s.kind for s in cont}
    for slide in plan.slides:
        if slide.kind in ("bullets", "quote", "callout"):
            body = [p for b in slide.boxes if b.role != "footer" for p in b.paras]
            assert sum(1 for p in body if p.bullet) <= 6
            assert sum(words(p.runs) for p in body) <= 40


def test_paragraphs_in_notes_in_order(seed_doc: Document) -> None:
    plan = plan_deck(seed_doc)
    notes = "\n\n".join(s.notes for s in plan.slides)
    paras = [b.text.plain for b in seed_doc.intro if hasattr(b, "text") and type(b).__name__ == "Paragraph"]
    for section in seed_doc.sections:
        if not section.deck.skip:
            paras += [b.text.plain for b in section.blocks if type(b).__name__ == "Paragraph"]
    positions = [notes.find(p) for p in paras]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_paragraph_goes_to_the_next_slide(seed_doc: Document) -> None:
    plan = plan_deck(seed_doc)
    theatre = next(s for s in plan.slides if "backstage" in " ".join(b.plain for b in s.boxes))
    assert theatre.notes.startswith("A few theatre analogies:\n\n“Marketing is the backstage")
    assert plan_deck(seed_doc).slides[0].notes.startswith("Recently, a billion dollar company")


def test_plan_is_pure(seed_doc: Document) -> None:
    assert plan_deck(seed_doc) == plan_deck(seed_doc)
