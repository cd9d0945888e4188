"""The plan, checked without any XML: kinds, layouts, titles, sizes, limits, placeholders, the close."""

from __future__ import annotations

import dataclasses
from itertools import pairwise

import pytest

from docgen.colour import contrast
from docgen.model import CallToAction, Document, Quote, Span, Text
from docgen.render.deck import design as d
from docgen.render.deck.design import IN, PT, QUOTE_Y
from docgen.render.deck.fit import words
from docgen.render.deck.measure import LINE_PITCH, SOFT_BREAK, Piece, break_lines
from docgen.render.deck.plan import plan_deck
from docgen.render.deck.plan_types import Box, SlidePlan
from docgen.render.deck.typeset import BREAK
from docgen.scheme import scheme

FLOORS = {"quote": 24.0, "body": 18.0, "callout": 24.0, "caption": 18.0, "attribution": 18.0,
          "label": 18.0, "title": 28.0, "subtitle": 18.0, "eyebrow": 20.0}
#: The type scale: every size a slide uses.
SCALE = {10.0, 16.0, 18.0, 20.0, 24.0, 28.0, 32.0, 36.0, 40.0, 44.0, 54.0, 96.0}
CHROME = ("footer", "number", "eyebrow")


def shown(box: Box) -> str:
    return box.plain.replace(SOFT_BREAK, "").replace(BREAK, " ").replace("\u00a0", " ")


def content(slide: SlidePlan) -> list[Box]:
    return [b for b in slide.boxes if b.role not in CHROME]


def eyebrow(slide: SlidePlan) -> str:
    return next((shown(b) for b in slide.boxes if b.role == "eyebrow"), "")


def test_seed_slide_kinds_in_order(seed_doc: Document) -> None:
    kinds = [s.kind for s in plan_deck(seed_doc).slides]
    assert kinds == [
        "title", "question", "agenda",
        "section", "statement", "quote", "quote", "statement",
        "section", "quote", "statement", "quote",
        "section", "statement", "quote", "cards",  # a 4-word quote never beside a 28-word one
        "overview",  # the two-sided claims side by side
        "section", "statement", "quote", "quote",
        "bullets",  # a part with one slide: no divider
        "author", "closing",
    ]


def test_no_two_neighbours_share_layout_and_title(seed_doc: Document, stress_doc: Document) -> None:
    for doc in (seed_doc, stress_doc):
        slides = plan_deck(doc).slides
        titles = [shown(s.title).lower() for s in slides]
        assert len(set(titles)) == len(titles), titles
        for a, b in pairwise(slides):
            assert (a.layout, shown(a.title)) != (b.layout, shown(b.title))


def test_titles_are_the_claims_the_quotes_back(seed_doc: Document) -> None:
    slides = plan_deck(seed_doc).slides
    titled = {shown(s.title): eyebrow(s) for s in slides}
    assert titled["Some see little difference at all"] == "Different Focus and Priorities"
    assert titled["Marketing works at mass scale; Sales is one-on-one"] == \
        "Different Focus and Priorities"
    assert titled["Farming: Marketing plants, Sales harvests"] == "Explanation Through Analogies"
    # Captioned cards: not a list of their captions; the eyebrow names the section.
    assert titled["In Their Words"] == "Explanation Through Analogies"
    assert "Sports, Theatre and Seafood" not in titled
    assert titled["Marketing and Sales: Side by Side"] == "Explanation Through Analogies"
    # The conclusion: titled by the article's closing claim, the section's name in the eyebrow.
    assert titled["Both are important, and they need to work together"] == \
        "05 / 05 · What I Learned"
    assert "Key Points" not in titled and "Key Points" not in titled.values()
    assert titled["Matthew Sawyer"] == "About the Author"
    assert not any("(1 of" in t or "In a Nutshell" in t for t in titled)
    statement = next(s for s in slides if shown(s.title) == "Some see little difference at all")
    assert "All Selling is Marketing" in " ".join(shown(b) for b in statement.boxes)


