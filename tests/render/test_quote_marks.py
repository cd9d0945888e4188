"""A quote prints with one pair of marks, whatever the marketer typed around it, and quotes inside
it take the inner style (‘ ’), in the handout and on the slide."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from docgen.render.deck.plan import plan_deck
from docgen.render.pdf import render_pdf
from docgen.source import load
from tests.conftest import MINIMAL, WriteArticle

TYPED = ['"“A price is a promise,” he said, \\"and I keep it.\\""',
         "“A price is a promise,” he said, \"and I keep it.\"",
         "'“A price is a promise,” he said, \"and I keep it.\"'"]
SHOWN = "‘A price is a promise,’ he said, ‘and I keep it.’"


@pytest.mark.parametrize("typed", TYPED)
def test_the_handout_prints_one_pair_and_nests_inner_quotes(write_article: WriteArticle,
                                                             typed: str) -> None:
    article = MINIMAL + f"      - quote: {typed}\n"
    if typed.startswith("“"):
        article = MINIMAL + f"      - quote:\n          text: {typed}\n"
    doc = load(write_article(article))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(doc).data)).pages)
    flat = " ".join(text.split()).replace("\u00a0", " ")
    assert f"“{SHOWN}”" in flat
    assert "““" not in flat and "””" not in flat


def test_the_slide_and_its_notes_print_one_pair_and_nest_inner_quotes(
        write_article: WriteArticle) -> None:
    doc = load(write_article(MINIMAL + f"      - quote: {TYPED[0]}\n"))
    slide = next(s for s in plan_deck(doc).slides if s.kind in ("quote", "statement"))
    shown = "".join(r.text for b in slide.boxes if b.role != "footer" for p in b.paras
                    for r in p.runs).replace("\u00a0", " ").replace("\v", " ")
    assert f"“{SHOWN}”" in " ".join(shown.split())
    assert f"“{SHOWN}”" in slide.notes.replace("\u00a0", " ")
