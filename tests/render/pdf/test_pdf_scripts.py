"""The multi-script article: every script a marketer writes reaches the PDF, in embedded fonts."""

from __future__ import annotations

import io
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from docgen.model import Document
from docgen.render import Rendered
from docgen.render.pdf import render_pdf
from docgen.source import load
from tests.text import document_strings

from .conftest import run, write

SCRIPTS = Path(__file__).resolve().parents[2] / "fixtures" / "scripts" / "article.yaml"


@pytest.fixture(scope="module")
def scripts_doc() -> Document:
    return load(SCRIPTS)


@pytest.fixture(scope="module")
def scripts_pdf(scripts_doc: Document) -> Rendered:
    return render_pdf(scripts_doc)


def _rtl(word: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in word)


def _letters(text: str) -> Counter[str]:
    """Right-to-left letters, without marks, in any order: viewers extract them in visual order."""
    return Counter(c for c in unicodedata.normalize("NFKC", text)
                   if _rtl(c) and unicodedata.category(c).startswith("L"))


def test_every_word_of_every_script_is_in_the_text(scripts_doc: Document, scripts_pdf: Rendered,
                                                    tmp_path: Path) -> None:
    extracted = run("pdftotext", "-enc", "UTF-8", write(scripts_pdf.data, tmp_path), "-")
    flat = re.sub(r"\s+", "", extracted)
    words = [w.strip("“”\"'.,:;!?()") for s in document_strings(scripts_doc) for w in s.split()]
    missing = [w for w in words if w and not _rtl(w) and w not in flat]
    assert not missing, missing
    rtl = Counter[str]()
    for w in words:
        if _rtl(w):
            rtl.update(_letters(w))
    assert rtl and not rtl - _letters(extracted)


def test_every_script_has_its_own_embedded_font(scripts_pdf: Rendered, tmp_path: Path) -> None:
    listing = run("pdffonts", write(scripts_pdf.data, tmp_path))
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert rows and all(row[-5] == "yes" and row[-4] == "yes" for row in rows), listing  # emb, sub
    for family in ("NotoSansSC", "NotoSansJP", "NotoSansKR", "NotoSansArabic", "NotoSansHebrew",
                   "NotoSansDevanagari", "NotoSansThai", "NotoEmoji", "DejaVuSerifCondensed"):
        assert f"+{family}" in listing, family
    assert "Thin" not in listing  # variable files are cut at the weight asked for, not drawn Thin
    assert "NotoSansSC-Bold" in listing and "NotoSansSC-Regular" in listing


def _font_runs(data: bytes) -> list[tuple[int, str, float, str]]:
    """Return every text run of the PDF: (page, font's base name, size, its text as pdftotext
    would not give it: the raw operand bytes, enough to count runs)."""
    import pikepdf

    out = []
    pdf = pikepdf.open(io.BytesIO(data))
    for n, page in enumerate(pdf.pages, 1):
        fonts = {str(k): str(v.BaseFont).split("+", 1)[-1] for k, v in page.Resources.Font.items()}
        font, size = "", 0.0
        for operands, op in pikepdf.parse_content_stream(page):
            if str(op) == "Tf":
                font, size = fonts.get(str(operands[0]), ""), float(operands[1])
            elif str(op) in ("Tj", "TJ"):
                out.append((n, font, size, str(op)))
    return out


def test_greek_cyrillic_and_vietnamese_in_serif_text_stay_serif(scripts_pdf: Rendered) -> None:
    """Caladea has no Greek, Cyrillic or Vietnamese: in the body (and the author's bio) they are
    drawn in DejaVu Serif Condensed at Caladea's x-height (0.467 em against 0.519: 12 pt text in
    10.8 pt, the 9.6 pt bio in 8.64 pt), never in the sans DejaVu Sans; the headings (Carlito,
    which has them) keep their own face."""
    used = _font_runs(scripts_pdf.data)
    fallback = {(font, size) for _n, font, size, _op in used if font.startswith("DejaVu")}
    assert fallback == {("DejaVuSerifCondensed", 10.8), ("DejaVuSerifCondensed", 8.64)}


