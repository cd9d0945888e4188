"""Round 6 of the deck's design: no short quote beside a long one, cards in the brand's light
edged by its accent, the conclusion titled by the article's closing claim, and an ending that
leads with that claim before the call to action. Checked on the plan (plain data) and on the
built deck read back with python-pptx."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.util import Emu

from docgen.colour import contrast
from docgen.model import Document, Quote, Span, Text
from docgen.render import Rendered
from docgen.render.deck import design as d
from docgen.render.deck.plan import plan_deck
from docgen.render.deck.storyboard import Beat


def _q(n: int) -> Quote:
    return Quote(Text((Span(" ".join(["word"] * n)),)))


def _t(s: str) -> Text:
    return Text((Span(s),))


def test_a_short_quote_is_taken_out_of_a_row_of_long_ones() -> None:
    from docgen.render.deck.storyboard import matched

    beat = Beat("cards", (_q(28), _q(4), _q(20)), lead_ins=((), (), ()),
                backs=(None, None, None), point=_t("Farming: Marketing plants, Sales harvests"))
    groups = matched(beat)
    assert [[len(q.text.plain.split()) for q in g.quotes] for g in groups] == [[28, 20], [4]]
    assert [g.echo for g in groups] == [False, True]  # the claim titles the long ones' slide
    even = Beat("cards", (_q(10), _q(12)))
    assert matched(even) == [even]


def test_no_card_row_in_the_seed_pairs_quotes_of_very_different_lengths(seed_doc: Document) -> None:
    from docgen.render.deck.storyboard import CARD_RATIO

    slides = plan_deck(seed_doc).slides
    rows = [[len(b.plain.split()) for b in s.boxes if b.role == "quote"]
            for s in slides if s.kind == "cards"]
    assert rows and all(max(r) <= CARD_RATIO * min(r) for r in rows), rows
    said = [s.title.paras[0].plain for s in slides if s.kind == "statement"]
    assert "“Marketing fertilizes, Sales harvests.”" in said


def test_the_closing_claim_is_the_last_sections_last_point() -> None:
    from docgen.render.deck.points import conclusion

    points = (_t("LinkedIn is a terrific source"), _t("Both are important, and they need to work together"))
    assert conclusion(points) == points[-1]
    assert conclusion(points[-1:]) is None  # one point is not a conclusion drawn from others
    assert conclusion((points[0], _t("Sports: the ball in play"))) is None  # an item of a list
    assert conclusion((points[0], _t(" ".join(["word"] * 13)))) is None  # a paragraph


def test_the_conclusion_slide_is_titled_by_the_articles_closing_claim(seed_doc: Document) -> None:
    slides = plan_deck(seed_doc).slides
    (last,) = [s for s in slides if s.kind == "bullets"]
    assert last.title.paras[0].plain == "Both are important, and they need to work together"
    (brow,) = [b for b in last.boxes if b.role == "eyebrow"]
    assert brow.plain.replace("\u00a0", " ") == "05 / 05 · What I Learned"
    body = [p.plain for b in last.boxes if b.role == "body" for p in b.paras]
    assert len(body) == 3 and not any("work together" in p for p in body)


def _read(deck: Rendered) -> Presentation:
    return Presentation(io.BytesIO(deck.data))


def test_built_cards_are_the_brands_light_edged_by_its_accent(seed_deck: Rendered,
                                                              seed_doc: Document) -> None:
    palette = seed_doc.brand.palette
    c = d.colours(palette)
    (slide,) = [s for s in _read(seed_deck).slides if s.slide_layout.name == "Three Content"]
    cards = [sh for sh in slide.placeholders if sh.placeholder_format.idx in (1, 2, 3)]
    assert {str(sh.fill.fore_color.rgb).lower() for sh in cards} == {palette.light.lstrip("#").lower()}
    bars = [sh for sh in slide.shapes if not sh.is_placeholder]
    assert len(bars) == 3
    assert {str(b.fill.fore_color.rgb).lower() for b in bars} == {palette.secondary.lstrip("#").lower()}
    for bar, card in zip(sorted(bars, key=lambda b: b.left), sorted(cards, key=lambda c: c.left),
                         strict=True):  # on the card's left edge, as tall as it
        assert bar.left + bar.width == card.left and bar.height == card.height
        assert Emu(bar.top) == Emu(card.top)
    (row,) = [s for s in plan_deck(seed_doc).slides if s.layout == "cards3"]
    for b in row.boxes:  # words and captions keep 4.5:1 on the card
        if b.role in ("quote", "attribution"):
            assert contrast(b.color, palette.light) >= 4.5, b.color
    assert contrast(c.card_bar, palette.background) >= 3.0


def test_built_ending_says_the_conclusion_before_the_call_to_action(seed_deck: Rendered) -> None:
    notes = [s.notes_slide.notes_text_frame.text.replace("\u00a0", " ")
             for s in _read(seed_deck).slides]
    close = notes[-1]
    claim = close.index("let it be this: both are important, and they need to work together.")
    assert claim < close.index("If you want to find your next market opportunity, the link")


def test_built_notes_carry_no_commentary_of_docgens(seed_deck: Rendered) -> None:
    for n, slide in enumerate(_read(seed_deck).slides, 1):
        notes = slide.notes_slide.notes_text_frame.text
        for line in ("I picked this answer", "point back to the headline",
                     "the headline is only my shorthand"):
            assert line not in notes, (n, line)


def test_the_summary_slide_names_its_section(seed_deck: Rendered) -> None:
    (side,) = [s for s in _read(seed_deck).slides if s.slide_layout.name == "Comparison"]
    brow = next(sh for sh in side.placeholders if sh.placeholder_format.idx == 13)
    assert brow.text_frame.text == "Explanation Through Analogies"


def _with_quote(seed_doc: Document, quote: str) -> Document:
    import dataclasses

    from docgen.model import Paragraph, Section

    extra = Section(_t("In Practice"), (Paragraph(_t("One more answer came in:")),
                                        Quote(_t(quote))))
    return dataclasses.replace(seed_doc, sections=(*seed_doc.sections[:1], extra))


def _shown(doc: Document) -> str:
    """The words on the added section's quote slide (titled by its heading: no key point)."""
    (slide,) = [s for s in plan_deck(doc).slides if s.title.paras[0].plain == "In Practice"]
    (quote,) = [b for b in slide.boxes if b.role == "quote"]
    return quote.plain.replace("\u00a0", " ")


