"""Every text box of the written deck, measured again from the XML, fits inside its box."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from docgen.model import FontFamily
from docgen.render.deck.measure import LINE_PITCH, Piece, break_lines

EMU_PT = 12700


def families(doc) -> dict[str, FontFamily]:
    from docgen.render.deck.measure import deck_font_name

    b = doc.brand
    return {deck_font_name(f.name): f for f in (b.heading_font, b.body_font)}


def box_height(shape, fams: dict[str, FontFamily]) -> tuple[float, float]:
    """Return (needed, available) height in points, measured with the shipped fonts."""
    tf = shape.text_frame
    body = tf._txBody.find(qn("a:bodyPr"))
    ins = {k: int(body.get(k, "91440")) for k in ("lIns", "rIns", "tIns", "bIns")}
    width = (shape.width - ins["lIns"] - ins["rIns"]) / EMU_PT
    need = 0.0
    for i, p in enumerate(tf.paragraphs):
        runs = [r for r in p.runs if r.text]
        if not runs:
            continue
        size = runs[0].font.size.pt
        ppr = p._p.pPr
        indent = int(ppr.get("marL", "0")) / EMU_PT if ppr is not None else 0.0
        pieces = [
            Piece(
                r.text, fams[r.font.name].face(bool(r.font.bold), bool(r.font.italic)).path, bool(r.font.bold)
            )
            for r in runs
        ]
        lines = break_lines(pieces, width - indent, size).count
        need += lines * size * LINE_PITCH + (p.space_before.pt if i and p.space_before else 0)
    return need, (shape.height - ins["tIns"] - ins["bIns"]) / EMU_PT


@pytest.mark.parametrize("deck", ["seed_deck", "stress_deck"])
def test_measured_text_fits_every_box(deck: str, request: pytest.FixtureRequest, seed_doc) -> None:
    prs = Presentation(io.BytesIO(request.getfixturevalue(deck).data))
    fams = families(seed_doc)
    checked = 0
    for n, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                need, have = box_height(shape, fams)
                assert need <= have + 0.01, (n, shape.name, shape.text_frame.text[:40], need, have)
                checked += 1
    assert checked > len(prs.slides)
