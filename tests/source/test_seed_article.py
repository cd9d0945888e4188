"""The seed article carries the whole of the seed text, word for word and in order."""

from __future__ import annotations

from docgen.model import Document, Quote
from tests.conftest import SEED_TEXT
from tests.text import document_strings, normalise


def seed_paragraphs() -> list[str]:
    text = SEED_TEXT.read_text(encoding="utf-8")
    paragraphs = [normalise(p) for p in text.split("\n\n") if p.strip()]
    return [p for p in paragraphs if p != "About the Author"]


def test_every_seed_paragraph_is_in_the_model_in_order(seed_doc: Document) -> None:
    model = [normalise(s) for s in document_strings(seed_doc)]
    position = 0
    for paragraph in seed_paragraphs():
        words = paragraph.strip('"')
        found = next((i for i in range(position, len(model)) if model[i] == words), None)
        assert found is not None, f"missing or out of order: {words[:60]}"
        position = found + 1


def test_every_quote_of_the_seed_is_a_quote_block(seed_doc: Document) -> None:
    quotes = [b for s in seed_doc.sections for b in s.blocks if isinstance(b, Quote)]
    seed_quotes = [p for p in seed_paragraphs() if p.endswith('"') and p != seed_paragraphs()[0]]
    assert len(quotes) == len(seed_quotes) == 15


def test_the_quote_without_an_opening_mark_is_still_a_quote(seed_doc: Document) -> None:
    texts = [b.text.plain for s in seed_doc.sections for b in s.blocks if isinstance(b, Quote)]
    assert any(t.startswith("Think of target shooting.") for t in texts)


def test_seed_metadata(seed_doc: Document) -> None:
    assert seed_doc.title.plain == "The Difference Between Marketing and Sales"
    assert seed_doc.author.name == "Matthew Sawyer"
    assert seed_doc.slug == "the-difference-between-marketing-and-sales"
    assert [s.heading.plain for s in seed_doc.sections][-1] == "What I Learned"
    assert seed_doc.brand.name == "Rocket Market Development"
    assert seed_doc.brand.logo is not None and seed_doc.brand.logo.exists()
