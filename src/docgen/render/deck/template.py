"""The presentation to start from: docgen's built-in template or the brand's corporate one.

A corporate template is read through :mod:`~docgen.render.deck.opc` (an allow-list, bounded, no
python-pptx); its layouts are chosen by role (:mod:`.layouts`). :func:`inspect_template` is what
``docgen check`` runs and :func:`open_template` what ``build`` runs: the same reading and the same
rules, so a template ``check`` accepts is one ``build`` uses.

The built-in template is python-pptx's default (its data file, not the library) made 16:9 with
lxml: every master and layout shape widened, the content title moved to docgen's title position,
so a person who adds a slide in PowerPoint gets the same grid. It is made once and kept in the disk
cache, so a deck with the built-in template needs no python-pptx at all.
"""

from __future__ import annotations

import hashlib
import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from docgen.colour import mix
from docgen.errors import DocgenError, Location, Problem
from docgen.infra.diskcache import remember
from docgen.model import Brand
from docgen.render.deck.layouts import TITLE_TYPES, Layout, choose, describe
from docgen.render.deck.opc import limits
from docgen.render.deck.opc import names as n
from docgen.render.deck.opc.reader import TemplatePackage, read_package
from docgen.render.deck.opc.writer import PackageWriter, Relationship
from docgen.render.deck.opc.xmlsafe import PackageError, shown
from docgen.scheme import scheme

TYPE_CHECKING = False
if TYPE_CHECKING:
    from docgen.render.deck.frame import Frame

_A = f"{{{n.A}}}"
_P = f"{{{n.P}}}"


@dataclass(eq=False)
class Template:
    """A template's kept parts, its layouts, the one chosen for each role, and its warnings."""

    package: TemplatePackage
    layouts: list[Layout]
    roles: dict[str, Layout]
    builtin: bool
    warnings: list[Problem]

    @property
    def size(self) -> tuple[int, int]:
        return self.package.width, self.package.height

    def frame(self) -> Frame:
        """The frame the planner lays slides out on: docgen's grid on the built-in template, the
        template's layouts otherwise."""
        from docgen.render.deck.frame import Frame, from_template  # not needed by ``check``

        if self.builtin:
            return Frame(*self.size)
        return from_template(*self.size, self.roles, self.package)


def open_template(brand: Brand) -> Template:
    """Return the template for ``brand``, read and checked; raise DocgenError saying what is wrong."""
    if brand.template is None:
        tpl = _template(read_package(builtin_bytes()), None, brand.template_location)
        _brand_theme(tpl.package, brand)
        return tpl
    return _open(brand.template, brand.template_location)


def inspect_template(path: Path, where: Location) -> list[Problem]:
    """Return the warnings for the template at ``path`` (what build would leave out); raise
    DocgenError, located at ``where``, if build would refuse it. ``docgen check`` calls this."""
    return _open(path, where).warnings


#: Corporate templates read in this process, by the hash of their bytes, name and the location for
#: messages: a build reads the template when it loads the brand (the rules ``check`` applies) and
#: again when it renders the deck, and ``watch`` rebuilds with an unchanged one. A read template is
#: never changed afterwards.
_READ: dict[tuple[bytes, str, Location], Template] = {}


def _open(path: Path, where: Location) -> Template:
    try:
        if path.stat().st_size > limits.MAX_TOTAL_BYTES:  # not even read
            raise DocgenError(Problem(
                f"the template {shown(path.name)} cannot be used: it is "
                f"{path.stat().st_size / 2**20:,.0f} MB; docgen reads templates up to "
                f"{limits.MAX_TOTAL_BYTES // 2**20} MB", where))
        data = path.read_bytes()
    except OSError as exc:
        raise DocgenError(Problem(f"cannot read the template {shown(path.name)}: "
                                  f"{shown(exc.strerror or str(exc))}", where)) from None
    key = (hashlib.sha256(data).digest(), path.name, where)
    found = _READ.get(key)
    if found is None:
        found = _read(data, path.name, where)
        if len(_READ) >= 4:
            _READ.clear()
        _READ[key] = found
    return found


def _read(data: bytes, name: str, where: Location) -> Template:
    path = Path(name)
    try:
        package = read_package(data)
    except PackageError as exc:
        raise DocgenError(Problem(f"the template {shown(path.name)} cannot be used: {exc}", where,
                                  "save it again from PowerPoint as a .pptx or .potx file")) from None
    return _template(package, path.name, where)


def _template(package: TemplatePackage, name: str | None, where: Location) -> Template:
    layouts = [describe(part, master) for part, master in package.layouts]
    if not layouts:
        raise DocgenError(Problem(f"the template {shown(name or '')} has no slide layouts", where,
                                  "add the usual layouts in PowerPoint's Slide Master view"))
    warnings = [Problem(f"left out of the deck: {w}", where, severity="warning")
                for w in package.warnings]
    return Template(package, layouts, choose(layouts, package.height), name is None, warnings)


# -- the built-in template ----------------------------------------------------------------------
#: Bump when :func:`_make_builtin` changes what it makes (the cache key also covers python-pptx's
#: default template's bytes and the grid constants used).
BUILTIN_VERSION = "3"
BUILTIN_W, BUILTIN_H = 12192000, 6858000  # 13.333 x 7.5 in
#: Where the built-in "Title Only" layout puts its title (docgen's content title).
BUILTIN_TITLE = (548640, 411480, 11094720, 1097280)


