"""The designer's review, checked on the written decks: placeholders, rules without shadows, notes
as a script, a language on every run, slide numbers, reading order, the QR code, the theme."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn

from docgen.infra.qr import modules
from docgen.model import Document
from docgen.render import Rendered, format_date
from docgen.render.deck.measure import SOFT_BREAK
from docgen.render.deck.vector import outlines

IN = 914400
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def read(r: Rendered):
    return Presentation(io.BytesIO(r.data))


def text_of(shape) -> str:
    return shape.text_frame.text.replace(SOFT_BREAK, "").replace("\v", " ").replace("\u00a0", " ")


def slide_words(slide) -> set[str]:
    text = " ".join(text_of(sh) for sh in slide.shapes if sh.has_text_frame)
    return set(_words(text))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9’']+", text.lower().replace("\u00a0", " "))


@pytest.mark.parametrize("deck", ["seed_deck", "stress_deck"])
def test_slide_text_is_in_placeholders(deck: str, request: pytest.FixtureRequest) -> None:
    """Outline view, reading order and "Reset slide" work: no loose text boxes on a slide."""
    for n, slide in enumerate(read(request.getfixturevalue(deck)).slides, 1):
        for sh in slide.shapes:
            if sh.has_text_frame and sh.text_frame.text.strip():
                assert sh.is_placeholder, (n, sh.name, sh.text_frame.text[:40])
        layout = {ph.placeholder_format.idx for ph in slide.slide_layout.placeholders}
        for sh in slide.placeholders:
            assert sh.placeholder_format.idx in layout, (n, sh.name)  # the layout has that slot


@pytest.mark.parametrize("deck", ["seed_deck", "stress_deck"])
def test_rules_and_bars_have_no_style_shadow(deck: str, request: pytest.FixtureRequest) -> None:
    rects = 0
    for slide in read(request.getfixturevalue(deck)).slides:
        for sh in slide.shapes:
            if sh.name.startswith(("Rectangle", "QR Code")):
                rects += 1
                assert sh._element.find(qn("p:style")) is None, sh.name
                assert "effectRef" not in etree.tostring(sh._element).decode()
    assert rects >= 3


def test_decorations_are_marked_decorative(seed_deck: Rendered) -> None:
    for slide in read(seed_deck).slides:
        for sh in slide.shapes:
            if sh.name.startswith("Rectangle"):
                assert b"decorative" in etree.tostring(sh._element)


@pytest.mark.parametrize("deck", ["seed_deck", "stress_deck"])
def test_notes_say_what_the_slide_does_not(deck: str, request: pytest.FixtureRequest) -> None:
    """A script: every slide's notes carry at least 12 words that are not on the slide."""
    prs = read(request.getfixturevalue(deck))
    for n, slide in enumerate(prs.slides, 1):
        assert slide.has_notes_slide, n
        notes = _words(slide.notes_slide.notes_text_frame.text)
        new = [w for w in notes if w not in slide_words(slide)]
        assert len(new) >= 12, (n, slide.shapes.title.text_frame.text, new)


