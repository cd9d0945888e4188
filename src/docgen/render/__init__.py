"""Renderers: each turns a :class:`~docgen.model.Document` into the bytes of one artifact.

Renderers return bytes rather than writing files, so the build layer can write atomically, hash the
result for the manifest, and leave the previous artifact untouched when anything fails.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from docgen.errors import DocgenError, Location, Problem
from docgen.model import Document, Image

_FALLBACK_EPOCH = _dt.datetime(2000, 1, 1, tzinfo=_dt.UTC)


@dataclass(frozen=True)
class Rendered:
    """An artifact's bytes, its size in pages or slides, and what the renderer had to warn about."""

    data: bytes
    units: int
    unit_name: str
    warnings: list[Problem] = field(default_factory=list)


#: 9999-12-31 23:59:59 UTC: the last second a PDF date (and Python's datetime) can hold.
MAX_EPOCH = 253_402_300_799


def source_date_epoch() -> int | None:
    """Return ``SOURCE_DATE_EPOCH`` as seconds, or None when it is unset or empty; raise a clear
    DocgenError naming it when it is not a whole number of seconds (reportlab would otherwise fail
    on it with an internal error: it reads the variable itself)."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "")
    value = raw.strip()
    if not value:
        return None
    if value.isascii() and value.isdigit() and int(value) <= MAX_EPOCH:
        return int(value)
    what = ("is after the year 9999" if value.isascii() and value.isdigit()
            else "is not a whole number of seconds since 1970-01-01 UTC")
    raise DocgenError(Problem(
        f"'{raw}' {what}", Location("SOURCE_DATE_EPOCH"),
        "set it to the last commit's time, SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it"))


def build_time(doc: Document) -> _dt.datetime:
    """Return the timestamp to stamp into artifacts, so the same source gives the same bytes.

    ``SOURCE_DATE_EPOCH`` wins (the reproducible-builds convention); otherwise the article's date at
    midnight UTC; otherwise a fixed date. Never the wall clock.
    """
    epoch = source_date_epoch()
    if epoch is not None:
        return _dt.datetime.fromtimestamp(epoch, tz=_dt.UTC)
    if doc.date is not None:
        return _dt.datetime.combine(doc.date, _dt.time(), tzinfo=_dt.UTC)
    return _FALLBACK_EPOCH


def picture(img: Image) -> tuple[bytes, int, int]:
    """Return a picture's bytes and its width and height in pixels, as the loader read them.

    A model built in code (tests, library callers) may leave them out; then the file is read here,
    and a missing or unreadable file is a located error.
    """
    if img.data and img.width_px > 0 and img.height_px > 0:
        return img.data, img.width_px, img.height_px
    import io

    from PIL import Image as PILImage

    try:
        data = img.data or img.path.read_bytes()
        with PILImage.open(io.BytesIO(data)) as opened:
            width, height = opened.size
    except FileNotFoundError:
        raise DocgenError(Problem(f"the image {img.path.name} does not exist", img.location)) from None
    except Exception as exc:  # Pillow raises many types for a bad file
        raise DocgenError(Problem(f"cannot read the image {img.path.name}: {exc}",
                                  img.location)) from exc
    return data, width, height


MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def format_date(date: _dt.date, language: str) -> str:
    """Return the date as both renderers print it: "November 27, 2026" in English, else ISO 8601."""
    if language.lower().startswith("en"):
        return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"
    return date.isoformat()


def document_text(doc: Document) -> str:
    """Return every character of text in ``doc`` (each once), for choosing fonts before layout."""
    seen: set[str] = set()
    stack: list[object] = [doc]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            seen.update(value)
        elif isinstance(value, (tuple, list)):
            stack.extend(value)
        elif hasattr(value, "__dataclass_fields__"):
            stack.extend(getattr(value, name) for name in value.__dataclass_fields__)
    return "".join(sorted(seen))


def locator(doc: Document) -> Callable[[Location | None, str], Location | None]:
    """Return a function that finds a character in the source at or after a block's location.

    The model keeps one location per block (where its value starts); a problem with one character
    (one no font can draw) is reported at that character's own line and column.
    """
    lines: list[str] = []

    def locate(where: Location | None, ch: str) -> Location | None:
        if where is None or where.line <= 0 or not ch:
            return where
        if not lines:
            try:
                lines.extend(doc.source.read_text(encoding="utf-8-sig").splitlines())
            except (OSError, UnicodeDecodeError):
                return where
        col = max(where.column - 1, 0)
        for n in range(where.line - 1, len(lines)):
            found = lines[n].find(ch, col if n == where.line - 1 else 0)
            if found >= 0:
                return Location(where.path, n + 1, found + 1)
        return where

    return locate
