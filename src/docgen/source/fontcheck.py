"""Check a brand's TrueType file before any renderer parses it, in time and memory bounded by its
table directory.

reportlab and fontTools trust a font's tables: a truncated table ends in ``struct.error`` deep in
a render, ``unitsPerEm`` 0 in a division by zero, a ``maxp`` glyph count larger than ``loca`` or
``hmtx`` in reads past the end, and a cmap whose ranges cover a million code points (or overlap,
each segment up to 65,536) in seconds of work and hundreds of megabytes of dictionaries. Here
every table reportlab's ``TTFontFile.extractInfo`` reads (name, head, OS/2, post, hhea, maxp, cmap,
hmtx, loca, glyf) is checked for presence, version and size, the PostScript name for what reportlab
accepts, and the cmap it will pick for how many code points it maps, without expanding it.
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from docgen.infra.files import read_limited

if TYPE_CHECKING:
    from pathlib import Path

#: A font file larger than this is refused (the largest pan-Unicode TrueType fonts are ~25 MB).
MAX_FONT_BYTES = 32 * 1024 * 1024
#: Code points one cmap may map (a complete CJK font maps ~45,000; Unicode has ~150,000 in use).
MAX_CMAP_CHARS = 200_000
MAX_TABLES = 200
_REQUIRED = ("name", "head", "post", "hhea", "maxp", "cmap", "hmtx", "loca", "glyf")
_PS_FORBIDDEN = frozenset(b" [](){}<>/%")


class FontProblem(Exception):
    """Why a font file cannot be used, in words a brand owner can act on, and how to fix it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint or "use another .ttf file of the font, as its foundry publishes it"


def font_problem(path: Path) -> FontProblem | None:
    """Return why the font file at ``path`` cannot be used, or None when both reportlab (the PDF)
    and fontTools (the deck's measures, from the disk cache after the first time) read it."""
    try:
        check_font(read_limited(path, MAX_FONT_BYTES))
    except FontProblem as problem:
        return problem
    except OSError as exc:
        return FontProblem(f"cannot be read: {exc.strerror or exc}")
    from docgen.fonts.metrics import advance_widths

    try:
        advance_widths(path)
    except Exception as exc:  # fontTools raises many kinds of error for a damaged table
        return FontProblem(f"is damaged ({type(exc).__name__}: {exc})")
    return None


def check_font(data: bytes) -> None:
    """Raise :class:`FontProblem` unless ``data`` is a TrueType font reportlab and fontTools can
    read in full: every table they use present, inside the file and long enough."""
    if len(data) > MAX_FONT_BYTES:
        raise FontProblem(f"is larger than the {MAX_FONT_BYTES // 1048576} MB limit for a font")
    magic = data[:4]
    if magic == b"OTTO":
        raise FontProblem("has PostScript (CFF) outlines, which PDFs made by docgen cannot embed",
                          "use the TrueType (.ttf) version of the font")
    if magic not in (b"\x00\x01\x00\x00", b"true"):
        raise FontProblem("is not a TrueType font file")
    tables = _directory(data)
    missing = [tag for tag in _REQUIRED if tag not in tables]
    if missing:
        raise FontProblem(f"has no {', '.join(missing)} table{'s' if len(missing) > 1 else ''}")
    font = _Font(data, tables)
    _check_name(font)
    loc_format = _check_head(font)
    num_glyphs = font.u16("maxp", 4)
    h_metrics = _check_metrics(font, num_glyphs)
    _check_os2(font, num_glyphs)
    _check_cmap(font)
    font.need("hmtx", 4 * h_metrics + 2 * max(0, num_glyphs - h_metrics), f"{num_glyphs} glyphs")
    font.need("loca", (num_glyphs + 1) * (2 if loc_format == 0 else 4), f"{num_glyphs} glyphs")


