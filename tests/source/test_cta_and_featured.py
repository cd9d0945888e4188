"""``cta:`` (the closing slide's call to action) and ``featured:`` (a section's hero quote)."""

from __future__ import annotations

import pytest

from docgen.errors import DocgenError
from docgen.model import Quote
from docgen.source import load, load_with_warnings
from tests.conftest import MINIMAL, WriteArticle


def test_a_cta_line_alone_links_to_nothing_of_its_own(write_article: WriteArticle) -> None:
    doc = load(write_article(MINIMAL + "cta: Book a *strategy* call\n"))
    assert doc.cta is not None
    assert doc.cta.text.plain == "Book a strategy call" and doc.cta.link is None
    assert any(s.italic for s in doc.cta.text.spans)
    assert doc.cta.location.line == 9


def test_a_cta_with_its_own_link(write_article: WriteArticle) -> None:
    doc = load(write_article(MINIMAL + "cta:\n  text: Write to us\n  link: mailto:a@example.com\n"))
    assert doc.cta is not None and doc.cta.link == "mailto:a@example.com"


def test_no_cta_is_none(write_article: WriteArticle) -> None:
    assert load(write_article()).cta is None


@pytest.mark.parametrize(("extra", "words"), [
    ("cta:\n  link: https://example.com\n", "missing 'text'"),
    ("cta:\n  text: Go\n  link: javascript:alert(1)\n", "javascript"),
    ("cta:\n  text: Go\n  href: https://example.com\n", "unknown key 'href'"),
    ("cta: " + "x" * 201 + "\n", "closing slide"),
])
def test_a_bad_cta_is_located(write_article: WriteArticle, extra: str, words: str) -> None:
    with pytest.raises(DocgenError) as info:
        load(write_article(MINIMAL + extra))
    (problem,) = [str(p) for p in info.value.problems if p.severity == "error"]
    assert ":9:" in problem or ":10:" in problem or ":11:" in problem
    assert words in problem


FEATURED = MINIMAL.replace("      - A paragraph.\n", """\
      - quote: Plain words.
      - quote:
          text: The hero.
          featured: true
      - quote:
          text: Another hero.
          featured: yes
""")


def test_featured_quotes_are_read_and_a_second_one_is_a_warning(write_article: WriteArticle) -> None:
    doc, warnings = load_with_warnings(write_article(FEATURED))
    quotes = [b for b in doc.sections[0].blocks if isinstance(b, Quote)]
    assert [q.featured for q in quotes] == [False, True, True]
    (warning,) = warnings
    assert "more than one featured quote" in warning.message and warning.location.line == 13


POINTED = MINIMAL.replace("      - A paragraph.\n", """\
      - quote:
          text: The words.
          point: 2
""").replace("  - heading: ", "  - key_points: [One claim, Another claim]\n    heading: ")


def test_a_quote_names_the_key_point_it_backs(write_article: WriteArticle) -> None:
    doc = load(write_article(POINTED))
    (quote,) = [b for b in doc.sections[0].blocks if isinstance(b, Quote)]
    assert quote.point == 2


@pytest.mark.parametrize(("value", "words"), [("3", "backs key point 3, but the section has 2"),
                                              ("zero", "the number of a key point"),
                                              ("0", "the number of a key point")])
def test_a_point_that_is_not_one_of_the_sections_is_located(write_article: WriteArticle,
                                                             value: str, words: str) -> None:
    with pytest.raises(DocgenError) as info:
        load(write_article(POINTED.replace("point: 2", f"point: {value}")))
    (problem,) = [str(p) for p in info.value.problems if p.severity == "error"]
    assert words in problem and "article.yaml:1" in problem
