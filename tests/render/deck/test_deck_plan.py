"""The plan, checked without any XML: kinds, layouts, titles, sizes, limits, placeholders, the close."""

from __future__ import annotations

import dataclasses

import pytest

from docgen.colour import contrast
from docgen.model import CallToAction, Document, Quote, Span, Text
from docgen.render.deck.design import BODY_BOTTOM, BODY_Y, IN, PT
from docgen.render.deck.fit import words
from docgen.render.deck.measure import LINE_PITCH, SOFT_BREAK
from docgen.render.deck.plan import plan_deck
from docgen.render.deck.plan_types import Box, SlidePlan
from docgen.render.deck.typeset import BREAK
from docgen.scheme import scheme

FLOORS = {"quote": 24.0, "body": 18.0, "callout": 24.0, "caption": 18.0, "attribution": 18.0,
          "label": 18.0, "title": 24.0, "subtitle": 18.0}
#: The type scale: every size a slide uses.
SCALE = {10.0, 16.0, 18.0, 20.0, 24.0, 28.0, 32.0, 36.0, 40.0, 44.0, 54.0}
CHROME = ("footer", "number")


def shown(box: Box) -> str:
    return box.plain.replace(SOFT_BREAK, "").replace(BREAK, " ").replace("\u00a0", " ")


def content(slide: SlidePlan) -> list[Box]:
    return [b for b in slide.boxes if b.role not in CHROME]


def test_seed_slide_kinds_in_order(seed_doc: Document) -> None:
    kinds = [s.kind for s in plan_deck(seed_doc).slides]
    assert kinds == [
        "title", "agenda",
        "section", "statement", "quote", "cards", "comparison",
        "section", "statement", "quote", "quote", "quote", "comparison",
        "section", "statement", "quote", "cards", "bullets",
        "section", "statement", "quote", "quote", "bullets",
        "section", "bullets",
        "author", "closing",
    ]


def test_every_slide_title_is_its_own(seed_doc: Document, stress_doc: Document) -> None:
    for doc in (seed_doc, stress_doc):
        titles = [shown(s.title).lower() for s in plan_deck(doc).slides]
        assert len(set(titles)) == len(titles), titles


def test_titles_name_the_section_and_what_the_slide_shows(seed_doc: Document) -> None:
    titles = [shown(s.title) for s in plan_deck(seed_doc).slides]
    assert "Off the Battlefield" in titles  # the divider
    assert "Off the Battlefield: In a Nutshell" in titles
    assert "Off the Battlefield: In Their Words (1 of 2)" in titles
    assert "Off the Battlefield: In Their Words (2 of 2, Continued)" in titles
    assert "Off the Battlefield: Key Points" in titles
    # Title Case, as the headings
    assert titles[-2:] == ["About the Author", "Find Your Next Market Opportunity"]


def test_continued_slides_say_so(stress_doc: Document) -> None:
    plan = plan_deck(stress_doc)
    cont = [s for s in plan.slides if s.continued]
    assert {"quote", "list", "bullets", "callout", "agenda", "author"} <= {s.kind for s in cont}
    for s in cont:
        assert "Continued" in shown(s.title) or "Part " in shown(s.title), shown(s.title)


def test_content_titles_share_one_position_and_size(seed_doc: Document) -> None:
    plan = plan_deck(seed_doc)
    titles = [s.title for s in plan.slides if s.kind not in ("title", "section", "closing")]
    assert len({(t.x, t.y, t.w, t.h, t.anchor) for t in titles}) == 1
    assert {t.size for t in titles} == {32.0}
    assert all(t.lines <= 2 for t in titles)


def test_sizes_come_from_the_type_scale_and_never_below_floors(stress_doc: Document,
                                                               seed_doc: Document) -> None:
    for doc in (seed_doc, stress_doc):
        for slide in plan_deck(doc).slides:
            for box in (slide.title, *slide.boxes):
                assert box.size in SCALE, (slide.kind, box.role, box.size)
                assert box.size >= FLOORS.get(box.role, 9.0), (slide.kind, box.role, box.size)


