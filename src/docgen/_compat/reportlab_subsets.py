"""How reportlab writes font subsets: tags that differ between subsets, and ToUnicode maps that
are right beyond the Basic Multilingual Plane.

Tags: six capital letters from a hash of each subset.

reportlab tags every subset it embeds ``AAAAAA+`` (then ``AAAAAB+`` for a font's second subset of
256 characters). ISO 32000-1 (9.6.4) asks for a tag that differs between different subsets of a
file: two handouts merged into one PDF would otherwise hold two different "AAAAAA+Carlito", and a
merging tool may keep one for both. reportlab names the tag with its module function ``SUBSETN``
from the subset's number only, so the font's ``addObjects`` is wrapped to hand it the tags of the
font being written (thread-local: builds may run in threads). Both are reportlab internals, so
:func:`install` takes them over only on the reportlab versions docgen was tested with
(:data:`docgen._compat.reportlab.TESTED`); on any other, subsets keep reportlab's tags and maps
(text beyond the BMP, emoji, then extracts wrongly; nothing fails).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from typing import Any

from reportlab.pdfbase import ttfonts as _ttfonts

_writing = threading.local()  # the tags of the font whose subsets are being written


def subset_tag(face: bytes, subset: list[int]) -> str:
    """Return the six capital letters that tag a subset of ``face`` holding ``subset`` (its
    characters): the same subset gets the same tag in every build, different subsets differ."""
    digest = hashlib.sha256(face + b"\0" + ",".join(map(str, subset)).encode()).digest()
    return "".join(chr(65 + b % 26) for b in digest[:6])


def _tag(n: int, _default: Callable[[int], bytes] = _ttfonts.SUBSETN) -> bytes:
    """reportlab's ``SUBSETN``: the tag of subset ``n`` of the font being written."""
    tags = getattr(_writing, "tags", None)
    if tags is None or n >= len(tags):
        return _default(n)
    return tags[n].encode("ascii")


def _add_objects(self: Any, doc: Any, _original: Any = _ttfonts.TTFont.addObjects) -> None:
    state = self.state.get(doc)
    _writing.tags = [subset_tag(self.face.name, list(s)) for s in state.subsets] if state else None
    try:
        _original(self, doc)
    finally:
        _writing.tags = None


def _to_unicode(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap for a font subset, with characters beyond the BMP written as
    UTF-16 surrogate pairs (reportlab writes their code point in 5 hex digits, which readers
    take for another character: U+1F680 came out as U+1F68)."""
    pairs = []
    for i, v in enumerate(subset):
        if v > 0xFFFF:  # a surrogate pair (arithmetic: the utf-16 codec is one more import)
            units = f"{0xD800 + ((v - 0x10000) >> 10):04X}{0xDC00 + ((v - 0x10000) & 0x3FF):04X}"
        else:
            units = f"{max(v, 0):04X}"
        pairs.append(f"<{i:02X}> <{units}>")
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *pairs, "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end",
        "end",
    ])


def install() -> bool:
    """Tag subsets by their contents from now on (once per process); return whether it could."""
    import reportlab

    from docgen._compat.reportlab import TESTED

    if reportlab.Version not in TESTED:  # (not ``use_internals``: these change bytes, not speed)
        return False
    if getattr(_ttfonts.TTFont.addObjects, "__name__", "") != "_add_objects":
        _ttfonts.SUBSETN = _tag
        _ttfonts.TTFont.addObjects = _add_objects
        _ttfonts.makeToUnicodeCMap = _to_unicode
    return True
