"""Tiny pictures made in memory, so tests need no binary fixtures."""

from __future__ import annotations

import io


def png_bytes(width: int, height: int, colour: tuple[int, int, int] = (30, 60, 90)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()