def test_at_most_six_bullets_and_about_forty_words_a_slide(seed_doc: Document,
                                                          stress_doc: Document) -> None:
    for doc in (seed_doc, stress_doc):
        for slide in plan_deck(doc).slides:
            if slide.kind in ("title", "author", "closing", "agenda"):
                continue
            paras = [p for b in content(slide) for p in b.paras]
            assert sum(1 for p in paras if p.bullet) <= 6, shown(slide.title)
            assert sum(words(p.runs) for p in paras) <= 44, shown(slide.title)


def test_every_quote_is_on_a_slide_in_full(seed_doc: Document) -> None:
    text = " ".join(shown(b) for s in plan_deck(seed_doc).slides for b in s.boxes)
    text = " ".join(text.replace("…", " ").split())
    for section in seed_doc.sections:
        for q in (b for b in section.blocks if isinstance(b, Quote)):
            for sentence in q.text.plain.replace("'", "’").split(". "):
                first = " ".join(sentence.split()[:4]).replace("‘", "").replace("’", "")
                assert first in text.replace("‘", "").replace("’", ""), first


def test_rules_and_cards_are_sized_to_their_text(seed_doc: Document) -> None:
    """The handout's quote looks (docgen.quotes): a quote beside an accent rule as tall as its
    words, the hero under a short one, each card edged by one as tall as the cards."""
    kinds = set()
    for slide in plan_deck(seed_doc).slides:
        text = content(slide)
        if slide.kind in ("statement", "quote"):
            kinds.add(slide.kind)
            (rule,) = slide.rects
            top, bottom = min(b.y for b in text), max(b.y + b.h for b in text)
            quote = next(b for b in text if b.role == "quote")
            lines_h = quote.lines * quote.size * LINE_PITCH * PT
            assert quote.h < lines_h + 0.1 * IN  # the box is as tall as its lines
            assert top >= BODY_Y and bottom <= BODY_BOTTOM
            if slide.kind == "quote":  # beside the words, as tall as they are
                assert rule.x + rule.w < quote.x and rule.h > rule.w
                assert abs(rule.y - top) < 0.15 * IN and abs(rule.y + rule.h - bottom) < 0.2 * IN
            else:  # above the words, short
                assert rule.w <= 1.2 * IN and rule.h < 0.1 * IN
                assert 0 < top - (rule.y + rule.h) < 0.4 * IN
        if slide.kind == "cards":
            kinds.add(slide.kind)
            assert len({(c.y, c.h) for c in text}) == 1  # one height: the longest card's
            tallest = max(c.lines * c.size * LINE_PITCH * PT + 2 * c.inset for c in text)
            assert text[0].h < tallest + 0.2 * IN
            assert len(slide.rects) == len(text)
            for rule, card in zip(slide.rects, text, strict=True):
                assert (rule.y, rule.h) == (card.y, card.h) and rule.x + rule.w == card.x
    assert kinds == {"statement", "quote", "cards"}


def test_no_title_or_quote_ends_on_a_word_alone(seed_doc: Document, stress_doc: Document) -> None:
    found = 0
    for doc in (seed_doc, stress_doc):
        for slide in plan_deck(doc).slides:
            for box in (slide.title, *slide.boxes):
                if box.role not in ("title", "quote", "callout") or box.lines < 2:
                    continue
                for para in box.paras:
                    text = para.plain
                    if SOFT_BREAK in text:  # a word wider than the box, broken inside
                        continue
                    assert BREAK in text, (box.role, text)
                    found += 1
                    assert len(text.split(BREAK)[-1].split()) >= 2, text
    assert found > 10
    title = plan_deck(seed_doc).slides[0].title
    assert title.paras[0].plain.split(BREAK) == ["The Difference Between", "Marketing and Sales"]


