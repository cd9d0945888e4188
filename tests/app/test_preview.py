"""Preview: PNGs of every page and slide and one contact sheet; a clear message without tools."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from docgen.app.cli import run
from docgen.app.preview import require
from docgen.errors import DocgenError
from tests.conftest import WriteArticle
from tests.tools import require_tool


def test_preview_writes_every_page_and_slide_and_a_contact_sheet(
        write_article: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    require_tool("pdftoppm")
    require_tool("soffice")
    out = tmp_path / "out"
    assert run(["preview", str(write_article()), "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    pages = sorted((out / "preview").glob("a-title-page-*.png"))
    slides = sorted((out / "preview").glob("a-title-slide-*.png"))
    assert pages and slides
    assert any(line.endswith(f"{len(pages)} images") for line in lines)
    sheet = out / "preview" / "contact-sheet.png"
    with Image.open(sheet) as image:
        assert image.width > 1000 and image.height > 100
    # The contact sheet's line, wherever it comes (the brand sheet's may follow it).
    assert any(f"contact sheet of {len(pages) + len(slides)} pages and slides" in line for line in lines)


def test_a_missing_tool_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(DocgenError) as info:
        require("soffice")
    assert "install LibreOffice" in str(info.value)
    with pytest.raises(DocgenError) as info:
        require("pdftoppm")
    assert "install poppler-utils" in str(info.value)