def test_notes_are_a_script_in_the_authors_voice(seed_deck: Rendered, seed_doc: Document) -> None:
    prs = read(seed_deck)
    notes = [s.notes_slide.notes_text_frame.text.replace("\u00a0", " ") for s in prs.slides]
    titles = [text_of(s.shapes.title) for s in prs.slides]
    sections = [s.heading.plain for s in seed_doc.sections if not s.deck.skip]
    # The author speaks: the welcome, the introduction on the question slide, the close.
    assert notes[0].startswith("[Welcome the audience.]") and "I’m Matthew Sawyer" in notes[0]
    assert notes[1].startswith("Recently, a billion dollar company commissioned me")
    assert all(h in notes[2] for h in sections) and "minutes" in notes[2]  # the agenda's plan
    assert "Credit" not in "\n".join(notes) and "Source:" not in "\n".join(notes)
    # A time once per part: on its divider, or on the first slide of a part without one.
    timed = [n for n, note in enumerate(notes) if re.search(r"\[Allow about [\d.]+ minutes? for "
                                                           r"this part\.\]", note)]
    assert len(timed) == len(sections)
    # A lead-in that ends "For example:" runs into its quote.
    assert ("For example, one person put it this way: “All Selling is Marketing, and all "
            "Marketing is Selling.”") in notes[titles.index("Some see little difference at all")]
    # The article's prose is said, each paragraph once.
    paras = [b.text.plain.replace("'", "’") for s in seed_doc.sections for b in s.blocks
             if type(b).__name__ == "Paragraph"]
    everything = "\n".join(notes)
    for para in paras:
        assert everything.count(para.removesuffix(" For example:")) == 1, para
    # Stage directions in brackets; no spoken line said the same way twice.
    spoken = [line for note in notes for line in note.split("\n\n") if not line.startswith("[")]
    openers = [line.split(":")[0] for line in spoken if "“" in line and line.index("“") > 0]
    assert len(openers) == len(set(openers)), openers
    cards = notes[titles.index("In Their Words")]
    assert "Of course, there were sports analogies: “Marketing puts the ball in play." in cards
    assert "[Theatre — Marketing writes the script, Sales performs it.]" in cards
    assert seed_doc.author.links[0].url.removeprefix("https://") in notes[-2]
    assert "QR code" in notes[-1] and notes[-1].rstrip().endswith("questions.")


def test_the_next_claim_is_cued(seed_deck: Rendered) -> None:
    prs = read(seed_deck)
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides]
    titles = [text_of(s.shapes.title) for s in prs.slides]
    n = titles.index("Marketing works at mass scale; Sales is one-on-one")
    assert notes[n - 1].rstrip().endswith(f"[Next: {titles[n]}]")


def test_a_quote_too_long_for_a_slide_shows_its_start_and_the_notes_all_of_it(
        stress_deck: Rendered) -> None:
    prs = read(stress_deck)
    (slide,) = [s for s in prs.slides if "Sentence number 1" in text_of(s.shapes.title)]
    quote = next(text_of(sh) for sh in slide.placeholders if sh.placeholder_format.idx == 1)
    assert quote.startswith("“Sentence number 1") and "…”" in quote
    assert "Sentence number 15" not in quote
    notes = slide.notes_slide.notes_text_frame.text
    assert notes.startswith("[The slide shows an excerpt of this answer; here it is in full:]")
    assert "Sentence number 15 keeps going" in notes


@pytest.mark.parametrize("deck", ["seed_deck", "stress_deck"])
def test_every_run_has_a_language(deck: str, request: pytest.FixtureRequest) -> None:
    with zipfile.ZipFile(io.BytesIO(request.getfixturevalue(deck).data)) as z:
        names = [n for n in z.namelist() if n.startswith(("ppt/slides/slide", "ppt/notesSlides/"))
                 and n.endswith(".xml")]
        count = 0
        for name in names:
            root = etree.fromstring(z.read(name))
            for run in (*root.iter(f"{A}r"), *root.iter(f"{A}fld"), *root.iter(f"{A}br")):
                rpr = run.find(f"{A}rPr")
                assert rpr is not None and rpr.get("lang") == "en", name
                count += 1
        assert count > 100


def test_every_slide_but_the_bookends_shows_its_number(seed_deck: Rendered) -> None:
    slides = read(seed_deck).slides
    for n, slide in enumerate(slides, 1):
        fields = list(slide._element.iter(qn("a:fld")))
        if n in (1, len(slides)):  # the title and closing slides
            assert not fields
            continue
        (field,) = fields
        assert field.get("type") == "slidenum" and field.findtext(qn("a:t")) == str(n)
        ph = field.getparent().getparent().getparent().find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        assert ph.get("type") == "sldNum"


