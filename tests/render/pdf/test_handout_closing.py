"""The last page, read back from the PDF: the author's card right under the article's end and the
closing band grown up to it (no hole in the page), the card's label and lines, the band's quiet
footer and the QR code's quiet zone."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from PIL import Image as PILImage

from docgen.colour import contrast, mix
from docgen.infra import qr
from docgen.model import Document
from docgen.render import Rendered
from docgen.render.pdf.author import QR_SIZE
from docgen.render.pdf.styles import make_styles

from .conftest import run, write
from .test_handout_design import Line, _families, lines

DPI = 36  # 2 pt a pixel


@pytest.fixture(scope="module")
def last_page(seed_pdf: Rendered, tmp_path_factory: pytest.TempPathFactory) -> PILImage.Image:
    folder = tmp_path_factory.mktemp("closing")
    path = write(seed_pdf.data, folder)
    run("pdftoppm", "-png", "-r", str(DPI), "-f", str(seed_pdf.units), "-l",
        str(seed_pdf.units), str(path), str(folder / "last"))
    return PILImage.open(next(folder.glob("last*.png"))).convert("RGB")


@pytest.fixture(scope="module")
def seed_lines(seed_pdf: Rendered, tmp_path_factory: pytest.TempPathFactory) -> list[Line]:
    return lines(seed_pdf.data, tmp_path_factory.mktemp("closing-lines"))


def _last(rendered: Rendered) -> tuple[pikepdf.Pdf, pikepdf.Page]:
    pdf = pikepdf.open(io.BytesIO(rendered.data))
    return pdf, pdf.pages[rendered.units - 1]


def _last_page(rendered: Rendered, tmp_path: Path) -> PILImage.Image:
    """Return the handout's last page as an RGB picture at DPI."""
    path = write(rendered.data, tmp_path)
    run("pdftoppm", "-png", "-r", str(DPI), "-f", str(rendered.units), "-l",
        str(rendered.units), str(path), str(tmp_path / "last"))
    return PILImage.open(next(tmp_path.glob("last*.png"))).convert("RGB")


def _rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def _runs(image: PILImage.Image, x_pt: float) -> list[tuple[tuple[int, int, int], float, float]]:
    """Return the colours down the page at ``x_pt``: (colour, top, bottom) in points."""
    x = round(x_pt * DPI / 72)
    out: list[tuple[tuple[int, int, int], float, float]] = []
    for y in range(image.height):
        colour = image.getpixel((x, y))
        if out and out[-1][0] == colour:
            out[-1] = (colour, out[-1][1], (y + 1) * 72 / DPI)
        else:
            out.append((colour, y * 72 / DPI, (y + 1) * 72 / DPI))
    return out


def test_the_band_grows_up_to_the_card_under_the_article(seed_doc: Document,
                                                         seed_lines: list[Line],
                                                         last_page: PILImage.Image) -> None:
    """No hole on the last page: the card stands about 40 pt under the article's last line, the
    band starts 36 pt under the card (as far as the card from the text) and runs to the paper's
    foot."""
    palette = seed_doc.brand.palette
    runs = _runs(last_page, 30)  # left of the card: white, then the band
    navy = [r for r in runs if r[0] == _rgb(palette.primary)]
    assert navy and navy[-1][2] == pytest.approx(792, abs=2)
    band_top = navy[-1][1]
    card = [r for r in _runs(last_page, 70) if r[0] == _rgb(palette.light) and r[2] <= band_top]
    assert card, "the card's tint"
    card_bottom = card[-1][2]
    assert band_top - card_bottom == pytest.approx(36, abs=3)
    page = max(ln.page for ln in seed_lines)
    article = [ln for ln in seed_lines if ln.page == page and ln.height >= 12 and ln.x0 < 420
               and ln.y1 < card[0][1]]
    label = next(ln for ln in seed_lines if ln.text == "ABOUT THE AUTHOR")
    rule_top = label.y0 - 2.5 - 20  # the card's rule and padding above its label
    assert 30 <= rule_top - max(ln.y1 for ln in article) <= 50
    assert 792 - band_top <= 0.45 * 792 + 2


