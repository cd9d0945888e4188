"""Layout rules a designer checks: line length, stranded headings, colours only from the brand."""

from __future__ import annotations

import dataclasses
import re
import statistics
from pathlib import Path

import pypdf
import pytest

from docgen.colour import contrast, ensure_contrast, mix
from docgen.model import Document, Palette
from docgen.quotes import QUOTE, rule_colour
from docgen.render import Rendered
from docgen.render.pdf import render_pdf

from .conftest import body_text, run, write


def test_body_lines_hold_60_to_75_characters(
    seed_doc: Document, seed_pdf: Rendered, tmp_path: Path
) -> None:
    text = run("pdftotext", "-raw", write(seed_pdf.data, tmp_path), "-")
    last = seed_doc.sections[-1].blocks[-1].text.plain
    start = text.index(last[:30])
    lines = text[start:].splitlines()
    para: list[str] = []
    for line in lines:
        para.append(line)
        if line.rstrip().endswith(last[-20:]):
            break
    lengths = [len(line) for line in para[:-1]]  # the last line of a paragraph is short
    assert len(lengths) >= 5
    assert 60 <= statistics.mean(lengths) <= 75, lengths
    assert max(lengths) <= 80


def test_no_page_ends_with_a_heading(seed_doc: Document, seed_pdf: Rendered, tmp_path: Path) -> None:
    path = write(seed_pdf.data, tmp_path)
    headings = {s.heading.plain for s in seed_doc.sections}
    for page in range(1, seed_pdf.units + 1):
        text = run("pdftotext", "-raw", "-f", str(page), "-l", str(page), "-y", "54", "-W", "612",
                   "-H", "684", path, "-")
        lines = [line for line in text.splitlines() if line.strip()]
        assert lines and lines[-1].strip() not in headings, f"page {page} ends with a heading"


def test_running_header_and_footer_on_later_pages(seed_doc: Document, seed_pdf: Rendered,
                                                  tmp_path: Path) -> None:
    """The header is the article's title alone; the brand is in the footer, with the page."""
    path = write(seed_pdf.data, tmp_path)
    for page in range(2, seed_pdf.units + 1):
        header = run("pdftotext", "-raw", "-f", str(page), "-l", str(page), "-y", "0", "-H", "50",
                     "-W", "612", path, "-").strip()
        footer = run("pdftotext", "-raw", "-f", str(page), "-l", str(page), "-y", "742",
                     "-H", "50", "-W", "612", path, "-")
        assert header == seed_doc.title.plain
        assert f"Page {page} of {seed_pdf.units}" in footer
        assert "Rocket Market Development LLC · Strategy, process and resources for growth" in footer
    assert "Page 1 of" in body_text(path, margin=0)


ODD = Palette(primary="#102030", secondary="#204060", accent="#C03010", foreground="#111111",
              background="#FFFFFF", muted="#555555", light="#EEEEF0")


def _colours(data: bytes, tmp_path: Path) -> set[str]:
    seen: set[str] = set()
    for page in pypdf.PdfReader(write(data, tmp_path)).pages:
        stream = page.get_contents().get_data().decode("latin-1")
        for r, g, b in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b", stream):
            seen.add("#" + "".join(f"{round(float(x) * 255):02X}" for x in (r, g, b)))
    return seen


def test_colours_come_only_from_the_brand_palette(seed_doc: Document, tmp_path: Path) -> None:
    brand = dataclasses.replace(seed_doc.brand, palette=ODD)
    data = render_pdf(dataclasses.replace(seed_doc, brand=brand)).data
    allowed = {getattr(ODD, f.name) for f in dataclasses.fields(ODD)}
    # ... and what the design derives from them, each by its documented rule: a quote's rule
    # (a tint of the primary colour), the running lines' hairlines, small text darkened to 5.5:1.
    derived = {rule_colour(QUOTE, ODD), mix(ODD.primary, ODD.background, 0.82),
               ensure_contrast(ODD.muted, ODD.background, 5.5),
               ensure_contrast(ODD.muted, ODD.light, 5.5)}
    # reportlab's Table resets the fill to black after painting a cell background; nothing is
    # drawn in it before the next colour is set.
    assert _colours(data, tmp_path) <= allowed | derived | {"#000000"}


def test_palette_contrast_helper() -> None:
    assert round(contrast("#000000", "#FFFFFF")) == 21
    assert contrast("#1F7A8C", "#FFFFFF") >= 4.5


def test_a_block_taller_than_a_page_is_explained_without_reportlab_internals() -> None:
    from docgen.render.pdf.document import _too_tall

    message = ("Flowable <HeaderBand at 0x7f2e795b2450 frame=later>...(352.0 x 3207.79) too large "
               "on page 2 in frame 'later'(352.0 x 655.2*) of template 'later'")
    assert _too_tall(message) == (
        "the handout cannot be laid out: the cover (title, subtitle, author and date) is 3208 pt "
        "tall and page 2 has room for 655 pt", "shorten the title or the subtitle")
    odd, hint = _too_tall("something <Thing at 0xdeadbeef> else")
    assert "0x" not in odd and hint


def test_a_layout_error_is_reported_at_the_article_with_its_hint(seed_doc, monkeypatch) -> None:
    from reportlab.platypus.doctemplate import LayoutError

    from docgen.errors import DocgenError
    from docgen.render.pdf import document

    def too_tall(*_args, **_kw) -> None:
        raise LayoutError("Flowable <HeaderBand at 0x7f2e795b2450 frame=later>...(352.0 x 3207.79) "
                          "too large on page 2 in frame 'later'(352.0 x 655.2*) of template 'later'")

    monkeypatch.setattr(document._Handout, "build", too_tall)
    with pytest.raises(DocgenError) as caught:
        document.render_pdf(seed_doc)
    (problem,) = caught.value.problems
    assert problem.location == seed_doc.location
    assert problem.hint == "shorten the title or the subtitle"
