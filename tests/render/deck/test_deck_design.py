"""The designer's review, checked on the written decks: rules without shadows, notes on every slide,
quote continuations, bullet font and colour, balanced splits, the author slide, image alignment,
the theme's colours, the date and the footer logo."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from docgen.model import Document
from docgen.render import Rendered, format_date
from docgen.render.deck.grid import Kit
from docgen.render.deck.measure import SOFT_BREAK
from docgen.typography import nest_quotes, smarten

IN = 914400
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def read(r: Rendered):
    return Presentation(io.BytesIO(r.data))


def body_text(shape) -> str:
    return shape.text_frame.text.replace(SOFT_BREAK, "")


@pytest.mark.parametrize("deck", ["seed_deck", "stress_deck"])
def test_rules_and_bars_have_no_style_shadow(deck: str, request: pytest.FixtureRequest) -> None:
    rects = 0
    for slide in read(request.getfixturevalue(deck)).slides:
        for sh in slide.shapes:
            if sh.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and sh.name.startswith("Rectangle"):
                rects += 1
                assert sh._element.find(qn("p:style")) is None, sh.name
                assert "effectRef" not in etree.tostring(sh._element).decode()
    assert rects > 20


def test_every_slide_has_notes(seed_deck: Rendered, stress_deck: Rendered, seed_doc: Document) -> None:
    for deck in (seed_deck, stress_deck):
        prs = read(deck)
        for n, slide in enumerate(prs.slides, 1):
            assert slide.has_notes_slide, n
            assert slide.notes_slide.notes_text_frame.text.strip(), n
    prs = read(seed_deck)
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides]
    sections = [s.heading.plain for s in seed_doc.sections if not s.deck.skip]
    assert all(h in notes[1] for h in sections)  # the agenda names the sections
    assert notes[2].startswith(f"Section 1 of {len(sections)}: {sections[0]}.")
    assert seed_doc.author.bio.plain in notes[-2]
    assert seed_doc.brand.link and seed_doc.brand.link in notes[-1]


def test_quote_notes_hold_the_quote_and_its_lead_in(seed_deck: Rendered, seed_doc: Document) -> None:
    prs = read(seed_deck)
    quote_slides = [s for s in prs.slides
                    if any("“" in body_text(sh) for sh in s.shapes if sh.has_text_frame)]
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in quote_slides)
    for section in seed_doc.sections:
        for b in section.blocks:
            if type(b).__name__ == "Quote":
                assert f"“{nest_quotes(smarten(b.text)).plain}”" in notes  # as printed
    first = quote_slides[0].notes_slide.notes_text_frame.text
    assert first.startswith("A few people said there is little difference")


@pytest.mark.parametrize("deck", ["seed_deck", "stress_deck"])
def test_split_quotes_carry_ellipses(deck: str, request: pytest.FixtureRequest) -> None:
    prs = read(request.getfixturevalue(deck))
    quotes = [_quote(s) for s in prs.slides]
    parts = 0
    for i, slide in enumerate(prs.slides):
        title = slide.shapes.title.text_frame.text.replace(SOFT_BREAK, "")
        text = quotes[i]
        if not text:
            continue
        continues = i + 1 < len(quotes) and quotes[i + 1].startswith("…")
        if "(cont.)" in title:
            parts += 1
            assert text.startswith("…") and "“" not in text[:1], text[:30]
        else:
            assert text.startswith("“")
        if continues:
            assert text.endswith("…") and not text.endswith("”…"), text[-30:]
        else:
            assert text.endswith("”"), text[-30:]
    assert parts >= 1


def _quote(slide) -> str:
    for sh in slide.shapes:
        if sh.has_text_frame and sh.name.startswith("TextBox") and body_text(sh).startswith(("“", "…")):
            return body_text(sh).strip()
    return ""


def test_quote_steps_down_before_splitting(seed_doc: Document) -> None:
    from docgen.model import Quote, Span, Text
    from docgen.render.deck.grid import Kit
    from docgen.render.deck.plan import plan_deck

    long_words = " ".join(["Extraordinarily comprehensive considerations."] * 13)  # 39 words
    pages = Kit(seed_doc.brand).quote_pages(Quote(Text((Span(long_words),)), by="Someone"))
    assert len(pages) == 1  # smaller type, not a second slide
    assert 24.0 <= pages[0][0].size < 40.0
    plan = plan_deck(seed_doc)
    quotes = [s for s in plan.slides if s.kind == "quote"]
    for s in quotes:
        if s.continued:  # a continuation exists only because of the word limit, not the size
            prev = plan.slides[plan.slides.index(s) - 1]
            words = sum(len(b.plain.split()) for b in prev.boxes if b.role == "quote")
            nxt = sum(len(b.plain.split()) for b in s.boxes if b.role == "quote")
            assert words + nxt > 40


@pytest.mark.parametrize("deck", ["seed_deck", "stress_deck"])
def test_bullets_name_their_font_and_colour(deck: str, request: pytest.FixtureRequest,
                                            seed_doc: Document) -> None:
    body_font = None
    count = 0
    for slide in read(request.getfixturevalue(deck)).slides:
        for sh in slide.shapes:
            if not sh.has_text_frame:
                continue
            for p in sh.text_frame.paragraphs:
                ppr = p._p.pPr
                if ppr is None or (ppr.find(qn("a:buChar")) is None and ppr.find(qn("a:buAutoNum")) is None):
                    continue
                count += 1
                font = ppr.find(qn("a:buFont"))
                assert font is not None and font.get("typeface")
                body_font = body_font or font.get("typeface")
                assert font.get("typeface") == p.runs[0].font.name
                clr = ppr.find(qn("a:buClr"))
                assert clr is not None
                want = seed_doc.brand.palette.secondary.lstrip("#").upper()
                assert clr.find(qn("a:srgbClr")).get("val") == want
    assert count > 10


def test_bullet_splits_are_balanced(stress_doc: Document) -> None:
    from docgen.render.deck.plan import plan_deck

    runs: list[list[int]] = []
    cur: list[int] = []
    for s in plan_deck(stress_doc).slides:
        if s.kind == "bullets":
            n = sum(1 for b in s.boxes for p in b.paras if p.bullet)
            if not s.continued and cur:
                runs.append(cur)
                cur = []
            cur.append(n)
        elif cur:
            runs.append(cur)
            cur = []
    split = [r for r in runs if len(r) > 1]
    assert split and all(max(r) - min(r) <= 1 for r in split), runs
    assert [5, 5, 5] in split  # 15 bullets, six a slide at most


def test_author_slide_is_short_and_notes_hold_the_bio(seed_deck: Rendered, stress_deck: Rendered,
                                                      seed_doc: Document, stress_doc: Document) -> None:
    for deck, doc in ((seed_deck, seed_doc), (stress_deck, stress_doc)):
        slides = [s for s in read(deck).slides
                  if s.shapes.title.text_frame.text.startswith("About the author")]
        assert len(slides) == 1
        slide = slides[0]
        words = sum(len(body_text(sh).split()) for sh in slide.shapes
                    if sh.has_text_frame and sh != slide.shapes.title and sh.top < int(6.5 * IN))
        assert words <= 42, words
        text = " ".join(body_text(sh) for sh in slide.shapes if sh.has_text_frame)
        assert "Website:" not in text and "https://" not in text
        assert doc.author.bio.plain.strip() in slide.notes_slide.notes_text_frame.text


def test_image_and_caption_on_the_grid(stress_deck: Rendered) -> None:
    found = 0
    for slide in read(stress_deck).slides:
        title = slide.shapes.title
        for sh in slide.shapes:
            if sh.shape_type == MSO_SHAPE_TYPE.PICTURE and sh._element.nvPicPr.cNvPr.get("descr") == (
                    "The logo, as an image"):
                found += 1
                assert sh.left == title.left
                caps = [c for c in slide.shapes
                        if c.has_text_frame and c.text_frame.text.startswith("A caption")]
                assert caps and caps[0].left == title.left
                assert caps[0].text_frame.paragraphs[0].alignment in (None, 1)  # left
    assert found == 1


def test_theme_carries_the_brand(seed_deck: Rendered, seed_doc: Document) -> None:
    z = zipfile.ZipFile(io.BytesIO(seed_deck.data))
    theme = etree.fromstring(z.read("ppt/theme/theme1.xml"))
    scheme = theme.find(f"{A}themeElements/{A}clrScheme")
    colour = {el.tag.removeprefix(A): el[0].get("val") for el in scheme}
    p = seed_doc.brand.palette
    want = {"accent1": p.primary, "accent2": p.secondary, "accent3": p.accent, "dk1": p.foreground,
            "lt1": p.background, "hlink": p.link}
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
    text = " ".join(body_text(sh) for sh in read(seed_deck).slides[0].shapes if sh.has_text_frame)
    assert format_date(seed_doc.date, "en") in text


def test_footer_logo_legible_and_clear(seed_deck: Rendered) -> None:
    slide = read(seed_deck).slides[3]
    logo = next(sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE)
    footer = next(sh for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text.startswith("Rocket"))
    assert abs(logo.height - 0.45 * IN) < 0.01 * IN
    assert footer.left + footer.width + int(0.3 * IN) <= logo.left
    assert logo.top >= int(6.55 * IN) + int(0.15 * IN)  # clear of the content area
    assert logo.top + logo.height <= int(7.5 * IN) - int(0.2 * IN)


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
    kit = Kit(seed_doc.brand)
    first = kit.title("A heading that repeats")
    assert kit.title("A heading that repeats") is first
    assert first == kit._title("A heading that repeats", "content")
    for i in range(1500):
        kit.title(f"Heading {i}")
    assert len(kit._titles) <= 1024
