"""Pictures decoded and deflated once, not for every document.

reportlab decodes a PNG to raw pixels, hashes them (its name for the image) and deflates them
again for every document: for the logo on the cover band that was a fifth of a warm ``docgen
watch`` rebuild and ~20 ms of a cold one. Here the finished image objects (not the decoded
pixels) are kept, keyed by the file's bytes, in the process and in the disk cache
(:mod:`docgen.infra.diskcache`); each document gets the objects registered and drawn exactly as
``Canvas.drawImage`` registers and draws them, so the file is the same. (Encoding in a background
thread was tried: on two cores the other one renders the deck, so it gained nothing, and threads
do not mix with the fork that renders the deck.)
"""

from __future__ import annotations

import hashlib
import io
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import reportlab
from reportlab.lib.boxstuff import aspectRatioFix
from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase.pdfdoc import PDFImageXObject, PDFObjectReference
from reportlab.pdfgen.canvas import Canvas

from docgen.infra.diskcache import remember

#: Pictures kept (a logo, a photo or two per brand); each holds its decoded pixels.
MAX_KEPT = 8
# Set on an object when a document registers it: a fresh object is made for every document.
_PER_DOCUMENT = ("__InternalName__", "XObjects", "smask", "_smask")
_PNG = b"\x89PNG\r\n\x1a\n"

# reportlab's name for the image (a digest of its pixels and mask), the image object's state and
# its soft mask's (the alpha channel), if any
Encoded = tuple[str, dict[str, Any], dict[str, Any] | None]


@dataclass
class _Kept:
    reader: ImageReader | None  # dropped once encoded: its pixels are megabytes
    size: tuple[int, int]
    key: bytes  # the file's digest and the mask: what the encoding depends on
    encoded: Encoded | None = None


_kept: OrderedDict[tuple[str, str], _Kept] = OrderedDict()


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
        picture = _open(path, data)
        kept = _kept[key] = _Kept(picture, picture.getSize(), "\0".join(key).encode())
        while len(_kept) > MAX_KEPT:
            _kept.popitem(last=False)
    _kept.move_to_end(key)
    return kept


def size(path: Path, mask: str | None = "auto") -> tuple[int, int]:
    """Return the picture's width and height in pixels."""
    return _entry(path, mask).size


def draw_image(canv: Canvas, path: Path, x: float, y: float, width: float, height: float,
               mask: str | None = "auto", preserveAspectRatio: bool = False,
               anchor: str = "c") -> None:
    """``canv.drawImage(ImageReader(path), ...)``, with the encoding made once per process."""
    kept = _entry(path, mask)
    if kept.encoded is None:
        reader = kept.reader
        assert reader is not None
        kept.encoded = remember("pdf-image", reportlab.Version, kept.key,
                                lambda: _encode(reader, mask), _valid)
        kept.reader = None  # its pixels are megabytes
    name, image_state, smask_state = kept.encoded
    reg_name = _register(canv, name, image_state, smask_state)
    # The rest of Canvas.drawImage once its image is registered (without hashing the pixels).
    canv._currentPageHasImages = 1
    x, y, width, height, _ = aspectRatioFix(preserveAspectRatio, anchor, x, y, width, height,
                                            image_state["width"], image_state["height"])
    canv.saveState()
    canv.translate(x, y)
    canv.scale(width, height)
    canv._code.append(f"/{reg_name} Do")
    canv.restoreState()
    canv._formsinuse.append(name)


def _encode(reader: ImageReader, mask: str | None) -> Encoded:
    """Make the image objects as ``Canvas.drawImage`` does for an ImageReader it has not seen."""
    rawdata = reader.getRGBData()
    smask = reader._dataA
    mdata = smask.getRGBData() if mask == "auto" and smask else str(mask)
    if isinstance(mdata, str):
        mdata = mdata.encode("utf8")
    name = _digester(rawdata + mdata)
    image = PDFImageXObject(name, reader, mask=mask)
    image.name = name
    alpha = getattr(image, "_smask", None)
    return name, _state(image), _state(alpha) if alpha is not None else None


def _valid(encoded: object) -> bool:
    """Check an entry from the disk cache has the shape :func:`_encode` returns."""
    if not (isinstance(encoded, tuple) and len(encoded) == 3 and isinstance(encoded[0], str)):
        return False
    states = [s for s in encoded[1:] if s is not None]
    return isinstance(encoded[1], dict) and all(
        isinstance(s, dict) and isinstance(s.get("streamContent"), bytes)
        and isinstance(s.get("width"), int) and isinstance(s.get("height"), int) for s in states)


def _state(obj: object) -> dict[str, Any]:
    return {k: v for k, v in vars(obj).items() if k not in _PER_DOCUMENT}


def _revive(state: dict[str, Any]) -> PDFImageXObject:
    obj = PDFImageXObject.__new__(PDFImageXObject)
    obj.__dict__.update(state)
    return obj


def _register(canv: Canvas, name: str, image_state: dict[str, Any],
              smask_state: dict[str, Any] | None) -> str:
    """Register the image objects the way ``Canvas.drawImage`` does; return the image's name.

    Same calls in the same order, so object numbers and resource dictionaries do not change.
    """
    doc = canv._doc
    reg_name = doc.getXObjectName(name)
    if reg_name in doc.idToObject:
        return reg_name
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
    return reg_name
