"""The picture cache: shared between builds, keyed by the file's bytes, bounded."""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image as PILImage

from docgen.render.pdf import images


def _png(path: Path, colour: tuple[int, int, int, int]) -> Path:
    PILImage.new("RGBA", (8, 4), colour).save(path)
    return path


def test_reader_is_shared_until_the_file_changes(tmp_path: Path) -> None:
    logo = _png(tmp_path / "logo.png", (255, 0, 0, 128))
    first = images.reader(logo)
    assert images.reader(logo) is first
    assert images.reader(shutil.copy(logo, tmp_path / "copy.png")) is first  # same bytes
    _png(logo, (0, 0, 255, 128))
    assert images.reader(logo) is not first


def test_cache_is_bounded(tmp_path: Path) -> None:
    for n in range(images.MAX_KEPT + 3):
        images.reader(_png(tmp_path / f"{n}.png", (n, 0, 0, 255)))
    assert len(images._kept) == images.MAX_KEPT
