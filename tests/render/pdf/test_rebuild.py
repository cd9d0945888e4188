"""The page count of the last build lets a rebuild skip the counting pass, and never changes the bytes."""

from __future__ import annotations

import dataclasses

import pytest

from docgen.model import Document
from docgen.render.pdf import document, render_pdf


@pytest.fixture
def short_doc(seed_doc: Document) -> Document:
    return dataclasses.replace(seed_doc, sections=seed_doc.sections[:1])


@pytest.mark.parametrize("hint", [None, 0, 1, 4, 9])
def test_a_page_count_from_the_last_build_never_changes_the_bytes(seed_doc: Document,
                                                                  hint: int | None) -> None:
    first = render_pdf(seed_doc)
    hinted = render_pdf(seed_doc, hint)
    assert hinted.data == first.data and hinted.units == first.units == 4


def test_a_rebuild_whose_page_count_changed_is_laid_out_again(seed_doc: Document,
                                                               short_doc: Document) -> None:
    long_pages = render_pdf(seed_doc).units
    short = render_pdf(short_doc)
    assert short.units < long_pages
    assert render_pdf(short_doc, long_pages).data == short.data


def test_a_right_hint_saves_the_counting_pass(seed_doc: Document,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    passes: list[int] = []
    real = document._layout

    def counted(*args: object, total: int) -> tuple[bytes, int]:
        passes.append(total)
        return real(*args, total=total)  # type: ignore[arg-type]

    monkeypatch.setattr(document, "_layout", counted)
    render_pdf(seed_doc)
    assert passes == [0, 4]
    passes.clear()
    render_pdf(seed_doc, 4)
    assert passes == [4]
    passes.clear()
    render_pdf(seed_doc, 7)
    assert passes == [7, 4]


def test_a_build_hands_the_recorded_page_count_to_the_renderer(tmp_path, monkeypatch) -> None:
    from pathlib import Path

    from docgen.app.build import build

    seen: list[int | None] = []
    real = document.render_pdf

    def spy(doc: Document, expected_pages: int | None = None):  # type: ignore[no-untyped-def]
        seen.append(expected_pages)
        return real(doc, expected_pages)

    import docgen.render.pdf

    monkeypatch.setattr(docgen.render.pdf, "render_pdf", spy)
    source = Path(__file__).resolve().parents[3] / "source" / "article.yaml"
    build(source, tmp_path, ("pdf",), force=True)
    build(source, tmp_path, ("pdf",), force=True)
    assert seen == [None, 4]  # a first build has nothing to go by
