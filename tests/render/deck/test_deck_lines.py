"""The fast line counter agrees with ``break_lines`` exactly, and its caches stay bounded."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen.model import Document, FontFamily, Span
from docgen.render.deck import lines
from docgen.render.deck.fit import INDENT_EM, Fitted, Para, _face, height, layout
from docgen.render.deck.measure import LINE_PITCH, Piece, break_lines

_runs = st.lists(
    st.builds(Span, st.text(alphabet="ab Wé“”…\u200b ", max_size=12), st.booleans(), st.booleans()),
    max_size=12,
)


def _reference_layout(paras: list[Para], family: FontFamily, width: float, size: float) -> Fitted:
    """The layout as it was made before :mod:`lines`: every paragraph through ``break_lines``."""
    out, count, height = [], 0, 0.0
    for i, para in enumerate(paras):
        avail = width - (INDENT_EM * size if para.bullet or para.number else 0.0)
        pieces = [Piece(r.text, _face(family, r.bold, r.italic), r.bold, k) for k, r in enumerate(para.runs)]
        result = break_lines(pieces, avail, size)
        runs = tuple(Span(p.text, para.runs[p.key].bold, para.runs[p.key].italic) for p in result.pieces)
        out.append(Para(runs, para.bullet, para.number, para.space_before))
        count += result.count
        height += result.count * size * LINE_PITCH + (para.space_before * size if i else 0.0)
    return Fitted(tuple(out), size, count, height)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_runs, st.floats(min_value=5, max_value=300), st.sampled_from([9.0, 18.0, 24.0, 40.0]))
def test_count_is_break_lines_count(seed_doc: Document, runs: list[Span], width: float, size: float) -> None:
    """Any runs (empty ones, leading spaces, words across runs): the same count, or None on a split."""
    family = seed_doc.brand.body_font
    pieces = [Piece(r.text, _face(family, r.bold, r.italic), r.bold, k) for k, r in enumerate(runs)]
    got = lines.count_lines(lines.group_words(runs, lines.faces(family)), width, size)
    assert got is None or got == break_lines(pieces, width, size).count


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(_runs, st.booleans(), st.floats(0, 1)), min_size=1, max_size=4),
    st.floats(min_value=5, max_value=300),
    st.sampled_from([9.0, 18.0, 24.0, 40.0]),
    st.booleans(),
)
def test_layout_is_the_reference_layout(
    seed_doc: Document, spec: list, width: float, size: float, heading: bool
) -> None:
    """Broken text, line count and height equal, bit for bit, with split words or without."""
    family = seed_doc.brand.heading_font if heading else seed_doc.brand.body_font
    paras = [Para(tuple(runs), bullet, space_before=before) for runs, bullet, before in spec]
    assert layout(paras, family, width, size) == _reference_layout(paras, family, width, size)
    assert height(paras, family, width, size) == _reference_layout(paras, family, width, size).height


def test_layout_keeps_the_paragraph_when_nothing_is_split(seed_doc: Document) -> None:
    para = Para((Span("Hello "), Span(""), Span("world", bold=True)), bullet=True)
    fitted = layout([para], seed_doc.brand.body_font, 400.0, 18.0)
    assert fitted.paras == (Para((Span("Hello "), Span("world", bold=True)), bullet=True),)
    assert fitted.lines == 1


def test_run_cache_is_bounded(seed_doc: Document, monkeypatch) -> None:
    monkeypatch.setattr(lines, "MAX_RUNS", 50)
    face = lines.faces(seed_doc.brand.body_font)[False][False]
    for i in range(500):
        face.words(f"word{i} ")
    assert len(face.runs) <= 50
