"""The handout's own words (labels, page numbers, alternate text) are in the article's language."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pikepdf

from docgen.model import Document
from docgen.render.pdf import render_pdf

from .conftest import run, write


def alt_texts(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf:
        root = pdf.Root.StructTreeRoot
        found, todo = [], [root]
        while todo:
            node = todo.pop()
            if isinstance(node, pikepdf.Dictionary):
                if "/Alt" in node:
                    found.append(str(node.Alt))
                kids = node.get("/K")
                todo.extend(kids if isinstance(kids, pikepdf.Array) else [kids] if kids else [])
            elif isinstance(node, pikepdf.Array):
                todo.extend(node)
        return found


def test_a_german_handout_labels_and_numbers_its_pages_in_german(seed_doc: Document,
                                                                  tmp_path: Path) -> None:
    pdf = write(render_pdf(dataclasses.replace(seed_doc, language="de")).data, tmp_path)
    text = run("pdftotext", "-enc", "UTF-8", pdf, "-")
    assert "KERNPUNKTE" in text and "ÜBER DEN AUTOR" in text
    assert "Seite 1 von 4" in text and "Page 1" not in text
    assert "KEY POINTS" not in text and "ABOUT THE AUTHOR" not in text
    assert any(alt.startswith("QR-Code mit Link zu ") for alt in alt_texts(pdf))


def test_an_english_handout_keeps_its_english_labels(seed_pdf, tmp_path: Path) -> None:
    pdf = write(seed_pdf.data, tmp_path)
    text = run("pdftotext", "-enc", "UTF-8", pdf, "-")
    assert "KEY POINTS" in text and "ABOUT THE AUTHOR" in text and "Page 4 of 4" in text
    assert any(alt.startswith("QR code linking to ") for alt in alt_texts(pdf))
