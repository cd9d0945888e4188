"""An SVG picture in an article: vector in the PDF, SVG with a PNG copy in the deck."""

from __future__ import annotations

import io
import zipfile

from pypdf import PdfReader

from docgen.render.deck import render_deck
from docgen.render.pdf import render_pdf
from docgen.source import load_with_warnings
from tests.conftest import WriteArticle

CHART = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150">'
         '<rect width="300" height="150" fill="#F4F1EA"/>'
         '<path d="M10 140 C 80 10, 160 10, 290 120" stroke="#1D3557" stroke-width="6" fill="none"/>'
         '<text x="20" y="30" font-family="Helvetica, sans-serif" font-size="20">Reach</text>'
         '<image href="https://example.com/tracker.png" width="1" height="1"/></svg>')
ARTICLE = """\
title: Pictures
author:
  name: Ann Author
  bio: Writes.
sections:
  - heading: One
    blocks:
      - image:
          src: chart.svg
          alt: A curve rising, then falling
"""


def test_an_svg_picture_is_vector_in_the_pdf_and_svg_in_the_deck(
        write_article: WriteArticle) -> None:
    doc, warnings = load_with_warnings(write_article(ARTICLE, files={"chart.svg": CHART}))
    assert any("chart.svg' has the reference to 'https://example.com/tracker.png'" in str(w)
               for w in warnings)
    pdf = render_pdf(doc).data
    reader = PdfReader(io.BytesIO(pdf))
    content = b"".join(p.get_contents().get_data() for p in reader.pages)
    assert b"1 0 0 -1" in content or b" c " in content  # svglib's paths, not a picture
    assert not any(x.get("/Subtype") == "/Image" for p in reader.pages
                   for x in (p["/Resources"].get("/XObject") or {}).values())
    fonts = {f.get_object()["/BaseFont"] for p in reader.pages
             for f in p["/Resources"]["/Font"].values()}
    assert not any("Helvetica" in f for f in fonts)  # the SVG's text in a shipped, embedded font
    deck = zipfile.ZipFile(io.BytesIO(render_deck(doc).data))
    media = [n for n in deck.namelist() if n.startswith("ppt/media/")]
    assert any(n.endswith(".svg") for n in media) and any(n.endswith(".png") for n in media)
    svg = next(deck.read(n) for n in media if n.endswith(".svg"))
    assert b"example.com" not in svg
    slides = b"".join(deck.read(n) for n in deck.namelist() if n.startswith("ppt/slides/slide"))
    assert b"svgBlip" in slides and b"A curve rising, then falling" in slides
