"""XML from a template, parsed as untrusted data: no DTD, no entities, no network, no huge trees.

A template is a file from outside (a designer's, or a pull request's): its XML parts may carry a
DTD with entities (XXE: a local file or a URL pulled into the text, or a billion laughs), or be
deep or huge enough to exhaust memory. Every part docgen reads goes through :func:`parse`, which
refuses a document type declaration outright and lets libxml2 resolve nothing.
"""

from __future__ import annotations

import re

from lxml import etree


class PackageError(Exception):
    """A template that cannot be used: the message says why, in a user's words, on one line."""


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=False, remove_blank_text=False)
_DOCTYPE = re.compile(rb"<!DOCTYPE|<\x00!\x00D\x00O\x00C\x00T\x00Y\x00P\x00E", re.I)


def parse(data: bytes, member: str) -> etree._Element:
    """Return the root of the XML ``data`` (the part ``member``); raise PackageError if unsafe or bad."""
    if _DOCTYPE.search(data[:4096]) or b"<!ENTITY" in data:
        raise PackageError(f"{shown(member)} declares a DTD or XML entities, which docgen refuses")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise PackageError(f"{shown(member)} is not well-formed XML ({shown(str(exc), 120)})") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise PackageError(f"{shown(member)} declares a DTD or XML entities, which docgen refuses")
    return root


def serialize(root: etree._Element) -> bytes:
    """Return ``root`` as a standalone UTF-8 part, as Office writes them."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown(text: str, limit: int = 80) -> str:
    """Return a name from a template as a message can show it: controls escaped, one short line.

    A layout name with a newline would otherwise forge extra ``error:`` lines in a CI log, and a
    bidirectional control would reorder what a reader sees.
    """
    out = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) > 0xFF
                      else f"\\x{ord(m.group()):02x}", text)
    return out if len(out) <= limit else out[: limit - 1] + "…"