def test_the_question_is_staged_after_the_title(seed_doc: Document) -> None:
    slide = plan_deck(seed_doc).slides[1]
    assert slide.layout == "question"
    assert shown(slide.title) == "“What’s the difference between Marketing and Sales?”"
    assert eyebrow(slide) == "responses to one question"  # the figure's line (140+ above it)
    no_figure = dataclasses.replace(seed_doc, subtitle=None, intro=tuple(
        dataclasses.replace(b, text=Text((Span(b.text.plain.replace("over 140 ", "")),)))
        if hasattr(b, "text") else b for b in seed_doc.intro))
    slide = plan_deck(no_figure).slides[1]
    assert eyebrow(slide) == "The Question"  # not the title slide's subtitle again
    assert not [b for b in slide.boxes if b.role == "figure"]
    assert slide.title.size == d.STATEMENT and slide.title.hang > 0
    no_question = dataclasses.replace(seed_doc, intro=())
    assert "question" not in [s.kind for s in plan_deck(no_question).slides]


def test_continued_slides_say_so(stress_doc: Document) -> None:
    plan = plan_deck(stress_doc)
    cont = [s for s in plan.slides if s.continued]
    assert {"list", "bullets", "callout", "agenda"} <= {s.kind for s in cont}
    for s in cont:
        assert "Continued" in shown(s.title) or "Part " in shown(s.title), shown(s.title)


def test_content_titles_share_one_place_and_size(seed_doc: Document) -> None:
    plan = plan_deck(seed_doc)
    big = [s for s in plan.slides if s.title.paras[0].plain.startswith("“")]
    titles = [s.title for s in plan.slides  # not those whose title is a quote set large
              if s.kind not in ("title", "section", "closing") and s not in big]
    assert len({(t.x, t.y, t.h, t.anchor) for t in titles}) == 1
    assert {t.size for t in titles} == {d.TITLE}
    assert all(t.lines <= 2 for t in titles)
    # The section's line stays where it is on every content slide, statements said once too
    # (only the opening question, a slide of its own, has its line under its figure).
    brows = [b for s in plan.slides if s.kind != "question" for b in s.boxes
             if b.role == "eyebrow"]
    assert len({(b.x, b.y, b.w, b.h, b.size) for b in brows}) == 1
    assert len(brows) == len(plan.slides) - 7  # all but cover, question, 4 dividers, closing
    assert [s.layout for s in big if s.kind == "statement"] == ["statement"] * 4


def test_sizes_come_from_the_type_scale_and_never_below_floors(stress_doc: Document,
                                                               seed_doc: Document) -> None:
    for doc in (seed_doc, stress_doc):
        for slide in plan_deck(doc).slides:
            for box in (slide.title, *slide.boxes):
                assert box.size in SCALE, (slide.kind, box.role, box.size)
                assert box.size >= FLOORS.get(box.role, 9.0), (slide.kind, box.role, box.size)


def test_the_seed_keeps_the_type_scale(seed_doc: Document) -> None:
    sizes: dict[str, set[float]] = {}
    for slide in plan_deck(seed_doc).slides:
        for box in (slide.title, *slide.boxes):
            sizes.setdefault(f"{slide.kind}:{box.role}", set()).add(box.size)
    assert sizes["section:title"] == sizes["title:title"] == {d.DISPLAY}
    assert sizes["statement:quote"] == {d.STATEMENT}
    assert sizes["quote:quote"] == {d.LEAD}  # set up by length: every seed quote has 21-40 words
    assert sizes["quote:title"] == {d.TITLE}
    assert min(sizes["cards:quote"]) >= d.CARD
    assert sizes["bullets:body"] == {d.BODY}
    assert sizes["quote:eyebrow"] == sizes["section:label"] == {d.META}
    assert sizes["quote:footer"] == {d.FOOTER}


