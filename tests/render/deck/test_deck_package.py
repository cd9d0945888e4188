"""The package's zip: the same bytes as ``zipfile``'s own ``writestr`` for every member."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from docgen.render.deck import package


def _reference(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)
    return out.getvalue()


MEMBERS = [
    ("[Content_Types].xml", b"<Types/>"),
    ("empty.xml", b""),
    ("ppt/media/noise.bin", os.urandom(5000)),  # stored bigger than it was: deflate's worst case
    ("ppt/slides/slide1.xml", b"<p:sld>" + b"<a:t>text</a:t>" * 2000 + b"</p:sld>"),
    ("ppt/slides/slide2.xml", "“Unicode” ✓".encode() * 50),
]


@pytest.mark.parametrize("small", [package._SMALL, 3000])  # 3000: some members through writestr
def test_zip_is_zipfiles_own(small: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "_SMALL", small)
    data = package._zip(MEMBERS)
    assert data == _reference(MEMBERS)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        assert [(i.filename, z.read(i)) for i in z.infolist()] == MEMBERS


def test_relationship_text_memory_is_bounded(seed_doc, seed_deck, monkeypatch: pytest.MonkeyPatch) -> None:
    """The remembered .rels elements stay under their bound, and a small bound changes no byte."""
    from docgen.render.deck import render_deck

    monkeypatch.setattr(package, "_RELS_MAX", 20)
    monkeypatch.setattr(package, "_RELS_SEEN", {})
    assert render_deck(seed_doc).data == seed_deck.data
    assert len(package._RELS_SEEN) <= 20


def test_the_deck_carries_no_generic_preview_picture(seed_doc) -> None:
    import io
    import zipfile

    from docgen.render.deck import render_deck

    with zipfile.ZipFile(io.BytesIO(render_deck(seed_doc).data)) as deck:
        names = deck.namelist()
        rels = deck.read("_rels/.rels").decode()
    assert not [n for n in names if "thumbnail" in n]
    assert "thumbnail" not in rels and "officeDocument" in rels
