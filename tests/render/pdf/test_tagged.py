"""Tagged PDF (PDF/UA-1): the structure tree read back, marked content checked operator by
operator, the pdfua checker, and the catalog and metadata entries PDF/UA asks for."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from pdfua import Severity, validate

from docgen.model import Document, ListBlock, Quote
from docgen.render import Rendered
from tests.text import document_strings, printed

from .conftest import assert_in_order, run, write

#: Operators that paint: each must sit inside marked content (tagged or artifact).
PAINTING = {"Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh"}


def struct_text(data: bytes, tmp_path: Path, name: str = "t.pdf") -> str:
    return run("pdfinfo", "-struct-text", write(data, tmp_path, name))


def elements(tree: str) -> list[tuple[str, str]]:
    """Return (element type, its text) for each leaf element of ``pdfinfo -struct-text``."""
    out: list[tuple[str, str]] = []
    role = ""
    for line in tree.splitlines():
        stripped = line.strip()
        if stripped.startswith('"'):
            out.append((role, stripped.strip('"').strip()))
        elif stripped:
            role = stripped.split()[0]
    return out


@pytest.mark.parametrize("which", ["seed", "hostile"])
def test_pdfua_checker_finds_nothing(which: str, seed_pdf: Rendered, hostile_pdf: Rendered,
                                     tmp_path: Path) -> None:
    data = seed_pdf.data if which == "seed" else hostile_pdf.data
    report = validate(str(write(data, tmp_path)))
    findings = [(f.rule_id, f.severity.name, f.message) for f in report.findings
                if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert findings == []


def test_struct_text_reads_the_whole_article_in_order(
    seed_doc: Document, seed_pdf: Rendered, tmp_path: Path
) -> None:
    tree = struct_text(seed_pdf.data, tmp_path)
    text = " ".join(t for _, t in elements(tree))
    a = seed_doc.author
    assert_in_order([*document_strings(seed_doc, printed=True)[:-1], a.name, *([a.role] if a.role else []),
                     a.bio.plain], text)
    words = re.findall(r"\S+", text)
    assert "workshop" in words and "on" in words  # no two words glued across a line break


def test_running_lines_are_artifacts(seed_pdf: Rendered, tmp_path: Path) -> None:
    text = " ".join(t for _, t in elements(struct_text(seed_pdf.data, tmp_path)))
    assert "Page 1 of" not in text and "Page 2 of" not in text
    assert "Strategy, process and resources for growth" not in text
    assert text.count("Rocket Market Development") == text.count("Rocket Market Development LLC")


def test_element_types(seed_doc: Document, seed_pdf: Rendered, tmp_path: Path) -> None:
    found = elements(struct_text(seed_pdf.data, tmp_path))
    assert [t for r, t in found if r == "H1"] == [seed_doc.title.plain]
    sections = [s.heading.plain for s in seed_doc.sections]
    assert [t for r, t in found if r == "H2"] == [*sections, "ABOUT THE AUTHOR"]
    quotes = [b for s in seed_doc.sections for b in s.blocks if isinstance(b, Quote)]
    tree = struct_text(seed_pdf.data, tmp_path)
    assert tree.count("BlockQuote") == len(quotes)
    assert [t for r, t in found if r == "Figure"] == ["", ""]  # the logo, the QR: /Alt speaks


def test_lists_figures_and_captions(hostile: Document, hostile_pdf: Rendered,
                                    tmp_path: Path) -> None:
    tree = struct_text(hostile_pdf.data, tmp_path)
    found = elements(tree)
    items = next(b for s in hostile.sections for b in s.blocks if isinstance(b, ListBlock)).items
    bodies = [t for r, t in found if r == "LBody"]
    start = bodies.index(items[0].plain.replace(" — ", "\u00a0— "))
    assert [printed(b) for b in bodies[start:start + len(items)]] == \
        [printed(i.plain) for i in items]
    assert [t for r, t in found if r == "Lbl"].count("•") == len(items)
    assert [t for r, t in found if r == "Caption"] == ["Figure 1: a caption with & and <tags>"]
    pdf = pikepdf.open(write(hostile_pdf.data, tmp_path))
    alts = {str(e.get("/Alt")) for e in _walk(pdf.Root.StructTreeRoot.K) if e.S == "/Figure"}
    assert {"a blue rectangle", "a tall orange bar", "Rocket Market Development logo"} <= alts


def _walk(node: pikepdf.Object) -> list[pikepdf.Dictionary]:
    out = []
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    if isinstance(node, pikepdf.Dictionary) and node.get("/Type") == "/StructElem":
        out.append(node)
    items = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    for kid in items:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            out.extend(_walk(kid))
    return out


def _marked_content(pdf: pikepdf.Pdf) -> list[list[tuple[str, int | None]]]:
    """Check every page's operators; return, per page, the (role, MCID) of each content run."""
    pages = []
    for page in pdf.pages:
        stack: list[tuple[str, int | None]] = []
        runs: list[tuple[str, int | None]] = []
        for operands, op in pikepdf.parse_content_stream(page):
            name = str(op)
            if name in ("BDC", "BMC"):
                tag = str(operands[0])
                mcid = None
                if name == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                    mcid = operands[1].get("/MCID")
                    mcid = int(mcid) if mcid is not None else None
                if stack:
                    assert tag != "/Artifact" and mcid is None, "marked content nested in another"
                stack.append((tag, mcid))
                if mcid is not None:
                    runs.append((tag, mcid))
            elif name == "EMC":
                stack.pop()
            elif name in PAINTING:
                assert stack, f"{name} outside marked content on page {len(pages) + 1}"
        assert not stack
        pages.append(runs)
    return pages