def test_the_serif_fallback_has_the_style_of_the_face_it_stands_in_for(tmp_path: Path) -> None:
    """Italic serif text falls back to the serif italic, bold to the bold; a sans face (Carlito)
    lacking a character falls back to the sans."""
    from docgen.fonts import bundled_family
    from docgen.render.pdf.fonts import Fallbacks, register, runs

    serif, sans = bundled_family("Caladea"), bundled_family("Carlito")
    assert serif is not None and sans is not None
    fallbacks = Fallbacks("en")
    faces: dict[tuple[str, bool, bool], str] = {}
    for fam, bold, italic, text in ((serif, False, True, "Ωμέγα"), (serif, True, False, "Ωμέγα"),
                                    (serif, True, True, "Жизнь"), (sans, False, False, "★"),
                                    (serif, True, False, "ℙ")):  # not in the bold or italic
        chunks, missing = runs(text, register(fam), bold, italic, fallbacks)
        assert not missing and len(chunks) == 1 and chunks[0][1] is not None
        faces[(fam.name, bold, italic)] = fallbacks._paths[chunks[0][1]].name
        if text == "Ωμέγα" and bold:
            assert faces[(fam.name, bold, italic)] == "DejaVuSerifCondensed-Bold.ttf"
    assert faces == {("Caladea", False, True): "DejaVuSerifCondensed-Italic.ttf",
                     ("Caladea", True, False): "DejaVuSerifCondensed.ttf",  # ℙ, last
                     ("Caladea", True, True): "DejaVuSerifCondensed-BoldItalic.ttf",
                     ("Carlito", False, False): "DejaVuSans.ttf"}


def test_emoji_beyond_the_bmp_extract_as_themselves(scripts_pdf: Rendered, tmp_path: Path) -> None:
    text = run("pdftotext", "-enc", "UTF-8", write(scripts_pdf.data, tmp_path), "-")
    for emoji in "🚀🙏🌍🤝🎉":
        assert emoji in text


def _colour_font() -> None:
    """Skip without a colour emoji font (fail in CI, which installs fonts-noto-color-emoji)."""
    from docgen.fonts.emoji import picture

    if picture("🚀") is None:
        if os.environ.get("DOCGEN_REQUIRE_TOOLS") == "1":
            pytest.fail("no colour emoji font (fonts-noto-color-emoji) though DOCGEN_REQUIRE_TOOLS=1")
        pytest.skip("no colour emoji font on this machine")


@pytest.mark.tools
def test_emoji_are_colour_pictures_over_invisible_glyphs(scripts_pdf: Rendered,
                                                         tmp_path: Path) -> None:
    _colour_font()
    pdf = write(scripts_pdf.data, tmp_path)
    images = [line.split() for line in run("pdfimages", "-list", pdf).splitlines()[2:]]
    pictures = [row for row in images if row[2] == "image"]
    # every emoji of the body, the title (a complex paragraph) and the running title, once each
    assert len(pictures) >= 8 and all(row[3:5] == ["136", "128"] for row in pictures)
    assert {row[0] for row in pictures} == {"1", "2", "3"}
    text = run("pdftotext", "-enc", "UTF-8", pdf, "-")
    assert all(e in text for e in "🚀🙏🌍🤝🎉✨")  # the glyphs are still there, drawn invisibly
    assert b"3 Tr" in _content(scripts_pdf.data)


def _content(data: bytes) -> bytes:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return b"".join(page.get_contents().get_data() for page in reader.pages)


def test_the_pdfua_checker_finds_nothing_in_the_multi_script_handout(scripts_pdf: Rendered,
                                                                     tmp_path: Path) -> None:
    """ActualText spans and emoji pictures sit inside tagged content without breaking PDF/UA."""
    from pdfua import Severity, validate

    report = validate(str(write(scripts_pdf.data, tmp_path)))
    assert [(f.rule_id, f.message) for f in report.findings
            if f.severity in (Severity.ERROR, Severity.WARNING)] == []


def test_lines_join_by_their_script_in_the_text_layer(scripts_doc: Document,
                                                      scripts_pdf: Rendered,
                                                      tmp_path: Path) -> None:
    """A line of Chinese or Japanese ends without a space (its words are not spaced: "可持续",
    not "可持 续"); a line of a spaced script ends with one, a line ending in a shaped run too.
    (poppler's -struct-text cannot show the shaped lines: it reads no ActualText and ends an
    element at the first span's EMC; the content stream is read for those.)"""
    text = run("pdfinfo", "-struct-text", write(scripts_pdf.data, tmp_path))
    for paragraph in (b.text.plain for s in scripts_doc.sections[:2] for b in s.blocks
                      if hasattr(b, "text") and not hasattr(b, "by")):
        assert paragraph in text, paragraph
    # An Arabic paragraph's first line ends after an ActualText span: with its space.
    assert re.search(rb"EMC \( \) Tj T\*", _content(scripts_pdf.data))


