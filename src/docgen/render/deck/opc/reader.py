"""Read a template's package: the parts an allow-list lets through, checked, and nothing else.

What crosses into the deck: the presentation part, its slide masters, their layouts and themes,
the notes master and its theme, table styles, and the pictures those parts reference. What does
not: sample slides, macros (VBA), OLE objects and embedded documents, ActiveX controls, embedded
fonts, sounds and videos, comments, custom XML, tags, signatures, thumbnails, and document,
presentation and view properties (docgen writes its own). Every relationship to something left
out is removed, and so is the element that used it (a hyperlink, or the whole shape holding an
OLE object), so no kept part points at a missing one; a relationship that leaves the package
(``TargetMode="External"``: a URL, ``file:///etc/passwd``, a ``javascript:`` link) is always left
out. Each dangerous thing left out gives one warning naming it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from docgen.render.deck.opc import names as n
from docgen.render.deck.opc.limits import MAX_LAYOUTS, MAX_MASTERS, Archive
from docgen.render.deck.opc.xmlsafe import PackageError, parse, serialize, shown


@dataclass(frozen=True, slots=True)
class Rel:
    """A kept internal relationship: its id (as the part's XML uses it), type and target part."""

    rid: str
    reltype: str
    target: str


@dataclass(eq=False, slots=True)
class Part:
    """A kept part. XML parts hold their parsed root; ``changed`` when docgen edited it."""

    name: str
    content_type: str
    data: bytes
    root: etree._Element | None = None
    rels: list[Rel] = field(default_factory=list)
    changed: bool = False

    @property
    def blob(self) -> bytes:
        """Return the part's bytes: the template's own, or the edited tree serialized."""
        if self.changed and self.root is not None:
            return serialize(self.root)
        return self.data

    def related(self, reltype: str) -> list[str]:
        return [r.target for r in self.rels if r.reltype == reltype]


@dataclass(eq=False)
class TemplatePackage:
    """What a template brings: kept parts by name, in reading order, and what was left out."""

    presentation: Part
    masters: list[Part]
    layouts: list[tuple[Part, Part]]  # (layout, its master), masters' order then each list's
    notes_master: Part | None
    parts: dict[str, Part]  # every kept part but the presentation, by part name
    width: int
    height: int
    warnings: list[str]


#: What each kind of kept part may relate to, and the kind of part that target is.
_FOLLOW: dict[str, dict[str, str]] = {
    "presentation": {"slideMaster": "master", "notesMaster": "notesMaster", "theme": "theme",
                     "tableStyles": "tableStyles"},
    "master": {"slideLayout": "layout", "theme": "theme", "image": "image"},
    "layout": {"slideMaster": "master", "image": "image"},
    "notesMaster": {"theme": "theme", "image": "image"},
    "theme": {"image": "image"},
    "tableStyles": {},
}
_TYPES = {"master": n.CT_MASTER, "layout": n.CT_LAYOUT, "notesMaster": n.CT_NOTES_MASTER,
          "theme": n.CT_THEME, "tableStyles": n.CT_TABLE_STYLES}
#: Left-out relationship kinds worth a warning: content that runs, calls out, or changes the look.
_WARN = {
    "vbaProject": "a VBA macro project", "oleObject": "an embedded OLE object",
    "package": "an embedded document", "control": "an ActiveX control",
    "activeXControlBinary": "an ActiveX control", "font": "an embedded font",
    "audio": "a sound", "video": "a video", "media": "a sound or video",
}
_R_ATTR = f"{{{n.R}}}"
#: Elements removed alone when their relationship goes (the shape around them stays).
_ALONE = {f"{{{n.A}}}hlinkClick", f"{{{n.A}}}hlinkHover", f"{{{n.A}}}hlinkMouseOver",
          f"{{{n.A}}}snd", f"{{{n.P}}}snd", f"{{{n.P}}}custData", f"{{{n.P}}}tags",
          f"{{{n.P}}}control"}
_TREES = {f"{{{n.P}}}spTree", f"{{{n.P}}}grpSp"}
_ACTION = re.compile(r"ppaction://(macro|program|ole)", re.I)
_PARTNAME = re.compile(r"^/[^\x00-\x1f\x7f\\]+$")


def read_package(source: Path | bytes) -> TemplatePackage:
    """Return the kept parts of the template at ``source``; raise PackageError for unusable ones."""
    return _Reader(Archive(source)).read()


class _Reader:
    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.parts: dict[str, Part] = {}
        self.kinds: dict[str, str] = {}
        self.warnings: list[str] = []
        self.defaults, self.overrides = _content_types(archive)

    def read(self) -> TemplatePackage:
        main = self._main()
        pres = self._part(main, "presentation")
        root = pres.root
        assert root is not None
        if root.tag.startswith("{http://purl.oclc.org/ooxml/"):
            raise PackageError("it is saved as Strict Open XML, which docgen does not read (save it "
                               "as a PowerPoint Presentation, not Strict)")
        masters = [self.parts[t] for t in self._listed(pres, "sldMasterIdLst", "sldMasterId",
                                                       0, MAX_MASTERS, "slide masters")]
        if not masters:
            raise PackageError("it has no slide master")
        layouts: list[tuple[Part, Part]] = []
        for master in masters:
            for target in self._listed(master, "sldLayoutIdLst", "sldLayoutId", len(layouts),
                                       MAX_LAYOUTS, "slide layouts"):
                layouts.append((self.parts[target], master))
        notes = next((self.parts[t] for t in pres.related(n.RT_NOTES_MASTER)), None)
        width, height = _slide_size(root)
        return TemplatePackage(pres, masters, layouts, notes, {k: v for k, v in self.parts.items()
                                                               if v is not pres}, width, height,
                               self.warnings)

    # -- parts ------------------------------------------------------------------------------------
    def _main(self) -> str:
        rels = self._rels("/_rels/.rels", "/")
        for _rid, reltype, target, external in rels:
            if not external and n.reltype_name(reltype) == "officeDocument":
                ctype = self._ctype(target)
                if ctype not in n.CT_MAINS:
                    raise PackageError(f"it is not a PowerPoint presentation or template (its main part "
                                       f"is {shown(ctype or 'of no known type')})")
                return target
        raise PackageError("it is not a PowerPoint file (no main document)")

    def _part(self, name: str, kind: str) -> Part:
        """Read, check and keep the part ``name`` of ``kind``, following what it may relate to."""
        if name in self.parts:
            if self.kinds[name] != kind:
                raise PackageError(f"it is damaged: {shown(name[1:])} is used as two kinds of part")
            return self.parts[name]
        ctype = self._ctype(name)
        expected = _TYPES.get(kind)
        if kind == "image":
            ext = posixpath.splitext(name)[1].lstrip(".").lower()
            ctype = n.IMAGE_TYPES.get(ext, ctype)
        elif kind != "presentation" and ctype != expected:
            raise PackageError(f"it is damaged: {shown(name[1:])} is not a {kind} part "
                               f"(its content type is {shown(ctype or 'missing')})")
        data = self.archive.read(name)
        part = Part(name, ctype, data)
        self.parts[name] = part
        self.kinds[name] = kind
        if kind == "image":
            return part
        part.root = parse(data, name[1:])
        dropped: set[str] = set()
        for rid, reltype, target, external in self._rels(n.rels_name(name), name):
            what = n.reltype_name(reltype)
            follow = _FOLLOW[kind].get(what)
            if external or follow is None or not self._usable(target, follow):
                dropped.add(rid)
                self._left_out(what, target, name, external)
                continue
            if follow != "master" or kind != "layout":  # a layout's master is read from the list
                self._part(target, follow)
            part.rels.append(Rel(rid, reltype, target))
        if _scrub(part.root, dropped):
            part.changed = True
        return part

    def _usable(self, target: str, kind: str) -> bool:
        """Whether ``target`` can be kept as a ``kind`` part: a sound or an executable that an
        "image" relationship names is left out, not refused."""
        if not _PARTNAME.match(target) or "/../" in target or target.endswith(".rels"):
            return False
        if kind == "image":
            ext = posixpath.splitext(target)[1].lstrip(".").lower()
            return ext in n.IMAGE_TYPES and self.archive.has(target)
        return True

    def _left_out(self, what: str, target: str, where: str, external: bool) -> None:
        if external:
            text = f"an external link to '{shown(target)}' (in {shown(where[1:])})"
        elif what in _WARN:
            text = f"{_WARN[what]} ({shown(target[1:])})"
        else:
            return
        if text not in self.warnings:
            self.warnings.append(text)

    def _listed(self, part: Part, list_tag: str, item_tag: str, seen: int, limit: int,
                what: str) -> list[str]:
        """The targets of ``part``'s id list (masters or layouts), read, in the list's order."""
        root = part.root
        assert root is not None
        lst = root.find(f"{{{n.P}}}{list_tag}")
        items = [] if lst is None else lst.findall(f"{{{n.P}}}{item_tag}")
        if seen + len(items) > limit:
            count = f"{'at least ' if seen else ''}{seen + len(items):,}"
            raise PackageError(f"it has {count} {what}; docgen reads at most {limit:,}")
        by_id = {r.rid: r.target for r in part.rels}
        kind = "master" if item_tag == "sldMasterId" else "layout"
        out = []
        for item in items:
            target = by_id.get(item.get(f"{_R_ATTR}id", ""))
            if target is None:
                raise PackageError(f"it is damaged: {shown(part.name[1:])} lists a {kind} it does not "
                                   "relate to")
            self._part(target, kind)
            out.append(target)
        return out

    def _ctype(self, name: str) -> str:
        found = self.overrides.get(name.lower())
        if found is None:
            found = self.defaults.get(posixpath.splitext(name)[1].lstrip(".").lower(), "")
        return found

    def _rels(self, rels_name: str, source: str) -> list[tuple[str, str, str, bool]]:
        """The relationships in ``rels_name`` as (id, type, absolute target or URL, external)."""
        if not self.archive.has(rels_name):
            return []
        root = parse(self.archive.read(rels_name), rels_name[1:])
        out = []
        for el in root.iter(f"{{{n.PKG_RELS}}}Relationship"):
            rid, reltype, target = el.get("Id", ""), el.get("Type", ""), el.get("Target", "")
            external = el.get("TargetMode", "Internal") == "External"
            if not external:
                if "://" in target or target.startswith(("\\\\", "//")):
                    external = True  # an address dressed as a part name
                else:  # the package's own relationships are relative to its root
                    target = n.resolve(source if source != "/" else "/.rels", target)
            out.append((rid, reltype, target, external))
        return out


def _content_types(archive: Archive) -> tuple[dict[str, str], dict[str, str]]:
    root = parse(archive.read("/[Content_Types].xml"), "[Content_Types].xml")
    defaults = {el.get("Extension", "").lower(): el.get("ContentType", "")
                for el in root.iter(f"{{{n.CT_NS}}}Default")}
    overrides = {el.get("PartName", "").lower(): el.get("ContentType", "")
                 for el in root.iter(f"{{{n.CT_NS}}}Override")}
    return defaults, overrides


def _scrub(root: etree._Element, dropped: set[str]) -> bool:
    """Remove what used a left-out relationship, and actions that run code; return True if any."""
    doomed: list[etree._Element] = []
    changed = False
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _ALONE and _ACTION.match(el.get("action", "")):
            doomed.append(el)
            continue
        for attr, value in el.attrib.items():
            if not attr.startswith(_R_ATTR) or value not in dropped:
                continue
            if el.tag in _ALONE:
                doomed.append(el)
            elif attr == f"{_R_ATTR}link" and el.get(f"{_R_ATTR}embed") not in (None, *dropped):
                del el.attrib[attr]  # a linked picture that also has its embedded copy
                changed = True
            else:
                doomed.append(_shape_of(el))
            break
    for el in doomed:
        if el.tag == f"{{{n.P}}}snd":  # a transition's sound: its whole action goes (stSnd needs one)
            action = next(el.iterancestors(f"{{{n.P}}}sndAc"), None)
            el = action if action is not None else el
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    return changed or bool(doomed)


def _shape_of(el: etree._Element) -> etree._Element:
    """The shape (a child of a shape tree or group) that holds ``el``, else ``el`` itself."""
    node = el
    while node.getparent() is not None:
        if node.getparent().tag in _TREES:
            return node
        node = node.getparent()
    return el


def _slide_size(root: etree._Element) -> tuple[int, int]:
    sz = root.find(f"{{{n.P}}}sldSz")
    try:
        cx, cy = (int(sz.get("cx", "")), int(sz.get("cy", ""))) if sz is not None else (9144000, 6858000)
    except ValueError:
        raise PackageError("it is damaged: its slide size is not a number") from None
    if not (914400 <= cx <= 51206400 and 914400 <= cy <= 51206400):
        raise PackageError(f"its slide size ({cx / 914400:.2f} x {cy / 914400:.2f} in) is outside "
                           "PowerPoint's 1 to 56 inches")
    return cx, cy
