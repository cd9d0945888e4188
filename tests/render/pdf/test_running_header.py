"""The running header stays on one line, whatever the title's length."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from docgen.model import Document
from docgen.render.pdf import render_pdf
from docgen.render.pdf.document import _one_line
from tests.render.pdf.conftest import run, t, write


def test_one_line_shortens_at_a_word_with_an_ellipsis() -> None:
    assert _one_line("Short title", "Helvetica", 8, 200) == "Short title"
    short = _one_line("A very long title " * 10, "Helvetica", 8, 200)
    assert short.endswith("…") and len(short) < 60 and not short[:-1].endswith(" ")


def test_a_long_title_stays_on_one_line(seed_doc: Document, tmp_path: Path) -> None:
    title = " ".join(["Marketing and Sales are partners in growth"] * 4)
    doc = dataclasses.replace(seed_doc, title=t(title))
    pdf = write(render_pdf(doc).data, tmp_path)
    header = run("pdftotext", "-raw", "-enc", "UTF-8", "-f", "2", "-l", "2", "-y", "0", "-H", "50",
                 "-W", "612", pdf, "-").strip()
    assert len(header.splitlines()) == 1, header
    assert header.startswith("Marketing and Sales are partners") and header.endswith("…")


def test_a_linked_title_links_on_the_cover_only(seed_doc: Document) -> None:
    """The running header is an artifact (page furniture): a link there would be an annotation
    outside the structure tree, which PDF/UA forbids. The cover's title keeps its link."""
    import io

    import pypdf

    doc = dataclasses.replace(seed_doc, title=t("Marketing and [Sales](https://sales.example.com)"))
    pages = pypdf.PdfReader(io.BytesIO(render_pdf(doc).data)).pages
    assert len(pages) > 2

    def uris(page: pypdf.PageObject) -> list[str]:
        return [a.get_object()["/A"].get("/URI") for a in page.get("/Annots", [])]

    assert "https://sales.example.com" in uris(pages[0])
    for page in pages[1:]:
        assert "https://sales.example.com" not in uris(page)
