"""What LibreOffice draws: one PDF page per slide, and the text is there."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from docgen.model import Document
from docgen.render import Rendered
from tests.tools import require_tool

pytestmark = [pytest.mark.tools, pytest.mark.slow]


@pytest.mark.parametrize("deck", ["seed_deck", "stress_deck"])
def test_libreoffice_pages_and_text(
    deck: str, request: pytest.FixtureRequest, tmp_path: Path, seed_doc: Document
) -> None:
    soffice = require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    rendered: Rendered = request.getfixturevalue(deck)
    src = tmp_path / "deck.pptx"
    src.write_bytes(rendered.data)
    profile = tmp_path / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    from pypdf import PdfReader

    pdf = tmp_path / "deck.pdf"
    assert len(PdfReader(pdf).pages) == rendered.units
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.replace("\u200b", "").split())
    if deck == "seed_deck":
        assert "Marketing fertilizes, Sales harvests." in flat
        assert seed_doc.sections[0].heading.plain in flat
