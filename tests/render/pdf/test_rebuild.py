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