def test_every_quote_over_the_budget_is_excerpted_alike(seed_doc: Document) -> None:
    """A 65-word quote with no key point, in long sentences or one, is cut like any other
    over-long quote (it was set whole at 28 pt): at most 30 of its words, "…" where cut."""
    two = ("We tested every channel we could think of over three years and found that the "
           "reach of a campaign mattered far less than the trust a salesperson had built with "
           "each buyer over many months. " * 1 +
           "When the two teams planned together from the first week the pipeline filled faster "
           "than any budget increase had ever managed to fill it in all the long years before.")
    one = ("Marketing and sales should plan together, " + "share the same numbers every week, "
           * 7 + "and agree on what a qualified lead means before anyone spends a dollar on it")
    for quote in (two, one):
        assert len(quote.split()) > 60
        shown = _shown(_with_quote(seed_doc, quote))
        assert len(shown.strip("“”").replace("…", " ").split()) <= 30 and "…" in shown, shown


def test_an_excerpt_never_opens_on_a_linking_word(seed_doc: Document) -> None:
    quote = ("Marketing and Sales can look alike from a distance, and people who sit outside "
             "both teams mix them up all the time, in meetings, in budgets, in org charts and in "
             "the job titles they print. But up close they run on different clocks, with "
             "different targets and tools.")
    shown = _shown(_with_quote(seed_doc, quote))
    assert shown.startswith("“… Up close they run"), shown
    for cut in shown.split("…")[1:]:
        first = cut.split()[0].lower() if cut.split() else ""
        assert first not in ("but", "and", "so", "or", "yet"), shown


def test_the_about_slide_keeps_what_the_company_does(seed_deck: Rendered) -> None:
    from docgen.render.deck.author import offer

    assert offer("Ann Lee is CEO of Acme Ltd, which builds bridges by welding steel.",
                 "CEO, Acme Ltd") == "Acme Ltd builds bridges."
    assert offer("Ann Lee is CEO of Acme Ltd.", "CEO, Acme Ltd") is None
    (slide,) = [s for s in _read(seed_deck).slides if s.slide_layout.name == "About the Author"]
    bio = next(sh for sh in slide.placeholders if sh.placeholder_format.idx == 2)
    assert bio.text_frame.text.replace("\u00a0", " ").startswith(
        "Rocket Market Development LLC helps companies reach sustainable revenue growth.")
