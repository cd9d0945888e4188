"""reportlab fonts rebuilt from the cache are the fonts reportlab would have parsed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from docgen.render.pdf.facecache import load_font

ROOT = Path(__file__).resolve().parents[3]
FONTS = ROOT / "src" / "docgen" / "assets" / "fonts"


def _plain(value: object) -> object:
    """Compare names by their text and closures by what they compute."""
    if callable(value):
        return [value(x) for x in (1, 512, 2048)]
    return (bytes(value), value.ustr) if hasattr(value, "ustr") else value


@pytest.mark.parametrize("name", sorted(p.name for p in FONTS.glob("*.ttf")))
def test_a_cached_font_has_every_attribute_of_a_parsed_one(name: str) -> None:
    path = FONTS / name
    load_font("first", path)  # fills the cache
    cached = load_font("X", path)
    parsed = TTFont("X", str(path))
    assert set(vars(cached)) == set(vars(parsed))
    assert cached.shapable == parsed.shapable and cached._asciiReadable == parsed._asciiReadable
    assert type(cached.face) is type(parsed.face)
    assert set(vars(cached.face)) == set(vars(parsed.face))
    for key, value in vars(parsed.face).items():
        assert _plain(getattr(cached.face, key)) == _plain(value), key


def test_the_handout_is_byte_identical_with_the_cache_off_cold_and_warm(tmp_path: Path) -> None:
    outputs = []
    for run, cache in enumerate(["", str(tmp_path / "cache"), str(tmp_path / "cache")]):
        env = {**os.environ, "DOCGEN_CACHE_DIR": cache, "SOURCE_DATE_EPOCH": "1700000000"}
        out = tmp_path / f"out{run}"
        subprocess.run([sys.executable, "-m", "docgen", "pdf", "--quiet", "--out", str(out)],
                       cwd=ROOT, env=env, check=True)
        outputs.append((out / "the-difference-between-marketing-and-sales.pdf").read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert list((tmp_path / "cache").glob("reportlab-face-*.marshal"))


def test_the_fallback_font_is_registered_only_when_text_needs_it(seed_doc) -> None:
    code = (
        "from reportlab.pdfbase import pdfmetrics\n"
        "from docgen.source import load\n"
        "from docgen.render.pdf import render_pdf\n"
        "render_pdf(load(__import__('pathlib').Path('source/article.yaml')))\n"
        "print(any('DejaVu' in n for n in pdfmetrics.getRegisteredFontNames()))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"
