"""Rebuilds in one process (``docgen watch``) give the bytes of a first build, whatever changed."""

from __future__ import annotations

import dataclasses

import pytest

from docgen.model import Document
from docgen.render.pdf import document, render_pdf


def _fresh(doc: Document) -> bytes:
    """Render as the first build of a process would (no remembered page count)."""
    document._pages_seen.clear()
    return render_pdf(doc).data


@pytest.fixture
def short_doc(seed_doc: Document) -> Document:
    return dataclasses.replace(seed_doc, sections=seed_doc.sections[:1])


def test_rebuild_after_the_page_count_changed(seed_doc: Document, short_doc: Document) -> None:
    long_first, short_first = _fresh(seed_doc), _fresh(short_doc)
    render_pdf(seed_doc)
    shorter = render_pdf(short_doc)  # remembered count is the long one's: laid out again
    assert shorter.data == short_first
    assert shorter.units == render_pdf(short_doc).units < render_pdf(seed_doc).units
    assert render_pdf(seed_doc).data == long_first


def test_remembered_page_counts_are_bounded(seed_doc: Document) -> None:
    for n in range(document.MAX_REMEMBERED + 5):
        document._pages_seen[(f"source-{n}", "slug")] = n + 1
    render_pdf(seed_doc)
    assert len(document._pages_seen) == document.MAX_REMEMBERED


@pytest.mark.parametrize("hint", [1, 4, 9])
def test_a_page_count_from_the_last_build_never_changes_the_bytes(seed_doc: Document,
                                                                  hint: int) -> None:
    first = _fresh(seed_doc)
    document._pages_seen.clear()
    document.expect_pages(seed_doc, hint)
    hinted = render_pdf(seed_doc)
    assert hinted.data == first and hinted.units == 4


def test_a_build_hands_the_recorded_page_count_to_the_renderer(tmp_path, monkeypatch) -> None:
    from pathlib import Path

    from docgen.app.build import build

    seen: list[int] = []
    monkeypatch.setattr(document, "expect_pages", lambda doc, pages: seen.append(pages))
    source = Path(__file__).resolve().parents[3] / "source" / "article.yaml"
    build(source, tmp_path, ("pdf",), force=True)
    assert seen == []  # a first build has nothing to go by
    build(source, tmp_path, ("pdf",), force=True)
    assert seen == [4]
