"""The .pptx file: core properties, then every part and its relationships zipped in a fixed order.

The members and their bytes are what ``prs.save`` writes (``tests/bench/test_deck_linear.py``
compares with python-pptx's own path byte for byte), re-zipped with fixed timestamps and order so
the same source gives the same bytes. python-pptx decides what goes in (which parts, which content
type for each); the XML of the .rels files and of ``[Content_Types].xml`` is written here as text.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
import zlib
from typing import Any

from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.serialized import _ContentTypesItem
from pptx.presentation import Presentation as PresentationT

from docgen.render.deck.plan_types import DeckPlan

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_SMALL = zipfile.ZIP64_LIMIT // 2  # members and offsets below it need no zip64 fields
_DECL = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>docgen</Application><PresentationFormat>Widescreen</PresentationFormat>\
<Slides>{slides}</Slides><Notes>{notes}</Notes></Properties>"""
_TYPES_OPEN = f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
_RELS_OPEN = f'{_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
#: Relationship elements already written, by (rId, type, target, external): most slides and notes
#: point at the same layout, logo and notes master under the same rIds. Cleared when full.
_RELS_SEEN: dict[tuple[str, str, str, bool], str] = {}
_RELS_MAX = 1 << 12
_CTRL = re.compile(r"([\x00-\x08\x0B-\x1F])")


def xml_attr(text: str) -> str:
    """Escape an attribute value as lxml does."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\n", "&#10;").replace("\t", "&#9;").replace("\r", "&#13;"))


def xml_text(text: str) -> str:
    """Escape element text as lxml does; control characters as OOXML's ``_xHHHH_``."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _CTRL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", text)


def set_core(prs: PresentationT, plan: DeckPlan, when: _dt.datetime) -> None:
    cp = prs.core_properties
    stamp = when.replace(tzinfo=None)
    cp.title, cp.author, cp.subject = _clip(plan.title), _clip(plan.author), _clip(plan.subject)
    cp.keywords, cp.language = _clip(plan.keywords), plan.language
    cp.last_modified_by, cp.revision = _clip(plan.author), 1
    cp.created = cp.modified = stamp
    cp.category = cp.comments = cp.content_status = cp.identifier = cp.version = ""
    cp.last_printed = stamp


def _clip(value: str, limit: int = 255) -> str:
    """Core properties hold at most 255 characters (python-pptx enforces it)."""
    value = value.strip()
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def zip_package(prs: PresentationT, plan: DeckPlan) -> bytes:
    """Zip the package as ``prs.save`` would, in one pass, with fixed timestamps and order.

    Why not ``prs.save`` and re-zip: that compressed every part twice and serialized each .rels
    file through lxml element by element (python-pptx's ``_Relationships.xml``), about half of the
    time of a 2,000-slide deck. The members are the same: ``[Content_Types].xml`` first, then every
    part and its .rels, sorted by name.
    """
    package: Any = prs.part.package
    _drop_thumbnail(package)
    parts = list(package.iter_parts())
    files = {"[Content_Types].xml": _content_types(parts), "_rels/.rels": _rels_xml(package._rels)}
    for part in parts:
        files[part.partname.membername] = part.blob
        if part._rels:
            files[part.partname.rels_uri.membername] = _rels_xml(part._rels)
    notes = sum(1 for s in plan.slides if s.notes)  # the template's app.xml describes another deck
    if "docProps/app.xml" in files:
        files["docProps/app.xml"] = _APP.format(slides=len(plan.slides), notes=notes).encode()
    names = sorted(files, key=lambda n: (n != "[Content_Types].xml", n))
    return _zip([(name, files[name]) for name in names])


_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def _drop_thumbnail(package: Any) -> None:
    """Drop the template's preview picture (python-pptx's default is a generic 4:3 image, which
    file browsers would show for every deck); PowerPoint makes a real one when it saves."""
    for r_id, rel in list(package._rels.items()):
        if rel.reltype == _THUMBNAIL:
            package.drop_rel(r_id)


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    """The bytes ``ZipFile.writestr`` makes for ``members`` (deflated, fixed time, mode 644).

    Why not ``writestr`` per member: for 10,000 small members its bookkeeping (a writer object,
    the header written twice, a seek back) cost as much as the compression. Each member is deflated
    as ``zipfile`` does (a fresh raw-deflate object at the default level, then ``flush``) and its
    local header is ``ZipInfo.FileHeader``; ``ZipFile.close`` writes the central directory. A
    member large enough for zip64 goes through ``writestr`` (``tests/render/deck`` compares both).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            if len(data) * 1.05 > _SMALL or out.tell() > _SMALL:
                dst.writestr(info, data)
                continue
            packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
            packed = packer.compress(data) + packer.flush()
            info.file_size, info.compress_size, info.CRC = len(data), len(packed), zlib.crc32(data)
            info.header_offset = out.tell()
            out.write(info.FileHeader(False))
            out.write(packed)
            dst.filelist.append(info)
            dst.NameToInfo[name] = info
            dst.start_dir = out.tell()
            dst._didModify = True
    return out.getvalue()


def _content_types(parts: list[Any]) -> bytes:
    """``[Content_Types].xml`` as python-pptx serializes it, from python-pptx's own choice of types.

    Why as text: python-pptx builds an lxml element per part through its validating attribute
    setters (a tenth of a second for 5,000 parts) only to serialize them.
    """
    defaults, overrides = _ContentTypesItem(parts)._defaults_and_overrides
    out = [_TYPES_OPEN]
    for ext, content_type in sorted(defaults.items()):
        out.append(f'<Default Extension="{xml_attr(ext)}" ContentType="{xml_attr(content_type)}"/>')
    for partname, content_type in sorted(overrides.items()):
        out.append(f'<Override PartName="{xml_attr(partname)}" ContentType="{xml_attr(content_type)}"/>')
    out.append("</Types>")
    return "".join(out).encode()


def _rels_xml(rels: Any) -> bytes:
    """The bytes ``_Relationships.xml`` returns (same order, attributes and escaping), as a string.

    Reads the relationship objects' fields directly: their public properties are python-pptx lazy
    properties, a Python call each, several per relationship and 16,000 relationships in a long deck.
    """
    by_id = rels._rels
    base = rels._base_uri
    keys = sorted((int(r[3:]) if r.startswith("rId") and r[3:].isdigit() else 0, r) for r in by_id)
    out = [_RELS_OPEN]
    for _, rid in keys:
        rel = by_id[rid]
        external = rel._target_mode == RTM.EXTERNAL
        target = rel._target if external else _relative(rel._target.partname, base)
        key = (rid, rel._reltype, target, external)
        xml = _RELS_SEEN.get(key)
        if xml is None:
            if len(_RELS_SEEN) >= _RELS_MAX:
                _RELS_SEEN.clear()
            mode = ' TargetMode="External"' if external else ""
            xml = _RELS_SEEN[key] = (f'<Relationship Id="{xml_attr(rid)}" Type="{xml_attr(rel._reltype)}" '
                                     f'Target="{xml_attr(target)}"{mode}/>')
        out.append(xml)
    out.append("</Relationships>")
    return "".join(out).encode()


def _relative(partname: str, base: str) -> str:
    """``PackURI.relative_ref`` without ``posixpath.relpath`` (which stats nothing but is slow).

    Both are absolute, normalized pack URIs, so the relative path is the part after the common
    folders, climbing ``..`` once for each remaining folder of ``base``.
    """
    if base == "/":
        return partname[1:]
    target, start = partname.split("/")[1:], base.split("/")[1:]
    common = 0
    while common < min(len(start), len(target) - 1) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:])