def test_typographic_text_on_every_slide(seed_doc: Document) -> None:
    for slide in plan_deck(seed_doc).slides:
        for box in (slide.title, *slide.boxes):
            text = shown(box)
            assert '"' not in text and "'" not in text, text
            assert " - " not in text and "--" not in text, text
    quote = next(b for s in plan_deck(seed_doc).slides for b in s.boxes if "inextricably" in b.plain)
    assert "linked\u00a0– partners\u00a0– in" in quote.plain.replace(BREAK, " ")


def test_text_goes_into_the_layouts_placeholders(seed_doc: Document, stress_doc: Document) -> None:
    for doc in (seed_doc, stress_doc):
        for slide in plan_deck(doc).slides:
            for box in slide.boxes:
                assert box.placeholder is not None, (slide.kind, box.role)
            for pic in slide.pictures:
                assert pic.placeholder == ("pic", pic.placeholder[1] if pic.placeholder else -1)
            assert slide.background is None  # the layout's own


def test_every_slide_but_the_first_shows_its_number(seed_doc: Document) -> None:
    plan = plan_deck(seed_doc)
    for n, slide in enumerate(plan.slides, 1):
        numbers = [b for b in slide.boxes if b.role == "number"]
        if n == 1:
            assert not numbers
        else:
            (box,) = numbers
            assert box.plain == str(n) and box.placeholder == ("sldNum", 12)


def test_the_section_number_reads_on_the_brand_colour(seed_doc: Document) -> None:
    p = seed_doc.brand.palette
    for slide in plan_deck(seed_doc).slides:
        if slide.kind == "section":
            (label,) = [b for b in slide.boxes if b.role == "label"]
            assert contrast(label.color or "", p.primary) >= 4.5
            assert label.plain.endswith(" / 05")


def test_the_featured_quote_is_the_sections_hero(seed_doc: Document) -> None:
    section = seed_doc.sections[1]
    last = section.blocks[-1]
    assert isinstance(last, Quote)
    blocks = (*section.blocks[:-1], dataclasses.replace(last, featured=True))
    doc = dataclasses.replace(seed_doc, sections=(dataclasses.replace(section, blocks=blocks),))
    slides = plan_deck(doc).slides
    first = slides[slides.index(next(s for s in slides if s.kind == "section")) + 1]
    assert "Think of target shooting" in " ".join(shown(b) for b in first.boxes)


def test_the_close_is_the_author_and_a_call_to_action(seed_doc: Document) -> None:
    plan = plan_deck(dataclasses.replace(seed_doc, cta=None))
    author, closing = plan.slides[-2:]
    bio = " ".join(shown(b) for b in author.boxes)
    assert seed_doc.author.bio.plain in " ".join(bio.split())  # the whole bio
    assert shown(closing.title) == "Thank You"  # without a call to action
    (code,) = closing.codes
    assert code.href == seed_doc.brand.link and "rocketmarketdevelopment.com" in code.alt
    assert any(shown(b) == "www.rocketmarketdevelopment.com" for b in closing.boxes)
    cta = CallToAction(Text((Span("Book your strategy session"),)), "mailto:hi@example.com")
    closing = plan_deck(dataclasses.replace(seed_doc, cta=cta)).slides[-1]
    assert shown(closing.title) == "Book Your Strategy Session"  # in the headings' case
    assert closing.codes[0].href == "mailto:hi@example.com"
    assert any(shown(b) == "hi@example.com" for b in closing.boxes)


def test_no_link_no_code(seed_doc: Document) -> None:
    brand = dataclasses.replace(seed_doc.brand, link=None)
    closing = plan_deck(dataclasses.replace(seed_doc, brand=brand, cta=None)).slides[-1]
    assert not closing.codes and not closing.rects


def test_skipped_section_left_out(stress_doc: Document) -> None:
    plan = plan_deck(stress_doc)
    text = " ".join(s.title.plain + " " + " ".join(b.plain for b in s.boxes) + s.notes
                    for s in plan.slides)
    assert "Skipped" not in text
    assert "never shown" not in text


