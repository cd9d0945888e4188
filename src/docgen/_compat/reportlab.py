"""reportlab internals that make the handout faster, each used only on the versions it was tested with.

Three shortcuts reach past reportlab's public API:

* fonts rebuilt from cached parse results instead of parsing the TrueType file again
  (:func:`load_font`, mirroring ``TTFont.__init__`` and ``TTFontFace``'s attributes);
* platypus imported with two Unicode-wide regular expressions docgen never uses compiled on first
  use (:func:`import_platypus`);
* a picture's image objects made once and registered on each document as ``Canvas.drawImage``
  registers them (:func:`encode_image`, :func:`draw_encoded_image`).

Each is taken only when the installed reportlab is one of :data:`TESTED` (the test suite compares
its results with the public path's: every font attribute, the image objects, the PDF bytes); on
any other version docgen uses the public path (``TTFont``, a plain import, ``Canvas.drawImage``):
slower, never wrong. The figures are in docs/performance.md.
"""

from __future__ import annotations

import re
import sys
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import reportlab

#: reportlab versions whose internals the shortcuts below were written for and tested on.
TESTED = ("4.4.10", "5.1.0")
#: Whether the shortcuts are taken (tests switch it off to compare with the public path).
use_internals = reportlab.Version in TESTED


# -- fonts ---------------------------------------------------------------------------------------

#: Face attributes rebuilt rather than cached: the file's bytes, its name, a scaling closure.
_REBUILT = frozenset({"_ttf_data", "filename", "_pdfScale"})


def load_font(name: str, path: Path) -> Any:
    """Return a reportlab ``TTFont`` for the TrueType file at ``path``, from the disk cache when
    possible (reportlab parses the whole file in every new process otherwise)."""
    from reportlab.pdfbase.ttfonts import TTFont

    if not use_internals:
        return TTFont(name, str(path))
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFontFace

    from docgen.infra.diskcache import cached

    facts, data = cached("reportlab-face", reportlab.Version, path,
                         lambda _data: _face_facts(TTFontFace(str(path))), _valid_face_facts)
    try:
        face = _face(facts, data, str(path))
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return TTFont(name, str(path))
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font


def _face_facts(face: Any) -> dict[str, Any]:
    """Return a parsed face's attributes as marshal-able data."""
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    attrs: dict[str, Any] = {}
    names: dict[str, list[Any]] = {}
    for key, value in vars(face).items():
        if key in _REBUILT:
            continue
        if isinstance(value, TTFNameBytes):
            names[key] = [bytes(value), value.ustr]
        else:
            attrs[key] = value
    return {"attrs": attrs, "names": names}


def _face(facts: dict[str, Any], data: bytes, filename: str) -> Any:
    from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace

    face = TTFontFace.__new__(TTFontFace)
    state = vars(face)
    state.update(facts["attrs"])
    for key, (raw, text) in facts["names"].items():
        value = bytes.__new__(TTFNameBytes, raw)
        value.ustr = text
        state[key] = value
    face._ttf_data = data
    face.filename = filename
    units = face.unitsPerEm
    if units == 1000:
        face._pdfScale = lambda x: x
    else:
        mult = 1000 / units
        face._pdfScale = lambda x: x * mult
    return face


def _valid_face_facts(facts: Any) -> bool:
    if not (isinstance(facts, dict) and isinstance(facts.get("attrs"), dict)
            and isinstance(facts.get("names"), dict)):
        return False
    attrs = facts["attrs"]
    return (isinstance(attrs.get("charToGlyph"), dict) and isinstance(attrs.get("charWidths"), dict)
            and isinstance(attrs.get("glyphPos"), list) and isinstance(attrs.get("unitsPerEm"), int))


# -- importing platypus --------------------------------------------------------------------------

#: (start of the pattern, flags) of the patterns compiled on first use: the URL pattern behind
#: ``ParagraphStyle.uriWasteReduce`` (never set by docgen) and the CJK splitter of
#: ``reportlab.lib.textsplit``; both are ranges over the whole Basic Multilingual Plane.
DEFERRED = (
    ("(^(?:[a-z0-9\\.\\-\\+]*)://)", re.IGNORECASE),  # reportlab.platypus.paragraph.uri_pat
    ("([\u2e80-\uffff])", re.UNICODE),  # reportlab.lib.textsplit.rx
)