def test_the_footer_is_the_brands_in_its_placeholder(seed_deck: Rendered, seed_doc: Document) -> None:
    light = 0
    for slide in read(seed_deck).slides:
        footers = [sh for sh in slide.placeholders if sh.placeholder_format.type == 15]  # FOOTER
        if slide.slide_layout.name in ("Title Slide", "Section Header", "Closing"):
            assert not footers
            continue
        light += 1
        (footer,) = footers
        assert footer.text_frame.text == seed_doc.brand.footer
    assert light > 15


def test_reading_order_is_visual_order(seed_deck: Rendered) -> None:
    for n, slide in enumerate(read(seed_deck).slides, 1):
        shapes = [sh for sh in slide.shapes if not sh.name.startswith("Rectangle")]
        assert shapes[0] == slide.shapes.title, n
        body = [sh for sh in shapes[1:]
                if not (sh.is_placeholder and sh.placeholder_format.type in (13, 15))]
        assert [(sh.top, sh.left) for sh in body] == sorted((sh.top, sh.left) for sh in body), n


def test_the_closing_slide_links_as_words_and_as_a_qr_code(seed_deck: Rendered,
                                                          seed_doc: Document) -> None:
    slide = read(seed_deck).slides[-1]
    code = next(sh for sh in slide.shapes if sh.name.startswith("QR Code"))
    cnvpr = code._element.find(f"{P}nvSpPr/{P}cNvPr")
    assert cnvpr.get("descr") == "QR code: www.rocketmarketdevelopment.com"
    rid = cnvpr.find(qn("a:hlinkClick")).get(qn("r:id"))
    assert slide.part.rels[rid].target_ref == seed_doc.brand.link
    assert code.width == code.height >= 2 * IN
    text = " ".join(text_of(sh) for sh in slide.shapes if sh.has_text_frame)
    assert "www.rocketmarketdevelopment.com" in text


@pytest.mark.parametrize("url", ["https://www.rocketmarketdevelopment.com", "mailto:a@example.com",
                                 "https://example.com/" + "x" * 120])
def test_the_qr_outlines_draw_exactly_the_dark_modules(url: str) -> None:
    """Filled even-odd, the outline loops cover the centre of every dark module and no light one."""
    matrix = modules(url)
    edges = [(a, b) for loop in outlines(matrix) for a, b in zip(loop, loop[1:] + loop[:1],
                                                                     strict=True)]
    vertical = [(a[0], min(a[1], b[1]), max(a[1], b[1])) for a, b in edges if a[0] == b[0]]
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            x, y = c + 0.5, r + 0.5
            crossings = sum(1 for ex, y0, y1 in vertical if ex > x and y0 < y < y1)
            assert (crossings % 2 == 1) == dark, (r, c)


def test_theme_carries_the_brand(seed_deck: Rendered, seed_doc: Document) -> None:
    z = zipfile.ZipFile(io.BytesIO(seed_deck.data))
    theme = etree.fromstring(z.read("ppt/theme/theme1.xml"))
    scheme = theme.find(f"{A}themeElements/{A}clrScheme")
    colour = {el.tag.removeprefix(A): el[0].get("val") for el in scheme}
    p = seed_doc.brand.palette
    want = {"accent1": p.primary, "accent2": p.secondary, "accent3": p.accent, "dk1": p.foreground,
            "lt1": p.background, "hlink": p.link or p.primary}
    assert {k: colour[k] for k in want} == {k: v.lstrip("#").upper() for k, v in want.items()}
    pres = z.read("ppt/presentation.xml").decode()
    size = re.search(r"<p:sldSz [^>]*/>", pres)
    assert size and "type=" not in size.group() and 'cx="12192000"' in size.group()


def test_dates_are_shared() -> None:
    d = dt.date(2026, 11, 27)
    assert format_date(d, "en") == format_date(d, "en-GB") == "November 27, 2026"
    assert format_date(d, "de") == "2026-11-27"


def test_title_slide_date(seed_deck: Rendered, seed_doc: Document) -> None:
    assert seed_doc.date is not None
    text = " ".join(text_of(sh) for sh in read(seed_deck).slides[0].shapes if sh.has_text_frame)
    assert format_date(seed_doc.date, "en") in text


