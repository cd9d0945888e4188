"""The text a marketer typed is the text rendered: no YAML 1.1 surprises, no markup."""

from __future__ import annotations

import unicodedata

from docgen.model import Paragraph
from docgen.source import load
from tests.conftest import WriteArticle

ARTICLE = """\
title: "12:30"
subtitle: No
author:
  name: Ann Author
  bio: Ann writes things.
sections:
  - heading: 1.10
    blocks:
      - "Fish & chips <b>not bold</b> [and] AT&T; &amp; &nbsp;"
      - "**bold** and *italic* and [a link](https://example.com/a_(b)) but 2 * 3 * 4"
      - "</para><font color='red'>x</font>"
"""


def test_values_that_yaml_11_would_convert_stay_text(write_article: WriteArticle) -> None:
    doc = load(write_article(ARTICLE))
    assert doc.title.plain == "12:30"
    assert doc.subtitle is not None and doc.subtitle.plain == "No"
    assert doc.sections[0].heading.plain == "1.10"


def test_markup_like_text_is_kept_literally(write_article: WriteArticle) -> None:
    blocks = load(write_article(ARTICLE)).sections[0].blocks
    assert isinstance(blocks[0], Paragraph)
    assert blocks[0].text.plain == "Fish & chips <b>not bold</b> [and] AT&T; &amp; &nbsp;"
    assert blocks[2].text.plain == "</para><font color='red'>x</font>"  # type: ignore[union-attr]


def test_inline_markup_becomes_styled_runs(write_article: WriteArticle) -> None:
    spans = load(write_article(ARTICLE)).sections[0].blocks[1].text.spans  # type: ignore[union-attr]
    styled = [(s.text, s.bold, s.italic, s.href) for s in spans]
    assert ("bold", True, False, None) in styled
    assert ("italic", False, True, None) in styled
    assert ("a link", False, False, "https://example.com/a_(b)") in styled
    assert styled[-1][0].endswith("but 2 * 3 * 4")


def test_text_is_normalised_to_nfc(write_article: WriteArticle) -> None:
    decomposed = unicodedata.normalize("NFD", "Café déjà vu")
    doc = load(write_article(f"title: {decomposed}\n" + ARTICLE.split("\n", 1)[1]))
    assert doc.title.plain == "Café déjà vu"
    assert unicodedata.is_normalized("NFC", doc.title.plain)


def test_slug_is_made_from_the_title(write_article: WriteArticle) -> None:
    doc = load(write_article(ARTICLE.replace('"12:30"', "Über Marketing & Sales!")))
    assert doc.slug == "uber-marketing-sales"
