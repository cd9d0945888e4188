"""Brand files in the brand.yml convention: the subset docgen uses, the rest ignored."""

from __future__ import annotations

import shutil

import pytest

from docgen.colour import contrast
from docgen.errors import DocgenError
from docgen.fonts import FONT_DIR as FONTS
from docgen.source import load, load_with_warnings
from tests.conftest import MINIMAL, WriteArticle

QUARTO_BRAND = """\
meta:
  name: {short: Acme, full: Acme Corporation}
  link: {home: "https://acme.example.com", github: "https://github.com/acme"}
color:
  palette: {red: "#C0392B", ink: "#222"}
  primary: red
  foreground: ink
  background: white
typography:
  fonts:
    - family: Inter
      source: google
    - family: House Sans
      source: file
      files:
        - path: fonts/house.ttf
          weight: 400
        - {path: fonts/house-bold.ttf, weight: 700}
  base: House Sans
  headings: {family: House Sans, weight: 600}
  link: {color: red}
defaults:
  bootstrap: {defaults: {enable-rounded: false}}
  docgen: {footer: Acme handout, page-size: a4}
"""


def with_brand(write_article: WriteArticle, brand: str) -> str:
    path = write_article("brand: brand.yml\n" + MINIMAL, files={
        "brand.yml": brand,
        "fonts/house.ttf": (FONTS / "Carlito-Regular.ttf").read_bytes(),
        "fonts/house-bold.ttf": (FONTS / "Carlito-Bold.ttf").read_bytes(),
    })
    return str(path)


def test_a_quarto_brand_file_works_as_it_is(write_article: WriteArticle) -> None:
    from pathlib import Path

    doc, warnings = load_with_warnings(Path(with_brand(write_article, QUARTO_BRAND)))
    brand = doc.brand
    assert brand.name == "Acme Corporation"
    assert brand.link == "https://acme.example.com"
    assert brand.palette.primary == "#C0392B"
    assert brand.palette.foreground == "#222222"
    assert brand.body_font.name == "House Sans"
    assert brand.body_font.face(bold=True).path.name == "house-bold.ttf"
    assert brand.footer == "Acme handout" and brand.page_size == "a4"
    assert warnings == []


def test_without_a_brand_the_built_in_one_applies(write_article: WriteArticle) -> None:
    brand = load(write_article()).brand
    assert brand.name == "docgen"
    assert contrast(brand.palette.muted, brand.palette.background) >= 4.5


def test_an_unknown_colour_is_a_located_error(write_article: WriteArticle) -> None:
    from pathlib import Path

    path = Path(with_brand(write_article, "color:\n  primary: bleu\n"))
    with pytest.raises(DocgenError) as info:
        load(path)
    message = str(info.value)
    assert "brand.yml:2:12: error: unknown colour 'bleu'" in message


def test_a_missing_font_file_is_a_located_error(write_article: WriteArticle) -> None:
    from pathlib import Path

    brand = ("typography:\n  fonts:\n    - family: X\n      source: file\n      files: [nope.ttf]\n"
             "  base: X\n")
    with pytest.raises(DocgenError) as info:
        load(Path(with_brand(write_article, brand)))
    assert "brand.yml:5:15: error: the font file 'nope.ttf' does not exist" in str(info.value)


def test_a_missing_file_of_a_family_docgen_does_not_use_is_a_warning(
        write_article: WriteArticle) -> None:
    from pathlib import Path

    brand = "typography:\n  fonts:\n    - family: X\n      source: file\n      files: [nope.ttf]\n"
    _, warnings = load_with_warnings(Path(with_brand(write_article, brand)))
    assert any("brand.yml:5:15:" in str(w) and "'nope.ttf' does not exist" in str(w)
               for w in warnings)


def test_an_unavailable_font_falls_back_with_a_warning(write_article: WriteArticle) -> None:
    from pathlib import Path

    doc, warnings = load_with_warnings(Path(with_brand(write_article, "typography:\n  base: Inter\n")))
    assert doc.brand.body_font.name == "Carlito"  # a sans for a sans
    assert any("'Inter' is not available" in str(w) and ":2:9:" in str(w)
               and "a sans-serif font" in str(w) for w in warnings)


def test_a_missing_brand_file_is_a_located_error(write_article: WriteArticle) -> None:
    with pytest.raises(DocgenError) as info:
        load(write_article("brand: nope.yml\n" + MINIMAL))
    assert ":1:8: error: the brand file 'nope.yml' does not exist" in str(info.value)


def test_cff_fonts_fall_back_to_a_shipped_family_of_the_same_kind(
        write_article: WriteArticle) -> None:
    from pathlib import Path

    brand = "typography:\n  fonts:\n    - family: X Serif\n      files: [x.otf]\n  base: X Serif\n"
    path = Path(with_brand(write_article, brand))
    (path.parent / "x.otf").write_bytes(b"OTTO" + b"\0" * 100)
    doc, warnings = load_with_warnings(path)
    assert doc.brand.body_font.name == "Caladea"
    message = "\n".join(map(str, warnings))
    assert "brand.yml:5:9: warning: the body font 'X Serif' is not available" in message
    assert "TrueType .ttf" in message and "a serif font" in message
    shutil.rmtree(path.parent / "fonts")
