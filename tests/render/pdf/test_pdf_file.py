"""The file itself: valid, fonts embedded, metadata, outline, links, reproducible bytes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pypdf
import pytest

import docgen
from docgen.model import Document
from docgen.render import Rendered
from docgen.render.pdf import render_pdf
from docgen.typography import smarten_str

from .conftest import run, write


def reader(data: bytes, tmp_path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(write(data, tmp_path))


def test_qpdf_check_is_clean(seed_pdf: Rendered, hostile_pdf: Rendered, tmp_path: Path) -> None:
    for name, r in (("seed.pdf", seed_pdf), ("hostile.pdf", hostile_pdf)):
        out = run("qpdf", "--check", write(r.data, tmp_path, name))
        assert "No syntax or stream encoding errors" in out


def test_every_font_is_embedded(seed_pdf: Rendered, hostile_pdf: Rendered, tmp_path: Path) -> None:
    for name, r in (("seed.pdf", seed_pdf), ("hostile.pdf", hostile_pdf)):
        lines = run("pdffonts", write(r.data, tmp_path, name)).splitlines()[2:]
        assert lines
        for line in lines:
            assert line.split()[-5] == "yes", line  # the "emb" column


def test_page_count_is_sane(seed_pdf: Rendered, seed_doc: Document, tmp_path: Path) -> None:
    assert seed_pdf.unit_name == "pages"
    assert 3 <= seed_pdf.units <= 6
    assert len(reader(seed_pdf.data, tmp_path).pages) == seed_pdf.units
    box = reader(seed_pdf.data, tmp_path).pages[0].mediabox
    assert (float(box.width), float(box.height)) == (612, 792)


def test_a4_on_request(seed_doc: Document, tmp_path: Path) -> None:
    doc = dataclasses.replace(seed_doc, brand=dataclasses.replace(seed_doc.brand, page_size="a4"))
    box = reader(render_pdf(doc).data, tmp_path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_every_page_says_it_is_the_finished_size_without_bleed(seed_doc: Document, paper: str,
                                                               tmp_path: Path) -> None:
    """TrimBox and BleedBox are the paper: the bands stop at its edge (docs/handout-design.md
    says what that means in print), and a print shop's preflight reads it instead of guessing."""
    doc = dataclasses.replace(seed_doc, brand=dataclasses.replace(seed_doc.brand,
                                                                  page_size=paper))
    for page in reader(render_pdf(doc).data, tmp_path).pages:
        media = [float(v) for v in page.mediabox]
        assert [float(v) for v in page["/TrimBox"]] == media
        assert [float(v) for v in page["/BleedBox"]] == media


def test_metadata(seed_pdf: Rendered, seed_doc: Document, tmp_path: Path) -> None:
    r = reader(seed_pdf.data, tmp_path)
    meta = r.metadata
    assert meta.title == seed_doc.title.plain
    assert meta.author == seed_doc.author.name
    assert meta.subject == smarten_str(seed_doc.summary or "")  # “What’s …”, as printed
    assert '"' not in meta.subject and "'" not in meta.subject
    assert meta["/Keywords"] == ", ".join(seed_doc.keywords)
    assert meta["/Creator"] == f"docgen {docgen.__version__}"
    root = r.trailer["/Root"]
    assert root["/Lang"] == seed_doc.language
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True


def test_hostile_title_metadata_is_plain_text(hostile_pdf: Rendered, tmp_path: Path) -> None:
    assert reader(hostile_pdf.data, tmp_path).metadata.title == "Fish & Chips <Special> Edition"


def test_outline_has_every_section(seed_pdf: Rendered, seed_doc: Document, tmp_path: Path) -> None:
    r = reader(seed_pdf.data, tmp_path)
    titles = [item.title for item in r.outline]
    assert titles == [s.heading.plain for s in seed_doc.sections]
    pages = [r.get_destination_page_number(item) for item in r.outline]
    assert pages == sorted(pages)


def test_a_heading_taller_than_a_page_is_split_with_one_bookmark(seed_doc: Document,
                                                                 tmp_path: Path) -> None:
    words = " ".join(f"word{i}" for i in range(600))
    first = seed_doc.sections[0]
    heading = dataclasses.replace(first.heading, spans=(dataclasses.replace(
        first.heading.spans[0], text=words),))
    doc = dataclasses.replace(seed_doc, sections=(dataclasses.replace(first, heading=heading),
                                                  *seed_doc.sections[1:]))
    r = reader(render_pdf(doc).data, tmp_path)
    text = " ".join(page.extract_text() for page in r.pages)
    assert all(f"word{i}" in text for i in (0, 299, 599))
    titles = [item.title for item in r.outline]
    assert titles == [words, *(s.heading.plain for s in seed_doc.sections[1:])]


def uris(data: bytes, tmp_path: Path) -> list[str]:
    out = []
    for page in reader(data, tmp_path).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if "/URI" in action:
                out.append(action["/URI"])
    return out


def test_links_are_clickable(
    seed_pdf: Rendered, hostile_pdf: Rendered, seed_doc: Document, tmp_path: Path
) -> None:
    assert seed_doc.brand.link in uris(seed_pdf.data, tmp_path)
    found = uris(hostile_pdf.data, tmp_path)
    assert "https://example.com/?a=1&b=%3C2%3E" in found  # percent-encoded, as CommonMark writes it
    assert "mailto:ann@example.com" in found


def test_two_builds_are_byte_identical(seed_doc: Document, seed_pdf: Rendered) -> None:
    assert render_pdf(seed_doc).data == seed_pdf.data


def test_source_date_epoch_sets_the_dates(
    seed_doc: Document, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = render_pdf(seed_doc).data, render_pdf(seed_doc).data
    assert first == second
    created = reader(first, tmp_path).metadata["/CreationDate"]
    assert created.startswith("D:20231114221320")


def test_dates_come_from_the_article_not_the_clock(
    seed_doc: Document, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = render_pdf(seed_doc).data
    assert reader(data, tmp_path).metadata["/CreationDate"].startswith("D:20261127")
