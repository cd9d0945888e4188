"""The designer's hierarchy, read back from the PDF: quotes and pull quotes, key points beside
their sections, dashes and balanced lines, lead-ins kept with what they introduce, the author box."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import pytest

from docgen.model import Document, Paragraph, Quote, Span, Text
from docgen.quotes import pull_quote
from docgen.render import Rendered
from docgen.render.pdf import render_pdf
from docgen.render.pdf.sections import restates
from docgen.render.pdf.styles import make_styles
from tests.text import printed

from .conftest import run, write


class Line(NamedTuple):
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def lines(data: bytes, tmp_path: Path) -> list[Line]:
    """Return every text line of the PDF with its page and box (poppler's -bbox-layout)."""
    xml = run("pdftotext", "-bbox-layout", write(data, tmp_path, "layout.pdf"), "-")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    out = []
    for n, page in enumerate(ET.fromstring(xml).iter("page"), 1):
        for line in page.iter("line"):
            words = [w.text or "" for w in line.iter("word")]
            box = [float(line.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")]
            out.append(Line(n, *box, " ".join(words)))
    return out


def find(found: list[Line], text: str) -> list[Line]:
    """Return the lines that hold ``text``'s first words (as printed)."""
    start = printed(" ".join(text.split()[:5]))
    hits = [ln for ln in found if printed(ln.text).startswith(start)]
    return hits or [ln for ln in found if printed(" ".join(text.split()[:3])) in printed(ln.text)]


@pytest.fixture(scope="module")
def seed_lines(seed_pdf: Rendered, tmp_path_factory: pytest.TempPathFactory) -> list[Line]:
    return lines(seed_pdf.data, tmp_path_factory.mktemp("lines"))


def test_each_section_has_one_pull_quote_set_larger(seed_doc: Document,
                                                    seed_lines: list[Line]) -> None:
    for section in seed_doc.sections:
        pull = pull_quote(section)
        for q in (b for b in section.blocks if isinstance(b, Quote)):
            first = find(seed_lines, "“" + q.text.plain)
            assert first, q.text.plain
            big = first[0].height > 18  # 18 pt lines, where body lines are 12 pt
            assert big == (q is pull), q.text.plain


def test_featured_marks_the_pull_quote(seed_doc: Document, tmp_path: Path) -> None:
    section = seed_doc.sections[0]
    last = [b for b in section.blocks if isinstance(b, Quote)][-1]
    blocks = tuple(dataclasses.replace(b, featured=True) if b is last else b
                   for b in section.blocks)
    doc = dataclasses.replace(seed_doc, sections=(dataclasses.replace(section, blocks=blocks),
                                                  *seed_doc.sections[1:]))
    found = lines(render_pdf(doc).data, tmp_path)
    heights = {q.text.plain: find(found, "“" + q.text.plain)[0].height
               for q in blocks if isinstance(q, Quote)}
    assert max(heights, key=heights.__getitem__) == last.text.plain


def words(data: bytes, tmp_path: Path) -> list[Line]:
    """Return every word of the PDF with its page and box."""
    xml = run("pdftotext", "-bbox", write(data, tmp_path, "words.pdf"), "-")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    out = []
    for n, page in enumerate(ET.fromstring(xml).iter("page"), 1):
        for word in page.iter("word"):
            box = [float(word.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")]
            out.append(Line(n, *box, word.text or ""))
    return out


def test_key_points_sit_beside_their_section(seed_doc: Document, seed_pdf: Rendered,
                                             seed_lines: list[Line], tmp_path: Path) -> None:
    s = make_styles(seed_doc.brand, *_families(seed_doc))
    g = s.grid
    assert g.side > 90
    for section in seed_doc.sections:
        if restates(section):
            continue
        heading = find(seed_lines, section.heading.plain)[0]
        side = [ln for ln in words(seed_pdf.data, tmp_path)  # beside the heading, below it
                if ln.x0 >= g.left + g.measure + g.gutter - 1 and ln.page == heading.page
                and heading.y0 - 2 <= ln.y0 <= heading.y0 + 200]
        side_text = printed(" ".join(w.text for w in side))
        assert side_text.startswith("KEY POINTS")
        for point in section.key_points:
            assert printed(point.plain) in side_text, point.plain


def test_key_points_that_only_restate_a_lone_paragraph_are_left_out(
    seed_doc: Document, seed_pdf: Rendered, seed_lines: list[Line]
) -> None:
    """"What I Learned" is one paragraph its key points repeat sentence by sentence: the handout
    leaves them out (they stay in the source and the deck). Every other section shows them."""
    last = seed_doc.sections[-1]
    assert restates(last) and not any(restates(s) for s in seed_doc.sections[:-1])
    heading = find(seed_lines, last.heading.plain)[0]
    assert not [ln for ln in seed_lines if ln.page == heading.page and ln.x0 > 420
                and ln.text == "KEY POINTS"]
    assert sum(1 for ln in seed_lines if ln.text == "KEY POINTS") == len(seed_doc.sections) - 1
    # the same words with a quote after them are no longer a restatement
    quote = Quote(last.key_points[0], None, last.location)
    assert not restates(dataclasses.replace(last, blocks=(*last.blocks, quote)))
    # ... nor are points that say something the paragraph does not
    other = dataclasses.replace(last, key_points=(
        *last.key_points[:-1], Text((Span("Next year we ask about budgets and hiring"),))))
    assert not restates(other)


def _families(doc: Document):  # type: ignore[no-untyped-def]
    from docgen.render.pdf.fonts import register

    return register(doc.brand.body_font), register(doc.brand.heading_font)


def quote_lines(seed_lines: list[Line], text: str) -> list[Line]:
    """Return the printed lines of the quote ``text`` (on its first page)."""
    first = find(seed_lines, "“" + text)[0]
    block = [first]
    for ln in seed_lines[seed_lines.index(first) + 1:]:
        if block[-1].text.endswith("”") or ln.page != first.page:
            break
        block.append(ln)
    return block


def _full(found: list[Line], block: list[Line], right: float) -> list[bool]:
    """Return, for each line of ``block`` but the last, whether the next line's first word
    would not have fitted on it (a line reportlab filled)."""
    out = []
    for line, nxt in pairwise(block):
        on_line = [w for w in found if w.page == nxt.page and abs(w.y0 - nxt.y0) < 1
                   and w.x0 >= nxt.x0 - 0.5]
        # a one-letter word is glued to the next by a no-break space (typography.smarten)
        first = on_line[1] if on_line[0].text in ("a", "A", "I") else on_line[0]
        out.append(line.x1 + 2.5 + (first.x1 - nxt.x0) > right)
    return out


def test_real_dashes_and_no_short_last_line_in_quotes(seed_doc: Document, seed_pdf: Rendered,
                                                      seed_lines: list[Line],
                                                      tmp_path: Path) -> None:
    """No quote ends on a word alone; a block quote's lines fill the column (no staircase):
    only the line above a short last line gives it one or two words."""
    text = " ".join(ln.text for ln in seed_lines)
    assert "linked – partners – in" in text and " - " not in text
    found = words(seed_pdf.data, tmp_path)
    mended = 0
    for section in seed_doc.sections:
        pull = pull_quote(section)
        for q in (b for b in section.blocks if isinstance(b, Quote)):
            block = quote_lines(seed_lines, q.text.plain)
            if len(block) < 2:
                continue
            assert len(block[-1].text.split()) >= 2, block[-1].text
            if q is pull:
                continue
            full = _full(found, block, 408)
            assert all(full[:-1]), (q.text.plain, full)
            if not full[-1]:  # mended: the last line was a word or a few letters
                mended += 1
                assert len(block[-1].text.split()) <= 3 and len(block[-1].text) <= 24, block
    assert mended >= 2  # "it happen.”", "to happen.”", "to support everything.”"


def test_pull_quotes_break_on_sense(seed_lines: list[Line]) -> None:
    """A pull quote's lines end after punctuation or before a conjunction or preposition."""
    assert [ln.text for ln in quote_lines(seed_lines, "All Selling is Marketing")] == \
        ["“All Selling is Marketing,", "and all Marketing is Selling.”"]
    assert [ln.text for ln in quote_lines(seed_lines, "The two work in concert")] == \
        ["“The two work in concert", "to execute the battle plan together.”"]


def test_key_points_never_end_on_a_word_alone(seed_doc: Document, seed_pdf: Rendered,
                                              tmp_path: Path) -> None:
    s = make_styles(seed_doc.brand, *_families(seed_doc))
    g = s.grid
    side = [ln for ln in lines(seed_pdf.data, tmp_path) if ln.x0 >= g.left + g.measure + g.gutter]
    points = [printed(p.plain) for sec in seed_doc.sections for p in sec.key_points
              if not restates(sec)]
    text = printed(" ".join(ln.text for ln in side))
    for point in points:
        assert point in text, point
    starts = {printed(p.split()[0]) for p in points}
    for previous, ln in pairwise(side):
        # a line that ends a point: the next line starts a point, or the label of a section
        if printed(ln.text.split()[0]) in starts | {"KEY"} and previous.text != "KEY POINTS":
            assert len(previous.text.split()) >= 2, previous.text


def test_a_lead_in_does_not_end_on_a_short_line(seed_lines: list[Line]) -> None:
    """"For example:" (12 characters) is too short to stand alone; the line above gives it a
    word or two and stays nearly full."""
    i, last = next((i, ln) for i, ln in enumerate(seed_lines) if ln.text.endswith("For example:"))
    assert last.text != "For example:" and len(last.text.split()) <= 4
    assert seed_lines[i - 1].x1 - seed_lines[i - 1].x0 >= 0.8 * 352


def test_a_lead_in_is_on_the_page_of_what_it_introduces(seed_doc: Document,
                                                        seed_lines: list[Line]) -> None:
    for section in seed_doc.sections:
        for para, nxt in zip(section.blocks, section.blocks[1:], strict=False):
            if isinstance(para, Paragraph) and isinstance(nxt, Quote):
                lead = find(seed_lines, para.text.plain)[0]
                quote = find(seed_lines, "“" + nxt.text.plain)[0]
                assert lead.page == quote.page, para.text.plain


def test_author_role_breaks_only_after_its_comma(seed_doc: Document,
                                                seed_lines: list[Line]) -> None:
    role = seed_doc.author.role or ""
    printed_role = [ln.text for ln in seed_lines if printed(ln.text) in printed(role)
                    and ln.page == seed_lines[-1].page and ln.height < 12]
    assert " ".join(printed_role) == role
    assert all(ln.endswith(",") for ln in printed_role[:-1]), printed_role


def test_no_page_ends_early_when_a_paragraph_follows(seed_doc: Document, seed_pdf: Rendered,
                                                     seed_lines: list[Line]) -> None:
    """The last text line of every page but the last is within a few lines of the frame's foot
    (unless the next page starts with a section heading, which needs room for its first lines)."""
    g = make_styles(seed_doc.brand, *_families(seed_doc)).grid
    frame_bottom = g.height - g.bottom
    for page in range(1, seed_pdf.units):
        body = [ln for ln in seed_lines if ln.page == page and 60 < ln.y0 < frame_bottom]
        nxt = [ln for ln in seed_lines if ln.page == page + 1 and 60 < ln.y0 < frame_bottom]
        gap = frame_bottom - max(ln.y1 for ln in body)
        starts_section = nxt and nxt[0].height > 16
        assert gap < (160 if starts_section else 80), (page, gap)
