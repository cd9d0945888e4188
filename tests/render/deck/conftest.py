"""Deck fixtures: the seed deck built once, and a stress document that pushes every fitting rule."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from docgen.model import (
    Callout,
    DeckHints,
    Document,
    Image,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    Span,
    Text,
)
from docgen.render import Rendered
from docgen.render.deck import render_deck

ROOT = Path(__file__).resolve().parents[3]
LOGO = ROOT / "source" / "images" / "logo.png"


def text(s: str) -> Text:
    return Text((Span(s),))


LONG_URL = "https://example.com/" + "a-very-long-path-segment-without-any-spaces" * 4
LONG_QUOTE = " ".join(
    f"Sentence number {i} keeps going with words that explain & compare <things> [and] more."
    for i in range(1, 16)
)


@pytest.fixture(scope="session")
def seed_deck(seed_doc: Document) -> Rendered:
    return render_deck(seed_doc)


@pytest.fixture(scope="session")
def stress_doc(seed_doc: Document) -> Document:
    """Long quotes and titles, many bullets, unbroken URLs, images, callouts, a skipped section."""
    long_title = text("A Very Long Section Heading That Goes On " * 6)
    bullets = tuple(text(f"Bullet {i}: point with several words in it") for i in range(15))
    blocks = (
        Paragraph(text("Opening paragraph for the stress section.")),
        Quote(Text((Span("Short "), Span("bold", bold=True), Span(" quote."))), by="Someone"),
        Quote(text(LONG_QUOTE), by="A Person With A Long Name, Chief Everything Officer"),
        Quote(text("Unbroken: " + LONG_URL)),
        ListBlock(bullets),
        Paragraph(text("Before the image.")),
        Image(LOGO, "The logo, as an image", text("A caption " * 12)),
        Callout(text("Remember this takeaway: " + "it matters a lot. " * 12)),
        ListBlock((Text((Span("Visit "), Span(LONG_URL, href=LONG_URL))),)),
        Paragraph(text("Closing paragraph of the stress section.")),
    )
    sections = (
        Section(long_title, blocks, key_points=bullets[:8]),
        Section(text("Skipped"), (Paragraph(text("never shown")),), deck=DeckHints(skip=True)),
        *seed_doc.sections[:1],
    )
    author = dataclasses.replace(
        seed_doc.author,
        photo=Image(LOGO, "Photo of the author"),
        bio=text("A long biography sentence that keeps on going. " * 25),
        links=(Link("Site", LONG_URL),),
    )
    return dataclasses.replace(
        seed_doc,
        title=text("An Extremely Long Presentation Title " * 8),
        sections=sections,
        author=author,
    )


@pytest.fixture(scope="session")
def stress_deck(stress_doc: Document) -> Rendered:
    return render_deck(stress_doc)
