"""The built-in template: 16:9, and layouts a person can use in PowerPoint as they are."""

from __future__ import annotations

from docgen.render.deck.template import _builtin


def test_every_built_in_layout_placeholder_lies_inside_the_slide() -> None:
    prs = _builtin()
    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            assert shape.left >= 0, (layout.name, shape.name)
            assert shape.left + shape.width <= prs.slide_width, (layout.name, shape.name)


def test_the_built_in_template_from_the_disk_cache_makes_the_same_deck(
        tmp_path, monkeypatch, seed_doc) -> None:
    from docgen.render.deck import render_deck, template

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path))
    decks = []
    for _ in range(2):  # made and stored, then read back as a new process would
        template._builtin_bytes.cache_clear()
        decks.append(render_deck(seed_doc).data)
    (entry,) = tmp_path.glob("deck-template-*.marshal")
    entry.write_bytes(b"not a template")  # a foreign entry is made again, not opened
    template._builtin_bytes.cache_clear()
    decks.append(render_deck(seed_doc).data)
    template._builtin_bytes.cache_clear()
    assert decks[0] == decks[1] == decks[2]
