"""On a reportlab docgen's tagging code was not written for, the handout is still built: untagged,
with a warning that says why; a PDF/A handout, which needs the same internals, is refused."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader

from docgen._compat import reportlab_tags
from docgen.errors import DocgenError
from docgen.model import Document
from docgen.render.pdf import document, render_pdf


def test_known_versions_are_supported_and_others_not() -> None:
    assert reportlab_tags.supported("5.1.0") and reportlab_tags.supported("4.4.10")
    assert not reportlab_tags.supported("5.2.0")
    assert not reportlab_tags.supported("garbage")


def test_an_untested_reportlab_builds_an_untagged_handout_with_a_warning(
        seed_doc: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "supported", lambda: False)
    result = render_pdf(seed_doc)
    warnings = [p for p in result.warnings if "built untagged" in p.message]
    assert len(warnings) == 1 and warnings[0].severity == "warning"
    root = PdfReader(io.BytesIO(result.data)).trailer["/Root"]
    assert "/StructTreeRoot" not in root and "/MarkInfo" not in root
    assert b"/MCID" not in result.data and b"BDC" not in result.data
    assert result.units >= 3


def test_an_untested_reportlab_refuses_a_pdfa_handout(
        seed_doc: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "supported", lambda: False)
    with pytest.raises(DocgenError, match="PDF/A handout needs reportlab"):
        render_pdf(dataclasses.replace(seed_doc, pdf_standard="pdf/a-2b"))
