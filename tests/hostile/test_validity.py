"""Output validity beyond the renderer tests: the deck against the OOXML schemas
(openxml-audit), the PDF through mutool's parser; both clean, for the seed and a rich fixture."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from docgen.app.build import build
from tests.conftest import ROOT, SEED
from tests.source.images import png_bytes
from tests.tools import require_tool

RICH = ROOT / "tests" / "fixtures" / "rich" / "article.yaml"


def rich_source(folder: Path) -> Path:
    shutil.copy(RICH, folder / "article.yaml")
    (folder / "photo.png").write_bytes(png_bytes(300, 400, (120, 90, 60)))
    (folder / "chart.png").write_bytes(png_bytes(1600, 900, (40, 120, 160)))
    return folder / "article.yaml"


@pytest.fixture(scope="module", params=["seed", "rich"])
def artifacts(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
              ) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp(request.param)
    source = SEED if request.param == "seed" else rich_source(folder)
    result = build(source, folder / "out", force=True)
    return {a.target: a.path for a in result.artifacts}


def test_the_deck_passes_the_ooxml_schema_audit(artifacts: dict[str, Path]) -> None:
    result = subprocess.run([sys.executable, "-m", "openxml_audit", str(artifacts["deck"]),
                             "--max-errors", "50"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Errors: 0" in result.stdout, result.stdout


def test_mutool_reads_the_pdf_without_a_warning(artifacts: dict[str, Path],
                                                tmp_path: Path) -> None:
    mutool = require_tool("mutool")
    result = subprocess.run([mutool, "clean", "-s", str(artifacts["pdf"]),
                             str(tmp_path / "clean.pdf")], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0
    assert result.stdout + result.stderr == ""
