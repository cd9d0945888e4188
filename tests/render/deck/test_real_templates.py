"""Real corporate templates (tests/fixtures/templates): each builds the seed deck in its own size,
layouts and look; LibreOffice draws one page per slide; openxml-audit finds nothing.

The 16:10 case is a real 4:3 template given a 16:10 slide size, as PowerPoint's Slide Size dialog
does (no public 16:10 template was found; see the fixtures' README).
"""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from docgen.colour import contrast
from docgen.model import Document
from docgen.render import Rendered
from docgen.render.deck import render_deck
from docgen.render.deck.plan import plan_deck
from docgen.render.deck.template import open_template
from tests.render.deck.test_deck_package import check_package
from tests.tools import require_tool

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "templates"
TEMPLATES = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".pptx", ".potx"))
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def resized(data: bytes, cx: int, cy: int) -> bytes:
    """The template with a new slide size, its masters' and layouts' shapes scaled to it."""
    src = zipfile.ZipFile(io.BytesIO(data))
    pres = etree.fromstring(src.read("ppt/presentation.xml"))
    sz = pres.find(f"{P}sldSz")
    fx, fy = cx / int(sz.get("cx")), cy / int(sz.get("cy"))
    sz.attrib.pop("type", None)
    sz.set("cx", str(cx))
    sz.set("cy", str(cy))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            blob = src.read(name)
            if name == "ppt/presentation.xml":
                blob = etree.tostring(pres, xml_declaration=True, encoding="UTF-8", standalone=True)
            elif name.startswith(("ppt/slideMasters/slideMaster", "ppt/slideLayouts/slideLayout")) \
                    and name.endswith(".xml"):
                root = etree.fromstring(blob)
                for off in root.iter(f"{A}off"):
                    off.set("x", str(round(int(off.get("x")) * fx)))
                    off.set("y", str(round(int(off.get("y")) * fy)))
                for ext in root.iter(f"{A}ext"):
                    if ext.get("cx") is not None:
                        ext.set("cx", str(round(int(ext.get("cx")) * fx)))
                        ext.set("cy", str(round(int(ext.get("cy")) * fy)))
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(name, blob)
    return out.getvalue()


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("templates")
    found = {name: FIXTURES / name for name in TEMPLATES}
    sixteen_ten = folder / "french-16x10.pptx"  # 12 x 7.5 in
    sixteen_ten.write_bytes(resized((FIXTURES / "french-4x3.pptx").read_bytes(), 10972800, 6858000))
    found[sixteen_ten.name] = sixteen_ten
    return found


def on(doc: Document, template: Path) -> Document:
    return dataclasses.replace(doc, brand=dataclasses.replace(doc.brand, template=template))


@pytest.fixture(scope="module")
def decks(seed_doc: Document, templates: dict[str, Path]) -> dict[str, Rendered]:
    return {name: render_deck(on(seed_doc, path)) for name, path in templates.items()}


ALL = [*TEMPLATES, "french-16x10.pptx"]


@pytest.mark.parametrize("name", ALL)
def test_the_deck_keeps_the_templates_size_and_layouts(name: str, decks, templates, seed_doc) -> None:
    rendered = decks[name]
    tpl = open_template(on(seed_doc, templates[name]).brand)
    prs = Presentation(io.BytesIO(rendered.data))
    assert (prs.slide_width, prs.slide_height) == tpl.size
    assert len(prs.slides) == rendered.units > 20
    plan = plan_deck(on(seed_doc, templates[name]), tpl.frame())
    for n, (slide, sp) in enumerate(zip(prs.slides, plan.slides, strict=True), 1):
        layout = tpl.roles[sp.layout]
        assert slide.slide_layout.name == layout.name, n
        title = slide.shapes[0]
        assert title.has_text_frame and title.text_frame.text.strip(), n
        if layout.title is not None:
            assert title.is_placeholder, n  # screen readers and the outline read it
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, (n, shape.name)
            assert shape.left + shape.width <= prs.slide_width, (n, shape.name)
            assert shape.top + shape.height <= prs.slide_height, (n, shape.name)
    check_package(rendered.data)


