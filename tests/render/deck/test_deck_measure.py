"""Line breaking with real font metrics."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from docgen.fonts import FONT_DIR
from docgen.render.deck.measure import (
    SOFT_BREAK,
    Piece,
    break_lines,
    deck_font_name,
    text_width,
)

CARLITO = FONT_DIR / "Carlito-Regular.ttf"


def test_widths_scale_with_size_and_use_fallback() -> None:
    assert text_width("Hello", CARLITO, 20) == 2 * text_width("Hello", CARLITO, 10)
    assert text_width("→", CARLITO, 10) > 0  # from DejaVu Sans when the face lacks it


def test_twins() -> None:
    assert deck_font_name("Carlito") == "Calibri"
    assert deck_font_name("Caladea") == "Cambria"
    assert deck_font_name("Liberation Sans") == "Arial"


def test_long_word_is_broken_with_soft_breaks() -> None:
    url = "https://example.com/" + "x" * 200
    result = break_lines([Piece("See " + url, CARLITO)], 100, 12)
    assert all(text_width(line, CARLITO, 12) <= 100 for line in result.lines)
    joined = "".join(p.text for p in result.pieces)
    assert SOFT_BREAK in joined
    assert joined.replace(SOFT_BREAK, "") == "See " + url


@given(st.text(alphabet="abc de&<[]fghij ", min_size=1, max_size=300), st.floats(min_value=20, max_value=400))
def test_lines_fit_and_keep_the_text(text: str, width: float) -> None:
    result = break_lines([Piece(text, CARLITO)], width, 10)
    for line in result.lines:
        assert text_width(line, CARLITO, 10) <= width or len(line) == 1
    assert "".join(p.text for p in result.pieces).replace(SOFT_BREAK, "") == text
