"""Hostile templates: what must not cross is left out with a warning, what cannot be read is refused.

Each case is the built-in template with one thing added (``hostile_templates``); the deck is read
back to see that nothing of it arrived, and ``docgen check`` (the loader) must say the same.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest

from docgen.errors import DocgenError, Location
from docgen.model import Document
from docgen.render.deck import render_deck
from docgen.render.deck.opc import limits
from docgen.render.deck.template import inspect_template
from tests.conftest import MINIMAL
from tests.render.deck import hostile_templates as h
from tests.render.deck.test_deck_package import check_package

WHERE = Location("brand.yml", 7, 15)


def build(doc: Document, tmp_path: Path, data: bytes, name: str = "corp.pptx"):
    path = tmp_path / name
    path.write_bytes(data)
    brand = dataclasses.replace(doc.brand, template=path, template_location=WHERE)
    return render_deck(dataclasses.replace(doc, brand=brand)), path


@pytest.mark.parametrize(("case", "warning", "gone"), [
    (h.macro, "a VBA macro project (ppt/vbaProject.bin)", b"vbaProject"),
    (h.ole, "an embedded OLE object (ppt/embeddings/oleObject1.bin)", b"oleObj"),
    (h.external, "an external link to 'file:///etc/passwd'", b"etc/passwd"),
    (h.javascript, "an external link to 'javascript:alert(1)'", b"javascript"),
    (h.transition_sound, "a sound (ppt/media/chime.wav)", b"chime"),
])
def test_left_out_with_one_warning(seed_doc, tmp_path, case, warning, gone) -> None:
    rendered, path = build(seed_doc, tmp_path, h.craft(case))
    found = [str(w) for w in rendered.warnings if warning in w.message]
    assert len(found) == 1 and found[0].startswith("brand.yml:7:15: warning: left out of the deck:")
    with zipfile.ZipFile(io.BytesIO(rendered.data)) as z:
        for name in z.namelist():
            assert gone not in z.read(name), name
    check_package(rendered.data)  # no dangling relationship, no external target but slide links
    assert [str(p) for p in inspect_template(path, WHERE)] == [str(w) for w in rendered.warnings
                                                              if "left out" in w.message]


def test_external_picture_link_and_its_shape_are_gone(seed_doc, tmp_path) -> None:
    rendered, _ = build(seed_doc, tmp_path, h.craft(h.external))
    assert any("http://example.com/track.png" in w.message for w in rendered.warnings)
    with zipfile.ZipFile(io.BytesIO(rendered.data)) as z:
        layout = z.read(h.LAYOUT)
    assert b"Tracker" not in layout and b"r:link" not in layout  # a picture that only links out
    assert b'name="Linked"' in layout and b"hlinkClick" not in layout


@pytest.mark.parametrize(("case", "message"), [
    (h.xxe, "slideLayout1.xml declares a DTD or XML entities"),
    (h.bomb, "huge.png is compressed"),
    (h.many_layouts, "it has 5,015 slide layouts; docgen reads at most 256"),
])
def test_refused_at_the_template_line(seed_doc, tmp_path, case, message) -> None:
    with pytest.raises(DocgenError) as err:
        build(seed_doc, tmp_path, h.craft(case))
    (problem,) = err.value.problems
    text = str(problem)
    assert text.startswith("brand.yml:7:15: error: the template corp.pptx cannot be used:")
    assert message in text and "\n" not in text and len(text) < 300
    with pytest.raises(DocgenError) as again:  # check refuses it the same way
        inspect_template(tmp_path / "corp.pptx", WHERE)
    assert [str(p) for p in again.value.problems] == [text]


def test_each_member_is_bounded(seed_doc, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_MEMBER_BYTES", 2000)
    with pytest.raises(DocgenError, match=r"inflates to 0.\d\d MB; docgen reads members up to 0.00 MB"):
        build(seed_doc, tmp_path, h.craft(lambda m: None))
    monkeypatch.undo()
    monkeypatch.setattr(limits, "MAX_TOTAL_BYTES", 50000)  # above the file, below what it inflates to
    with pytest.raises(DocgenError, match=r"it inflates to .* docgen reads templates up to"):
        build(seed_doc, tmp_path, h.craft(lambda m: None))


def test_names_from_the_template_are_shown_escaped(seed_doc, tmp_path) -> None:
    rendered, _ = build(seed_doc, tmp_path, h.craft(h.newline_name))
    for w in rendered.warnings:
        assert "\n" not in str(w)
    assert any("http://x/\\x0aerror: forged" in w.message for w in rendered.warnings)


def test_a_potx_is_a_template(seed_doc, tmp_path) -> None:
    def as_potx(m: dict[str, bytes]) -> None:
        ct = "[Content_Types].xml"
        m[ct] = m[ct].replace(b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")

    rendered, _ = build(seed_doc, tmp_path, h.craft(as_potx), "corp.potx")
    typed = check_package(rendered.data)
    assert typed["/ppt/presentation.xml"].endswith("presentationml.presentation.main+xml")
    renamed, _ = build(seed_doc, tmp_path, h.craft(as_potx), "renamed.pptx")  # a .potx named .pptx
    assert renamed.units == rendered.units


def test_not_a_presentation(seed_doc, tmp_path) -> None:
    def as_word(m: dict[str, bytes]) -> None:
        ct = "[Content_Types].xml"
        m[ct] = m[ct].replace(b"presentationml.presentation.main+xml",
                              b"wordprocessingml.document.main+xml")

    with pytest.raises(DocgenError, match="is not a PowerPoint presentation or template"):
        build(seed_doc, tmp_path, h.craft(as_word))


def test_check_reads_the_template_as_build_does(write_article) -> None:
    """``docgen check`` (the loader) warns and refuses exactly as ``build``: check ok, build works."""
    from docgen.source import load_with_warnings

    brand = "defaults:\n  docgen:\n    template: corp.pptx\n"
    path = write_article("brand: brand.yml\n" + MINIMAL, files={
        "brand.yml": brand, "corp.pptx": h.craft(h.macro)})
    doc, warnings = load_with_warnings(path)
    (warning,) = [w for w in warnings if "left out" in w.message]
    assert "VBA macro project" in warning.message and warning.location.line == 3
    assert [str(w) for w in render_deck(doc).warnings if "left out" in w.message] == [str(warning)]
    (path.parent / "corp.pptx").write_bytes(h.craft(h.xxe))
    with pytest.raises(DocgenError, match=r"brand.yml:3:15: error: the template corp.pptx cannot be"):
        load_with_warnings(path)


def test_a_layout_without_a_title_placeholder_gets_a_styled_text_box(seed_doc, tmp_path) -> None:
    """Only a Blank layout: every title is a text box in the master's title colour and size."""
    from pptx import Presentation
    from pptx.util import Pt

    prs = Presentation()
    for layout in list(prs.slide_layouts):
        if layout.name != "Blank":
            prs.slide_layouts.remove(layout)
    path = tmp_path / "blank.pptx"
    prs.save(str(path))
    rendered, _ = build(seed_doc, tmp_path, path.read_bytes(), "blank-only.pptx")
    out = Presentation(io.BytesIO(rendered.data))
    for slide in out.slides:
        assert slide.slide_layout.name == "Blank"
        title = slide.shapes[0]
        assert not title.is_placeholder and title.text_frame.text.strip()
        run = title.text_frame.paragraphs[0].runs[0]
        assert str(run.font.color.rgb) == "000000"  # the master's title colour (tx1), on white
        assert run.font.size <= Pt(44)  # the master's title size, or smaller to fit
        assert run.font.bold and run.font.name == "+mj-lt"  # a heading, in the theme's heading font
    assert out.slides[2].shapes[0].text_frame.paragraphs[0].runs[0].font.size == Pt(44)


def test_an_encrypted_or_old_binary_file_is_named_as_such(seed_doc, tmp_path) -> None:
    with pytest.raises(DocgenError, match=r"password-protected or an old \.ppt file"):
        build(seed_doc, tmp_path, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))


def test_a_template_file_over_the_bound_is_not_read(seed_doc, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_TOTAL_BYTES", 1000)
    with pytest.raises(DocgenError, match=r"corp\.pptx cannot be used: it is 0 MB; docgen reads"):
        build(seed_doc, tmp_path, h.craft(lambda m: None))
