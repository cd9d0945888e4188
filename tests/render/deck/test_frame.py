"""The grid on any slide size: everything on the slide, type sizes following the slide's height."""

from __future__ import annotations

import pytest

from docgen.render.deck.frame import Frame
from docgen.render.deck.plan import plan_deck

SIZES = {"16:9": (12192000, 6858000), "4:3": (9144000, 6858000), "16:10": (10972800, 6858000),
         "A4": (10692000, 7560000), "16:9 small": (9144000, 5143500), "16:9 large": (24384000, 13716000)}


@pytest.mark.parametrize("name", SIZES)
def test_every_box_lies_on_the_slide(name: str, stress_doc) -> None:
    w, h = SIZES[name]
    plan = plan_deck(stress_doc, Frame(w, h))
    assert (plan.width, plan.height) == (w, h)
    for sp in plan.slides:
        for shape in (sp.title, *sp.boxes, *sp.pictures, *sp.rects):
            assert shape.x >= 0 and shape.y >= 0, (name, sp.kind)
            assert shape.x + shape.w <= w and shape.y + shape.h <= h, (name, sp.kind, shape)


def test_type_sizes_follow_the_slides_height(seed_doc) -> None:
    def sizes(w: int, h: int) -> list[float]:
        return [b.size for sp in plan_deck(seed_doc, Frame(w, h)).slides for b in (sp.title, *sp.boxes)]

    wide = sizes(*SIZES["16:9"])
    assert sizes(*SIZES["16:9 small"]) == pytest.approx([s * 0.75 for s in wide], rel=0.02)
    assert sizes(*SIZES["16:9 large"]) == pytest.approx([s * 2 for s in wide], rel=0.02)
    narrow = sizes(*SIZES["4:3"])  # the same height: the same largest sizes; narrower boxes
    assert max(narrow) == max(wide) and min(narrow) >= min(wide) * 0.99 and len(narrow) >= len(wide)