@pytest.mark.parametrize(("n", "limit", "want"), [(12, 5, [4, 4, 4]), (12, 6, [6, 6]), (7, 6, [4, 3]),
                                                  (13, 6, [5, 4, 4])])
def test_paginate_balances_within_the_limit(n: int, limit: int, want: list[int]) -> None:
    from docgen.render.deck.fit import Para, paginate, tokens

    units = [Para(tokens(f"Bullet {i}"), bullet=True) for i in range(n)]
    pages = paginate(units, lambda u: list(u), lambda paras: True, limit, 40, balance=True)
    assert [len(p) for p in pages] == want
    assert [u for p in pages for u in p] == units


def test_title_boxes_remembered_per_kit_and_bounded(seed_doc: Document) -> None:
    """Each heading's title box is made once per kit; the memory of them stays bounded."""
    from docgen.render.deck.grid import Kit

    kit = Kit(seed_doc.brand)
    first = kit.title("A heading that repeats")
    assert kit.title("A heading that repeats") is first
    assert first == kit._title("A heading that repeats", "content")
    for i in range(1500):
        kit.title(f"Heading {i}")
    assert len(kit._titles) <= 1024


def test_runs_inherit_the_layouts_look(seed_deck: Rendered) -> None:
    """A slide's text names no font, size or colour the layout already gives it: the theme's
    fonts and the layouts' styles draw the deck, so changing them changes it. Only a quote set
    up a step for its length (36 or 32 pt over the layout's 28; short cards 28 over 24) names its
    size, and a quote said once, the Statement layout's title, names the statement's face (the
    theme's minor font) and size."""
    with zipfile.ZipFile(io.BytesIO(seed_deck.data)) as z:
        runs = typed = sized = 0
        for name in z.namelist():
            if not re.match(r"ppt/slides/slide\d+\.xml$", name):
                continue
            root = etree.fromstring(z.read(name))
            said = {r for sp in root.iter(f"{P}sp")
                    if sp.find(f".//{P}ph[@type='title']") is not None
                    and "".join(sp.itertext()).startswith("“")
                    for r in sp.iter(f"{A}rPr")
                    if r.getparent().tag == f"{A}r" and r.get("i") == "1"
                    and r.get("sz") == "4400"}
            for rpr in root.iter(f"{A}rPr"):
                if rpr.getparent().tag != f"{A}r":
                    continue
                runs += 1
                typed += rpr.find(f"{A}solidFill") is not None
                if rpr in said:  # a quote said once: the Statement layout's title, in the
                    continue  # face and size of its statements (+mn-lt, 44 pt), so named
                assert rpr.find(f"{A}latin") is None, name  # the theme's +mj-lt / +mn-lt
                if rpr.get("sz") is not None:
                    sized += 1
                    assert rpr.get("sz") in ("2800", "3200", "3600"), name
            assert not list(root.iter(f"{A}br")), name  # no line break of docgen's
        assert runs > 100 and typed / runs < 0.05 and sized / runs < 0.1, (typed, sized, runs)


def test_most_slide_text_keeps_its_layouts_box(seed_deck: Rendered) -> None:
    """A placeholder where its layout puts it names no box of its own (Reset Slide has nothing
    to undo); only boxes narrowed for their lines, cards sized to their words and the footer
    line (LibreOffice needs its box) say one."""
    prs = read(seed_deck)
    own = total = 0
    for slide in prs.slides:
        for sh in slide.placeholders:
            if sh.placeholder_format.type in (13, 15):  # slide number, footer
                continue
            total += 1
            own += sh._element.find(f"{P}spPr/{A}xfrm") is not None
    assert total > 50 and own / total < 0.4, (own, total)


def _body_text(slide) -> str:
    """What a slide shows below its title, its eyebrow, footer and number left out."""
    return " ".join(text_of(sh) for sh in slide.placeholders
                    if sh.placeholder_format.type not in (1, 3, 13, 15)  # title, ctr title, num, ftr
                    and sh.placeholder_format.idx != 13 and sh.has_text_frame)


