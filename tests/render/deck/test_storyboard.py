"""The storyboard: which slides each section gets, decided from content alone (no geometry)."""

from __future__ import annotations

import dataclasses

from docgen.model import Document, Paragraph, Quote, Section, Span, Text
from docgen.render.deck.storyboard import compare, hero, storyboard


def t(s: str) -> Text:
    return Text((Span(s),))


def q(s: str, featured: bool = False) -> Quote:
    return Quote(t(s), featured=featured)


def words(n: int, stem: str = "word") -> str:
    return " ".join(f"{stem}{i}" for i in range(n)) + "."


def test_the_seed_sections_get_varied_slides(seed_doc: Document) -> None:
    kinds = [[b.kind for b in part.beats] for part in storyboard(seed_doc)]
    assert kinds == [
        ["statement", "quote", "cards", "comparison"],
        ["statement", "quote", "quote", "comparison"],
        ["statement", "quote", "cards", "bullets"],
        ["statement", "quote", "quote", "bullets"],
        ["bullets"],
    ]


def test_every_quote_of_the_seed_is_shown_once(seed_doc: Document) -> None:
    for part in storyboard(seed_doc):
        shown = [q for b in part.beats for q in b.quotes]
        quotes = [b for b in part.section.blocks if isinstance(b, Quote)]
        assert sorted(map(id, shown)) == sorted(map(id, quotes))


def test_the_hero_is_featured_else_the_shortest_that_makes_a_point() -> None:
    """The same quote as the handout's pull quote: 4 to 40 words, or marked featured."""
    blocks = (q("Too short."), q(words(9)), q(words(6)), q(words(6, "other")))
    section = Section(t("S"), blocks)
    assert hero(section) is blocks[2]  # 6 words, the first of two
    featured = q(words(30), featured=True)
    assert hero(dataclasses.replace(section, blocks=(*blocks, featured))) is featured
    assert hero(Section(t("S"), (q(words(45)), q("Two words.")))) is None


def test_the_hero_opens_the_section_with_its_introduction(seed_doc: Document) -> None:
    battlefield = storyboard(seed_doc)[1]
    first = battlefield.beats[0]
    assert first.kind == "statement"
    assert first.quotes[0].text.plain.startswith("Marketing is targeting your quarry")
    assert first.lead_ins[0][0].plain.startswith("In describing the difference")


def test_short_quotes_become_cards_and_keep_their_lead_ins(seed_doc: Document) -> None:
    analogies = storyboard(seed_doc)[2]
    cards = next(b for b in analogies.beats if b.kind == "cards")
    assert len(cards.quotes) == 3
    assert [lead[0].plain for lead in cards.lead_ins] == [
        "Of course, there were sports analogies:", "A few theatre analogies:",
        "There was even a misguided seafood analogy:"]


def test_runs_of_short_quotes_group_into_threes_and_twos() -> None:
    def kinds(*counts: int) -> list[tuple[str, int]]:
        blocks = (q(words(5, "hero")), *(q(words(n, f"q{i}_")) for i, n in enumerate(counts)))
        (part,) = storyboard(_doc(Section(t("S"), blocks)))
        return [(b.kind, len(b.quotes)) for b in part.beats[1:]]

    assert kinds(8, 8, 8) == [("cards", 3)]
    assert kinds(8, 8, 8, 8) == [("cards", 2), ("cards", 2)]
    assert kinds(25, 10) == [("cards", 2)]
    assert kinds(25, 20) == [("quote", 1), ("quote", 1)]  # 45 words: too many for one slide
    assert kinds(12, 12, 12, 12, 12) == [("cards", 3), ("cards", 2)]
    assert kinds(35) == [("quote", 1)]


def test_paragraphs_after_the_last_slide_are_kept() -> None:
    section = Section(t("S"), (Paragraph(t("Intro.")), q(words(45)), Paragraph(t("Outro."))))
    (part,) = storyboard(_doc(section))
    assert [b.kind for b in part.beats] == ["quote"]
    assert part.beats[0].lead_ins == ((t("Intro."),),)
    assert part.closing == (t("Outro."),)


def test_key_points_that_pair_two_subjects_become_a_comparison(seed_doc: Document) -> None:
    c = storyboard(seed_doc)[0].beats[-1].comparison
    assert c is not None
    assert (c.left, c.right) == ("Marketing", "Sales")
    assert [x.plain for x in c.left_items] == [
        "works at mass scale", "sells the brand and the “why”", "creates the environment for it"]
    assert [x.plain for x in c.right_items] == ["is one-on-one", "sells the “what”", "closes"]
    assert [x.plain for x in c.lead] == ["Some see little difference at all"]


def test_points_that_do_not_pair_stay_bullets() -> None:
    pair = ("Marketing", "Sales")
    assert compare((t("Marketing and Sales need to work together"), t("Partners in goals")),
                   pair) is None
    assert compare((t("Marketing plans"), t("Marketing again")), pair) is None  # one column
    assert compare((t("One thing"), t("Another thing"), t("Marketing plans; Sales closes")),
                   pair) is None  # two points compare nothing
    assert compare((t("Farming: Marketing fertilizes, Sales harvests"),), pair) is None
    found = compare((t("Marketing fertilizes, Sales harvests"),), pair)
    assert found is not None and [x.plain for x in found.right_items] == ["harvests"]
    found = compare((t("Marketing is the plan, the map, the strategy"), t("Sales is the boots")),
                    pair)
    assert found is not None and found.left_items[0].plain == "is the plan, the map, the strategy"


def test_one_stray_pair_makes_no_columns() -> None:
    section = Section(t("S"), (q(words(30)),), key_points=(t("Cats purr; Dogs bark"), t("Other")))
    (part,) = storyboard(_doc(section))
    assert part.beats[-1].kind == "bullets"


def _doc(*sections: Section) -> Document:
    from docgen.source.defaults import default_brand

    return Document(t("T"), "t", None, sections, default_brand(), None)  # type: ignore[arg-type]
