"""Write a package: parts, their relationships and content types, zipped in a fixed order.

docgen writes every byte of the output archive itself, so what goes in is exactly what the deck
writer added (no part graph of a library's, no private API to keep in step with), and the same
parts give the same bytes: ``[Content_Types].xml`` first, then the members sorted by name, each
dated 1980-01-01 and deflated at zlib's default level.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

from docgen.infra.xmlescape import escape_attribute as xml_attr  # also used by writer.py
from docgen.render.deck.opc import names as n

_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_TYPES_OPEN = f'{_DECL}<Types xmlns="{n.CT_NS}">'
_RELS_OPEN = f'{_DECL}<Relationships xmlns="{n.PKG_RELS}">'


@dataclass(frozen=True, slots=True)
class Relationship:
    """One relationship of a part: an internal target is an absolute part name."""

    rid: str
    reltype: str
    target: str
    external: bool = False


@dataclass(frozen=True, slots=True)
class Packed:
    """A member's bytes deflated as it is added: a deck of 20,000 slides holds its parts in a
    seventh of the memory until the archive is written."""

    data: bytes
    crc: int
    size: int

    @classmethod
    def of(cls, data: bytes) -> Packed:
        packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        return cls(packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))

    def unpacked(self) -> bytes:
        return zlib.decompress(self.data, -15)


class PackageWriter:
    """Collects parts (name, content type, bytes, relationships), then zips them in one pass."""

    def __init__(self) -> None:
        self.parts: dict[str, tuple[str, Packed]] = {}
        self.rels: dict[str, list[Relationship]] = {}
        self._rel_xml: dict[tuple[str, str, str, bool], str] = {}

    def add(self, name: str, content_type: str, data: bytes,
            rels: list[Relationship] | tuple[Relationship, ...] = ()) -> None:
        """Add the part ``name`` ("/ppt/slides/slide1.xml"); a name already added is an error."""
        if name in self.parts:
            raise ValueError(f"part {name} added twice")
        self.parts[name] = (content_type, Packed.of(data))
        if rels:
            self.rels[name] = list(rels)

    def relate_package(self, rels: list[Relationship]) -> None:
        """Set the package's own relationships (``_rels/.rels``)."""
        self.rels["/"] = list(rels)

    def to_bytes(self) -> bytes:
        """Return the zipped package."""
        files: dict[str, bytes | Packed] = {"[Content_Types].xml": self._content_types()}
        for name, (_, data) in self.parts.items():
            files[name[1:]] = data
        for source, rels in self.rels.items():
            member = "_rels/.rels" if source == "/" else n.rels_name(source)[1:]
            files[member] = self._rels_xml(source, rels)
        order = sorted(files, key=lambda m: (m != "[Content_Types].xml", m))
        return zip_members([(m, files[m]) for m in order])

    def _content_types(self) -> bytes:
        defaults = {"rels": n.CT_RELS, "xml": "application/xml"}
        overrides = {}
        for name, (ctype, _) in self.parts.items():
            ext = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
            if ext and ext != "xml" and defaults.get(ext, ctype) == ctype:
                defaults[ext] = ctype
            else:
                overrides[name] = ctype
        out = [_TYPES_OPEN]
        out += [f'<Default Extension="{xml_attr(e)}" ContentType="{xml_attr(c)}"/>'
                for e, c in sorted(defaults.items())]
        out += [f'<Override PartName="{xml_attr(p)}" ContentType="{xml_attr(c)}"/>'
                for p, c in sorted(overrides.items())]
        out.append("</Types>")
        return "".join(out).encode()

    def _rels_xml(self, source: str, rels: list[Relationship]) -> bytes:
        """The .rels part; each relationship element is made once (most slides share theirs)."""
        base = "/.rels" if source == "/" else source
        out = [_RELS_OPEN]
        for rel in rels:
            target = rel.target if rel.external else n.relative(rel.target, base)
            key = (rel.rid, rel.reltype, target, rel.external)
            xml = self._rel_xml.get(key)
            if xml is None:
                mode = ' TargetMode="External"' if rel.external else ""
                xml = self._rel_xml[key] = (f'<Relationship Id="{xml_attr(rel.rid)}" Type='
                                            f'"{xml_attr(rel.reltype)}" Target="{xml_attr(target)}"{mode}/>')
            out.append(xml)
        out.append("</Relationships>")
        return "".join(out).encode()


_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_LIMIT = 0xFFFFFFFF


def zip_members(members: list[tuple[str, bytes | Packed]]) -> bytes:
    """Return a zip of ``members`` in the given order: deflated, dated 1980-01-01, mode 644.

    Written directly (headers with ``struct``): for 10,000 small members ``ZipFile.writestr``'s
    bookkeeping cost as much as the compression. An archive that needs zip64 (a member or offset
    past 4 GB, 65,535 members) goes through ``zipfile`` instead.
    """
    out = io.BytesIO()
    central = []
    for name, data in members:
        raw = name.encode("utf-8")
        flags = 0 if raw.isascii() else 0x800
        member = data if isinstance(data, Packed) else Packed.of(data)
        offset = out.tell()
        if member.size >= _LIMIT or offset + len(member.data) >= _LIMIT or len(members) >= 0xFFFF:
            return _zip_with_zipfile(members)
        out.write(_LOCAL.pack(0x04034B50, 20, flags, 8, 0, _DOS_DATE, member.crc, len(member.data),
                              member.size, len(raw), 0))
        out.write(raw)
        out.write(member.data)
        central.append(_CENTRAL.pack(0x02014B50, (3 << 8) | 20, 20, flags, 8, 0, _DOS_DATE,
                                     member.crc, len(member.data), member.size, len(raw), 0, 0, 0,
                                     0, 0o644 << 16, offset) + raw)
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(_END.pack(0x06054B50, 0, 0, len(central), len(central), len(directory), start, 0))
    return out.getvalue()


def _zip_with_zipfile(members: list[tuple[str, bytes | Packed]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as dst:
        for name, data in members:
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data.unpacked() if isinstance(data, Packed) else data)
    return out.getvalue()
