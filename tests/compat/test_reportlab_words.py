"""Long words are cut exactly as reportlab cuts them, and the rest of a paragraph is not broken
into lines again on every page (docgen._compat.reportlab_words, docgen.render.pdf.paragraph)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import reportlab.pdfbase.pdfmetrics as pdfmetrics
import reportlab.platypus.paragraph as paragraph
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus.paraparser import ParaFrag

import docgen.render.pdf  # noqa: F401 - installs the splitters
from docgen._compat import reportlab_words
from docgen.fonts import FONT_DIR
from tests.hostile.cases import article

pytestmark = pytest.mark.skipif(
    getattr(paragraph._splitWord, "__module__", "") != reportlab_words.__name__,
    reason="reportlab version not tested: its own splitters are used")


def _originals() -> tuple[object, object]:
    split_word, split_frag = reportlab_words.ORIGINALS
    return split_word, split_frag


@pytest.fixture(scope="module")
def font() -> str:
    pdfmetrics.registerFont(TTFont("WordsTest", str(FONT_DIR / "DejaVuSans.ttf")))
    return "WordsTest"


def _cases(seed: int, count: int):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    for _ in range(count):
        alphabet = rng.choice(["a", "abcdefghijklmnopqrstuvwxyz", "iiiiimmmmmWW.", "AB-_/09"])
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(256, 2500)))
        widths = [rng.choice([100, 250.5, 468.0])] * rng.randint(1, 3) + [
            rng.choice([300.25, 468.0, 5.0])]
        yield (word, rng.choice([9, 10.5, 22]), widths, rng.randint(0, 2),
               rng.choice([-10, 0, 30.5, 460]), rng)


def test_long_words_are_cut_as_reportlab_cuts_them(font: str) -> None:
    split_word, _ = _originals()
    for word, size, widths, lineno, used, _ in _cases(seed=1, count=150):
        theirs = split_word(word, used, widths, lineno, font, size)  # type: ignore[operator]
        ours = paragraph._splitWord(word, used, widths, lineno, font, size)
        assert [(type(p), str(p)) for p in ours] == [(type(p), str(p)) for p in theirs]


def test_long_fragment_words_are_cut_as_reportlab_cuts_them(font: str) -> None:
    _, split_frag = _originals()
    for word, size, widths, lineno, room, rng in _cases(seed=2, count=150):
        cuts = sorted(rng.sample(range(1, len(word)), rng.randint(0, 5)))
        parts = [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)]
        frag_word = [pdfmetrics.stringWidth(word, font, size)] + [
            (ParaFrag(fontName=font, fontSize=size, text=t, textColor=n, rise=0), t)
            for n, t in enumerate(parts)]
        theirs = split_frag(frag_word, room, widths, lineno)  # type: ignore[operator]
        ours = paragraph._splitFragWord(frag_word, room, widths, lineno)

        def shape(words: list) -> list:  # type: ignore[type-arg]
            return [(type(w), round(w[0], 6), [(f.textColor, t) for f, t in w[1:]]) for w in words]

        assert shape(ours) == shape(theirs)


@pytest.mark.parametrize("text", ["x" * 60_000, '"*Lead:* ' + "y" * 30_000 + '"',
                                  "word " * 8_000])
def test_the_handout_is_the_same_without_the_shortcuts(text: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.render.pdf import paragraph as docgen_paragraph
    from docgen.render.pdf import render_pdf
    from docgen.source import load

    source = tmp_path / "article.yaml"
    source.write_text(article(text.strip()))
    fast = render_pdf(load(source)).data
    split_word, split_frag = _originals()
    monkeypatch.setattr(paragraph, "_splitWord", split_word)
    monkeypatch.setattr(paragraph, "_splitFragWord", split_frag)
    monkeypatch.setattr(docgen_paragraph, "_keep_rest", lambda whole, parts: None)
    assert render_pdf(load(source)).data == fast


def test_a_token_twice_as_long_costs_twice_the_line_breaking(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The work that grew with the square of a token's length: the rest of the paragraph broken
    into lines again on each page (all of it, each time). Counted as lines made by reportlab's
    line breaking: twice the token, about twice the lines (it was four times)."""
    from docgen.render.pdf import render_pdf
    from docgen.source import load

    made: list[int] = []
    real = paragraph.Paragraph.breakLines

    def counting(self: object, width: object) -> object:
        lines = real(self, width)  # type: ignore[arg-type]
        made.append(len(lines.lines))
        return lines

    monkeypatch.setattr(paragraph.Paragraph, "breakLines", counting)
    totals = []
    for length in (40_000, 80_000):
        made.clear()
        source = tmp_path / f"t{length}.yaml"
        source.write_text(article("z" * length))
        render_pdf(load(source))
        totals.append(sum(made))
    assert totals[1] <= 2.4 * totals[0], totals
