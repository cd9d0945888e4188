"""The built-in template: 16:9, and layouts a person can use in PowerPoint as they are."""

from __future__ import annotations

from docgen.render.deck.template import _builtin


def test_every_built_in_layout_placeholder_lies_inside_the_slide() -> None:
    prs = _builtin()
    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            assert shape.left >= 0, (layout.name, shape.name)
            assert shape.left + shape.width <= prs.slide_width, (layout.name, shape.name)