@pytest.mark.parametrize("which", ["seed", "hostile"])
def test_every_operator_is_marked_and_every_mcid_is_in_the_tree(
    which: str, seed_pdf: Rendered, hostile_pdf: Rendered, tmp_path: Path
) -> None:
    pdf = pikepdf.open(write(seed_pdf.data if which == "seed" else hostile_pdf.data, tmp_path))
    runs = _marked_content(pdf)
    nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
    parents = dict(zip(nums[::2], nums[1::2], strict=True))
    for page, page_runs in zip(pdf.pages, runs, strict=True):
        assert page.Tabs == "/S"
        assert [m for _, m in page_runs] == list(range(len(page_runs)))
        owners = parents[int(page.StructParents)]
        assert len(owners) == len(page_runs)
        for (tag, mcid), owner in zip(page_runs, owners, strict=True):
            assert tag == str(owner.S)
            kids = owner.K if isinstance(owner.K, pikepdf.Array) else [owner.K]
            assert any(k == mcid or (isinstance(k, pikepdf.Dictionary) and k.get("/MCID") == mcid
                                     and k.Pg.objgen == page.objgen) for k in kids)
        for annot in page.get("/Annots", []):
            link = parents[int(annot.StructParent)]
            assert link.S == "/Link"
            kids = link.K if isinstance(link.K, pikepdf.Array) else [link.K]
            assert any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"
                       and k.Obj.objgen == annot.objgen for k in kids)
            assert str(annot.Contents).strip()
    assert int(pdf.Root.StructTreeRoot.ParentTreeNextKey) == max(parents) + 1


def test_a_paragraph_across_two_pages_is_one_element(hostile_pdf: Rendered,
                                                     tmp_path: Path) -> None:
    pdf = pikepdf.open(write(hostile_pdf.data, tmp_path))
    split = [e for e in _walk(pdf.Root.StructTreeRoot.K) if e.S == "/P"
             and isinstance(e.K, pikepdf.Array)
             and any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR"
                     for k in e.K)]
    assert split, "the hostile article's long quote and paragraph run over pages"


def test_catalog_and_metadata(seed_doc: Document, seed_pdf: Rendered, tmp_path: Path) -> None:
    pdf = pikepdf.open(write(seed_pdf.data, tmp_path))
    root = pdf.Root
    assert bool(root.MarkInfo.Marked) is True
    assert str(root.Lang) == seed_doc.language
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True
    assert pdf.pdf_version == "1.7"
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        assert meta["dc:title"] == seed_doc.title.plain
        assert meta["pdfuaid:part"] == "1"
        assert meta["pdf:Producer"] == str(pdf.docinfo.Producer)
        assert meta["xmp:CreateDate"].startswith("2026-11-27T00:00:00")
