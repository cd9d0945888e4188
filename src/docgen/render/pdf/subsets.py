"""Font subset tags that differ between subsets: six capital letters from a hash of each subset.

reportlab tags every subset it embeds ``AAAAAA+`` (then ``AAAAAB+`` for a font's second subset of
256 characters). ISO 32000-1 (9.6.4) asks for a tag that differs between different subsets of a
file: two handouts merged into one PDF would otherwise hold two different "AAAAAA+Carlito", and a
merging tool may keep one for both. reportlab names the tag with its module function ``SUBSETN``
from the subset's number only, so the font's ``addObjects`` is wrapped to hand it the tags of the
font being written (thread-local: builds may run in threads).
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


if getattr(_ttfonts.TTFont.addObjects, "__name__", "") != "_add_objects":  # once per process
    _ttfonts.SUBSETN = _tag
    _ttfonts.TTFont.addObjects = _add_objects
