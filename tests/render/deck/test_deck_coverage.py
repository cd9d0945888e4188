"""Nothing of the article is lost on the way to the deck: every callout, quote and list item's
words appear on a slide or in the notes, wherever the block stands (the introduction too), and no
sentence the deck writes ends in a doubled full stop."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation

from docgen.model import Block, Callout, Document, ListBlock, Quote, Text
from docgen.render.deck import render_deck
from docgen.source import load
from tests.hostile.test_validity import rich_source


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, str, str]:
    """The rich fixture's model, and its deck's slide text and notes text."""
    doc = load(rich_source(tmp_path_factory.mktemp("rich")))
    prs = Presentation(io.BytesIO(render_deck(doc).data))
    shown, said = [], []
    for slide in prs.slides:
        shown += [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        if slide.has_notes_slide:
            said.append(slide.notes_slide.notes_text_frame.text)
    return doc, "\n".join(shown), "\n".join(said)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def texts(blocks: tuple[Block, ...]) -> list[Text]:
    out: list[Text] = []
    for b in blocks:
        if isinstance(b, (Callout, Quote)):
            out.append(b.text)
        elif isinstance(b, ListBlock):
            out += b.items
    return out


def test_every_callout_quote_and_list_item_reaches_the_slides_or_the_notes(
        rich: tuple[Document, str, str]) -> None:
    doc, shown, said = rich
    deck = " ".join(words(shown + "\n" + said))
    blocks = doc.intro + tuple(b for s in doc.sections if not s.deck.skip for b in s.blocks)
    wanted = texts(blocks)
    assert any(isinstance(b, Callout) for b in doc.intro), "the fixture keeps an intro callout"
    missing = [t.plain for t in wanted if " ".join(words(t.plain)) not in deck]
    assert not missing


def test_no_sentence_ends_in_a_doubled_full_stop(rich: tuple[Document, str, str]) -> None:
    doc, shown, said = rich
    assert doc.author.role and doc.author.role.endswith("Co.")
    assert not re.findall(r"\w\.\.(?!\.)", shown + "\n" + said)
