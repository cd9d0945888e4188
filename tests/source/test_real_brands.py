"""Ten real ``_brand.yml`` files, as found, each built with the seed article (see the README)."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pypdf import PdfReader
from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import fp_str

from docgen.colour import contrast
from docgen.errors import DocgenError
from docgen.model import Document
from docgen.render.deck import render_deck
from docgen.render.pdf import render_pdf
from docgen.scheme import scheme
from docgen.source import load_with_warnings

ROOT = Path(__file__).resolve().parents[2]
BRANDS = ROOT / "tests" / "fixtures" / "brands"
SEED = (ROOT / "source" / "article.yaml").read_text(encoding="utf-8")
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

#: folder -> (primary colour, logo on the page, logo on the band)
BUILDS = {
    "posit": ("#447099", "posit-logo-fullcolor.svg", "posit-logo-reverse.svg"),
    "slack": ("#4A154B", "SLA-Slack-From-Salesforce-Logo-BLACK.svg",
              "SLA-Slack-From-Salesforce-Logo-WHITE.svg"),
    "nhs-r": ("#005EB8", "nhsr-logo.svg", None),
    "dell": ("#0672CB", "dell-color.svg", None),
    "brand-yml": ("#FF6F20", "brand-yml-wide-color.png", "brand-yml-wide-color.png"),
    "boehringer": ("#E18600", "logo.svg", "logo.svg"),
    "udhhs": ("#1C8478", "logo.png", "logo.png"),
    "cem": ("#014691", None, None),
}


def article_with(name: str, tmp_path: Path) -> Path:
    """Copy a fixture brand next to a copy of the seed article that uses it."""
    folder = BRANDS / name
    brand = next(folder.glob("_brand*.yml"))
    shutil.copytree(folder, tmp_path / "brand")
    shutil.copytree(ROOT / "source" / "images", tmp_path / "images")
    article = tmp_path / "article.yaml"
    article.write_text(SEED.replace("brand: brand.yml", f"brand: brand/{brand.name}"),
                       encoding="utf-8")
    return article


@pytest.fixture(scope="module", params=sorted(BUILDS))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> tuple[str, Document, list[str], bytes, bytes]:
    name = request.param
    doc, warnings = load_with_warnings(article_with(name, tmp_path_factory.mktemp(name)))
    return name, doc, [str(w) for w in warnings], render_pdf(doc).data, render_deck(doc).data


def test_each_real_brand_loads_with_its_own_colours_and_logos(built) -> None:  # type: ignore[no-untyped-def]
    name, doc, _, _, _ = built
    primary, on_light, on_band = BUILDS[name]
    brand = doc.brand
    assert brand.palette.primary == primary
    assert (brand.logo.name if brand.logo else None) == on_light
    assert (brand.logo_on_dark.name if brand.logo_on_dark else None) == on_band


def test_the_primary_colour_is_drawn_in_the_pdf(built) -> None:  # type: ignore[no-untyped-def]
    name, doc, _, pdf, _ = built
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    colour = HexColor(doc.brand.palette.primary)
    fill = f"{fp_str(colour.red, colour.green, colour.blue)} rg".encode()
    assert fill in page.get_contents().get_data(), name


def test_the_primary_colour_is_the_decks_theme_colour(built) -> None:  # type: ignore[no-untyped-def]
    _, doc, _, _, deck = built
    theme = etree.fromstring(zipfile.ZipFile(io.BytesIO(deck)).read("ppt/theme/theme1.xml"))
    slots = {el.tag.removeprefix(A): el[0].get("val")
             for el in theme.find(f"{A}themeElements/{A}clrScheme")}
    want = doc.brand.palette.primary.lstrip("#")
    assert slots["accent1"] == slots["dk2"] == want


def test_logos_are_placed_with_their_alt_text(built) -> None:  # type: ignore[no-untyped-def]
    name, doc, _, pdf, deck = built
    title = Presentation(io.BytesIO(deck)).slides[0]
    # The built-in title layout carries the logo for the brand colour (a slide added in PowerPoint
    # shows it too).
    pictures = [s for s in (*title.shapes, *title.slide_layout.shapes) if s.shape_type == 13]
    if doc.brand.logo_on_dark is None:
        assert pictures == []
        return
    (logo,) = pictures
    assert logo._element.xpath("string(.//p:cNvPr/@descr)") == doc.brand.logo_alt
    svg = logo._element.xpath(".//a:blip//*[local-name()='svgBlip']")
    assert bool(svg) == (doc.brand.logo_on_dark.suffix == ".svg"), name
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    content = page.get_contents().get_data()
    if doc.brand.logo_on_dark.suffix == ".svg":  # vector: the logo's paths, no picture
        assert content.count(b" c ") + content.count(b" c\n") > 10
    else:
        assert any(x.get("/Subtype") == "/Image"
                   for x in page["/Resources"]["/XObject"].values())


def test_every_text_colour_reads_on_its_ground(built) -> None:  # type: ignore[no-untyped-def]
    _, doc, _, _, _ = built
    p = doc.brand.palette
    k = scheme(p)[0]
    assert contrast(k.text, p.background) >= 4.5
    assert contrast(k.quote, p.background) >= 4.5
    assert contrast(k.on_primary, p.primary) >= 4.5
    assert contrast(k.link_on_light, p.light) >= 4.5


def test_a_too_light_brand_colour_is_darkened_with_one_warning(tmp_path: Path) -> None:
    doc, warnings = load_with_warnings(article_with("dell", tmp_path))
    quotes = [str(w) for w in warnings if str(w).split("warning: ")[1].startswith("quotes:")]
    assert len(quotes) == 1
    assert "_brand-dell.yml:138:14: warning: quotes: the secondary colour #D2D2D2" in quotes[0]
    assert "1.51:1" in quotes[0] and "4.5:1" in quotes[0]
    assert scheme(doc.brand.palette)[0].quote != "#D2D2D2"


@pytest.mark.parametrize(("name", "where", "message"), [
    ("walmart", "_brand-walmart.yml:11:14", "the logo 'walmart-spark-logo-digital-blue.png' does "
                                           "not exist"),
    ("centr-impact", "_brand.yml:56:13", "the font file 'fonts/SourceSans3/SourceSans3-"
                                         "ItalicVariableFont_wght.ttf' does not exist"),
])
def test_genuine_defects_are_located_errors(name: str, where: str, message: str,
                                             tmp_path: Path) -> None:
    with pytest.raises(DocgenError) as info:
        load_with_warnings(article_with(name, tmp_path))
    errors = [str(p) for p in info.value.problems if p.severity == "error"]
    assert len(errors) == 1
    assert f"{where}: error: {message}" in errors[0]


def test_a_logo_that_would_not_show_on_the_band_is_left_off_with_a_warning(
        tmp_path: Path) -> None:
    _, warnings = load_with_warnings(article_with("dell", tmp_path))
    assert any("_brand-dell.yml:11:3: warning: no logo on the cover band and title slides: "
               "dell-color.svg hardly shows on #0672CB" in str(w) for w in warnings)


def test_fonts_fall_back_to_a_family_of_the_same_kind(tmp_path: Path) -> None:
    doc, _ = load_with_warnings(article_with("udhhs", tmp_path))
    assert doc.brand.body_font.name == "Liberation Mono"  # IBM Plex Mono
    assert doc.brand.heading_font.name == "Carlito"  # Open Sans
    stack = load_with_warnings(article_with("nhs-r", tmp_path / "n"))
    assert any("'Arial, sans-serif'" in str(w) and "a sans-serif font" in str(w) for w in stack[1])
