"""Text helpers for tests: flatten a document, normalise quote marks and spacing."""

from __future__ import annotations

import re

from docgen.model import Callout, Document, ListBlock, Paragraph, Quote
from docgen.typography import nest_quotes, smarten

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


_PRINTED = str.maketrans({"“": '"', "”": '"', "‘": '"', "’": '"', "'": '"', "„": '"',
                          "«": '"', "»": '"', "–": "-", "—": "-", "\u00a0": " ",
                          "\u202f": " "})


def printed(text: str) -> str:
    """Return text with the typographic choices a renderer makes undone, so words as typed can
    be found in text as printed: every quote mark is ``"``, every dash ``-`` (``--`` too), an
    ellipsis ``...``, a no-break space a space."""
    text = text.replace("…", "...").translate(_PRINTED)
    return re.sub(r"-{2,}", "-", text)


def normalise(text: str) -> str:
    """Return text with straight quotes and single spaces, for word-for-word comparisons."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def document_strings(doc: Document, printed: bool = False) -> list[str]:
    """Return every piece of article text in reading order (what the handout must show);
    ``printed``: quotes as the renderers print them (typography, inner quotes nested)."""
    out = [doc.title.plain]
    if doc.subtitle:
        out.append(doc.subtitle.plain)
    blocks = list(doc.intro)
    for section in doc.sections:
        blocks.append(Paragraph(section.heading))
        blocks.extend(section.blocks)
    for block in blocks:
        if isinstance(block, Quote) and printed:
            out.append(nest_quotes(smarten(block.text, doc.language), doc.language).plain)
        elif isinstance(block, (Paragraph, Quote, Callout)):
            out.append(block.text.plain)
        elif isinstance(block, ListBlock):
            out.extend(item.plain for item in block.items)
    out.append(doc.author.bio.plain)
    return out
