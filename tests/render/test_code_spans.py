"""A code span is set in the shipped monospaced face in the handout and on the slide."""

from __future__ import annotations

import io
import re
import zipfile

from pypdf import PdfReader

from docgen.render.deck import render_deck
from docgen.render.pdf import render_pdf
from docgen.source import load
from docgen.source.inline import parse_inline
from docgen.typography import nest_quotes, smarten
from tests.conftest import MINIMAL, WriteArticle

ARTICLE = MINIMAL.replace(
    "      - A paragraph.\n",
    "      - Run `invoke build --force` before *every* release -- \"twice\".\n"
    "    key_points:\n      - Run `docgen check` on save\n")


def test_the_handout_draws_code_in_liberation_mono(write_article: WriteArticle) -> None:
    doc = load(write_article(ARTICLE))
    reader = PdfReader(io.BytesIO(render_pdf(doc).data))
    fonts: dict[str, str] = {}

    def visit(text: str, cm: object, tm: object, font: object, size: object) -> None:
        if text.strip() and isinstance(font, dict):
            fonts[text.strip()] = str(font.get("/BaseFont"))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    mono = [t for t, f in fonts.items() if "LiberationMono" in f]
    assert any("invoke build --force" in t for t in mono), fonts  # typography leaves code alone
    assert not any("release" in t for t in mono)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "release — “twice”" in text.replace("\u00a0", " ")  # and still sets the prose


def test_typography_leaves_code_spans_as_typed() -> None:
    text = parse_inline('Use `--force "now"` -- "then"')
    assert [s.text for s in smarten(text).spans] == ["Use ", '--force "now"', " — “then”"]
    assert [s.text for s in nest_quotes(smarten(text)).spans][1] == '--force "now"'


def test_the_slide_sets_code_in_courier_new(write_article: WriteArticle) -> None:
    doc = load(write_article(ARTICLE))
    with zipfile.ZipFile(io.BytesIO(render_deck(doc).data)) as deck:
        slides = [deck.read(n).decode() for n in deck.namelist()
                  if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    runs = [r for s in slides for r in re.findall(r"<a:r>.*?</a:r>", s)]
    code = [r for r in runs if "docgen check" in r]
    assert code and all('typeface="Courier New"' in r for r in code)
    assert any("on save" in r and 'typeface="Courier New"' not in r for r in runs)
