"""Bounds on a template's zip, checked from its directory before any member is inflated.

A 1.6 MB template can hold a 1.5 GB member (a zip bomb) or 5,000 layouts; without bounds docgen
spent 15 s and 3 GB on the first and printed a 59 KB error for the second. The figures are far
above real corporate templates (the largest of the real ones in ``tests/fixtures/templates`` has
under 200 members, 60 layouts and 15 MB inflated) and far below what hurts a CI runner.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docgen.render.deck.opc.xmlsafe import PackageError, shown

MAX_MEMBERS = 3000
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # inflated, one member (a large background photo fits)
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # inflated, all members together
MAX_RATIO = 100  # inflated : deflated, for members over RATIO_FLOOR (XML deflates ~10:1)
RATIO_FLOOR = 1024 * 1024
MAX_LAYOUTS = 256
MAX_MASTERS = 32


def _mb(size: int) -> str:
    return f"{size / 2**20:,.{0 if size >= 10 * 2**20 else 2}f} MB"


class Archive:
    """A template's zip, bounded: members are read whole, by part name, at most once each."""

    def __init__(self, source: Path | bytes) -> None:
        raw = source if isinstance(source, bytes) else Path(source).read_bytes()
        if raw.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE compound file: encrypted, or a .ppt
            raise PackageError("it is password-protected or an old .ppt file (save it from "
                               "PowerPoint without a password, as a .pptx)")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(raw))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise PackageError(f"it is not a PowerPoint file (not a zip archive: {shown(str(exc))})"
                               ) from None
        if len(infos) > MAX_MEMBERS:
            raise PackageError(f"it has {len(infos):,} files inside; docgen reads at most {MAX_MEMBERS:,}")
        self.members: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            key = info.filename.lower()
            if key in self.members:
                raise PackageError(f"it holds two files named {shown(info.filename)}")
            self.members[key] = info
            size = info.file_size
            if size > MAX_MEMBER_BYTES:
                raise PackageError(f"{shown(info.filename)} inflates to {_mb(size)}; "
                                   f"docgen reads members up to {_mb(MAX_MEMBER_BYTES)}")
            if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
                ratio = size // max(info.compress_size, 1)
                raise PackageError(f"{shown(info.filename)} is compressed {ratio:,} to 1 (a zip bomb?); "
                                   f"docgen accepts at most {MAX_RATIO} to 1")
            total += size
        if total > MAX_TOTAL_BYTES:
            raise PackageError(f"it inflates to {_mb(total)}; docgen reads templates up to "
                               f"{_mb(MAX_TOTAL_BYTES)}")

    def has(self, partname: str) -> bool:
        return partname.lstrip("/").lower() in self.members

    def read(self, partname: str) -> bytes:
        """Return the bytes of ``partname`` ("/ppt/x.xml"); the zip's sizes bound what inflates."""
        info = self.members.get(partname.lstrip("/").lower())
        if info is None:
            raise PackageError(f"it is damaged: {shown(partname.lstrip('/'))} is missing")
        try:
            with self.zip.open(info) as f:  # reads at most info.file_size bytes, checks the CRC
                return f.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise PackageError(f"it is damaged: {shown(partname.lstrip('/'))} cannot be read "
                               f"({shown(str(exc))})") from None
