"""The multi-script article's deck: runs name their script's font and language, right-to-left
paragraphs say so, and LibreOffice draws every character with a font that has it."""

from __future__ import annotations

import io
import os
import re
import subprocess
import unicodedata
import zipfile
from functools import cache
from pathlib import Path

import pytest

from docgen.fonts.fallback import _package_dir
from docgen.render import Rendered
from docgen.render.deck import render_deck
from docgen.source import load
from tests.tools import require_tool

SCRIPTS = Path(__file__).resolve().parents[2] / "fixtures" / "scripts" / "article.yaml"


@pytest.fixture(scope="module")
def deck() -> Rendered:
    return render_deck(load(SCRIPTS))


def slides(rendered: Rendered) -> str:
    with zipfile.ZipFile(io.BytesIO(rendered.data)) as z:
        return "".join(z.read(n).decode() for n in sorted(z.namelist())
                       if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))


def runs(xml: str) -> list[tuple[str, str]]:
    """Return (run properties, text) of every run."""
    return re.findall(r"<a:r><a:rPr([^>]*>.*?)</a:rPr><a:t>([^<]*)</a:t></a:r>", xml)


@pytest.mark.parametrize(("sample", "lang", "slot", "family"), [
    ("إطلاق", "ar-SA", "cs", "Noto Sans Arabic"),
    ("השקה", "he-IL", "cs", "Noto Sans Hebrew"),
    ("भारत", "hi-IN", "cs", "Noto Sans Devanagari"),
    ("เปิดตัว", "th-TH", "cs", "Noto Sans Thai"),
    ("市场营销", "zh-CN", "ea", "Noto Sans SC"),
    ("キャンペーン", "ja-JP", "ea", "Noto Sans JP"),
    ("서울", "ko-KR", "ea", "Noto Sans KR"),
])
def test_runs_carry_their_scripts_language_and_font(deck: Rendered, sample: str, lang: str,
                                                    slot: str, family: str) -> None:
    found = [props for props, text in runs(slides(deck)) if sample in text]
    assert found, sample
    for props in found:
        assert f'lang="{lang}"' in props
        assert f'<a:{slot} typeface="{family}"/>' in props
        # Latin letters stay in the brand's face: the run names none of its own (the layout's
        # theme font draws them) or names the brand's.
        assert '<a:latin typeface="Noto' not in props


def test_latin_words_beside_other_scripts_are_runs_of_their_own(deck: Rendered) -> None:
    texts = [(props, text) for props, text in runs(slides(deck)) if "means" in text]
    assert texts and all('lang="en"' in props and "a:cs" not in props for props, _ in texts)


def test_right_to_left_paragraphs_are_marked_and_start_on_the_right(deck: Rendered) -> None:
    xml = slides(deck)
    rtl = re.findall(r'<a:p><a:pPr ([^>]*)>(?:(?!</a:p>).)*?(?:العربية|השקה)', xml)
    assert rtl and all('rtl="1"' in attrs and 'algn="r"' in attrs for attrs in rtl)
    assert 'rtl="1"' not in re.search(r"<a:p>(?:(?!</a:p>).)*Mixed line", xml).group(0)


@cache
def _fonts_by_name(env: tuple[tuple[str, str], ...]) -> dict[str, Path]:
    out = subprocess.run(["fc-list", "--format", "%{postscriptname}\t%{file}\n"], env=dict(env),
                         capture_output=True, text=True, check=True).stdout
    return {name: Path(file) for name, file in (line.split("\t") for line in out.splitlines())
            if name}


@pytest.mark.tools
@pytest.mark.slow
def test_libreoffice_draws_every_character_with_a_font_that_has_it(deck: Rendered,
                                                                   tmp_path: Path) -> None:
    """With the fonts docgen ships installed (here through a fontconfig file), LibreOffice draws
    no character as a missing glyph."""
    soffice, mutool = require_tool("soffice"), require_tool("mutool")
    require_tool("fc-list")
    conf = tmp_path / "fonts.conf"
    dirs = "".join(f"<dir>{_package_dir(p)}</dir>" for p in ("manimgx_fonts", "justmytype_intl_cjk"))
    conf.write_text('<?xml version="1.0"?><fontconfig><include ignore_missing="yes">'
                    f"/etc/fonts/fonts.conf</include>{dirs}<cachedir>{tmp_path}/fc</cachedir>"
                    "</fontconfig>")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    src = tmp_path / "deck.pptx"
    src.write_bytes(deck.data)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   env=env, check=True, capture_output=True, timeout=300)
    trace = subprocess.run([mutool, "trace", str(tmp_path / "deck.pdf")], capture_output=True,
                           text=True, check=True).stdout
    files = _fonts_by_name(tuple(sorted(env.items())))
    missing: set[tuple[str, str]] = set()
    used: set[str] = set()
    for font, body in re.findall(r'<span font="[A-Z]{6}\+([^"]+)"[^>]*>(.*?)</span>', trace, re.S):
        # LibreOffice cuts long PostScript names (NotoSansDevanagari-Regul)
        path = files.get(font) or next((f for n, f in sorted(files.items()) if n.startswith(font)),
                                       None)
        assert path is not None, font
        used.add(font)
        cmap = _cmap(path)
        for char in re.findall(r'<g unicode="([^"]*)"', body):
            char = _unescape(char)
            # U+FFFD: a glyph LibreOffice gives no text to (a ligature, a conjunct); a composed
            # letter may be drawn as its base and marks.
            missing.update((font, c) for c in char if c.strip() and c != "\ufffd"
                           and ord(c) not in cmap and not _decomposed_in(c, cmap))
    assert not missing, sorted(missing)[:20]
    assert {"NotoSansArabic", "NotoSansDevanagari", "NotoSansThai", "NotoSansSC"} <= {
        re.sub(r"-.*", "", f) for f in used}


def _decomposed_in(char: str, cmap: frozenset[int]) -> bool:
    return all(ord(d) in cmap for d in unicodedata.normalize("NFD", char))


@cache
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True, fontNumber=0) as font:
        return frozenset(font.getBestCmap() or {})


def _unescape(text: str) -> str:
    return re.sub(r"&#x([0-9A-Fa-f]+);|&(quot|amp|lt|gt|apos);",
                  lambda m: chr(int(m.group(1), 16)) if m.group(1) else
                  {"quot": '"', "amp": "&", "lt": "<", "gt": ">", "apos": "'"}[m.group(2)], text)
