"""Pictures are read once, by the loader: both renderers take their bytes and size from the model."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from PIL import Image as PILImage

from docgen.model import Image
from docgen.render.deck import render_deck
from docgen.render.pdf import render_pdf
from docgen.source import load
from tests.conftest import WriteArticle

ARTICLE = """\
title: Pictures
author:
  name: Ann
  bio: Ann writes.
  photo: photo.png
sections:
  - heading: One
    blocks:
      - A paragraph.
      - image: {src: chart.png, alt: A chart}
"""


def _png(size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def test_the_renderers_never_open_a_picture_the_loader_read(write_article: WriteArticle) -> None:
    chart, photo = _png((120, 60), (20, 90, 160)), _png((40, 50), (160, 90, 20))
    source = write_article(ARTICLE, files={"chart.png": chart, "photo.png": photo})
    doc = load(source)
    images = [b for s in doc.sections for b in s.blocks if isinstance(b, Image)]
    assert [(i.data, i.width_px, i.height_px) for i in images] == [(chart, 120, 60)]
    assert doc.author.photo is not None and doc.author.photo.data == photo
    for name in ("chart.png", "photo.png"):  # gone after loading: the model has them
        Path(source.parent / name).unlink()
    pdf = render_pdf(doc)
    assert pdf.data.count(b"/Subtype /Image") >= 2
    with zipfile.ZipFile(io.BytesIO(render_deck(doc).data)) as deck:
        media = [deck.read(n) for n in deck.namelist() if n.startswith("ppt/media/docgen-image")]
    assert chart in media and photo in media
