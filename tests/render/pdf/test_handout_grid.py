"""The handout's grid, type scale, colour roles and closing band, read back from the PDF: what the
second design review asked for (equal margins, sizes on one scale, the accent kept for pull-quote
bars and bullets, room around pull quotes, a call to action closing the last page)."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from PIL import Image as PILImage

from docgen.colour import contrast
from docgen.model import Document
from docgen.quotes import QUOTE, pull_quote, rule_colour
from docgen.render import Rendered
from docgen.render.pdf.sections import restates
from docgen.render.pdf.styles import make_styles
from tests.text import printed

from .conftest import run, write
from .test_handout_design import Line, _families, lines, quote_lines
from .test_tagged import _walk


@pytest.fixture(scope="module")
def seed_lines(seed_pdf: Rendered, tmp_path_factory: pytest.TempPathFactory) -> list[Line]:
    return lines(seed_pdf.data, tmp_path_factory.mktemp("grid"))


def test_the_margins_are_equal(seed_doc: Document, seed_lines: list[Line]) -> None:
    """The text column starts as far from the left edge as the side column and the running
    lines end from the right one (56 pt on Letter)."""
    g = make_styles(seed_doc.brand, *_families(seed_doc)).grid
    assert g.left == 56 and g.left + g.full == 612 - 56
    body = [ln for ln in seed_lines if ln.page > 1 and ln.height < 16 and 80 < ln.y0 < 700]
    assert min(ln.x0 for ln in body) == pytest.approx(g.left, abs=0.5)
    pages = [ln for ln in seed_lines if ln.text.startswith("Page ")]
    assert pages and all(ln.x1 == pytest.approx(612 - 56, abs=1) for ln in pages)
    side = [ln for ln in seed_lines if ln.x0 > g.left + g.measure]
    assert max(ln.x1 for ln in side) <= 612 - 56 + 0.5


def _font_sizes(data: bytes) -> set[float]:
    sizes: set[float] = set()
    for page in pikepdf.open(io.BytesIO(data)).pages:
        for operands, op in pikepdf.parse_content_stream(page):
            if str(op) == "Tf":
                sizes.add(round(float(operands[1]), 1))
    return sizes


def test_every_size_is_a_step_of_the_scale(seed_pdf: Rendered) -> None:
    """Running lines 7.7, small text 9.6, body 12, names 15, pull quotes 18.8, headings and
    the call to action 23.4, the title 29.3: steps of 1.25 from 12 pt, nothing in between."""
    scale = {round(12 * 1.25**n, 1) for n in range(-2, 5)}
    assert _font_sizes(seed_pdf.data) <= scale
    assert {7.7, 9.6, 12.0, 18.8, 23.4, 29.3} <= _font_sizes(seed_pdf.data)


def _rects(data: bytes) -> list[tuple[str, float, float]]:
    """Return (fill colour, width, height) of every filled rectangle."""
    out = []
    for page in pikepdf.open(io.BytesIO(data)).pages:
        fill = "#000000"
        for operands, op in pikepdf.parse_content_stream(page):
            name = str(op)
            if name == "rg":
                fill = "#" + "".join(f"{round(float(c) * 255):02X}" for c in operands)
            elif name == "re":
                out.append((fill, round(float(operands[2]), 1), round(float(operands[3]), 1)))
    return out


def test_the_accent_marks_pull_quotes_only_and_quote_rules_are_a_primary_tint(
    seed_doc: Document, seed_pdf: Rendered
) -> None:
    palette = seed_doc.brand.palette
    rects = _rects(seed_pdf.data)
    rules = [fill for fill, w, _ in rects if w == 2.0]
    bars = [fill for fill, w, h in rects if (w, h) == (36.0, 3.0)]
    quotes = sum(1 for s in seed_doc.sections for b in s.blocks if type(b).__name__ == "Quote")
    pulls = sum(1 for s in seed_doc.sections if pull_quote(s) is not None)
    assert len(bars) == pulls == 4 and set(bars) == {palette.accent}
    assert len(rules) == quotes - len(bars)
    assert set(rules) == {rule_colour(QUOTE, palette)} == {"#A2ADB9"}
    assert all(fill != palette.accent for fill, w, h in rects if (w, h) != (36.0, 3.0))


def test_small_text_reads_at_5_5_to_1_or_more(seed_doc: Document) -> None:
    c = make_styles(seed_doc.brand, *_families(seed_doc)).colors
    paper, tint = seed_doc.brand.palette.background, seed_doc.brand.palette.light
    assert contrast("#" + c.muted.hexval()[2:], paper) >= 5.5
    assert contrast("#" + c.muted_on_tint.hexval()[2:], tint) >= 5.5


def test_pull_quotes_have_room_above_and_below(seed_doc: Document,
                                               seed_lines: list[Line]) -> None:
    """At least 32 pt of white between a pull quote (its bar 16 pt above its words) and the
    text before and after it; a line ending in a colon ("For example:") introduces it from
    about 18 pt above the bar, as close as a lead-in stands to a block quote."""
    introduced = 0
    for section in seed_doc.sections:
        pull = pull_quote(section)
        if pull is None:
            continue
        block = quote_lines(seed_lines, pull.text.plain)
        page = [ln for ln in seed_lines if ln.page == block[0].page and 60 < ln.y0 < 792 - 61]
        before = [ln for ln in page if ln.y1 <= block[0].y0 and ln.x0 < 420]
        after = [ln for ln in page if ln.y0 >= block[-1].y1 and ln.x0 < 420]
        if before:
            last = max(before, key=lambda ln: ln.y1)
            room = block[0].y0 - last.y1 - 3 - 16  # white above the bar
            if last.text.endswith(":"):
                introduced += 1
                assert 14 <= room <= 22, (last.text, room)
            else:
                assert room >= 32 - 6, (last.text, room)
        if after:
            assert min(ln.y0 for ln in after) - block[-1].y1 >= 32
    assert introduced == 2  # "For example:", "As several people articulated:"


def test_the_call_to_action_closes_the_last_page_on_the_primary_colour(
    seed_doc: Document, seed_pdf: Rendered, tmp_path: Path
) -> None:
    """A navy band from the last page's foot (where the footer is then set, in light type),
    with the article's call to action, its address and a QR code; tagged as a Sect of a P, a P
    with its Link and a Figure in a Link."""
    assert seed_doc.cta is not None
    path = write(seed_pdf.data, tmp_path)
    last = seed_pdf.units
    run("pdftoppm", "-png", "-r", "20", "-f", str(last - 1), "-l", str(last), str(path),
        str(tmp_path / "page"))
    pngs = sorted(tmp_path.glob("page*.png"))
    before, final = (PILImage.open(p).convert("RGB") for p in pngs)
    navy = tuple(int(seed_doc.brand.palette.primary[i:i + 2], 16) for i in (1, 3, 5))
    w, h = final.size
    assert final.getpixel((1, h - 2)) == navy and final.getpixel((w - 2, h - 2)) == navy
    assert final.getpixel((1, 1)) == (255, 255, 255)
    assert before.getpixel((1, h - 2)) == (255, 255, 255)
    foot = run("pdftotext", "-raw", "-f", str(last), "-l", str(last), "-y", "560", "-H", "232",
               "-W", "612", str(path), "-")
    assert printed(seed_doc.cta.text.plain) == " ".join(printed(foot).split("\n")[:2])
    assert "rocketmarketdevelopment.com" in foot and f"Page {last} of {last}" in foot
    pdf = pikepdf.open(path)
    sect = [e for e in pdf.Root.StructTreeRoot.K.K if e.S == "/Sect"][-1]
    roles = [str(e.S) for e in _walk(sect)]
    assert roles[:5] == ["/Sect", "/P", "/P", "/Link", "/Link"], roles
    figure = next(e for e in _walk(sect) if e.S == "/Figure")
    assert str(figure.Alt) == "QR code linking to rocketmarketdevelopment.com"
    uris = {str(a.A.URI) for a in pdf.pages[last - 1].get("/Annots", [])}
    assert uris == {seed_doc.cta.link}


def test_one_qr_code_on_the_last_page(seed_pdf: Rendered) -> None:
    """The band carries the link's QR code; the author's card then shows none of its own."""
    pdf = pikepdf.open(io.BytesIO(seed_pdf.data))
    figures = [e for e in _walk(pdf.Root.StructTreeRoot.K) if e.S == "/Figure"
               and str(e.get("/Alt", "")).startswith("QR code")]
    assert len(figures) == 1


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_text_keeps_20_pt_of_white_from_the_running_lines(seed_doc: Document, paper: str,
                                                          tmp_path: Path) -> None:
    """The hairlines under the header and over the footer have 20 pt of white on the text's side
    on every page, whatever ends the page (a pull quote's descenders are the deepest)."""
    import dataclasses

    from docgen.render.pdf import render_pdf

    doc = dataclasses.replace(seed_doc, brand=dataclasses.replace(seed_doc.brand,
                                                                  page_size=paper))
    g = make_styles(doc.brand, *_families(doc)).grid
    rendered = render_pdf(doc)
    found = lines(rendered.data, tmp_path)
    header_rule, footer_rule = g.height - g.header_y + g.rule, g.height - g.footer_y - g.rule
    for page in range(2, rendered.units + 1):
        text = [ln for ln in found if ln.page == page
                and header_rule < ln.y0 and ln.y1 < footer_rule]
        assert min(ln.y0 for ln in text) - header_rule >= 20 - 0.5, page
        if page < rendered.units:  # (the last page ends on the closing band)
            assert footer_rule - max(ln.y1 for ln in text) >= 20 - 0.5, page


def test_headings_lead_the_pull_quotes_and_key_points_share_their_baseline(
    seed_doc: Document, seed_lines: list[Line]
) -> None:
    """Headings 23.4 pt bold, a step above the pull quotes (18.75 pt): the key points' label
    sits on the heading's first baseline."""
    for section in seed_doc.sections:
        heading = next(ln for ln in seed_lines if ln.text == section.heading.plain)
        assert heading.height == pytest.approx(23.4, abs=0.1)
        if restates(section):  # no key points beside a paragraph they only repeat
            continue
        label = next(ln for ln in seed_lines if ln.text == "KEY POINTS" and ln.page ==
                     heading.page and abs(ln.y1 - heading.y1) < 10)
        # both in the heading face: the baseline is a quarter of the size above the box's foot
        assert label.y1 - 0.25 * label.height == pytest.approx(
            heading.y1 - 0.25 * heading.height, abs=0.3)
