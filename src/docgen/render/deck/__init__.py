"""The PowerPoint deck: ``render_deck(doc)`` opens the template, plans the slides, then writes them.

Two stages as in Pandoc: :func:`~docgen.render.deck.plan.plan_deck` decides every slide, box and
size as plain data; :func:`~docgen.render.deck.writer.write_deck` turns that into .pptx bytes. The
package is docgen's own (:mod:`~docgen.render.deck.opc`). Submodules are imported when used, so
``docgen check`` can inspect a template (:mod:`~docgen.render.deck.template`) without the planner.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from docgen.model import Document
from docgen.render import Rendered, build_time

__all__ = ["DeckPlan", "plan_deck", "render_deck", "write_deck"]


def render_deck(doc: Document) -> Rendered:
    """Return the deck for ``doc`` as bytes, with its slide count and the warnings met."""
    from docgen.render.deck.plan import plan_deck
    from docgen.render.deck.template import open_template
    from docgen.render.deck.writer import write_deck

    with collector_paused():
        tpl = open_template(doc.brand)  # checked before any slide is planned
        plan = plan_deck(doc, tpl.frame())
        data = write_deck(plan, doc.brand, build_time(doc), tpl)
    return Rendered(data, len(plan.slides), "slides", [*tpl.warnings, *plan.warnings])


def __getattr__(name: str) -> Any:
    if name in ("DeckPlan", "plan_deck"):
        from docgen.render.deck import plan
        return getattr(plan, name)
    if name == "write_deck":
        from docgen.render.deck import writer
        return writer.write_deck
    raise AttributeError(name)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a deck renders, then resume it as it was.

    Why: a long deck's plan is hundreds of thousands of live objects, which the collector
    traversed again on each of its full passes; rendering
    makes little cyclic garbage, and what it makes the one pass on resuming frees.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
