"""The PowerPoint deck: ``render_deck(doc)`` plans the slides, then writes them.

Two stages as in Pandoc: :func:`~docgen.render.deck.plan.plan_deck` decides every slide, box and
size as plain data; :func:`~docgen.render.deck.writer.write_deck` turns that into .pptx bytes.
"""

from __future__ import annotations

from docgen.model import Document
from docgen.render import Rendered, build_time
from docgen.render.deck.plan import DeckPlan, plan_deck
from docgen.render.deck.writer import write_deck

__all__ = ["DeckPlan", "plan_deck", "render_deck", "write_deck"]


def render_deck(doc: Document) -> Rendered:
    """Return the deck for ``doc`` as bytes, with its slide count and the planner's warnings."""
    plan = plan_deck(doc)
    data = write_deck(plan, doc.brand, build_time(doc))
    return Rendered(data, len(plan.slides), "slides", list(plan.warnings))
