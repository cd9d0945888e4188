"""The storyboard: which slides each section gets, decided from content alone (no geometry)."""

from __future__ import annotations

from docgen.model import Document, Paragraph, Quote, Section, Span, Text
from docgen.render.deck.points import assign, content_words, label, stem
from docgen.render.deck.storyboard import Beat, compare, question, storyboard


def t(s: str) -> Text:
    return Text((Span(s),))


def q(s: str, featured: bool = False, point: int | None = None) -> Quote:
    return Quote(t(s), featured=featured, point=point)


def words(n: int, stem: str = "word") -> str:
    return " ".join(f"{stem}{i}" for i in range(n)) + "."


def test_the_seed_sections_get_slides_by_content(seed_doc: Document) -> None:
    kinds = [[b.kind for b in part.beats] for part in storyboard(seed_doc)]
    assert kinds == [
        ["statement", "quote", "quote", "statement"],  # short quotes alone are set large
        ["quote", "statement", "quote"],  # the article's order kept
        ["cards", "cards", "overview"],  # farming under one claim; three labelled; side by side
        ["statement", "quote", "quote"],
        ["bullets"],  # no quotes: the points are the section's slide
    ]


def test_each_quote_slide_takes_the_claim_its_quote_backs(seed_doc: Document) -> None:
    parts = storyboard(seed_doc)
    claims = [[b.point.plain if b.point else None for b in p.beats] for p in parts]
    assert claims[0] == [
        "Some see little difference at all",  # matched through its lead-in paragraph
        "Marketing works at mass scale; Sales is one-on-one",
        "Marketing sells the brand and the “why”; Sales sells the “what”",
        "Marketing creates the environment; Sales closes the deal",
    ]
    assert claims[1] == ["Marketing plans the operation; Sales makes it happen",
                         "Marketing picks the target; Sales goes in for the kill",
                         "Marketing aims; Sales pulls the trigger"]
    assert claims[2] == ["Farming: Marketing plants, Sales harvests", None, None]
    assert parts[2].beats[1].labels == ("Sports", "Theatre", "Seafood")


def test_every_quote_of_the_seed_is_shown_once(seed_doc: Document) -> None:
    for part in storyboard(seed_doc):
        shown = [q for b in part.beats for q in b.quotes]
        quotes = [b for b in part.section.blocks if isinstance(b, Quote)]
        assert [id(x) for x in shown] == [id(x) for x in quotes]  # in the article's order


def test_a_recap_only_where_it_adds_a_point(seed_doc: Document) -> None:
    parts = storyboard(seed_doc)
    recaps = [p.number for p in parts if p.beats[-1].kind in ("bullets", "comparison")]
    assert recaps == [5]  # part 5 has only points; the analogies' labels title their cards


def test_points_match_quotes_one_to_one_by_shared_words() -> None:
    points = (t("Cats purr when content"), t("Dogs bark at strangers"))
    quotes = [q("A dog will bark at any stranger."), q("My cat purrs when she is content.")]
    assert assign(points, quotes, ["", ""]) == [1, 0]
    # A word every quote uses tells nothing; the lead-in counts half.
    quotes = [q("Pets are fine."), q("Pets are fine too.")]
    assert assign(points, quotes, ["Some said cats purr when content:", ""]) == [0, None]
    # The source's word wins.
    quotes = [q("A dog will bark at any stranger.", point=1), q("Unrelated words here.")]
    assert assign(points, quotes, ["", ""]) == [0, None]


def test_a_quote_next_to_one_with_its_point_shares_it() -> None:
    points = (t("Farming: Marketing plants, Sales harvests"), t("Sports: Marketing serves"))
    quotes = [q("Marketing fertilizes, Sales harvests."),
              q("Marketing is the planting of the crops; Sales is the harvesting."),
              q("Marketing serves, Sales scores.")]
    assert assign(points, quotes, ["", "", ""], [False, True, True]) == [0, 0, 1]
    assert assign(points, quotes, ["", "", ""], [False, False, True]) == [None, 0, 1]


