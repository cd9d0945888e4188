"""One picture shown many times is decoded once for the loader's check and once for the PDF,
however many times the article shows it (issue 13: 300 references to a 36-megapixel picture made
`check` decode it 300 times, 79 s)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageFile

from docgen.app.build import build
from docgen.app.cli import run
from docgen.source import images
from tests.hostile.cases import article


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Record the size of every picture Pillow decodes."""
    calls: list[tuple[int, int]] = []
    real = ImageFile.ImageFile.load

    def load(self: ImageFile.ImageFile) -> object:
        calls.append(self.size)
        return real(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    return calls


def test_a_big_picture_shown_300_times_is_decoded_once_per_use(
        tmp_path: Path, decodes: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    Image.new("RGB", (7200, 5000), (200, 120, 40)).save(tmp_path / "big.jpg", quality=80)
    source = tmp_path / "article.yaml"
    source.write_text(article(*["image: {src: big.jpg, alt: A big picture}"] * 300))
    assert run(["check", str(source), "-q"]) == 0
    assert decodes == [(7200, 5000)]
    decodes.clear()
    images._probed.clear()  # as in a new process
    monkeypatch.setenv("DOCGEN_CACHE_DIR", "")  # the PDF's encoding, not an entry of the cache
    result = build(source, tmp_path / "out")
    assert decodes == [(7200, 5000)] * 2  # the loader's check, the handout's encoding
    assert {a.target: a.units for a in result.artifacts}["deck"] >= 300