def _back_cover(image: PILImage.Image, found: list[Line], navy: tuple[int, int, int],
                tile_x: float) -> tuple[float, float, float, float, Line]:
    """Return the band's top, the logo's top and foot (at its mark, x 66), the QR tile's top,
    and the call to action's first line."""
    band = [r for r in _runs(image, 30) if r[0] == navy][-1]
    headline = next(ln for ln in found if ln.text.startswith("Find your next"))
    logo = [r for r in _runs(image, 66) if band[1] <= r[1] < headline.y0 and r[0] != navy]
    tile = [r for r in _runs(image, tile_x) if r[1] >= band[1] and r[0] == (255, 255, 255)]
    return band[1], logo[0][1], logo[-1][2], tile[0][1], headline


def test_the_band_is_a_back_cover_logo_at_its_top_call_to_action_at_its_foot(
    seed_doc: Document, seed_pdf: Rendered, seed_lines: list[Line], last_page: PILImage.Image,
    tmp_path: Path
) -> None:
    """The band carries the cover's light logo 48 pt under its top edge on the margin, and the
    call to action at the title's size stands a step above the footer, the QR tile on the right
    margin top-aligned with its capitals; in a taller band (an article ending high on its page)
    the words stay where they are and the logo follows the band's top."""
    import dataclasses

    from docgen.render.pdf import render_pdf

    navy = _rgb(seed_doc.brand.palette.primary)
    tile_x = 556 - 10  # inside the tile's quiet zone, on the right margin
    top, logo_top, logo_foot, tile_top, headline = _back_cover(last_page, seed_lines, navy,
                                                               tile_x)
    assert logo_top - top == pytest.approx(48, abs=2.5)
    assert logo_foot - logo_top == pytest.approx(34, abs=4)
    assert headline.height == pytest.approx(29.3, abs=0.2)  # the title's size
    assert headline.x0 == pytest.approx(56, abs=0.5)
    cap_top = headline.y1 - 0.25 * 29.3 - 0.648 * 29.3  # Carlito: descent 0.25, capitals 0.648
    assert tile_top == pytest.approx(cap_top, abs=2.5)
    address = next(ln for ln in seed_lines if ln.text == "rocketmarketdevelopment.com"
                   and ln.y0 > headline.y0)
    footer = next(ln for ln in seed_lines if ln.text.startswith("Page 4 of"))
    assert 25 <= footer.y0 - address.y1 <= 60  # anchored at the band's foot
    last = seed_doc.sections[-1]
    doc = dataclasses.replace(seed_doc, sections=(*seed_doc.sections[:-1], dataclasses.replace(
        last, blocks=last.blocks[:1])))
    rendered = render_pdf(doc)
    image = _last_page(rendered, tmp_path)
    found = [ln for ln in lines(rendered.data, tmp_path) if ln.page == rendered.units]
    top2, logo_top2, _, tile_top2, headline2 = _back_cover(image, found, navy, tile_x)
    assert logo_top2 - top2 == pytest.approx(48, abs=2.5)
    assert (headline2.y0, tile_top2) == pytest.approx((headline.y0, tile_top), abs=2.5)


def test_the_card_s_label_is_letter_spaced_and_its_lines_keep_one_rhythm(
    seed_pdf: Rendered, seed_lines: list[Line]
) -> None:
    """"ABOUT THE AUTHOR" in capitals spaced 0.06 em; the name's baseline 21 pt under the label's
    and the role's about 18 pt under the name's."""
    _pdf, page = _last(seed_pdf)
    spacing = [round(float(operands[0]), 3) for operands, op in pikepdf.parse_content_stream(page)
               if str(op) == "Tc" and float(operands[0])]
    assert spacing == [round(0.06 * 9.6, 3)]
    label = next(ln for ln in seed_lines if ln.text == "ABOUT THE AUTHOR")
    name = next(ln for ln in seed_lines if ln.text == "Matthew Sawyer" and ln.height == 15)
    role = next(ln for ln in seed_lines if ln.text.startswith("Managing Partner"))

    def baseline(line: Line) -> float:
        return line.y1 - 0.25 * line.height  # the heading face's descent

    assert baseline(name) - baseline(label) == pytest.approx(21.4, abs=1)
    assert baseline(role) - baseline(name) == pytest.approx(18, abs=1)


