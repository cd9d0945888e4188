"""Every text box of the written deck, measured again from the XML (each property resolved as a
viewer resolves it, through the layout's placeholder), fits inside its box."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from docgen.model import FontFamily
from docgen.render.deck.measure import LINE_PITCH, Piece, break_lines
from tests.render.deck.effective import box, insets, paragraphs

EMU_PT = 12700


def families(doc) -> dict[str, FontFamily]:  # type: ignore[no-untyped-def]
    from docgen.render.deck.measure import deck_font_name

    b = doc.brand
    return {deck_font_name(f.name): f for f in (b.heading_font, b.body_font)}


def box_height(prs, slide, shape, fams: dict[str, FontFamily]) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Return (needed, available) height in points, measured with the shipped fonts."""
    _, _, w, h = box(slide, shape)
    ins = insets(slide, shape)
    width = (w - ins["lIns"] - ins["rIns"]) / EMU_PT
    need = 0.0
    for i, (p, runs) in enumerate(paragraphs(prs, slide, shape)):
        texts = [r.findtext("{http://schemas.openxmlformats.org/drawingml/2006/main}t") or ""
                 for r in runs]
        if not any(texts):
            continue
        family = fams[p.font]
        pieces = [Piece(t, family.face(p.bold, p.italic).path, p.bold) for t in texts if t]
        lines = break_lines(pieces, width - p.margin, p.size).count
        need += lines * p.size * LINE_PITCH + (p.space_before if i else 0)
    return need, (h - ins["tIns"] - ins["bIns"]) / EMU_PT


@pytest.mark.parametrize("deck", ["seed_deck", "stress_deck"])
def test_measured_text_fits_every_box(deck: str, request: pytest.FixtureRequest, seed_doc) -> None:  # type: ignore[no-untyped-def]
    prs = Presentation(io.BytesIO(request.getfixturevalue(deck).data))
    fams = families(seed_doc)
    checked = 0
    for n, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                need, have = box_height(prs, slide, shape, fams)
                assert need <= have + 0.01, (n, shape.name, shape.text_frame.text[:40], need, have)
                checked += 1
    assert checked > len(prs.slides)
