"""The presentation to start from: docgen's built-in template or the brand's corporate one.

A corporate template is read through :mod:`~docgen.render.deck.opc` (an allow-list, bounded, no
python-pptx); its layouts are chosen by role (:mod:`.layouts`). :func:`inspect_template` is what
``docgen check`` runs and :func:`open_template` what ``build`` runs: the same reading and the same
rules, so a template ``check`` accepts is one ``build`` uses.

The built-in template is docgen's own, made per brand by :mod:`.master` from :mod:`.design`: a
master and one layout per kind of slide, whose placeholders are where the planner puts the text,
so a person who adds a slide in PowerPoint gets the same grid, fonts and colours.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from docgen.errors import DocgenError, Location, Problem
from docgen.model import Brand
from docgen.render.deck.layouts import STAND_INS, Layout, choose, describe
from docgen.render.deck.opc import limits
from docgen.render.deck.opc.reader import TemplatePackage, read_package
from docgen.render.deck.opc.xmlsafe import PackageError, shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from docgen.render.deck.frame import Frame



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

    def layout(self, role: str) -> Layout:
        """The layout for slides of ``role``; on a template not made for docgen, the layout that
        stands in for it (:data:`~docgen.render.deck.layouts.STAND_INS`)."""
        found = self.roles.get(role)
        return found if found is not None else self.roles[STAND_INS.get(role, "content")]

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
        data = builtin_bytes(brand)
        key = (hashlib.sha256(data).digest(), "", brand.template_location)
        found = _READ.get(key)
        if found is None:
            found = _template(read_package(data), None, brand.template_location)
            if len(_READ) >= 4:
                _READ.clear()
            _READ[key] = found
        return found
    return _open(brand.template, brand.template_location)


def inspect_template(path: Path, where: Location) -> list[Problem]:
    """Return the warnings for the template at ``path`` (what build would leave out); raise
    DocgenError, located at ``where``, if build would refuse it. ``docgen check`` calls this."""
    return _open(path, where).warnings


#: Templates read in this process (the built-in one too), by the hash of their bytes, name and the
#: location for messages: a build reads the template when it loads the brand (the rules ``check`` applies) and
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
    if name is None:  # docgen's own: one layout per role, in the design's order
        from docgen.render.deck.design import ROLES

        roles = dict(zip(ROLES, layouts, strict=True))
    else:
        roles = choose(layouts, package.height)
    return Template(package, layouts, roles, name is None, warnings)


# -- the built-in template ----------------------------------------------------------------------
BUILTIN_W, BUILTIN_H = 12192000, 6858000  # 13.333 x 7.5 in


def builtin_bytes(brand: Brand) -> bytes:
    """The built-in template made for ``brand``, as .pptx bytes."""
    from docgen.render.deck.master import builtin_template

    return builtin_template(brand)