def test_at_most_six_bullets_and_about_forty_words_a_slide(seed_doc: Document,
                                                          stress_doc: Document) -> None:
    for doc in (seed_doc, stress_doc):
        for slide in plan_deck(doc).slides:
            if slide.kind in ("title", "author", "closing", "agenda", "question"):
                continue
            for b in content(slide):  # a comparison: six a column
                assert sum(1 for p in b.paras if p.bullet) <= 6, shown(slide.title)
            paras = [p for b in content(slide) for p in b.paras]
            assert sum(words(p.runs) for p in paras) <= 56, shown(slide.title)  # 55-word quote


def test_every_quote_is_on_one_slide_in_full(seed_doc: Document) -> None:
    def bare(text: str) -> str:
        return " ".join(text.replace("'", "").replace("‘", "").replace("’", "").replace("“", "")
                        .replace("”", "").replace("\u00a0", " ").replace(" - ", " – ").split())

    slides = plan_deck(seed_doc).slides
    quotes = [bare(shown(b)) for s in slides for b in s.boxes if b.role == "quote"]
    quotes += [bare(shown(s.title)) for s in slides if s.kind == "statement"]  # set as the title
    notes = bare(" ".join(s.notes for s in slides))
    excerpts = []
    for section in seed_doc.sections:
        for q in (b for b in section.blocks if isinstance(b, Quote)):
            full = bare(q.text.plain)
            if len(q.text.plain.split()) > 40:
                assert full not in quotes
            if full not in quotes:  # an excerpt on the slide (its sentences), all in the notes
                excerpts.append(len(q.text.plain.split()))
                assert full in notes
                assert any("…" in x and all(p.strip().lower() in full.lower() for p in x.split("…"))
                           for x in quotes)
    # The 60-word answer, and slide 6's 33 words under a 9-word claim (46 with the eyebrow).
    assert sorted(excerpts) == [33, 60]


