"""Pictures decoded and deflated once, not for every document.

reportlab decodes a PNG to raw pixels, hashes them (its name for the image) and deflates them
again for every document: for the logo on the cover band that was a fifth of a warm ``docgen
watch`` rebuild. Here the finished image objects (not the decoded pixels) are kept, keyed by the
picture's bytes, in the process and in the disk cache (:mod:`docgen.infra.diskcache`); each
document gets them registered and drawn exactly as ``Canvas.drawImage`` registers and draws them
(:mod:`docgen._compat.reportlab`), so the file is the same. On a reportlab version those internals
were not tested with, pictures go through ``Canvas.drawImage`` itself.
"""

from __future__ import annotations

import hashlib
import io
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import reportlab
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from docgen._compat import reportlab as compat
from docgen.infra.diskcache import remember

#: Pictures kept (a logo, a photo or two per brand); each holds its decoded pixels until encoded.
MAX_KEPT = 8
_PNG = b"\x89PNG\r\n\x1a\n"


@dataclass
class _Kept:
    reader: ImageReader | None  # dropped once encoded: its pixels are megabytes
    size: tuple[int, int]
    key: bytes  # the picture's digest and the mask: what the encoding depends on
    encoded: compat.Encoded | None = None


_kept: OrderedDict[tuple[str, str], _Kept] = OrderedDict()


def _open(data: bytes) -> ImageReader:
    """A reader for the picture; PNGs are opened by Pillow's PNG plugin directly.

    Why: ``PIL.Image.open`` first imports five format plugins (BMP, GIF, JPEG, PPM, PNG) for a
    logo that is a PNG. The reader and its pixels are the same either way.
    """
    if data.startswith(_PNG):
        from PIL.PngImagePlugin import PngImageFile

        return ImageReader(PngImageFile(io.BytesIO(data)))
    return ImageReader(io.BytesIO(data))


def _entry(picture: Path | bytes, mask: str | None) -> _Kept:
    data = picture if isinstance(picture, bytes) else picture.read_bytes()
    key = (hashlib.sha1(data).hexdigest(), repr(mask))
    kept = _kept.get(key)
    if kept is None:
        reader = _open(data)
        kept = _kept[key] = _Kept(reader, reader.getSize(), "\0".join(key).encode())
        while len(_kept) > MAX_KEPT:
            _kept.popitem(last=False)
    _kept.move_to_end(key)
    return kept


def size(picture: Path | bytes, mask: str | None = "auto") -> tuple[int, int]:
    """Return the picture's width and height in pixels (a file, or its bytes)."""
    return _entry(picture, mask).size


def draw_image(canv: Canvas, picture: Path | bytes, x: float, y: float, width: float,
               height: float, mask: str | None = "auto", preserveAspectRatio: bool = False,
               anchor: str = "c") -> None:
    """``canv.drawImage(ImageReader(picture), ...)``, with the encoding made once per picture."""
    kept = _entry(picture, mask)
    if not compat.use_internals:
        reader = kept.reader if kept.reader is not None else _open(_bytes(picture))
        canv.drawImage(reader, x, y, width, height, mask=mask,
                       preserveAspectRatio=preserveAspectRatio, anchor=anchor)
        return
    if kept.encoded is None:
        reader = kept.reader
        assert reader is not None
        kept.encoded = remember("pdf-image", reportlab.Version, kept.key,
                                lambda: compat.encode_image(reader, mask),
                                compat.valid_encoded_image)
        kept.reader = None  # its pixels are megabytes
    compat.draw_encoded_image(canv, kept.encoded, x, y, width, height, preserveAspectRatio, anchor)


def _bytes(picture: Path | bytes) -> bytes:
    return picture if isinstance(picture, bytes) else picture.read_bytes()


def _valid(encoded: Any) -> bool:
    return compat.valid_encoded_image(encoded)