@pytest.mark.parametrize("name", ALL)
def test_the_templates_look_wins(name: str, decks, templates, seed_doc) -> None:
    """No background, bar or rule of docgen's; every colour docgen sets reads on the layout."""
    with zipfile.ZipFile(io.BytesIO(decks[name].data)) as z:
        slides = [z.read(n) for n in z.namelist() if n.startswith("ppt/slides/slide")]
    assert not [s for s in slides if b"<p:bg>" in s or b'name="Rectangle' in s]
    tpl = open_template(on(seed_doc, templates[name]).brand)
    frame = tpl.frame()
    plan = plan_deck(on(seed_doc, templates[name]), frame)
    assert plan.heading_font == "+mj-lt" and plan.body_font == "+mn-lt"  # the theme's fonts
    for sp in plan.slides:
        role = frame.roles[sp.layout]
        for box in (sp.title, *sp.boxes):
            if box.color is None:
                continue  # the template's own colour
            behind = [box.fill] if box.fill else frame.grounds_at(sp.layout, (box.x, box.y, box.w, box.h))
            if behind is None:  # a picture or gradient: the colour the template gives its titles there
                assert box.color == role.title_ink, (sp.kind, box.role)
                continue
            need = 3.0 if box.size >= 24 else 4.5
            assert min(contrast(box.color, g) for g in behind) >= need, (sp.kind, box.role, box.color)


def test_warnings_name_what_was_left_out(decks) -> None:
    hcl = [w.message for w in decks["hcl-16x9-10in-external-link.pptx"].warnings]
    assert hcl == ["left out of the deck: an external link to "
                   "'https://www.youtube.com/watch?v=JzfmzTcVUJg' (in ppt/slideLayouts/slideLayout5.xml)"]
    ole = [w.message for w in decks["16x9-26in-ole-object.pptx"].warnings]
    assert ole == ["left out of the deck: an embedded OLE object (ppt/embeddings/oleObject1.bin)"]
    assert not decks["french-4x3.pptx"].warnings


def test_layouts_are_found_by_role_in_any_language(templates, seed_doc) -> None:
    def roles(name: str) -> dict[str, str]:
        tpl = open_template(on(seed_doc, templates[name]).brand)
        return {k: v.name for k, v in tpl.roles.items()}

    assert roles("french-4x3.pptx") == {"title": "Diapositive de titre", "section": "Titre de section",
                                        "content": "Titre seul"}
    assert roles("german-newline-layout-name.pptx") == {
        "title": "Titelfolie", "section": "Abschnitts-\nüberschrift", "content": "Nur Titel"}
    assert roles("chinese-16x9.pptx") == {"title": "标题幻灯片", "section": "节标题", "content": "仅标题"}
    assert roles("swedish-custom-layouts.pptx")["content"] == "Endast rubrik"  # only a title


@pytest.mark.slow
def test_openxml_audit_finds_nothing(decks, tmp_path: Path) -> None:
    for name, rendered in decks.items():
        (tmp_path / name).with_suffix(".pptx").write_bytes(rendered.data)
    result = subprocess.run([sys.executable, "-m", "openxml_audit", str(tmp_path), "--recursive",
                             "--max-errors", "20"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert result.stdout.count("Errors: 0") == len(decks), result.stdout[-3000:]


@pytest.mark.tools
@pytest.mark.slow
def test_libreoffice_draws_one_page_per_slide(decks, tmp_path: Path) -> None:
    soffice = require_tool("soffice")
    for name, rendered in decks.items():
        (tmp_path / name).with_suffix(".pptx").write_bytes(rendered.data)
    files = sorted(str(p) for p in tmp_path.glob("*.pptx"))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *files],
                   check=True, capture_output=True, timeout=600)  # one call for every deck
    from pypdf import PdfReader

    for name, rendered in decks.items():
        pdf = tmp_path / "pdf" / Path(name).with_suffix(".pdf").name
        pages = PdfReader(pdf).pages
        assert len(pages) == rendered.units, name
        first = " ".join(pages[0].extract_text().split())
        assert "Marketing" in first and "Sawyer" in first, (name, first)  # title and byline drawn
