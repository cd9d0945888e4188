"""Paragraphs reuse parsed markup (per equal style) and line breaks (per width)."""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as RLParagraph

from docgen.render.pdf import paragraph
from docgen.render.pdf.paragraph import Paragraph

MARKUP = "Plain, <b>bold</b> and <i>italic</i> &amp; a <a href='https://x.example'>link</a>."


def _drawn(p: RLParagraph, width: float) -> bytes:
    out = io.BytesIO()
    canv = Canvas(out, invariant=1)
    p.wrap(width, 1e6)
    p.drawOn(canv, 10, 10)
    canv.showPage()
    canv.save()
    return out.getvalue()


def test_same_parse_and_lines_as_reportlab() -> None:
    style = ParagraphStyle("t", fontSize=11, leading=14)
    ours, again = Paragraph(MARKUP, style), Paragraph(MARKUP, ParagraphStyle("u", parent=style))
    theirs = RLParagraph(MARKUP, style)
    assert again.frags == ours.frags and again.frags is not ours.frags  # reused, as a copy
    assert again.text == ours.text == theirs.text
    assert [f.__dict__ for f in again.frags] == [f.__dict__ for f in theirs.frags]
    assert again.wrap(120, 1e6) == theirs.wrap(120, 1e6)
    assert _drawn(again, 120) == _drawn(theirs, 120)


def test_a_different_style_is_parsed_again() -> None:
    a = Paragraph(MARKUP, ParagraphStyle("a", fontSize=11))
    b = Paragraph(MARKUP, ParagraphStyle("b", fontSize=12))
    assert a.frags[0].fontSize == 11 and b.frags[0].fontSize == 12


def test_parse_cache_is_bounded() -> None:
    style = ParagraphStyle("bounded")
    for n in range(paragraph.MAX_PARSED + 10):
        Paragraph(f"paragraph {n}", style)
    assert len(paragraph._parsed) == paragraph.MAX_PARSED


def test_wrap_memo_follows_the_width() -> None:
    p = Paragraph(MARKUP, ParagraphStyle("w"))
    narrow, wide = p.wrap(80, 1e6), p.wrap(400, 1e6)
    assert narrow[1] > wide[1]
    assert p.wrap(80, 1e6) == narrow and p.wrap(400, 1e6) == wide