def test_no_slide_says_its_title_again(seed_deck: Rendered) -> None:
    """A claim over its quote: the quote does not say the same words; a restating one is set
    alone, as the title (read out in the notes); the notes do not read a claim title out again."""
    from docgen.render.deck.points import content_words

    said_once = 0
    for n, slide in enumerate(read(seed_deck).slides, 1):
        title = text_of(slide.shapes.title)
        notes = slide.notes_slide.notes_text_frame.text.replace("\u00a0", " ")
        if slide.slide_layout.name in ("Quote", "Statement", "Two Content", "Three Content",
                                       "Comparison") and not title.startswith("“"):  # a claim
            assert title not in notes.replace(f"[Next: {title}]", ""), (n, title)
        if title.startswith("“"):  # a quote as the title: nothing else on the slide
            said_once += 1
            assert _body_text(slide).strip() in ("", "140+"), n  # the question's figure
        elif slide.slide_layout.name == "Statement":
            claim = content_words(title)
            shared = claim & content_words(_body_text(slide))
            assert len(shared) < 0.4 * len(claim), (n, title)
    assert said_once == 5  # the question and four statements (one split from its cards)


def test_slides_keep_to_about_forty_words(seed_deck: Rendered) -> None:
    for n, slide in enumerate(read(seed_deck).slides, 1):
        shown = [text_of(sh) for sh in slide.placeholders
                 if sh.placeholder_format.type not in (13, 15)]  # number, footer
        assert len(" ".join(shown).split()) <= 50, (n, shown)


def test_the_comparison_is_two_headed_columns(seed_deck: Rendered) -> None:
    (slide,) = [s for s in read(seed_deck).slides if s.slide_layout.name == "Comparison"]
    assert text_of(slide.shapes.title) == "Marketing and Sales: Side by Side"
    texts = [text_of(sh) for sh in slide.placeholders if sh.placeholder_format.type not in (1, 13, 15)]
    heads = [t for t in texts if t in ("Marketing", "Sales")]
    assert heads == ["Marketing", "Sales"]
    columns = [sh for sh in slide.placeholders if len(sh.text_frame.paragraphs) == 5]
    assert len(columns) == 2 and columns[0].left < columns[1].left
    assert columns[0].top == columns[1].top  # rows side by side


def test_part_numbers_run_through_every_part(seed_deck: Rendered) -> None:
    numbers = []
    for slide in read(seed_deck).slides:
        for sh in slide.placeholders:
            m = re.match(r"^(\d\d) / 05", text_of(sh))
            if m:
                numbers.append(int(m.group(1)))
    assert numbers == [1, 2, 3, 4, 5]  # part 5 has no divider: its one slide says 05 / 05


def test_statement_ground_is_the_brands_light(seed_deck: Rendered, seed_doc: Document) -> None:
    prs = read(seed_deck)
    (layout,) = [x for x in prs.slide_layouts if x.name == "Statement"]
    fill = layout.background.fill
    assert str(fill.fore_color.rgb) == seed_doc.brand.palette.light.lstrip("#").upper()


def test_a_claim_its_quote_restates_is_noted_not_read_out(seed_deck: Rendered) -> None:
    notes = {text_of(s.shapes.title): s.notes_slide.notes_text_frame.text.replace("\u00a0", " ")
             for s in read(seed_deck).slides}
    said_once = notes["“Sales closes the deal; Marketing creates the environment for Sales to happen.”"]
    assert "[The point it backs: Marketing creates the environment; Sales closes the deal.]" in said_once
    assert said_once.count("Marketing creates the environment; Sales closes the deal") == 1
    cards = notes["In Their Words"]
    # The label leads the aside (it was "[The point it backs: Sports: Marketing…]", two colons).
    assert "[Sports — Marketing puts the ball in play, Sales puts it away.]" in cards
    for line in cards.split("\n\n"):  # every claim a bracketed aside, none read out
        assert not line.startswith(("Sports:", "Theatre:", "Seafood:")), line