def test_quotes_stand_on_one_centre_their_rules_as_tall_as_their_words(seed_doc: Document) -> None:
    kinds = set()
    for slide in plan_deck(seed_doc).slides:
        text = content(slide)
        if slide.kind == "quote":
            kinds.add(slide.kind)
            (rule,) = slide.rects
            (quote,) = text
            middle = d.STATEMENT_RECT[1] + d.STATEMENT_RECT[3] // 2  # the statements' centre
            assert abs(rule.y + rule.h // 2 - middle) < 0.2 * IN and quote.y >= QUOTE_Y
            lines_h = quote.lines * quote.size * LINE_PITCH * PT
            assert abs(rule.h - lines_h) < 0.25 * IN  # as tall as the words
            assert rule.x + rule.w < quote.x + quote.hang and rule.x == d.M
            assert quote.x + quote.hang == d.TEXT_X  # the words on the body's text edge
        if slide.kind == "statement" and slide.layout == "statement":
            kinds.add(slide.kind)
            assert not slide.rects  # the title's rule is the only one
            # Said once, the quote is the title, set where a statement's words stand.
            (quote,) = text or (slide.title,)
            assert quote.anchor == "ctr" and quote.x + quote.hang == d.M
            assert quote.y + quote.h // 2 == d.STATEMENT_RECT[1] + d.STATEMENT_RECT[3] // 2
        if slide.kind == "cards":
            kinds.add(slide.kind)
            cards = [b for b in text if b.role == "quote"]
            assert len({(c.y, c.h) for c in cards}) == 1 and cards[0].y == QUOTE_Y
            assert len(slide.rects) == len(cards)
            for rule, card in zip(slide.rects, cards, strict=True):
                assert (rule.y, rule.h) == (card.y, card.h) and rule.x + rule.w == card.x
            assert cards[0].x + cards[0].inset == d.TEXT_X
    assert kinds == {"statement", "quote", "cards"}


def _lines(box: Box, doc: Document, width: float | None = None) -> list[list[str]]:
    """The box's paragraphs broken as a viewer wraps them in its width."""
    family = doc.brand.heading_font if box.font == "heading" else doc.brand.body_font
    inner = box.text_w / PT if width is None else width
    out = []
    for p in box.paras:
        size = p.size or box.size
        pieces = [Piece(r.text, family.face(r.bold, r.italic).path, r.bold) for r in p.runs]
        indent = 1.2 * size if p.bullet or p.number else 0
        out.append([line.split() for line in break_lines(pieces, inner - indent, size).lines])
    return out


def test_no_title_or_quote_ends_on_a_word_alone(seed_doc: Document, stress_doc: Document) -> None:
    """The box's width, not a written line break, gives the lines their shape."""
    found = 0
    for doc in (seed_doc, stress_doc):
        for slide in plan_deck(doc).slides:
            for box in (slide.title, *slide.boxes):
                assert not any(BREAK in p.plain for p in box.paras)
                if box.role not in ("title", "quote", "body") or SOFT_BREAK in box.plain:
                    continue
                for lines in _lines(box, doc):
                    if len(lines) > 1:
                        found += 1
                        # two words at least, or one long token (a link) that fills a line
                        assert len(lines[-1]) >= 2 or len(lines[-1][0]) > 20, (
                            shown(slide.title), lines)
    assert found > 10
    title = plan_deck(seed_doc).slides[0].title
    assert [" ".join(x) for x in _lines(title, seed_doc)[0]] == ["The Difference Between",
                                                                  "Marketing and Sales"]


def test_a_two_line_title_breaks_where_a_clause_ends(seed_doc: Document) -> None:
    (slide,) = [s for s in plan_deck(seed_doc).slides if shown(s.title).startswith("Marketing sells")]
    assert [" ".join(x) for x in _lines(slide.title, seed_doc)[0]] == [
        "Marketing sells the brand and the “why”;", "Sales sells the “what”"]


def test_typographic_text_on_every_slide(seed_doc: Document) -> None:
    for slide in plan_deck(seed_doc).slides:
        for box in (slide.title, *slide.boxes):
            text = shown(box)
            assert '"' not in text and "'" not in text, text
            assert " - " not in text and "--" not in text, text
    quote = next(b for s in plan_deck(seed_doc).slides for b in s.boxes if "inextricably" in b.plain)
    assert "linked\u00a0– partners\u00a0– in" in quote.plain


def test_text_goes_into_the_layouts_placeholders_in_their_style(seed_doc: Document,
                                                                stress_doc: Document) -> None:
    for doc in (seed_doc, stress_doc):
        for slide in plan_deck(doc).slides:
            for box in (slide.title, *slide.boxes):
                assert box.placeholder is not None or box is slide.title, (slide.kind, box.role)
                assert box.style is not None, (slide.kind, box.role)  # inherited, not typed
            for pic in slide.pictures:
                assert pic.placeholder == ("pic", pic.placeholder[1] if pic.placeholder else -1)
            assert slide.background is None  # the layout's own


def test_every_slide_but_the_bookends_shows_its_number(seed_doc: Document) -> None:
    plan = plan_deck(seed_doc)
    for n, slide in enumerate(plan.slides, 1):
        numbers = [b for b in slide.boxes if b.role == "number"]
        if n in (1, len(plan.slides)):
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


def test_a_featured_quote_is_set_large(seed_doc: Document) -> None:
    section = seed_doc.sections[1]
    blocks = tuple(dataclasses.replace(b, featured=True) if isinstance(b, Quote) and
                   "master plan" in b.text.plain else b for b in section.blocks)  # 24 words
    doc = dataclasses.replace(seed_doc, sections=(dataclasses.replace(section, blocks=blocks),))
    (slide,) = [s for s in plan_deck(doc).slides if "master plan" in
                " ".join(shown(b) for b in (s.title, *s.boxes))]
    assert slide.kind == "statement"


def test_a_quote_may_name_its_point(seed_doc: Document) -> None:
    section = seed_doc.sections[0]
    blocks = tuple(dataclasses.replace(b, point=2) if isinstance(b, Quote) and
                   b.text.plain.startswith("All Selling") else b for b in section.blocks)
    doc = dataclasses.replace(seed_doc, sections=(dataclasses.replace(section, blocks=blocks),))
    (slide,) = [s for s in plan_deck(doc).slides if "All Selling" in
                " ".join(shown(b) for b in s.boxes)]
    assert shown(slide.title) == "Marketing works at mass scale; Sales is one-on-one"


def test_the_close_is_the_author_and_a_call_to_action(seed_doc: Document) -> None:
    plan = plan_deck(dataclasses.replace(seed_doc, cta=None))
    author, closing = plan.slides[-2:]
    bio = " ".join(shown(b) for b in author.boxes)
    assert seed_doc.author.bio.plain in " ".join(author.notes.replace("\u00a0", " ").split())
    assert "Managing Partner, Rocket Market Development LLC" in bio  # the role, in its slot
    assert "Matthew Sawyer is Managing Partner" not in bio  # not said again under it
    assert shown(closing.title) == "Thank You"  # without a call to action
    (code,) = closing.codes
    assert code.href == seed_doc.brand.link and "rocketmarketdevelopment.com" in code.alt
    assert any(shown(b) == "www.rocketmarketdevelopment.com" for b in closing.boxes)
    assert not any(shown(b) == seed_doc.brand.name for b in closing.boxes)  # the logo says it
    (tile,) = closing.rects
    text = [closing.title, *closing.boxes]
    middle = (min(b.y for b in text) + max(b.y + b.h for b in text)) / 2
    assert abs(tile.y + tile.h / 2 - middle) < 0.05 * IN  # centred on the words beside it
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
    slides = plan_deck(dataclasses.replace(seed_doc, sections=sections)).slides
    titles = [shown(s.title) for s in slides]
    assert "Marketing and Sales: Side by side" in titles
    assert "About the author" in [eyebrow(s) for s in slides]


@pytest.mark.parametrize("doc", ["seed_doc", "stress_doc"])
def test_plan_is_pure(doc: str, request: pytest.FixtureRequest) -> None:
    d_ = request.getfixturevalue(doc)
    assert plan_deck(d_) == plan_deck(d_)


def test_a_long_heading_is_shortened_in_its_eyebrow(stress_doc: Document) -> None:
    plan = plan_deck(stress_doc)
    long = [eyebrow(s) for s in plan.slides if eyebrow(s).startswith("A Very Long")]
    assert long and all(b.endswith("…") for b in long)
    assert all(b.lines == 1 for s in plan.slides for b in s.boxes if b.role == "eyebrow")


def test_fallback_titles_are_told_apart_by_what_they_show(stress_doc: Document) -> None:
    titles = [shown(s.title) for s in plan_deck(stress_doc).slides]
    assert "In Their Words: “Short bold quote”" in titles
    assert any(t.startswith("In Their Words: “Sentence number 1") for t in titles)


def test_colours_on_the_tinted_slides_read(seed_doc: Document) -> None:
    ground = d.design(seed_doc.brand.palette).colours.statement
    assert ground == seed_doc.brand.palette.light  # the brand's own light, no grey of docgen's
    k = scheme(seed_doc.brand.palette)[0]
    for slide in plan_deck(seed_doc).slides:
        if slide.layout in ("statement", "question"):
            for box in (slide.title, *slide.boxes):
                assert contrast(box.color or k.text, ground) >= 4.5, box.role


def test_quotes_look_as_in_the_handout(seed_doc: Document) -> None:
    """docgen.quotes: a quote italic in ink, a statement in the primary colour, both with the
    opening mark hanging; the attribution in the placeholder's second level."""
    k = scheme(seed_doc.brand.palette)[0]
    ground = d.design(seed_doc.brand.palette).colours
    for slide in plan_deck(seed_doc).slides:
        for box in slide.boxes:
            if box.role != "quote":
                continue
            assert all(r.italic for p in box.paras if not p.level for r in p.runs if r.text.strip())
            want = {"quote": k.text, "statement": ground.heading_on_tint,
                    "cards": ground.text_on_card}
            assert box.color == want[slide.kind], slide.kind
            assert box.hang > 0 and box.plain.startswith("“")


def test_an_attribution_is_the_quotes_second_level(seed_doc: Document) -> None:
    section = seed_doc.sections[1]
    blocks = tuple(dataclasses.replace(b, by="A head of sales") if isinstance(b, Quote) else b
                   for b in section.blocks)
    doc = dataclasses.replace(seed_doc, sections=(dataclasses.replace(section, blocks=blocks),))
    slides = plan_deck(doc).slides
    (quote,) = [b for s in slides if s.kind == "quote" and "master plan" in s.boxes[1].plain
                for b in s.boxes if b.role == "quote"]
    by = quote.paras[-1]
    assert by.level == 1 and by.size == d.META and by.plain == "— A\u00a0head of sales"


def test_a_cards_attribution_sits_at_its_foot(seed_doc: Document) -> None:
    section = seed_doc.sections[2]
    blocks = tuple(dataclasses.replace(b, by="A head of sales") if isinstance(b, Quote)
                   and b.text.plain.startswith("Marketing puts") else b for b in section.blocks)
    doc = dataclasses.replace(seed_doc, sections=(dataclasses.replace(section, blocks=blocks),))
    (cards,) = [s for s in plan_deck(doc).slides if s.layout == "cards3"]
    quotes = [b for b in cards.boxes if b.role == "quote"]
    by = next(b for b in cards.boxes if b.role == "attribution")  # the first card: caption, by
    assert [p.plain.replace("\u00a0", " ") for p in by.paras] == ["Sports", "— A head of sales"]
    assert by.placeholder == ("body", 14)
    assert by.x == quotes[0].x and by.y + by.h == quotes[0].y + quotes[0].h  # the first card's foot
    assert by.size < quotes[0].size and by.font == "heading"


def test_docgens_words_follow_the_articles_language(seed_doc: Document) -> None:
    slides = plan_deck(dataclasses.replace(seed_doc, language="de", cta=None)).slides
    titles = [shown(s.title) for s in slides]
    assert "Marketing und Sales: im Vergleich" in titles
    assert titles[2] == "Agenda" and titles[-1] == "Vielen Dank"
    assert eyebrow(slides[-2]) == "Über den Autor"


def test_a_long_biography_as_short_lines_across_the_slide(seed_doc: Document) -> None:
    """A 51-word biography: its whole sentences (30 words at most, none cut) under the role, the
    one that says the role giving only what the company does, on a reading measure (9 in, not
    the body's full 12 in), no word alone on a line."""
    author = next(s for s in plan_deck(seed_doc).slides if s.kind == "author")
    (bio,) = [b for b in author.boxes if b.role == "body"]
    offer, more = bio.paras  # the role's sentence gives what the company does, to its means
    assert offer.plain == "Rocket Market Development LLC helps companies reach sustainable revenue growth."
    assert more.plain.startswith("Matthew is an Adjunct") and more.plain.rstrip().endswith("University.")
    assert 0.6 * d.CONTENT_W <= bio.w <= 9.0 * d.IN + 1 and bio.size == d.BODY
    assert all(len(lines[-1]) >= 2 for lines in _lines(bio, seed_doc))
    assert [b.role for b in author.boxes if b.role not in CHROME] == ["label", "body"]
    assert words([r for p in bio.paras for r in p.runs]) <= 30
    assert "which helps companies" not in shown(bio) and "which helps companies" in author.notes


def test_the_opening_figure_is_staged_above_the_question(seed_doc: Document) -> None:
    slide = plan_deck(seed_doc).slides[1]
    (fig,) = [b for b in slide.boxes if b.role == "figure"]
    assert shown(fig) == "140+" and fig.size == d.FIGURE and fig.placeholder == ("body", 14)
    assert eyebrow(slide) == "responses to one question"
    assert fig.y + fig.h <= next(b for b in slide.boxes if b.role == "eyebrow").y
    # Without the subtitle the introduction's "over 140 responses." still gives it.
    bare = plan_deck(dataclasses.replace(seed_doc, subtitle=None)).slides[1]
    assert [shown(b) for b in bare.boxes if b.role == "figure"] == ["140+"]
