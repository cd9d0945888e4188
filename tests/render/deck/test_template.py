"""The built-in template: 16:9, layouts a person can use in PowerPoint, kept in the disk cache."""

from __future__ import annotations

import io

from pptx import Presentation

from docgen.render.deck import template


def test_every_built_in_layout_placeholder_lies_inside_the_slide() -> None:
    prs = Presentation(io.BytesIO(template.builtin_bytes()))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            assert shape.left >= 0, (layout.name, shape.name)
            assert shape.left + shape.width <= prs.slide_width, (layout.name, shape.name)


def test_the_built_in_template_from_the_disk_cache_makes_the_same_deck(
        tmp_path, monkeypatch, seed_doc) -> None:
    from docgen.render.deck import render_deck

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path))
    decks = []
    for _ in range(2):  # made and stored, then read back as a new process would
        template.builtin_bytes.cache_clear()
        decks.append(render_deck(seed_doc).data)
    (entry,) = tmp_path.glob("deck-template-*.docgen")
    entry.write_bytes(b"not a template")  # a foreign entry is made again, not opened
    template.builtin_bytes.cache_clear()
    decks.append(render_deck(seed_doc).data)
    template.builtin_bytes.cache_clear()
    assert decks[0] == decks[1] == decks[2]
