"""Advance widths by code point of a TrueType file: what the deck measures with and what the
PDF checks glyph coverage against.

fontTools is imported only when the disk cache (:mod:`docgen.infra.diskcache`) has no entry for the
file, so a build with known fonts never pays for it.
"""

from __future__ import annotations

import io
import logging
from functools import cache
from pathlib import Path
from typing import Any

from docgen.infra.diskcache import cached

#: Bump when what :func:`_parse` returns changes.
VERSION = "1"


@cache
def advance_widths(path: Path) -> tuple[dict[int, int], int]:
    """Return ``({code point: advance in font units}, units per em)`` for a TrueType file.

    Code points come from the font's best cmap (what a viewer uses to find glyphs). Loaded once
    per process.
    """
    facts, _ = cached("widths", VERSION, path, _parse, _valid)
    return facts["widths"], facts["units_per_em"]


def _parse(data: bytes) -> dict[str, Any]:
    from fontTools.ttLib import TTFont

    # fontTools logs what it finds odd straight to stderr (the shipped fonts' zero 'created' date,
    # "huge advance width" with the glyph's name: text from the input, unescaped); docgen checks
    # fonts itself (docgen.source.fontcheck) and reports in its own words.
    logging.getLogger("fontTools").setLevel(logging.CRITICAL + 1)
    with TTFont(io.BytesIO(data), lazy=True) as font:
        hmtx = font["hmtx"].metrics
        cmap = font.getBestCmap() or {}
        widths = {cp: hmtx[name][0] for cp, name in cmap.items() if name in hmtx}
        return {"widths": widths, "units_per_em": int(font["head"].unitsPerEm)}


def _valid(facts: Any) -> bool:
    return (isinstance(facts, dict) and isinstance(facts.get("widths"), dict)
            and isinstance(facts.get("units_per_em"), int) and facts["units_per_em"] > 0)
