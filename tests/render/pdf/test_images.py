"""The picture cache: shared between builds, keyed by the file's bytes, bounded."""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image as PILImage

from docgen.render.pdf import images


def _png(path: Path, colour: tuple[int, int, int, int]) -> Path:
    PILImage.new("RGBA", (8, 4), colour).save(path)
    return path


def test_kept_until_the_file_changes(tmp_path: Path) -> None:
    logo = _png(tmp_path / "logo.png", (255, 0, 0, 128))
    first = images._entry(logo, "auto")
    assert images.size(logo) == (8, 4)
    assert images._entry(logo, "auto") is first
    assert images._entry(shutil.copy(logo, tmp_path / "copy.png"), "auto") is first  # same bytes
    _png(logo, (0, 0, 255, 128))
    assert images._entry(logo, "auto") is not first


def test_cache_is_bounded(tmp_path: Path) -> None:
    for n in range(images.MAX_KEPT + 3):
        images.size(_png(tmp_path / f"{n}.png", (n, 0, 0, 255)))
    assert len(images._kept) == images.MAX_KEPT


def test_a_picture_that_fails_to_decode_fails_the_draw(tmp_path: Path) -> None:
    import io

    import pytest
    from reportlab.pdfgen.canvas import Canvas

    noise = PILImage.frombytes("RGBA", (64, 64), bytes(range(256)) * 64)
    noise.save(tmp_path / "good.png")
    good = (tmp_path / "good.png").read_bytes()
    broken = tmp_path / "broken.png"
    broken.write_bytes(good[: len(good) // 2])  # header intact, pixel data cut off
    with pytest.raises(OSError):
        images.draw_image(Canvas(io.BytesIO()), broken, 0, 0, 10, 10)


def test_drawn_like_reportlab_draws_it(tmp_path: Path) -> None:
    import io

    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    logo = _png(tmp_path / "logo.png", (200, 100, 50, 128))

    def page(draw: object) -> bytes:
        out = io.BytesIO()
        canv = Canvas(out, invariant=1)
        draw(canv)  # type: ignore[operator]
        canv.showPage()
        canv.save()
        return out.getvalue()

    theirs = page(lambda c: c.drawImage(ImageReader(str(logo)), 5, 6, 40, 20, mask="auto",
                                        preserveAspectRatio=True))
    first = page(lambda c: images.draw_image(c, logo, 5, 6, 40, 20, preserveAspectRatio=True))
    again = page(lambda c: images.draw_image(c, logo, 5, 6, 40, 20, preserveAspectRatio=True))
    images._kept.clear()  # as a new process: the encoding comes from the disk cache
    from_disk = page(lambda c: images.draw_image(c, logo, 5, 6, 40, 20, preserveAspectRatio=True))
    from_bytes = page(lambda c: images.draw_image(c, logo.read_bytes(), 5, 6, 40, 20,
                                                  preserveAspectRatio=True))
    assert first == theirs == again == from_disk == from_bytes


def test_drawn_by_reportlab_itself_on_an_untested_version(tmp_path: Path, monkeypatch) -> None:
    import io

    from reportlab.pdfgen.canvas import Canvas

    from docgen._compat import reportlab as compat

    logo = _png(tmp_path / "logo.png", (20, 40, 60, 128))
    pages = []
    for internals in (True, False, False):
        monkeypatch.setattr(compat, "use_internals", internals)
        out = io.BytesIO()
        canv = Canvas(out, invariant=1)
        images.draw_image(canv, logo, 5, 6, 40, 20, preserveAspectRatio=True)
        canv.showPage()
        canv.save()
        pages.append(out.getvalue())
    assert pages[0] == pages[1] == pages[2]


def test_a_bad_disk_cache_entry_is_not_drawn(tmp_path: Path, monkeypatch) -> None:
    import io

    from reportlab.pdfgen.canvas import Canvas

    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path / "cache"))
    logo = _png(tmp_path / "logo.png", (10, 20, 30, 255))
    images.draw_image(Canvas(io.BytesIO()), logo, 0, 0, 8, 4)
    (entry,) = (tmp_path / "cache").glob("pdf-image-*.docgen")
    good = entry.read_bytes()
    import marshal

    from docgen.infra.diskcache import _HEAD

    name, state, mask = marshal.loads(good[_HEAD:])
    for bad in [(name, {**state, "streamContent": None}, mask), (name,), "text"]:
        assert not images._valid(bad)
    entry.write_bytes(good[:_HEAD] + marshal.dumps((name, {**state, "streamContent": None}, mask)))
    images._kept.clear()
    images.draw_image(Canvas(io.BytesIO()), logo, 0, 0, 8, 4)  # recomputed, not a broken stream
    assert entry.read_bytes() == good
