"""Pictures decoded and deflated once per process, not on every build.

reportlab decodes a PNG to raw pixels and deflates them again for every document: for the logo on
the cover band that was a fifth of a warm ``docgen watch`` rebuild. Here the reader (with its
decoded pixels) and the finished image objects are kept, keyed by the file's bytes, and registered
in each new document exactly as ``Canvas.drawImage`` would register them, so the file is the same.
"""

from __future__ import annotations

import hashlib
import io
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFImageXObject, PDFObjectReference
from reportlab.pdfgen.canvas import Canvas

#: Pictures kept (a logo, a photo or two per brand); each holds its decoded pixels.
MAX_KEPT = 8
# Set on an object when a document registers it: a fresh object is made for every document.
_PER_DOCUMENT = ("__InternalName__", "XObjects", "smask", "_smask")


@dataclass
class _Kept:
    reader: ImageReader
    # (name, image state, soft-mask state) of the encoded image, once it has been drawn
    encoded: tuple[str, dict[str, Any], dict[str, Any] | None] | None = None


_kept: OrderedDict[tuple[str, str], _Kept] = OrderedDict()


_PNG = b"\x89PNG\r\n\x1a\n"


def _open(path: Path, data: bytes) -> ImageReader:
    """A reader for the picture; PNGs are opened by Pillow's PNG plugin directly.

    Why: ``PIL.Image.open`` first imports five format plugins (BMP, GIF, JPEG, PPM, PNG), 5 ms of
    a first build for a logo that is a PNG. The reader and its pixels are the same either way.
    """
    if data.startswith(_PNG):
        from PIL.PngImagePlugin import PngImageFile

        return ImageReader(PngImageFile(io.BytesIO(data)))
    return ImageReader(str(path))


def _entry(path: Path, mask: str | None) -> _Kept:
    data = path.read_bytes()
    key = (hashlib.sha1(data).hexdigest(), repr(mask))
    kept = _kept.get(key)
    if kept is None:
        kept = _kept[key] = _Kept(_open(path, data))
        while len(_kept) > MAX_KEPT:
            _kept.popitem(last=False)
    _kept.move_to_end(key)
    return kept


def reader(path: Path, mask: str | None = "auto") -> ImageReader:
    """Return the (shared, read-only) reader of the picture at ``path``."""
    return _entry(path, mask).reader


def draw_image(canv: Canvas, path: Path, x: float, y: float, width: float, height: float,
               mask: str | None = "auto", **kw: Any) -> None:
    """``canv.drawImage`` for the picture at ``path``, reusing its encoding from earlier builds."""
    kept = _entry(path, mask)
    if kept.encoded is not None:
        _register(canv, *kept.encoded)
    canv.drawImage(kept.reader, x, y, width, height, mask=mask, **kw)
    if kept.encoded is None:
        kept.encoded = _snapshot(canv, canv._formsinuse[-1])


def _state(obj: object) -> dict[str, Any]:
    return {k: v for k, v in vars(obj).items() if k not in _PER_DOCUMENT}


def _revive(state: dict[str, Any]) -> PDFImageXObject:
    obj = PDFImageXObject.__new__(PDFImageXObject)
    obj.__dict__.update(state)
    return obj


def _snapshot(canv: Canvas, name: str) -> tuple[str, dict[str, Any], dict[str, Any] | None]:
    doc = canv._doc
    image = doc.idToObject[doc.getXObjectName(name)]
    smask = getattr(image, "smask", None)
    return name, _state(image), _state(doc.idToObject[smask.name]) if smask else None


def _register(canv: Canvas, name: str, image_state: dict[str, Any],
              smask_state: dict[str, Any] | None) -> None:
    """Register the image objects the way ``Canvas.drawImage`` does for a picture it has not seen.

    Same calls in the same order, so object numbers and resource dictionaries do not change.
    """
    doc = canv._doc
    reg_name = doc.getXObjectName(name)
    if reg_name in doc.idToObject:
        return
    image = _revive(image_state)
    canv._setXObjects(image)
    doc.Reference(image, reg_name)
    doc.addForm(name, image)
    if smask_state is not None:
        smask = _revive(smask_state)
        m_reg_name = doc.getXObjectName(smask.name)
        if m_reg_name not in doc.idToObject:
            canv._setXObjects(smask)
            image.smask = doc.Reference(smask, m_reg_name)
        else:
            image.smask = PDFObjectReference(m_reg_name)
