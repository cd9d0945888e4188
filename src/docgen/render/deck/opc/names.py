"""The OOXML names docgen's package uses: namespaces, relationship types, content types."""

from __future__ import annotations

import posixpath

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

RT_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOC = RT_BASE + "officeDocument"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
RT_APP = RT_BASE + "extended-properties"
RT_MASTER = RT_BASE + "slideMaster"
RT_LAYOUT = RT_BASE + "slideLayout"
RT_THEME = RT_BASE + "theme"
RT_IMAGE = RT_BASE + "image"
RT_NOTES_MASTER = RT_BASE + "notesMaster"
RT_NOTES = RT_BASE + "notesSlide"
RT_SLIDE = RT_BASE + "slide"
RT_HYPERLINK = RT_BASE + "hyperlink"
RT_PRES_PROPS = RT_BASE + "presProps"
RT_VIEW_PROPS = RT_BASE + "viewProps"
RT_TABLE_STYLES = RT_BASE + "tableStyles"

_PML = "application/vnd.openxmlformats-officedocument.presentationml."
CT_PRESENTATION = _PML + "presentation.main+xml"
#: Main-part content types docgen accepts as a template: .pptx, .potx, .ppsx and their macro twins
#: (whose macros are dropped).
CT_MAINS = {
    CT_PRESENTATION,
    _PML + "template.main+xml",
    _PML + "slideshow.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
}
CT_MASTER = _PML + "slideMaster+xml"
CT_LAYOUT = _PML + "slideLayout+xml"
CT_SLIDE = _PML + "slide+xml"
CT_NOTES_MASTER = _PML + "notesMaster+xml"
CT_NOTES = _PML + "notesSlide+xml"
CT_PRES_PROPS = _PML + "presProps+xml"
CT_VIEW_PROPS = _PML + "viewProps+xml"
CT_TABLE_STYLES = _PML + "tableStyles+xml"
CT_THEME = "application/vnd.openxmlformats-officedocument.theme+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"

#: Pictures a kept part may reference, by extension: the only binary parts that cross.
IMAGE_TYPES = {
    "png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif",
    "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff", "emf": "image/x-emf",
    "wmf": "image/x-wmf", "svg": "image/svg+xml",
}


def reltype_name(reltype: str) -> str:
    """The last segment of a relationship type ("slideLayout"), transitional or strict."""
    return reltype.rstrip("/").rsplit("/", 1)[-1]


def resolve(base_part: str, target: str) -> str:
    """The absolute part name of ``target`` relative to the part ``base_part`` ("/ppt/x.xml")."""
    if target.startswith("/"):
        return posixpath.normpath(target)
    folder = posixpath.dirname(base_part)
    return posixpath.normpath(posixpath.join(folder, target))


def rels_name(partname: str) -> str:
    """The part name of ``partname``'s relationships ("/ppt/_rels/x.xml.rels")."""
    folder, name = posixpath.split(partname)
    return f"{folder.rstrip('/')}/_rels/{name}.rels"


def relative(partname: str, base_part: str) -> str:
    """``partname`` as a target relative to the folder of ``base_part``.

    Without ``posixpath.relpath`` (slow, and called for each of a long deck's 16,000
    relationships): both are absolute, normalized part names, so the relative path is what follows
    the common folders, climbing ``..`` once for each remaining folder of the base.
    """
    start = base_part.split("/")[1:-1]
    target = partname.split("/")[1:]
    common = 0
    while common < min(len(start), len(target) - 1) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:])
