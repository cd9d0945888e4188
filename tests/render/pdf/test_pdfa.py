"""The archival option (PDF/A-2b) checked by pikepdf's PDF/A validator (the veraPDF rules)."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path

import pikepdf
import pytest
from pdfua import Severity, validate
from pikepdf import pdfa

from docgen.model import Document
from docgen.render import Rendered
from docgen.render.pdf import render_pdf
from docgen.render.pdf.archive import SRGB

from .conftest import write

# pikepdf's validator approves only what it recognises and does not read XMP extension schemas,
# which ISO 19005-2 (6.6.2.3.2) allows and the PDF/UA identification needs: its findings about
# them are the only ones allowed. (typst's PDF/A-2b output gets the same ones, and more.)
EXTENSION_SCHEMA = re.compile(
    r"XMP (namespace (pdfaExtension|pdfaSchema|pdfaProperty)=|property (pdfuaid:part|"
    r"pdfaExtension:schemas) )")


@pytest.fixture(scope="module")
def archival(seed_doc: Document) -> Rendered:
    return render_pdf(dataclasses.replace(seed_doc, pdf_standard="pdf/a-2b"))


def findings(path: Path) -> list[str]:
    report = pdfa.validate_written(path, "2b")
    return [f"{f.rule}: {f.message}" for f in report.findings]


def test_pdfa_2b_passes_but_for_the_extension_schema(archival: Rendered, tmp_path: Path) -> None:
    found = findings(write(archival.data, tmp_path))
    assert found and all(EXTENSION_SCHEMA.search(f) for f in found), found


def test_without_the_pdfua_claim_the_validator_approves_the_file(archival: Rendered,
                                                                 tmp_path: Path) -> None:
    path = write(archival.data, tmp_path)
    with pikepdf.open(path) as pdf:
        xml = pdf.Root.Metadata.read_bytes().decode()
        xml = re.sub(r"\s*<pdfuaid:part>1</pdfuaid:part>|\s*<pdfaExtension:schemas>.*"
                     r"</pdfaExtension:schemas>|\s*xmlns:pdfa(Extension|Schema|Property)=\"[^\"]*\"",
                     "", xml, flags=re.S)
        pdf.Root.Metadata.write(xml.encode())
        pdf.save(tmp_path / "no-ua.pdf")
    assert pdfa.validate_written(tmp_path / "no-ua.pdf", "2b").passed


def test_the_untagged_option_is_not_pdfa(seed_pdf: Rendered, tmp_path: Path) -> None:
    assert any("pdfaid:part" in f for f in findings(write(seed_pdf.data, tmp_path)))


def test_archival_is_still_pdfua_and_reproducible(archival: Rendered, seed_doc: Document,
                                                  tmp_path: Path) -> None:
    report = validate(str(write(archival.data, tmp_path)))
    assert [f for f in report.findings if f.severity in (Severity.ERROR, Severity.WARNING)] == []
    assert render_pdf(dataclasses.replace(seed_doc, pdf_standard="pdf/a-2b")).data == archival.data
    with pikepdf.open(write(archival.data, tmp_path)) as pdf:
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFA1"
        assert intent.DestOutputProfile.read_bytes() == SRGB.read_bytes()


def test_the_command_line_option_overrides_the_article(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.app.cli import run

    root = Path(__file__).resolve().parents[3]
    monkeypatch.delenv("DOCGEN_PDF_STANDARD", raising=False)
    assert run(["pdf", str(root / "source" / "article.yaml"), "--out", str(tmp_path), "-q",
                "--pdf-standard", "pdf/a-2b"]) == 0
    pdf = next(tmp_path.glob("*.pdf"))
    assert "pdfaid:part" not in " ".join(findings(pdf))


def test_the_shipped_profile_is_the_documented_one() -> None:
    digest = hashlib.sha256(SRGB.read_bytes()).hexdigest()
    assert digest == "2a92d4bae450b76d8b0aa42193df974d75f62738ecebf74f01c5e75b12a95796"
    assert (SRGB.parent / "LICENSE-sRGB.txt").is_file()


def test_a_brand_can_make_every_handout_archival(seed_doc: Document, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCGEN_PDF_STANDARD", raising=False)
    brand = dataclasses.replace(seed_doc.brand, pdf_standard="pdf/a-2b")
    data = render_pdf(dataclasses.replace(seed_doc, brand=brand)).data
    assert "pdfaid:part" not in " ".join(findings(write(data, tmp_path)))
    plain = dataclasses.replace(seed_doc, brand=brand, pdf_standard="pdf/ua-1")
    assert "pdfaid:part" in " ".join(findings(write(render_pdf(plain).data, tmp_path, "ua.pdf")))