def test_one_grey_for_small_text_and_a_quiet_footer_on_the_band(seed_doc: Document,
                                                                seed_pdf: Rendered) -> None:
    palette = seed_doc.brand.palette
    c = make_styles(seed_doc.brand, *_families(seed_doc)).colors
    assert c.muted.hexval() == c.muted_on_tint.hexval()
    quiet = "#" + c.running_on_band.hexval()[2:].upper()
    assert quiet == mix(palette.primary, "#FFFFFF", 0.6).upper() == "#A2ADB9"
    assert contrast(quiet, palette.primary) >= 5.5
    fills = set()
    _pdf, page = _last(seed_pdf)
    for operands, op in pikepdf.parse_content_stream(page):
        if str(op) == "rg":
            fills.add("#" + "".join(f"{round(float(v) * 255):02X}" for v in operands))
    assert quiet in fills


def test_the_qr_code_has_a_four_module_quiet_zone(seed_doc: Document,
                                                  seed_pdf: Rendered) -> None:
    """The white tile leaves four modules of white around the code, as the QR standard asks."""
    assert seed_doc.cta is not None and seed_doc.cta.link
    modules = len(qr.modules(seed_doc.cta.link))
    _pdf, page = _last(seed_pdf)
    fill, tiles = "", []
    for operands, op in pikepdf.parse_content_stream(page):
        if str(op) == "rg":
            fill = "#" + "".join(f"{round(float(v) * 255):02X}" for v in operands)
        elif str(op) == "re" and fill == "#FFFFFF":
            w, h = float(operands[2]), float(operands[3])
            if w == h and w > QR_SIZE:
                tiles.append(w)
    assert len(tiles) == 1
    assert (tiles[0] - QR_SIZE) / 2 >= 4 * QR_SIZE / modules - 0.01


def _navy_top(doc: Document, tmp_path: Path) -> float:
    """Return how far up the last page (in pt from its foot) the closing band reaches."""
    from docgen.render.pdf import render_pdf

    tmp_path.mkdir()
    image = _last_page(render_pdf(doc), tmp_path)
    navy = [r for r in _runs(image, 30) if r[0] == _rgb(doc.brand.palette.primary)]
    return 792 - navy[-1][1]


def test_a_band_without_a_logo_grows_only_to_the_cover_band_s_share(seed_doc: Document,
                                                                     tmp_path: Path) -> None:
    import dataclasses

    last = seed_doc.sections[-1]
    longer = dataclasses.replace(last, blocks=last.blocks * 4)
    doc = dataclasses.replace(seed_doc, sections=(*seed_doc.sections[:-1], longer))
    plain = dataclasses.replace(doc, brand=dataclasses.replace(doc.brand, logo_on_dark=None))
    assert _navy_top(doc, tmp_path / "logo") > 0.44 * 792
    assert 0.25 * 792 < _navy_top(plain, tmp_path / "plain") <= 0.33 * 792 + 2