@cache
def builtin_bytes() -> bytes:
    """The built-in template as .pptx bytes, made once per process and kept in the disk cache
    (:mod:`docgen.infra.diskcache`) for the next process."""
    spec = importlib.util.find_spec("pptx")  # python-pptx's data file; the library is not imported
    assert spec is not None and spec.submodule_search_locations
    default = (Path(spec.submodule_search_locations[0]) / "templates" / "default.pptx").read_bytes()
    key = repr((BUILTIN_VERSION, BUILTIN_W, BUILTIN_H, BUILTIN_TITLE)).encode() + default
    return remember("deck-template", BUILTIN_VERSION, key,  # type: ignore[no-any-return]
                    lambda: _make_builtin(default),
                    lambda data: isinstance(data, bytes) and data.startswith(b"PK"))


def _make_builtin(default: bytes) -> bytes:
    """Return python-pptx's default template widened to 16:9, with docgen's content title box."""
    package = read_package(default)
    factor = BUILTIN_W / package.width
    pres = package.presentation.root
    assert pres is not None
    sz = pres.find(f"{_P}sldSz")
    assert sz is not None
    sz.attrib.pop("type", None)  # "screen4x3" would contradict the 16:9 size
    sz.set("cx", str(BUILTIN_W))
    sz.set("cy", str(BUILTIN_H))
    package.presentation.changed = True
    for part in [*package.masters, *(lay for lay, _ in package.layouts)]:
        assert part.root is not None
        part.changed = True
        for xfrm in part.root.iter(f"{_A}xfrm"):
            # Only positions a shape sets itself: a layout placeholder that inherits its position
            # from the master follows the (already widened) master.
            off, ext = xfrm.find(f"{_A}off"), xfrm.find(f"{_A}ext")
            if off is not None and ext is not None:
                off.set("x", str(round(int(off.get("x", "0")) * factor)))
                ext.set("cx", str(round(int(ext.get("cx", "0")) * factor)))
    for part, master in package.layouts:
        lay = describe(part, master)
        if lay.type == "titleOnly":
            _place_title(part.root, BUILTIN_TITLE)
    return _repack(package)


def _place_title(root: etree._Element | None, rect: tuple[int, int, int, int]) -> None:
    assert root is not None
    for sp in root.iter(f"{_P}sp"):
        ph = sp.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
        if ph is not None and ph.get("type") in TITLE_TYPES:
            sp_pr = sp.find(f"{_P}spPr")
            assert sp_pr is not None
            for old in sp_pr.findall(f"{_A}xfrm"):
                sp_pr.remove(old)
            xfrm = etree.Element(f"{_A}xfrm")
            etree.SubElement(xfrm, f"{_A}off", x=str(rect[0]), y=str(rect[1]))
            etree.SubElement(xfrm, f"{_A}ext", cx=str(rect[2]), cy=str(rect[3]))
            sp_pr.insert(0, xfrm)


def _repack(package: TemplatePackage) -> bytes:
    """Write a package read by :func:`read_package` back as a .pptx (the kept parts only)."""
    out = PackageWriter()
    pres = package.presentation
    for part in (pres, *package.parts.values()):
        rels = [Relationship(r.rid, r.reltype, r.target) for r in part.rels]
        out.add(part.name, part.content_type, part.blob, rels)
    out.relate_package([Relationship("rId1", n.RT_OFFICE_DOC, pres.name)])
    return out.to_bytes()


def _brand_theme(package: TemplatePackage, brand: Brand) -> None:
    """Write the brand palette into the theme colours, so slides a presenter adds are on-brand.

    accent1-3 = primary, secondary, accent and accent4-6 their tints; dk1/lt1 (text and background)
    = foreground and background; dk2/lt2 = primary and light; hlink = the link colour as checked on
    the background (:mod:`docgen.scheme`), folHlink a shade of it: no colour of the template's own
    is left. Only the built-in template: a corporate one keeps its theme.
    """
    p = brand.palette
    k = scheme(p)[0]
    colours = {"dk1": k.text, "lt1": p.background, "dk2": p.primary, "lt2": p.light,
               "accent1": p.primary, "accent2": p.secondary, "accent3": p.accent,
               "accent4": mix(p.primary, p.background, 0.4),
               "accent5": mix(p.secondary, p.background, 0.4),
               "accent6": mix(p.accent, p.foreground, 0.3),
               "hlink": k.link, "folHlink": mix(k.link, k.text, 0.35)}
    for master in package.masters:
        for target in master.related(n.RT_THEME):
            theme = package.parts[target]
            assert theme.root is not None
            clr_scheme = theme.root.find(f"{_A}themeElements/{_A}clrScheme")
            if clr_scheme is None:
                continue
            for name, colour in colours.items():
                slot = clr_scheme.find(f"{_A}{name}")
                if slot is not None:
                    slot.clear()
                    etree.SubElement(slot, f"{_A}srgbClr", val=colour.lstrip("#").upper())
            theme.changed = True
