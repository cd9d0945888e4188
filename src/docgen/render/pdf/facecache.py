"""reportlab TrueType fonts rebuilt from cached parse results instead of parsing the file again.

reportlab's ``TTFont`` parses the whole file (names, metrics, cmap, glyph offsets) in its
constructor: 7-35 ms per face in every new process. What it keeps is plain data, so docgen caches
it (:mod:`docgen.infra.diskcache`, keyed by the file's hash and reportlab's version) and sets it on a
face built without parsing. This mirrors ``TTFont.__init__`` and ``TTFontFile.extractInfo`` of
the pinned reportlab; tests compare every attribute with a parsed font and the PDF bytes with the
cache on and off, so an upgrade that changes them fails loudly, and any entry that does not fit
falls back to parsing.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from docgen.infra.diskcache import cached

#: Attributes rebuilt rather than cached: the file's bytes, its name, a scaling closure.
_REBUILT = frozenset({"_ttf_data", "filename", "_pdfScale"})


def load_font(name: str, path: Path) -> TTFont:
    """Return a reportlab font for the TrueType file at ``path``, from the cache when possible."""
    facts, data = cached("reportlab-face", reportlab.Version, path,
                         lambda _data: _facts(TTFontFace(str(path))), _valid)
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


def _facts(face: TTFontFace) -> dict[str, Any]:
    """Return a parsed face's attributes as marshal-able data."""
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


def _face(facts: dict[str, Any], data: bytes, filename: str) -> TTFontFace:
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


def _valid(facts: Any) -> bool:
    if not (isinstance(facts, dict) and isinstance(facts.get("attrs"), dict)
            and isinstance(facts.get("names"), dict)):
        return False
    attrs = facts["attrs"]
    return (isinstance(attrs.get("charToGlyph"), dict) and isinstance(attrs.get("charWidths"), dict)
            and isinstance(attrs.get("glyphPos"), list) and isinstance(attrs.get("unitsPerEm"), int))
