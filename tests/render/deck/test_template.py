"""The built-in template: a branded master and one layout with real placeholders per kind of slide,
so a slide added in PowerPoint gets docgen's grid, fonts, colours, logo, footer and number."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from docgen.model import Document
from docgen.render.deck import template
from docgen.render.deck.design import ROLES, design

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def test_every_built_in_layout_placeholder_lies_inside_the_slide(seed_doc: Document) -> None:
    prs = Presentation(io.BytesIO(template.builtin_bytes(seed_doc.brand)))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            assert shape.left >= 0 and shape.top >= 0, (layout.name, shape.name)
            assert shape.left + shape.width <= prs.slide_width, (layout.name, shape.name)
            assert shape.top + shape.height <= prs.slide_height, (layout.name, shape.name)


def test_a_layout_with_real_placeholders_for_every_kind_of_slide(seed_doc: Document) -> None:
    prs = Presentation(io.BytesIO(template.builtin_bytes(seed_doc.brand)))
    names = [lay.name for lay in prs.slide_layouts]
    assert names == [lay.name for lay in design(seed_doc.brand.palette).layouts]
    assert names[:2] == ["Title Slide", "Title and Content"]  # PowerPoint's "New Slide" after the title
    tpl = template.open_template(seed_doc.brand)
    assert set(tpl.roles) == set(ROLES)
    kinds = {lay.name: {ph.placeholder_format.type for ph in lay.placeholders}
             for lay in prs.slide_layouts}
    T = PP_PLACEHOLDER
    assert {T.CENTER_TITLE, T.SUBTITLE, T.BODY} <= kinds["Title Slide"]
    assert {T.TITLE, T.BODY, T.SLIDE_NUMBER, T.FOOTER} <= kinds["Title and Content"]
    assert {T.TITLE, T.BODY, T.SLIDE_NUMBER} <= kinds["Section Header"]
    assert {T.TITLE, T.PICTURE, T.BODY} <= kinds["Picture with Caption"]
    assert {T.TITLE, T.PICTURE, T.BODY} <= kinds["About the Author"]
    for name in ("Quote", "Statement", "Two Content", "Three Content", "Comparison", "Agenda",
                 "Closing"):
        assert {T.TITLE, T.BODY} <= kinds[name], name
    comparison = [ph for ph in prs.slide_layouts.get_by_name("Comparison").placeholders
                  if ph.placeholder_format.type == T.BODY]
    assert len(comparison) == 6  # the eyebrow, two headings, two columns, the line above them


def test_the_master_carries_the_brand(seed_doc: Document) -> None:
    data = template.builtin_bytes(seed_doc.brand)
    prs = Presentation(io.BytesIO(data))
    master = prs.slide_master
    types = {ph.placeholder_format.type for ph in master.placeholders}
    assert {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER,
            PP_PLACEHOLDER.SLIDE_NUMBER} <= types
    footer = next(ph for ph in master.placeholders
                  if ph.placeholder_format.type == PP_PLACEHOLDER.FOOTER)
    assert footer.text_frame.text == seed_doc.brand.footer
    logos = [sh for sh in master.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(logos) == 1
    assert logos[0]._element.nvPicPr.cNvPr.get("descr") == (seed_doc.brand.logo_alt
                                                            or f"{seed_doc.brand.name} logo")
    dark = prs.slide_layouts.get_by_name("Title Slide")
    assert any(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in dark.shapes)  # the white logo
    theme = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("ppt/theme/theme1.xml"))
    fonts = theme.find(f"{A}themeElements/{A}fontScheme")
    assert fonts.find(f"{A}majorFont/{A}latin").get("typeface") == "Calibri"  # Carlito's twin
    assert fonts.find(f"{A}minorFont/{A}latin").get("typeface") == "Cambria"  # Caladea's twin


def test_the_template_is_made_per_brand(seed_doc: Document) -> None:
    import dataclasses

    other = dataclasses.replace(seed_doc.brand, palette=dataclasses.replace(
        seed_doc.brand.palette, primary="#7A1F5C"))
    a, b = template.builtin_bytes(seed_doc.brand), template.builtin_bytes(other)
    assert a != b and template.builtin_bytes(seed_doc.brand) == a  # same brand, same bytes
    assert b"7A1F5C" in zipfile.ZipFile(io.BytesIO(b)).read("ppt/theme/theme1.xml")


@pytest.mark.slow
def test_the_template_alone_opens_cleanly(seed_doc: Document, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A person may save the built-in template and use it: openxml-audit finds nothing in it."""
    import subprocess
    import sys

    from docgen.render.deck import render_deck

    (tmp_path / "builtin.pptx").write_bytes(template.builtin_bytes(seed_doc.brand))
    (tmp_path / "seed.pptx").write_bytes(render_deck(seed_doc).data)  # and the deck made on it
    result = subprocess.run([sys.executable, "-m", "openxml_audit", str(tmp_path), "--recursive"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and result.stdout.count("Errors: 0") == 2, result.stdout[-2000:]


def test_placeholder_indexes_are_unique_in_each_layout(seed_doc: Document) -> None:
    """Reset Slide and a change of layout match a slide's text to the layout by index: no two
    placeholders of a layout share one, and none takes the date's, footer's or number's."""
    prs = Presentation(io.BytesIO(template.builtin_bytes(seed_doc.brand)))
    chrome = {10, 11, 12}
    for lay in prs.slide_layouts:
        found = [(ph.placeholder_format.idx, ph.placeholder_format.type) for ph in lay.placeholders]
        indexes = [idx for idx, _ in found]
        assert len(indexes) == len(set(indexes)), (lay.name, found)
        for idx, kind in found:
            if idx in chrome:
                assert kind in (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER,
                                PP_PLACEHOLDER.SLIDE_NUMBER), (lay.name, idx, kind)