def test_sentence_case_headings_get_sentence_case_labels(seed_doc: Document) -> None:
    sections = tuple(dataclasses.replace(s, heading=Text((Span(s.heading.plain.capitalize()),)))
                     for s in seed_doc.sections)
    titles = [shown(s.title) for s in plan_deck(dataclasses.replace(seed_doc,
                                                                    sections=sections)).slides]
    assert "About the author" in titles and "Off the battlefield: Key points" in titles


@pytest.mark.parametrize("doc", ["seed_doc", "stress_doc"])
def test_plan_is_pure(doc: str, request: pytest.FixtureRequest) -> None:
    d = request.getfixturevalue(doc)
    assert plan_deck(d) == plan_deck(d)


def test_a_section_heading_taller_than_two_lines_keeps_its_qualifier(stress_doc: Document) -> None:
    plan = plan_deck(stress_doc)
    long = [s for s in plan.slides if shown(s.title).startswith("A Very Long") and s.kind != "section"]
    assert long and all("…: " in shown(s.title) for s in long)
    assert [w.message for w in plan.warnings if "title too long" in w.message] == [
        "title too long for a slide, shortened with '…': "
        + stress_doc.sections[0].heading.plain.strip()]


def test_a_colour_scheme_for_the_tinted_statement(seed_doc: Document) -> None:
    k = scheme(seed_doc.brand.palette)[0]
    light = seed_doc.brand.palette.light
    for slide in plan_deck(seed_doc).slides:
        if slide.layout == "statement":
            for box in (slide.title, *slide.boxes):
                need = 3.0 if box.size >= 18 else 4.5
                assert contrast(box.color or k.text, light) >= need, box.role


def test_quotes_look_as_in_the_handout(seed_doc: Document) -> None:
    """docgen.quotes: a quote italic in ink, the hero (the handout's pull quote) in the primary
    colour, both with the opening mark hanging."""
    from docgen.quotes import pull_quote

    k = scheme(seed_doc.brand.palette)[0]
    slides = plan_deck(seed_doc).slides
    for slide in slides:
        for box in slide.boxes:
            if box.role != "quote":
                continue
            assert all(r.italic for p in box.paras for r in p.runs if r.text.strip())
            want = {"quote": k.text, "statement": k.heading_on_light, "cards": k.on_light}
            assert box.color == want[slide.kind], slide.kind
            if slide.kind != "cards" and box.plain.startswith("“"):
                assert box.hang > 0
    heroes = [shown(b) for s in slides if s.kind == "statement" for b in s.boxes if b.role == "quote"]
    pulls = [pull_quote(s) for s in seed_doc.sections]
    assert [h.strip("“”") for h in heroes] == [q.text.plain for q in pulls if q is not None]


def test_a_cards_attribution_sits_at_its_foot(seed_doc: Document) -> None:
    section = seed_doc.sections[2]
    blocks = tuple(dataclasses.replace(b, by="A head of sales") if isinstance(b, Quote)
                   and b.text.plain.startswith("Marketing puts") else b for b in section.blocks)
    doc = dataclasses.replace(seed_doc, sections=(dataclasses.replace(section, blocks=blocks),))
    (cards,) = [s for s in plan_deck(doc).slides if s.kind == "cards"]
    quotes = [b for b in cards.boxes if b.role == "quote"]
    (by,) = [b for b in cards.boxes if b.role == "attribution"]
    assert shown(by) == "— A head of sales" and by.placeholder == ("body", 11)
    assert by.x == quotes[0].x and by.y + by.h == quotes[0].y + quotes[0].h  # the first card's foot
    assert by.size < quotes[0].size and by.font == "heading"


def test_docgens_words_follow_the_articles_language(seed_doc: Document) -> None:
    titles = [shown(s.title) for s in plan_deck(dataclasses.replace(seed_doc, language="de",
                                                                    cta=None)).slides]
    assert "Off the Battlefield: Kernpunkte" in titles
    assert "Off the Battlefield: In ihren Worten (2 von 2, Fortsetzung)" in titles
    assert titles[1] == "Agenda" and titles[-2:] == ["Über den Autor", "Vielen Dank"]