def test_right_to_left_blocks_mirror_their_ornaments(scripts_doc: Document,
                                                     tmp_path: Path) -> None:
    """An Arabic pull quote's rule, an Arabic block quote's bar and a Hebrew callout's bar
    stand on the column's right edge, where their lines start, and the opening mark hangs past
    it; right-to-left list items carry their bullets on the right (a Latin item in the same list
    keeps its bullet on the left)."""
    import dataclasses

    from PIL import Image as PILImage

    from docgen.model import Callout, ListBlock, Quote
    from docgen.render.pdf.styles import make_styles
    from docgen.source.inline import link_problem, parse_inline

    from .test_handout_design import _families

    def t(text: str):  # type: ignore[no-untyped-def]
        return parse_inline(text, link_problem)

    arabic = next(s for s in scripts_doc.sections if "العربية" in s.heading.plain)
    where = arabic.location
    blocks = (*arabic.blocks,  # a paragraph and the pull quote
              Quote(t("المبيعات تحول الطلب إلى إيرادات، والتسويق يبني الطلب الذي تحتاجه "
                      "المبيعات كل يوم في كل سوق."), "فريق دبي", where),
              ListBlock((t("التسويق يبني الطلب"), t("המכירות הופכות אותו להכנסות"),
                         t("A Latin item")), where),
              Callout(t("ההשקה בתל אביב תתקיים במרץ 2026 עם כל השותפים שלנו."), where))
    doc = dataclasses.replace(scripts_doc, sections=(dataclasses.replace(arabic, blocks=blocks),))
    rendered = render_pdf(doc)
    path = write(rendered.data, tmp_path)
    run("pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", str(path), str(tmp_path / "p"))
    image = PILImage.open(next(tmp_path.glob("p*.png"))).convert("RGB")
    colours = make_styles(doc.brand, *_families(doc)).colors

    def xs(colour: object) -> set[int]:
        """The columns (pt) with at least 3 pixels of ``colour``: rules and bars, not the odd
        anti-aliased pixel of a letter."""
        rgb = tuple(round(v * 255) for v in colour.rgb())  # type: ignore[attr-defined]
        found = Counter(x for x in range(image.width) for y in range(260, image.height - 60)
                        if image.getpixel((x, y)) == rgb)
        return {x for x, n in found.items() if n >= 3}

    accent, bar = xs(colours.accent), xs(colours.quote_rule)
    column_right = 56 + make_styles(doc.brand, *_families(doc)).grid.measure
    assert accent and min(accent) >= column_right - 36 and max(accent) <= column_right
    assert bar and min(bar) >= column_right - 3 and max(bar) <= column_right
    # the pull quote's opening mark hangs past the column's right edge, as "“" hangs left of a
    # left-to-right one; nothing else is drawn there
    past = {y for x in range(column_right + 2, column_right + 14)
            for y in range(260, image.height - 60) if image.getpixel((x, y)) != (255, 255, 255)}
    assert past and max(past) - min(past) < 20
    import subprocess

    from tests.tools import require_tool

    require_tool("pdftotext")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox", str(path), "-"],
                         capture_output=True, check=True).stdout.decode("utf-8", "replace")
    layout = [line for line in out.splitlines() if ">•<" in line]
    assert len(layout) == 3
    lefts = sorted(float(line.split('xMin="')[1].split('"')[0]) for line in layout)
    assert lefts[0] == pytest.approx(56, abs=0.5)
    assert lefts[1:] == pytest.approx([column_right - 5.3] * 2, abs=0.6)


def test_every_font_subset_has_a_tag_of_its_own(scripts_pdf: Rendered, tmp_path: Path) -> None:
    """Six capital letters from a hash of the subset (ISO 32000-1, 9.6.4), different for each
    of the 21 subsets (reportlab tags every one AAAAAA), the same in every build."""
    listing = run("pdffonts", write(scripts_pdf.data, tmp_path))
    tags = [row.split()[0].split("+")[0] for row in listing.splitlines()[2:]]
    assert len(tags) >= 20 and all(re.fullmatch(r"[A-Z]{6}", tag) for tag in tags), tags
    assert len(set(tags)) == len(tags) and "AAAAAA" not in tags
    from docgen._compat.reportlab_subsets import subset_tag

    assert subset_tag(b"Carlito", [32, 65]) == subset_tag(b"Carlito", [32, 65])
    assert subset_tag(b"Carlito", [32, 65]) != subset_tag(b"Carlito", [32, 66])
