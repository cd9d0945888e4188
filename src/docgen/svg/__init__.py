"""SVG read safely: what the renderers get is a checked, self-contained copy of the file.

An SVG logo comes from a brand file that may arrive in a pull request, so it is hostile until read:
it is parsed with the standard library's expat with every external entity refused and internal
ones kept short and flat (no "billion laughs"; Illustrator declares a few), bounded in bytes,
elements and depth. Scripts, ``foreignObject`` and event attributes are dropped, and so is every
reference that leaves the file (``href`` to another file or a URL, CSS ``@import`` and ``url()``):
only ``#fragment`` and embedded PNG or JPEG data stay. Both renderers draw the cleaned bytes:
svglib in the PDF (as vector graphics), resvg for the deck's PNG copy.
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_SVG_BYTES = 5 * 1024 * 1024
MAX_ELEMENTS = 100_000
MAX_DEPTH = 200
MAX_ENTITIES = 64
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_DROP = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video", "handler",
         "listener"}
_KEEP_REF = re.compile(r"\s*(#|data:image/(png|jpe?g);base64,)", re.I)
_CSS_IMPORT = re.compile(r"@import[^;]*;?", re.I)
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(?!\s*#)[^)]*\)", re.I)
_UNITS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54,
          "in": 96.0, "em": 16.0, "ex": 8.0}


class SvgError(ValueError):
    """The file is not an SVG docgen will draw; the message completes "the logo 'x.svg' ..."."""


class CleanSvg:
    """A checked SVG: its cleaned bytes, its size in CSS pixels, and what was removed."""

    def __init__(self, data: bytes, width: float, height: float, removed: list[str],
                 has_text: bool) -> None:
        self.data, self.width, self.height = data, width, height
        self.removed, self.has_text = removed, has_text


def _parse(raw: bytes) -> object:
    import xml.etree.ElementTree as ET  # stdlib expat: no network, no DTD loading

    entities = 0

    def entity(name: str, is_param: int, value: str | None, base: object, system_id: str | None,
               public_id: str | None, notation: str | None) -> None:
        nonlocal entities
        entities += 1
        if is_param or system_id or public_id or notation:
            raise SvgError("declares an external entity, which docgen refuses")
        if entities > MAX_ENTITIES or value is None or "&" in value or len(value) > 2000:
            raise SvgError("declares entities docgen refuses (nested, long or too many)")

    def refuse_external(*_: object) -> int:
        raise SvgError("refers to an external entity, which docgen refuses")

    import xml.parsers.expat as expat

    builder = ET.TreeBuilder()

    def name(raw_name: str) -> str:
        uri, _, local = raw_name.rpartition(" ")
        return f"{{{uri}}}{local}" if uri else local

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = lambda *a: refuse_external()
    parser.ExternalEntityRefHandler = refuse_external
    parser.StartElementHandler = lambda tag, attrs: builder.start(
        name(tag), {name(k): v for k, v in attrs.items()})
    parser.EndElementHandler = lambda tag: builder.end(name(tag))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(raw, True)
        return builder.close()
    except SvgError:
        raise
    except (expat.ExpatError, ValueError) as exc:
        raise SvgError(f"is not a well-formed SVG file ({exc})") from None


def _length(value: str | None) -> float | None:
    if not value:
        return None
    found = re.fullmatch(r"\s*([0-9.]+(?:e[+-]?\d+)?)\s*([a-z]*)\s*", value, re.I)
    if not found or found.group(2).lower() not in _UNITS:
        return None
    try:
        return float(found.group(1)) * _UNITS[found.group(2).lower()]
    except ValueError:
        return None


def clean_svg(raw: bytes) -> CleanSvg:
    """Return the checked, self-contained copy of an SVG file's bytes; raise :class:`SvgError`."""
    import xml.etree.ElementTree as ET

    if len(raw) > MAX_SVG_BYTES:
        raise SvgError(f"is {len(raw) / 1048576:.1f} MB; SVG files may be at most "
                       f"{MAX_SVG_BYTES // 1048576} MB")
    if raw[:2] == b"\x1f\x8b":
        raise SvgError("is compressed (.svgz); save it as a plain .svg file")
    root: ET.Element = _parse(raw)  # type: ignore[assignment]
    if root.tag != f"{{{SVG_NS}}}svg":
        raise SvgError("is not an SVG file (its root element is not <svg> in the SVG namespace)")
    removed: list[str] = []
    count, has_text = 0, False
    stack: list[tuple[ET.Element, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_ELEMENTS or depth > MAX_DEPTH:
            raise SvgError(f"has more than {MAX_ELEMENTS:,} elements or nests deeper than "
                           f"{MAX_DEPTH}; simplify it (or export it again)")
        for child in list(node):
            local = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if local in _DROP:
                node.remove(child)
                removed.append(f"<{local}>")
            else:
                has_text = has_text or local in ("text", "tspan", "textPath")
                stack.append((child, depth + 1))
        for name in list(node.attrib):
            value = node.attrib[name]
            local = name.rsplit("}", 1)[-1]
            if local.lower().startswith("on"):
                del node.attrib[name]
                removed.append(f"the {local} attribute")
            elif local == "href" and not _KEEP_REF.match(value):
                del node.attrib[name]
                removed.append(f"the reference to {value[:60]!r}")
            elif local == "style" and ("url(" in value.lower() or "@import" in value.lower()):
                node.attrib[name] = _CSS_URL.sub("none", _CSS_IMPORT.sub("", value))
        if isinstance(node.tag, str) and node.tag.endswith("}style") and node.text:
            text = _CSS_URL.sub("none", _CSS_IMPORT.sub("", node.text))
            if text != node.text:
                removed.append("a stylesheet's external references")
                node.text = text
    width, height = _size(root)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return CleanSvg(data, width, height, removed, has_text)


def _size(root: object) -> tuple[float, float]:
    """Return the drawing's size in CSS pixels: width/height, else the viewBox."""
    attrib: dict[str, str] = root.attrib  # type: ignore[attr-defined]
    box = None
    if attrib.get("viewBox"):
        parts = re.split(r"[\s,]+", attrib["viewBox"].strip())
        try:
            box = [float(p) for p in parts]
        except ValueError:
            box = None
        if box is not None and (len(box) != 4 or box[2] <= 0 or box[3] <= 0):
            box = None
    width, height = _length(attrib.get("width")), _length(attrib.get("height"))
    if width and height:
        return width, height
    if box is not None:
        if width:
            return width, width * box[3] / box[2]
        if height:
            return height * box[2] / box[3], height
        return box[2], box[3]
    raise SvgError("has no size: give the <svg> element a viewBox (or width and height)")


def read_svg(path: Path) -> CleanSvg:
    """Return the checked copy of the SVG file at ``path``; raise :class:`SvgError`."""
    size = path.stat().st_size
    if size > MAX_SVG_BYTES:
        raise SvgError(f"is {size / 1048576:.1f} MB; SVG files may be at most "
                       f"{MAX_SVG_BYTES // 1048576} MB")
    return clean_svg(path.read_bytes())
