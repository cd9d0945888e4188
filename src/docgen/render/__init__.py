"""Renderers: each turns a :class:`~docgen.model.Document` into the bytes of one artifact.

Renderers return bytes rather than writing files, so the build layer can write atomically, hash the
result for the manifest, and leave the previous artifact untouched when anything fails.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field

from docgen.errors import Problem
from docgen.model import Document

_FALLBACK_EPOCH = _dt.datetime(2000, 1, 1, tzinfo=_dt.UTC)


@dataclass(frozen=True)
class Rendered:
    """An artifact's bytes, its size in pages or slides, and what the renderer had to warn about."""

    data: bytes
    units: int
    unit_name: str
    warnings: list[Problem] = field(default_factory=list)


def build_time(doc: Document) -> _dt.datetime:
    """Return the timestamp to stamp into artifacts, so the same source gives the same bytes.

    ``SOURCE_DATE_EPOCH`` wins (the reproducible-builds convention); otherwise the article's date at
    midnight UTC; otherwise a fixed date. Never the wall clock.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC)
    if doc.date is not None:
        return _dt.datetime.combine(doc.date, _dt.time(), tzinfo=_dt.UTC)
    return _FALLBACK_EPOCH


MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def format_date(date: _dt.date, language: str) -> str:
    """Return the date as both renderers print it: "November 27, 2026" in English, else ISO 8601."""
    if language.lower().startswith("en"):
        return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"
    return date.isoformat()