def test_stems_and_labels() -> None:
    assert stem("selling") == stem("sells") == "sell"
    assert stem("creates") == stem("create")
    assert stem("planning") == stem("plans") == "plan"
    assert "market" in content_words("the Marketing of it")
    assert "the" not in content_words("the Marketing of it")
    assert label(t("Farming: Marketing plants")) == "Farming"
    assert label(t("Marketing plants; Sales harvests")) == ""
    assert label(t("A very long label that goes on: words")) == ""


def test_short_quotes_alone_are_statements_long_ones_quote_slides() -> None:
    def kinds(*blocks: Quote) -> list[tuple[str, int]]:
        (part,) = storyboard(_doc(Section(t("S"), blocks)))
        return [(b.kind, len(b.quotes)) for b in part.beats]

    assert kinds(q(words(35))) == [("quote", 1)]
    assert kinds(q(words(12))) == [("statement", 1)]
    assert kinds(q(words(35), featured=True)) == [("statement", 1)]


def test_runs_of_short_quotes_without_points_group_into_threes_and_twos() -> None:
    def kinds(*counts: int) -> list[tuple[str, int]]:
        blocks = tuple(q(words(n, f"q{i}_")) for i, n in enumerate(counts))
        (part,) = storyboard(_doc(Section(t("S"), blocks)))
        return [(b.kind, len(b.quotes)) for b in part.beats]

    assert kinds(8, 8, 8) == [("cards", 3)]
    assert kinds(8, 8, 8, 8) == [("cards", 2), ("cards", 2)]
    assert kinds(25, 10) == [("cards", 2)]
    assert kinds(25, 20) == [("quote", 1), ("quote", 1)]  # 45 words: too many for one slide
    assert kinds(12, 12, 12, 12, 12) == [("cards", 3), ("cards", 2)]


def test_quotes_backing_different_claims_get_slides_of_their_own() -> None:
    blocks = (q("Cats purr when they are content."), q("Dogs bark at every stranger."))
    section = Section(t("S"), blocks, key_points=(t("Cats purr"), t("Dogs bark")))
    (part,) = storyboard(_doc(section))
    assert [(b.kind, b.point.plain if b.point else None) for b in part.beats] == [
        ("statement", "Cats purr"), ("statement", "Dogs bark")]


def test_paragraphs_after_the_last_slide_are_kept() -> None:
    section = Section(t("S"), (Paragraph(t("Intro.")), q(words(45)), Paragraph(t("Outro."))))
    (part,) = storyboard(_doc(section))
    assert [b.kind for b in part.beats] == ["quote"]
    assert part.beats[0].lead_ins == ((t("Intro."),),)
    assert part.closing == (t("Outro."),)


def test_the_question_is_found_in_the_introduction(seed_doc: Document) -> None:
    found = question(seed_doc)
    assert found is not None and found.plain == "What’s the difference between Marketing and Sales?"
    doc = _doc(Section(t("S"), (q(words(5)),)))
    assert question(doc) is None


def test_key_points_that_pair_two_subjects_become_a_comparison() -> None:
    points = (t("Some see little difference at all"),
              t("Marketing works at mass scale; Sales is one-on-one"),
              t("Marketing sells the brand; Sales sells the product"),
              t("Marketing creates the environment; Sales closes"))
    c = compare(points, ("Marketing", "Sales"))
    assert c is not None
    assert (c.left, c.right) == ("Marketing", "Sales")
    assert [x.plain for x in c.left_items] == [
        "works at mass scale", "sells the brand", "creates the environment"]
    assert [x.plain for x in c.right_items] == ["is one-on-one", "sells the product", "closes"]
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


def test_a_claim_restates_a_quote_that_says_most_of_its_words() -> None:
    from docgen.render.deck.points import echoes

    assert echoes(t("Marketing picks the target; Sales goes in for the kill"),
                  q("Marketing is targeting your quarry. Sales is going in for the kill."))
    # A claim that frames its quote (no words of its own in it) is a title worth showing.
    assert not echoes(t("Some see little difference at all"),
                      q("All Selling is Marketing, and all Marketing is Selling."))
    assert not echoes(t("Cats"), q("Cats purr."))  # one shared word is no restatement