def test_a_band_at_its_cap_leaves_the_card_under_the_article(seed_doc: Document,
                                                             tmp_path: Path) -> None:
    """An article that ends high on its last page: the band grows to 45 % of the page and no
    further; the card stays about 40 pt under the article's end (it belongs to the article), and
    the room left falls between the card and the band."""
    import dataclasses

    from docgen.render.pdf import render_pdf

    last = seed_doc.sections[-1]
    longer = dataclasses.replace(last, blocks=last.blocks * 4)
    doc = dataclasses.replace(seed_doc, sections=(*seed_doc.sections[:-1], longer))
    rendered = render_pdf(doc)
    image = _last_page(rendered, tmp_path)
    palette = seed_doc.brand.palette
    navy = [r for r in _runs(image, 30) if r[0] == _rgb(palette.primary)]
    assert navy and 792 - navy[-1][1] <= 0.45 * 792 + 2
    card = [r for r in _runs(image, 70) if r[0] == _rgb(palette.light) and r[2] <= navy[-1][1]]
    assert card, "the card's tint"
    assert navy[-1][1] - card[-1][2] > 60  # the room left: under the card, above the band
    found = [ln for ln in lines(rendered.data, tmp_path) if ln.page == rendered.units]
    label = next(ln for ln in found if ln.text == "ABOUT THE AUTHOR")
    article = [ln for ln in found if ln.y1 < label.y0 and ln.height >= 12 and ln.x0 < 420]
    assert article, "the article's last lines share the page"
    rule_top = label.y0 - 2.5 - 20  # the card's rule and padding above its label
    assert 30 <= rule_top - max(ln.y1 for ln in article) <= 50


def _with_longer_key_point(seed_doc: Document, section: int, extra: str) -> Document:
    import dataclasses

    from docgen.model import Span, Text

    sec = seed_doc.sections[section]
    last = sec.key_points[-1]
    points = (*sec.key_points[:-1], Text((*last.spans, Span(extra))))
    return dataclasses.replace(seed_doc, sections=(
        *seed_doc.sections[:section], dataclasses.replace(sec, key_points=points),
        *seed_doc.sections[section + 1:]))


def test_an_article_that_only_just_spills_is_set_a_little_tighter(seed_doc: Document,
                                                                  tmp_path: Path) -> None:
    """A key point one line longer pushes a section to the next page, and the card and band
    onto a fifth page of their own: the tight layout (75 % of the room between blocks) keeps
    four pages, the card under the article's end; the bytes do not depend on the page count a
    rebuild starts from."""
    from docgen.render.pdf import render_pdf

    doc = _with_longer_key_point(seed_doc, 2, " of the whole operation")
    rendered = render_pdf(doc)
    assert rendered.units == 4
    found = lines(rendered.data, tmp_path)
    last = [ln for ln in found if ln.page == 4]
    label = next(ln for ln in last if ln.text == "ABOUT THE AUTHOR")
    assert any(ln.y1 < label.y0 and ln.height >= 12 and ln.x0 < 420 for ln in last)
    for hint in (4, 5, 3):
        assert render_pdf(doc, expected_pages=hint).data == rendered.data
    # the seed itself needs no tightening: its pull quotes keep two lines of room around them
    assert render_pdf(seed_doc).units == 4


def test_on_a_page_of_their_own_the_card_stands_on_the_band(seed_doc: Document,
                                                             tmp_path: Path) -> None:
    """An article that fills its last page (and cannot be set tighter into it): the card and
    the band go to a page of their own, the card standing on the band at the page's foot (a
    back cover), not alone under the running head with a hole beneath it."""
    import dataclasses

    from docgen.render.pdf import render_pdf

    last = seed_doc.sections[-1]
    longer = dataclasses.replace(last, blocks=last.blocks * 3)
    doc = dataclasses.replace(seed_doc, sections=(*seed_doc.sections[:-1], longer))
    rendered = render_pdf(doc)
    found = lines(rendered.data, tmp_path)
    label = next(ln for ln in found if ln.text == "ABOUT THE AUTHOR")
    assert label.page == rendered.units
    assert not [ln for ln in found if ln.page == label.page and ln.y1 < label.y0
                and ln.height >= 12]
    image = _last_page(rendered, tmp_path)
    palette = seed_doc.brand.palette
    navy = [r for r in _runs(image, 30) if r[0] == _rgb(palette.primary)]
    assert navy and 792 - navy[-1][1] <= 0.45 * 792 + 2
    card = [r for r in _runs(image, 70) if r[0] == _rgb(palette.light) and r[2] <= navy[-1][1]]
    assert card and navy[-1][1] - card[-1][2] == pytest.approx(36, abs=3)