class Deferred:
    """A compiled pattern made on first use: ``.match``, ``.sub`` ... behave as the real one's."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = _compile(*self._args)
        return getattr(self._compiled, name)


_compile = re.compile


def _compile_or_defer(pattern: Any, flags: int = 0) -> Any:
    if isinstance(pattern, str) and any(
            pattern.startswith(start) and flags == want for start, want in DEFERRED):
        return Deferred(pattern, flags)
    return _compile(pattern, flags)


def import_platypus() -> None:
    """Import ``reportlab.platypus`` (once); on a tested version, with the two patterns deferred.

    While platypus is imported, exactly those two patterns (recognised by their text and flags)
    become objects that compile on first use; every other pattern compiles as usual, and
    ``re.compile`` is restored before this returns.
    """
    if "reportlab.platypus" in sys.modules:
        return
    if not use_internals:
        import reportlab.platypus
        return
    re.compile = _compile_or_defer
    try:
        import reportlab.platypus  # noqa: F401
    finally:
        re.compile = _compile


# -- pictures ------------------------------------------------------------------------------------

#: Set on an image object when a document registers it: made anew for every document.
_PER_DOCUMENT = ("__InternalName__", "XObjects", "smask", "_smask")

#: reportlab's name for a picture (a digest of its pixels and mask), the image object's state and
#: its soft mask's (the alpha channel), if any: plain data, kept in the disk cache.
Encoded = tuple[str, dict[str, Any], dict[str, Any] | None]


def encode_image(reader: Any, mask: str | None) -> Encoded:
    """Make the image objects as ``Canvas.drawImage`` does for an ImageReader it has not seen."""
    from reportlab.lib.utils import _digester
    from reportlab.pdfbase.pdfdoc import PDFImageXObject

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


def valid_encoded_image(encoded: object) -> bool:
    """Check an entry from the disk cache has the shape :func:`encode_image` returns."""
    if not (isinstance(encoded, tuple) and len(encoded) == 3 and isinstance(encoded[0], str)):
        return False
    states = [s for s in encoded[1:] if s is not None]
    return isinstance(encoded[1], dict) and all(
        isinstance(s, dict) and isinstance(s.get("streamContent"), bytes)
        and isinstance(s.get("width"), int) and isinstance(s.get("height"), int) for s in states)


def draw_encoded_image(canv: Any, encoded: Encoded, x: float, y: float, width: float,
                       height: float, preserve_aspect_ratio: bool = False,
                       anchor: str = "c") -> None:
    """The rest of ``Canvas.drawImage`` once the image objects exist: register them (the same calls
    in the same order, so object numbers and resources do not change) and place the picture."""
    from reportlab.lib.boxstuff import aspectRatioFix

    name, image_state, smask_state = encoded
    reg_name = _register(canv, name, image_state, smask_state)
    canv._currentPageHasImages = 1
    x, y, width, height, _ = aspectRatioFix(preserve_aspect_ratio, anchor, x, y, width, height,
                                            image_state["width"], image_state["height"])
    canv.saveState()
    canv.translate(x, y)
    canv.scale(width, height)
    canv._code.append(f"/{reg_name} Do")
    canv.restoreState()
    canv._formsinuse.append(name)


def _state(obj: object) -> dict[str, Any]:
    return {k: v for k, v in vars(obj).items() if k not in _PER_DOCUMENT}


def _revive(state: dict[str, Any]) -> Any:
    from reportlab.pdfbase.pdfdoc import PDFImageXObject

    obj = PDFImageXObject.__new__(PDFImageXObject)
    obj.__dict__.update(state)
    return obj


def _register(canv: Any, name: str, image_state: dict[str, Any],
              smask_state: dict[str, Any] | None) -> str:
    """Register the image objects the way ``Canvas.drawImage`` does; return the image's name."""
    from reportlab.pdfbase.pdfdoc import PDFObjectReference

    doc = canv._doc
    reg_name: str = doc.getXObjectName(name)
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


__all__ = ["TESTED", "draw_encoded_image", "encode_image", "import_platypus",
           "load_font", "use_internals", "valid_encoded_image"]