class _Font:
    """Reads big-endian numbers inside one table, refusing any read past the table's end."""

    def __init__(self, data: bytes, tables: dict[str, tuple[int, int]]) -> None:
        self.data, self.tables = data, tables

    def need(self, tag: str, size: int, what: str = "") -> None:
        if self.tables[tag][1] < size:
            reason = f" for {what}" if what else ""
            raise FontProblem(f"has a {tag} table that is cut short ({self.tables[tag][1]} "
                              f"bytes; {size} needed{reason})")

    def unpack(self, tag: str, at: int, fmt: str) -> tuple[int, ...]:
        self.need(tag, at + struct.calcsize(fmt))
        return struct.unpack_from(fmt, self.data, self.tables[tag][0] + at)

    def u16(self, tag: str, at: int) -> int:
        return self.unpack(tag, at, ">H")[0]

    def u32(self, tag: str, at: int) -> int:
        return self.unpack(tag, at, ">L")[0]


def _directory(data: bytes) -> dict[str, tuple[int, int]]:
    """Return tag -> (offset, length) of every table, each checked to lie inside the file."""
    if len(data) < 12:
        raise FontProblem("is cut short (no table directory)")
    (count,) = struct.unpack_from(">H", data, 4)
    if count > MAX_TABLES or len(data) < 12 + 16 * count:
        raise FontProblem("has a damaged table directory")
    tables = {}
    for n in range(count):
        tag, _, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * n)
        name = tag.decode("latin-1")
        if offset + length > len(data):
            raise FontProblem(f"is cut short: its {name.strip()} table ends past the end of the file")
        tables[name] = (offset, length)
    return tables


def _check_name(font: _Font) -> None:
    """The PostScript name, chosen as reportlab chooses it, must exist and be printable ASCII."""
    if font.u16("name", 0) != 0:
        raise FontProblem("has a name table in a format reportlab cannot read")
    count, strings = font.u16("name", 2), font.u16("name", 4)
    font.need("name", 6 + 12 * count, f"{count} names")
    names: dict[int, bytes] = {}
    for n in range(count):
        platform, encoding, language, name_id, length, offset = font.unpack("name", 6 + 12 * n,
                                                                            ">6H")
        if name_id not in (1, 2, 3, 4, 6):
            continue
        codec = {(3, 1, 0x409): "utf-16-be", (1, 0, 0): "mac_roman"}.get(
            (platform, encoding, language))
        if codec == "utf-16-be" and length % 2:
            raise FontProblem("has a damaged name table (a name of odd UTF-16 length)")
        if codec is None or name_id in names:
            continue
        start = font.tables["name"][0] + strings + offset
        raw = font.data[start:start + length]
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        if text:
            names[name_id] = text.encode()
            if len(names) == 5:
                break
    ps_name = names.get(6) or names.get(4) or names.get(1)
    if not ps_name:
        raise FontProblem("has no PostScript name (name table entry 6)")
    if any(c > 126 or c in _PS_FORBIDDEN for c in ps_name.replace(b" ", b"-")):
        raise FontProblem("has a PostScript name with characters a PDF font name may not hold")


def _check_head(font: _Font) -> int:
    font.need("head", 54)
    major, magic, units = font.u16("head", 0), font.u32("head", 12), font.u16("head", 18)
    loc_format, glyph_format = font.u16("head", 50), font.u16("head", 52)
    if major != 1 or magic != 0x5F0F3CF5:
        raise FontProblem("has a damaged head table")
    if not 16 <= units <= 16384:
        raise FontProblem(f"has {units} units per em (a font has 16 to 16384)")
    if loc_format not in (0, 1) or glyph_format != 0:
        raise FontProblem("has a glyph format reportlab cannot read")
    return loc_format


def _check_metrics(font: _Font, num_glyphs: int) -> int:
    """Check post, hhea and maxp; return the number of full horizontal metrics."""
    font.need("post", 32)
    if font.u32("post", 0) not in (0x10000, 0x20000, 0x30000, 0x40000):
        raise FontProblem("has a post table of an unknown version")
    font.need("hhea", 36)
    if font.u16("hhea", 0) != 1 or font.u16("hhea", 32) != 0:
        raise FontProblem("has a hhea table of an unknown version")
    font.need("maxp", 32)
    if font.u16("maxp", 0) != 1:
        raise FontProblem("has a maxp table of a CFF font (use the TrueType version)")
    if num_glyphs == 0:
        raise FontProblem("has no glyphs")
    h_metrics = font.u16("hhea", 34)
    if h_metrics == 0:
        raise FontProblem("has no horizontal metrics")
    return h_metrics