def test_only_statements_whose_claims_restate_them_are_said_once(seed_doc: Document) -> None:
    echo = [[b.echo for b in p.beats] for p in storyboard(seed_doc)]
    assert echo[0] == [False, False, False, True]  # "Sales closes the deal; Marketing creates…"
    assert echo[1] == [False, True, False]  # "…targeting your quarry…going in for the kill"
    assert echo[3] == [True, False, False]  # "The two work in concert…together"
    assert not any(b.echo for p in storyboard(seed_doc) for b in p.beats if b.kind != "statement")


def _doc_with_points(seed_doc: Document, points: list[tuple[str, ...]]) -> Document:
    import dataclasses

    sections = tuple(dataclasses.replace(s, key_points=tuple(t(x) for x in pts))
                     for s, pts in zip(seed_doc.sections, points, strict=False))
    return dataclasses.replace(seed_doc, sections=sections)


def test_the_two_sided_claims_side_by_side(seed_doc: Document) -> None:
    parts = storyboard(seed_doc)
    (over,) = [b for p in parts for b in p.beats if b.kind == "overview"]
    assert parts[2].beats[-1] is over  # closes the last part it draws on
    c = over.comparison
    assert c is not None and (c.left, c.right) == ("Marketing", "Sales")
    rows = list(zip([x.plain for x in c.left_items], [x.plain for x in c.right_items], strict=True))
    assert rows == [("works at mass scale", "is one-on-one"),
                    ("sells the brand and the “why”", "sells the “what”"),
                    ("plans the operation", "makes it happen"),
                    ("picks the target", "goes in for the kill"),
                    ("plants", "harvests")]  # parts taken in turn, in the article's order
    assert sum(len(x.split()) for r in rows for x in r) <= 36


def test_no_side_by_side_without_that_shape(seed_doc: Document) -> None:
    one_sided = [("Cats purr when content",), ("Dogs bark; birds sing",), ("Fish swim",)]
    assert not any(b.kind == "overview" for p in storyboard(_doc_with_points(seed_doc, one_sided))
                   for b in p.beats)
    # Two rows only: not enough to stand for the article.
    two = [("Marketing aims; Sales fires", "Marketing plans; Sales acts"),
           ("Cats purr",), ("Dogs bark",), ("Marketing thinks; Sales talks",)]
    assert not any(b.kind == "overview" for p in storyboard(_doc_with_points(seed_doc, two[:3]))
                   for b in p.beats)


def test_the_subject_named_first_is_the_left_column(seed_doc: Document) -> None:
    import dataclasses

    from docgen.render.deck.storyboard import Part, overview

    swapped = [("Sales closes; Marketing opens", "Sales talks; Marketing listens"),
               ("Sales acts; Marketing plans", "Marketing aims; Sales fires"), ("Fish swim",)]
    parts = [Part(dataclasses.replace(s, key_points=tuple(t(x) for x in pts)), i, ())
             for i, (s, pts) in enumerate(zip(seed_doc.sections, swapped, strict=False), 1)]
    at, c = overview(parts, ("Marketing", "Sales")) or (None, None)
    assert at == 1 and c is not None and c.left == "Sales"
    assert [x.plain for x in c.left_items] == ["closes", "talks", "acts", "fires"]
    assert [x.plain for x in c.right_items] == ["opens", "listens", "plans", "aims"]
    with_own = [Part(parts[0].section, 1, (Beat("comparison"),)), *parts[1:]]
    assert overview(with_own, ("Marketing", "Sales")) is None  # a part compares already


def test_the_opening_figure_is_a_count_at_a_clauses_end(seed_doc: Document) -> None:
    import dataclasses

    from docgen.render.deck.storyboard import figure

    assert figure(seed_doc) == ("140+", "responses to one question")

    def sub(s: str) -> Document:
        return dataclasses.replace(seed_doc, subtitle=t(s), intro=())

    assert figure(sub("What 1,200 marketers told us")) is None  # mid-sentence: no hook
    assert figure(sub("Lessons from 1,200 marketers")) == ("1,200", "marketers")
    assert figure(sub("Notes from 2024 conferences")) is None  # a year
    assert figure(sub("Three answers to one question")) is None  # words, not a figure
    assert figure(sub("Up 40% in 3 years")) is None
