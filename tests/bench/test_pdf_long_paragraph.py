"""A very long paragraph is laid out in pieces, so PDF layout stays linear (checked without timing)."""

from __future__ import annotations

import dataclasses

from reportlab.platypus import Paragraph

from docgen.model import Document, Section, Span, Text
from docgen.model import Paragraph as Para
from docgen.render.pdf.story import CHUNK_WORDS, LONG_PARAGRAPH_WORDS, StoryBuilder, chunks


def _long_text(words: int) -> Text:
    sentence = "Marketing plants the seeds and sales brings in the harvest every season"
    parts = sentence.split()
    text = " ".join(parts[i % len(parts)] + ("." if i % 13 == 12 else "") for i in range(words))
    return Text((Span(text[:500]), Span(text[500:1500], bold=True), Span(text[1500:])))


def test_chunks_keep_every_word_and_end_at_sentences() -> None:
    text = _long_text(3000)
    pieces = chunks(text)
    assert "".join(s.text for p in pieces for s in p.spans) == "".join(s.text for s in text.spans)
    for piece in pieces[:-1]:
        n = len(piece.plain.split())
        assert CHUNK_WORDS <= n <= 2 * CHUNK_WORDS
        assert piece.plain.rstrip().endswith(".")
    assert any(s.bold for p in pieces for s in p.spans)  # styles kept


def test_long_paragraph_becomes_several_flowables(seed_doc: Document) -> None:
    from docgen.render.pdf.fonts import register
    from docgen.render.pdf.styles import make_styles

    brand = seed_doc.brand
    body = register(brand.body_font, brand.location)
    heading = register(brand.heading_font, brand.location)
    builder = StoryBuilder(seed_doc, make_styles(brand, body, heading), body, heading)
    short = builder.blocks((Para(_long_text(LONG_PARAGRAPH_WORDS)),))
    assert len(short) == 1
    flows = builder.blocks((Para(_long_text(3000)),))
    assert len(flows) >= 3000 // (2 * CHUNK_WORDS)
    assert all(isinstance(f, Paragraph) for f in flows)
    assert all(f.style.spaceAfter == 0 for f in flows[:-1])
    assert flows[-1].style.spaceAfter == builder.s.body.spaceAfter


def test_long_paragraph_renders(seed_doc: Document) -> None:
    from docgen.render.pdf import render_pdf

    section = Section(Text((Span("Long"),)), (Para(_long_text(4000)),))
    doc = dataclasses.replace(seed_doc, sections=(section,))
    assert render_pdf(doc).units >= 8