def _check_os2(font: _Font, num_glyphs: int) -> None:
    if "OS/2" not in font.tables:
        return
    version = font.u16("OS/2", 0)
    font.need("OS/2", 90 if version > 1 else 72)
    fs_type = font.u16("OS/2", 8)
    if (fs_type == 0x0002 or fs_type & 0x0300) and num_glyphs > 0xFF:
        raise FontProblem("does not allow embedding or subsetting (its licence flags, OS/2 fsType)")


def _check_cmap(font: _Font) -> None:
    """Check the subtable reportlab picks, and count its code points without expanding it."""
    version, count = font.u16("cmap", 0), font.u16("cmap", 2)
    if count == 0 and version != 0:
        count = version
    font.need("cmap", 4 + 8 * count, f"{count} subtables")
    chosen, rank = None, 0
    for n in range(count):  # the same preference as reportlab's, the last match winning
        platform, encoding, offset = font.unpack("cmap", 4 + 8 * n, ">HHL")
        font.need("cmap", offset + 8, "a character map's header")
        font.need("cmap", offset + _subtable_length(font, offset), "a character map")
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            chosen, rank = offset, 1
        elif platform == 1 and encoding == 0 and rank != 1:
            chosen, rank = offset, 2
    if chosen is None:
        raise FontProblem("has no Unicode character map (cmap)")
    fmt = font.u16("cmap", chosen)
    mapped = _cmap_size(font, chosen, fmt, _subtable_length(font, chosen))
    if mapped > MAX_CMAP_CHARS:
        raise FontProblem(f"maps {mapped:,} characters; docgen reads at most {MAX_CMAP_CHARS:,}")


def _subtable_length(font: _Font, at: int) -> int:
    fmt = font.u16("cmap", at)
    if fmt in (8, 10, 12, 13):
        return font.u32("cmap", at + 4)
    return font.u32("cmap", at + 2) if fmt == 14 else font.u16("cmap", at + 2)


def _cmap_size(font: _Font, at: int, fmt: int, length: int) -> int:
    """Return how many code points reportlab will map from the subtable at ``at``."""
    if fmt == 0:
        if length < 6:
            raise FontProblem("has a damaged character map")
        return min(256, length - 6)
    if fmt == 4:
        segments = font.u16("cmap", at + 6) // 2
        font.need("cmap", at + 16 + 8 * segments, f"{segments} character ranges")
        ends = font.unpack("cmap", at + 14, f">{segments}H")
        starts = font.unpack("cmap", at + 16 + 2 * segments, f">{segments}H")
        return sum(max(0, end - start + 1) for start, end in zip(starts, ends, strict=True))
    if fmt in (6, 10):
        count = font.u16("cmap", at + 8) if fmt == 6 else font.u32("cmap", at + 16)
        first = 10 if fmt == 6 else 20
        font.need("cmap", at + first + 2 * count, f"{count} characters")
        return count
    if fmt in (12, 13):
        groups = font.u32("cmap", at + 12)
        if groups > MAX_CMAP_CHARS:
            raise FontProblem(f"has {groups:,} character ranges; docgen reads at most "
                              f"{MAX_CMAP_CHARS:,} characters")
        font.need("cmap", at + 16 + 12 * groups, f"{groups} character ranges")
        total = 0
        for n in range(groups):
            start, end = font.unpack("cmap", at + 16 + 12 * n, ">LL")
            total += max(0, end - start + 1)
            if total > MAX_CMAP_CHARS:
                break
        return total
    if fmt == 2:
        raise FontProblem("has a legacy double-byte character map (cmap format 2)",
                          "use a font with a Unicode character map")
    raise FontProblem(f"has a character map in format {fmt}, which reportlab cannot read")
