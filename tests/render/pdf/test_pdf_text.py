"""Text integrity: every word extractable as typed, nothing interpreted as markup, no blank glyphs."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.model import Document, Paragraph, Span, Text
from docgen.render import Rendered
from docgen.render.pdf import render_pdf
from tests.text import document_strings

from .conftest import (
    HERE,
    LONG_URL,
    LONG_WORD,
    assert_in_order,
    body_text,
    run,
    squash,
    t,
    write,
)


def expected(doc: Document) -> list[str]:
    a = doc.author
    return [*document_strings(doc, printed=True)[:-1], a.name, *([a.role] if a.role else []), a.bio.plain]


def test_seed_text_round_trips_in_reading_order(
    seed_doc: Document, seed_pdf: Rendered, tmp_path: Path
) -> None:
    text = body_text(write(seed_pdf.data, tmp_path))
    assert_in_order(expected(seed_doc), text)
    for word in ("“What’s", "‘why’", "[and]", "&", "mussels!"):
        assert word in text


def test_hostile_text_round_trips(hostile: Document, hostile_pdf: Rendered, tmp_path: Path) -> None:
    text = body_text(write(hostile_pdf.data, tmp_path))
    assert_in_order(expected(hostile), text)
    for literal in ("<b>not bold</b>", "&amp;", "&lt;b&gt;", "[x](not a link)", "<angle>",
                    "Ωμέγα", "Жизнь", "straße", "—", "–", "…", "Ann & <Bob>", "&", "Mail"):
        assert literal in text, literal


def test_quote_marks_are_added_by_the_renderer(seed_pdf: Rendered, tmp_path: Path) -> None:
    text = body_text(write(seed_pdf.data, tmp_path))
    assert "“Marketing fertilizes, Sales harvests.”" in text


def test_long_words_and_urls_wrap_inside_the_margins(
    hostile_pdf: Rendered, tmp_path: Path
) -> None:
    html = run("pdftotext", "-bbox", write(hostile_pdf.data, tmp_path), "-")
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', html)]
    left_edges = [float(x) for x in re.findall(r'xMin="([\d.]+)"', html)]
    assert max(right_edges) <= 612 - 36  # the side column's right edge (key points)
    assert min(left_edges) >= 56 - 8  # the text column (56 pt), less a hanging quote mark
    text = squash(body_text(write(hostile_pdf.data, tmp_path)))
    assert squash(LONG_WORD) in text and squash(LONG_URL) in text


def test_character_no_font_has_stops_the_build(seed_doc: Document) -> None:
    section = dataclasses.replace(
        seed_doc.sections[0], blocks=(Paragraph(t("Clay tablet \U00012000 now"), HERE),)
    )
    doc = dataclasses.replace(seed_doc, sections=(section,))
    with pytest.raises(DocgenError) as err:
        render_pdf(doc)
    message = str(err.value)
    assert "U+12000 CUNEIFORM SIGN A" in message
    assert "hostile.yaml:7:3" in message  # the block's place: that file holds no such character
    assert "TrueType" in message  # what would draw it


def test_fallback_font_draws_what_the_brand_font_lacks(hostile_pdf: Rendered) -> None:
    warned = " ".join(p.message for p in hostile_pdf.warnings)
    assert "U+03A9 GREEK CAPITAL LETTER OMEGA" in warned
    assert all(p.severity == "warning" for p in hostile_pdf.warnings)


def test_bold_fallback_uses_the_bold_face(seed_doc: Document, tmp_path: Path) -> None:
    text = Text((Span("Bold Ωμέγα", bold=True),))
    section = dataclasses.replace(seed_doc.sections[0], blocks=(Paragraph(text, HERE),))
    data = render_pdf(dataclasses.replace(seed_doc, sections=(section,))).data
    assert "DejaVuSerifCondensed-Bold" in run("pdffonts", write(data, tmp_path))


def test_missing_logo_and_bad_image(seed_doc: Document, tmp_path: Path) -> None:
    from docgen.model import Image

    brand = dataclasses.replace(seed_doc.brand, logo=None, logo_on_dark=None)
    assert render_pdf(dataclasses.replace(seed_doc, brand=brand)).units >= 1
    image = Image(tmp_path / "nope.png", "missing", None, 10, 10, HERE)
    section = dataclasses.replace(seed_doc.sections[0], blocks=(image,))
    with pytest.raises(DocgenError, match=r"nope\.png"):
        render_pdf(dataclasses.replace(seed_doc, sections=(section,)))
