"""Complex text in paragraphs: visual order, line breaks without spaces, splits across pages."""

from __future__ import annotations

import unicodedata

import pytest
from reportlab.lib.styles import ParagraphStyle

from docgen.fonts import bundled_family
from docgen.render.pdf.fonts import Fallbacks, register
from docgen.render.pdf.markup import Marker
from docgen.render.pdf.paragraph import Paragraph


@pytest.fixture(scope="module")
def make() -> object:
    family = bundled_family("Carlito")
    assert family is not None
    fam = register(family)
    style = ParagraphStyle("t", fontName=fam.name(), fontSize=12, leading=16)

    def make(text: str) -> Paragraph:
        marker = Marker("#000000", Fallbacks("en", text))
        return Paragraph(marker.plain(text, fam, None), style)

    return make


def lines(p: Paragraph, width: float) -> list[str]:
    """Return each line's text in drawing order (left to right), without ActualText markers."""
    p.wrap(width, 1e6)
    return ["".join(str(w.text) for w in line.words) for line in p.blPara.lines]


def test_right_to_left_words_are_drawn_right_to_left_within_a_left_to_right_line(make) -> None:
    p = make("the word مرحبا بك means hello")
    [line] = lines(p, 500)
    assert line.startswith("the word ") and line.endswith(" means hello")
    middle = line[len("the word "):-len(" means hello")]
    # بك (the second word) is drawn first, on the left; each word's glyphs are shaped visually
    assert middle.index(" ") < len(middle) // 2


def test_a_right_to_left_paragraph_is_right_aligned(make) -> None:
    from reportlab.lib.enums import TA_RIGHT

    assert make("مرحبا بالعالم").style.alignment == TA_RIGHT
    assert make("Hello مرحبا").style.alignment != TA_RIGHT


def test_chinese_breaks_between_characters_but_never_before_closing_marks(make) -> None:
    text = ("市场营销负责建立品牌认知和需求，销售负责把需求转化为收入。"
            "两个团队共享同一个客户旅程，只有紧密合作，公司才能实现可持续增长。")
    got = lines(make(text), 120)
    assert len(got) > 3 and "".join(got) == text
    assert not any(line[0] in "，。" for line in got)


def test_thai_breaks_at_word_boundaries_only(make) -> None:
    text = "การตลาดสร้างความต้องการ"  # การตลาด | สร้าง | ความ | ต้องการ
    got = lines(make(text), 60)
    assert len(got) > 1
    assert all(line in ("การตลาด", "สร้าง", "ความ", "ต้องการ", "สร้างความ", "ความต้องการ",
                        "การตลาดสร้าง") for line in got), got
    assert not any(unicodedata.category(line[0]) == "Mn" for line in got)


def test_a_split_paragraph_keeps_every_character(make) -> None:
    text = " ".join(["التسويق يبني الطلب والمبيعات تحوله إلى إيرادات"] * 12)
    p = make(text)
    p.wrap(200, 1e6)
    total = len(p.blPara.lines)
    first, rest = p.split(200, 16 * 4 + 1)
    first.wrap(200, 1e6)
    rest.wrap(200, 1e6)
    assert len(first.blPara.lines) == 4 and len(rest.blPara.lines) == total - 4
    joined = "".join(f.text for f in first.frags) + " " + "".join(f.text for f in rest.frags)
    assert " ".join(joined.split()) == text


def test_a_latin_word_the_brand_face_half_lacks_is_drawn_in_one_face() -> None:
    from docgen.render.pdf.fonts import runs

    family = bundled_family("Caladea")
    assert family is not None
    fam, fallbacks = register(family), Fallbacks("vi")
    chunks, missing = runs("Tiếp and a few more plain words here", fam, False, False, fallbacks)
    assert not missing
    assert [text for text, _ in chunks] == ["Tiếp", " and a few more plain words here"]
    assert chunks[0][1] is not None and chunks[1][1] is None  # not "T", "iế", "p": one face
    # ... and text where the fallback is needed often is set in it throughout
    chunks, _ = runs("Tiếp thị tạo ra nhu cầu", fam, False, False, fallbacks)
    assert len(chunks) == 1 and chunks[0][1] is not None


def test_latin_words_beside_greek_and_cyrillic_stay_in_the_brand_face() -> None:
    from docgen.render.pdf.fonts import runs

    family = bundled_family("Caladea")
    assert family is not None
    chunks, missing = runs(" and Ελληνικά, кириллица.", register(family), False, False,
                           Fallbacks("en"))
    assert not missing
    assert chunks[0] == (" and ", None)  # Caladea has a, n, d: only the other alphabets fall back
    assert all(font is not None for text, font in chunks if any(c.isalpha() for c in text)
               and text.strip() != "and")


def test_the_fallback_warning_names_only_letters_the_brand_face_lacks() -> None:
    from docgen.model import Span, Text
    from docgen.render.pdf.markup import Marker

    family = bundled_family("Caladea")
    assert family is not None
    marker = Marker("#000000", Fallbacks("en"))
    # short text that needs the fallback often is set in it throughout, "and more" included
    marker.text(Text((Span("Tiếp and more"),)), register(family), None)
    (warning,) = marker.fallback_warnings
    assert warning.message == ("the font Caladea has no U+1EBF LATIN SMALL LETTER E WITH "
                               "CIRCUMFLEX AND ACUTE; they are drawn in DejaVu Serif Condensed")


@pytest.mark.parametrize("first", ["aaa", "市场"])  # reportlab's breaking, and the complex path's
def test_a_no_break_space_keeps_its_words_on_one_line_in_a_face_without_one(make, first) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from docgen.render.pdf.fonts import runs

    family = bundled_family("Carlito")  # Carlito has no U+00A0: its space glyph stands in
    assert family is not None
    fam = register(family)
    assert stringWidth("\u00a0", fam.name(), 12) == stringWidth(" ", fam.name(), 12)
    assert runs("Sales\u00a0– done", fam, False, False, Fallbacks("en"))[0] == [
        ("Sales\u00a0– done", None)]
    p = make(f"{first} bbb\u00a0🚀")
    p.wrap(1e6, 1e6)
    line = p.blPara.lines[0]
    room = line.extraSpace if hasattr(line, "extraSpace") else line[0]
    got = lines(make(f"{first} bbb\u00a0🚀"), 1e6 - room - 1)  # a hair too narrow for one line
    assert [line.replace(" ", "") for line in got] == [first, "bbb\u00a0🚀"], got
