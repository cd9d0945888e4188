"""``docgen brand`` and the brand sheet: what docgen made of a brand, read by a person."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from docgen.app.cli import run
from docgen.render.pdf.brandsheet import brand_sheet
from docgen.source import load

ROOT = Path(__file__).resolve().parents[2]
DELL = ROOT / "tests" / "fixtures" / "brands" / "dell" / "_brand-dell.yml"


def test_the_report_shows_colours_contrast_fonts_logos_and_unused_keys(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["brand", str(DELL)]) == 0
    out = capsys.readouterr().out
    assert "secondary   #D2D2D2" in out
    assert "quotes" in out and "(the secondary #D2D2D2 had 1.51:1, needs 4.5)" in out
    assert "body: Carlito in place of Roboto (a sans-serif like it;" in out
    assert "on light grounds:     dell-color.svg" in out
    assert "on the brand colour:  none" in out and "hardly shows" in out
    assert "color.success (line 139)" in out and "typography.monospace (line 161)" in out


def test_the_report_of_an_article_is_the_report_of_its_brand(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["brand", str(ROOT / "source" / "article.yaml")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Brand: Rocket Market Development  (")
    assert "on the brand colour:  logo-white.png" in out


def test_a_broken_brand_reports_located_errors_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    walmart = ROOT / "tests" / "fixtures" / "brands" / "walmart" / "_brand-walmart.yml"
    assert run(["brand", str(walmart)]) == 1
    assert "_brand-walmart.yml:11:14: error: the logo" in capsys.readouterr().err


def test_the_brand_sheet_is_one_page_in_the_brand_s_embedded_fonts() -> None:
    brand = load(ROOT / "source" / "article.yaml").brand
    reader = PdfReader(io.BytesIO(brand_sheet(brand)))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Rocket Market Development" in text and "needs 4.5:1" in text
    fonts = reader.pages[0]["/Resources"]["/Font"].values()
    assert all("/FontFile2" in f.get_object()["/FontDescriptor"] for f in
               (x.get_object() for x in fonts) if "/FontDescriptor" in f) and fonts
    assert all(f.get_object()["/Subtype"] == "/TrueType" for f in fonts)
