"""The written deck, read back with python-pptx: slides, titles, text, notes, pictures, bounds."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from docgen.errors import DocgenError
from docgen.model import Document
from docgen.render import Rendered
from docgen.render.deck import render_deck
from docgen.render.deck.measure import SOFT_BREAK

TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def read(r: Rendered):
    return Presentation(io.BytesIO(r.data))


def slide_text(slide) -> str:
    return " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def test_slide_count_size_and_titles(seed_deck: Rendered, seed_doc: Document) -> None:
    prs = read(seed_deck)
    assert len(prs.slides) == seed_deck.units and seed_deck.unit_name == "slides"
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    for slide in prs.slides:
        title = slide.shapes.title
        assert title is not None and title.placeholder_format.type in TITLES
        assert title.text_frame.text.strip()
        assert slide.shapes[0] == title or slide.shapes.index(title) == 0
    shown = prs.slides[0].shapes.title.text_frame.text.replace(SOFT_BREAK, "").replace("\v", " ")
    assert shown == seed_doc.title.plain


def test_every_word_on_a_slide_or_in_notes(seed_deck: Rendered, seed_doc: Document) -> None:
    prs = read(seed_deck)
    everything = " ".join(
        slide_text(s) + " " + (s.notes_slide.notes_text_frame.text if s.has_notes_slide else "")
        for s in prs.slides
    ).replace(SOFT_BREAK, "")
    texts = [seed_doc.title.plain, seed_doc.author.name, seed_doc.author.bio.plain]
    for section in seed_doc.sections:
        texts.append(section.heading.plain)
        texts += [k.plain for k in section.key_points]
        for b in section.blocks:
            texts.append(b.text.plain)  # type: ignore[union-attr]
    for t in texts:
        for word in t.split():
            # (a card shows a point's run-in label without its colon: "Sports")
            assert word.strip("“”‘’\"'").removesuffix(":") in everything, word


def test_text_exactly_as_typed(stress_deck: Rendered) -> None:
    text = " ".join(slide_text(s) for s in read(stress_deck).slides)
    assert "explain & compare <things> [and] more" in text


def test_notes_and_core_properties(seed_deck: Rendered, seed_doc: Document) -> None:
    prs = read(seed_deck)
    notes = prs.slides[0].notes_slide.notes_text_frame.text.replace("\u00a0", " ")
    assert notes.startswith("[Welcome the audience.]") and seed_doc.author.name in notes
    question = prs.slides[1].notes_slide.notes_text_frame.text.replace("\u00a0", " ")
    assert question.startswith("Recently, a billion")
    cp = prs.core_properties
    assert cp.title == seed_doc.title.plain
    assert cp.author == cp.last_modified_by == seed_doc.author.name
    assert cp.language == seed_doc.language
    assert cp.keywords == ", ".join(seed_doc.keywords)
    assert cp.created.date() == seed_doc.date
    assert cp.modified == cp.created


def test_pictures_have_alt_text(stress_deck: Rendered) -> None:
    """Every picture, on the slides and in the layouts and master (the logos), says what it shows."""
    prs = read(stress_deck)
    parts = [*prs.slides, *prs.slide_layouts, prs.slide_master]
    pics = [el for part in parts for el in part._element.iter(qn("p:pic"))]
    descr = [p.find(qn("p:nvPicPr")).find(qn("p:cNvPr")).get("descr") for p in pics]
    assert "The logo, as an image" in descr and "Photo of the author" in descr
    assert "Rocket Market Development logo" in descr or any("logo" in d.lower() for d in descr)
    assert all(d and d.strip() for d in descr)


@pytest.mark.parametrize("deck", ["seed_deck", "stress_deck"])
def test_every_shape_inside_the_slide(deck: str, request: pytest.FixtureRequest) -> None:
    prs = read(request.getfixturevalue(deck))
    for n, slide in enumerate(prs.slides, 1):
        for sh in slide.shapes:
            assert sh.left >= 0 and sh.top >= 0, (n, sh.name)
            assert sh.left + sh.width <= prs.slide_width, (n, sh.name)
            assert sh.top + sh.height <= prs.slide_height, (n, sh.name)


def test_two_builds_byte_identical(seed_doc: Document, seed_deck: Rendered) -> None:
    assert render_deck(seed_doc).data == seed_deck.data
    names = zipfile.ZipFile(io.BytesIO(seed_deck.data)).infolist()
    assert names[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in names} == {(1980, 1, 1, 0, 0, 0)}


def test_source_date_epoch(seed_doc: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    cp = read(render_deck(seed_doc)).core_properties
    assert cp.created.year == 2023


def test_corporate_template_without_layouts(seed_doc: Document, tmp_path: Path) -> None:
    prs = Presentation()
    for layout in list(prs.slide_layouts):
        prs.slide_layouts.remove(layout)
    path = tmp_path / "corp.pptx"
    prs.save(str(path))
    doc = dataclasses.replace(seed_doc, brand=dataclasses.replace(seed_doc.brand, template=path))
    with pytest.raises(DocgenError, match="has no slide layouts"):
        render_deck(doc)


def test_corporate_template_used_by_name(seed_doc: Document, tmp_path: Path) -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = 12192000, 6858000
    prs.slides.add_slide(prs.slide_layouts[0])  # a sample slide that must not survive
    path = tmp_path / "corp.pptx"
    prs.save(str(path))
    doc = dataclasses.replace(seed_doc, brand=dataclasses.replace(seed_doc.brand, template=path))
    r = render_deck(doc)
    out = read(r)
    assert len(out.slides) == r.units
    assert out.slides[3].slide_layout.name == "Section Header"  # title, question, agenda, part


def test_no_logo(seed_doc: Document) -> None:
    brand = dataclasses.replace(seed_doc.brand, logo=None, logo_on_dark=None)
    r = render_deck(dataclasses.replace(seed_doc, brand=brand))
    assert not any(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for s in read(r).slides for sh in s.shapes)


@pytest.mark.parametrize("deck", ["seed_deck", "stress_deck"])
def test_parts_written_as_text_are_well_formed(deck: str, request: pytest.FixtureRequest) -> None:
    """Slides and notes are written as strings, never parsed: each must be XML lxml reads back."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(request.getfixturevalue(deck).data)) as z:
        names = [n for n in z.namelist() if n.startswith(("ppt/slides/slide", "ppt/notesSlides/"))]
        assert len(names) > 2
        for name in names:
            etree.fromstring(z.read(name))


def test_collector_paused_only_while_rendering(seed_doc: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cycle collector is off during a render and back on after it, even when it fails."""
    import gc

    import docgen.render.deck as deck
    from docgen.render.deck import writer

    seen = []
    monkeypatch.setattr(writer, "write_deck", lambda *a: seen.append(gc.isenabled()) or b"")
    assert gc.isenabled()
    deck.render_deck(seed_doc)
    assert seen == [False] and gc.isenabled()

    def fail(*a: object) -> bytes:
        raise RuntimeError("boom")

    monkeypatch.setattr(writer, "write_deck", fail)
    with pytest.raises(RuntimeError):
        deck.render_deck(seed_doc)
    assert gc.isenabled()
    gc.disable()
    try:
        with deck.collector_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
