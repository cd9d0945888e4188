"""Colour emoji: the picture a colour bitmap font holds for an emoji, when the machine has one.

reportlab embeds outline glyphs only, so the handout draws every emoji from the monochrome Noto
Emoji docgen ships. When fontconfig finds a colour font with PNG strikes (CBDT: Noto Color Emoji,
Debian's fonts-noto-color-emoji, OFL), the handout lays that PNG over the outline glyph, which it
then draws invisibly: the page shows the colour picture, and copying or extracting the text still
gives the emoji character. A machine without such a font gets the outlines.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Picture:
    """An emoji's PNG and its geometry in pixels: width, height, and how far it hangs below the
    baseline, at ``ppem`` pixels per em."""

    png: bytes
    width: int
    height: int
    below: int
    ppem: int


def picture(ch: str) -> Picture | None:
    """Return the colour picture of the emoji ``ch``, or None (no colour font, or not in it)."""
    font = _font()
    if font is None:
        return None
    return _picture(font, ord(ch))


@cache
def _picture(font: Any, cp: int) -> Picture | None:
    glyph = (font.getBestCmap() or {}).get(cp)
    if glyph is None:
        return None
    try:
        strike = font["CBDT"].strikeData[0]
        ppem = font["CBLC"].strikes[0].bitmapSizeTable.ppemY
        bitmap = strike.get(glyph)
        if bitmap is None:
            return None
        data = bytes(bitmap.imageData)
        metrics = bitmap.metrics
        if not data.startswith(b"\x89PNG"):
            return None
        return Picture(data, metrics.width, metrics.height, metrics.height - metrics.BearingY, ppem)
    except (KeyError, AttributeError, IndexError, ValueError):
        return None


@cache
def _font() -> Any:
    """Return the machine's colour bitmap emoji font (fontTools, lazily read), or None."""
    if os.environ.get("DOCGEN_COLOUR_EMOJI", "1") == "0":
        return None
    path = _colour_font_file()
    if path is None:
        return None
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(str(path), lazy=True)
        return font if "CBDT" in font and "CBLC" in font else None
    except Exception:  # an unreadable font is no colour font
        return None


def _colour_font_file() -> Path | None:
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run([fc_list, ":color=true:charset=1f600", "--format", "%{file}\n"],
                             capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(Path(line) for line in out.splitlines() if line.lower().endswith(".ttf"))
    return files[0] if files else None
