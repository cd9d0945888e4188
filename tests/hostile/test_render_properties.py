"""Property-based: generated valid articles, with text from all of Unicode that the shipped fonts
draw, render to both outputs, and every word is in the PDF text and in the deck (slides or notes)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from functools import cache
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from docgen.app.build import build
from docgen.fonts import FONT_DIR as FONTS
from tests.tools import require_tool

CATEGORIES = ("Lu", "Ll", "Lt", "Lo", "Nd", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "So")


@cache
def alphabet() -> list[str]:
    """Return every character the shipped fonts draw in every face (BMP), left to right."""
    from fontTools.ttLib import TTFont

    def cmap(name: str) -> set[int]:
        return {c for c in TTFont(FONTS / name, lazy=True).getBestCmap() if c <= 0xFFFF}

    brand = set.intersection(*(cmap(f"{family}-{face}.ttf") for family in ("Carlito", "Caladea")
                               for face in ("Regular", "Bold", "Italic", "BoldItalic")))
    codes = brand | (cmap("DejaVuSans.ttf") & cmap("DejaVuSans-Bold.ttf"))
    chars = []
    for code in sorted(codes):
        ch = chr(code)
        if (unicodedata.category(ch) in CATEGORIES and ch not in "*_[]\\`<"  # inline markup
                and unicodedata.bidirectional(ch) not in ("R", "AL", "AN")
                and unicodedata.normalize("NFC", ch) == ch and not unicodedata.combining(ch)):
            chars.append(ch)
    return chars


WORD = st.text(st.sampled_from(alphabet()), min_size=1, max_size=12)
TEXT = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
BLOCK = st.one_of(TEXT, st.fixed_dictionaries({"quote": TEXT}),
                  st.fixed_dictionaries({"list": st.lists(TEXT, min_size=1, max_size=3)}),
                  st.fixed_dictionaries({"callout": TEXT}))
ARTICLE = st.fixed_dictionaries({
    "title": TEXT,
    "author": st.fixed_dictionaries({"name": TEXT, "bio": TEXT}),
    "sections": st.lists(st.fixed_dictionaries({
        "heading": TEXT, "blocks": st.lists(BLOCK, min_size=1, max_size=4)}),
        min_size=1, max_size=3),
})


def words(article: object) -> list[str]:
    if isinstance(article, str):
        return article.split()
    if isinstance(article, dict):
        return [w for v in article.values() for w in words(v)]
    if isinstance(article, list):
        return [w for v in article for w in words(v)]
    return []


_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": "'", "”": "'", "„": "'", "‚": "'", "«": "'",
                             "»": "'", '"': "'", "–": "-", "—": "-", "…": "."})


def squash(text: str) -> str:
    """Return ``text`` without spaces, with what docgen.typography may change made alike
    (quote marks of any kind, dashes from hyphens, an ellipsis from three dots)."""
    text = re.sub(r"[\s\u200b]+", "", unicodedata.normalize("NFC", text))
    return re.sub(r"-{2,3}", "-", text.replace("...", "…").translate(_TYPOGRAPHY))


def deck_text(path: Path) -> str:
    prs = Presentation(str(path))
    parts = []
    for slide in prs.slides:
        parts += [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "".join(parts)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(article=ARTICLE)
def test_generated_articles_render_with_every_word(tmp_path_factory, article: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    pdftotext = require_tool("pdftotext")
    folder = tmp_path_factory.mktemp("gen")
    source = folder / "article.yaml"
    source.write_text(yaml.safe_dump({**article, "slug": "generated"}, allow_unicode=True),
                      encoding="utf-8")
    result = build(source, folder / "out", force=True)
    paths = {a.target: a.path for a in result.artifacts}
    pdf = squash(subprocess.run([pdftotext, "-raw", "-enc", "UTF-8", str(paths["pdf"]), "-"],
                                capture_output=True, text=True, check=True).stdout)
    deck = squash(deck_text(paths["deck"]))
    for word in words(article):
        assert squash(word) in pdf, f"{word!r} missing from the PDF"
        assert squash(word) in deck, f"{word!r} missing from the deck"
