"""The presentation to start from: docgen's built-in 16:9 template or the brand's corporate one.

The built-in template is python-pptx's default made 16:9 in code (every master and layout shape
widened, the content title moved to docgen's title position), so a person who adds a slide in
PowerPoint gets the same grid. A corporate template is used by layout *name*; it is checked before
any slide is made, and everything missing is reported at once.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationT
from pptx.slide import SlideLayout

from docgen.errors import DocgenError, Problem
from docgen.infra.diskcache import remember
from docgen.model import Brand
from docgen.render.deck.grid import SLIDE_H, SLIDE_W, TITLE, contrast, readable

#: Plan layout key -> (layout name in the template, placeholder types that must be on it).
LAYOUTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "title": ("Title Slide", ("title",)),
    "section": ("Section Header", ("title",)),
    "content": ("Title Only", ("title",)),
}
_TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
_DEFAULT_W = 9144000  # python-pptx's default template is 4:3, 10 in wide


@dataclass(frozen=True)
class Template:
    """An opened presentation (no slides) and its layouts by plan key."""

    prs: PresentationT
    layouts: dict[str, SlideLayout]


def open_template(brand: Brand) -> Template:
    """Return the template for ``brand``, checked; raise DocgenError naming what is missing."""
    if brand.template is None:
        prs = Presentation(io.BytesIO(_builtin_bytes()))
        _brand_theme(prs, brand)
    else:
        try:
            prs = Presentation(str(brand.template))
        except Exception as exc:  # python-pptx raises zip, XML and key errors for bad files
            where = brand.template_location
            raise DocgenError(
                Problem(
                    f"cannot open the template {brand.template}: {exc}",
                    where,
                    hint="give the path of a PowerPoint .pptx file",
                )
            ) from exc
        _remove_slides(prs)
    return Template(prs, _layouts(prs, brand))


def _layouts(prs: PresentationT, brand: Brand) -> dict[str, SlideLayout]:
    problems: list[Problem] = []
    name = brand.template.name if brand.template else "built-in template"
    if (prs.slide_width, prs.slide_height) != (SLIDE_W, SLIDE_H):
        problems.append(
            Problem(
                f"the template {name} is not 16:9 (13.333 x 7.5 in)",
                brand.template_location,
                hint="set its slide size to Widescreen",
            )
        )
    by_name = {}
    for master in prs.slide_masters:
        for lay in master.slide_layouts:
            by_name.setdefault(lay.name, lay)
    found: dict[str, SlideLayout] = {}
    for key, (layout_name, needs) in LAYOUTS.items():
        lay = by_name.get(layout_name)
        if lay is None:
            have = ", ".join(sorted(by_name)) or "none"
            problems.append(
                Problem(
                    f"the template {name} has no layout named '{layout_name}'",
                    brand.template_location,
                    hint=f"its layouts are: {have}",
                )
            )
            continue
        types = {ph.placeholder_format.type for ph in lay.placeholders}
        if "title" in needs and not types & _TITLES:
            problems.append(
                Problem(
                    f"the layout '{layout_name}' of {name} has no title placeholder",
                    brand.template_location,
                    hint="add a Title placeholder to it in the Slide Master",
                )
            )
        found[key] = lay
    if problems:
        raise DocgenError(problems)
    return found


#: Bump when :func:`_builtin` changes what it makes (the disk cache's key also covers python-pptx's
#: own template and the grid constants used).
BUILTIN_VERSION = "1"


@cache
def _builtin_bytes() -> bytes:
    """The built-in template, made once per process (widening every shape costs ~40 ms) and kept
    in the disk cache (:mod:`docgen.infra.diskcache`) for the next process.

    Kept as bytes, not as a Presentation, because each deck adds its slides to the one it opens.
    """
    import pptx

    default = (Path(pptx.__file__).parent / "templates" / "default.pptx").read_bytes()
    key = repr((BUILTIN_VERSION, SLIDE_W, SLIDE_H, TITLE["content"], LAYOUTS)).encode() + default
    return remember("deck-template", pptx.__version__, key, _make_builtin,  # type: ignore[no-any-return]
                    lambda data: isinstance(data, bytes) and data.startswith(b"PK"))


def _make_builtin() -> bytes:
    buf = io.BytesIO()
    _builtin().save(buf)
    return buf.getvalue()


def _builtin() -> PresentationT:
    """Return python-pptx's default template widened to 16:9, with docgen's title position."""
    prs = Presentation()
    factor = SLIDE_W / _DEFAULT_W
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    prs.part._element.sldSz.attrib.pop("type", None)  # "screen4x3" would contradict the 16:9 size
    for master in prs.slide_masters:
        shapes = list(master.shapes)
        for lay in master.slide_layouts:
            shapes += list(lay.shapes)
        for shape in shapes:
            # Only positions a shape sets itself: a layout placeholder that inherits its position
            # from the master follows the (already widened) master; scaling it too would widen it
            # twice, off the slide, for the slides a person adds in PowerPoint.
            left, width = shape._element.x, shape._element.cx
            if left is not None and width is not None:
                shape.left = round(left * factor)
                shape.width = round(width * factor)
    (x, y, w, h), *_ = TITLE["content"]
    for lay in prs.slide_layouts:
        if lay.name == LAYOUTS["content"][0]:
            for ph in lay.placeholders:
                if ph.placeholder_format.type in _TITLES:
                    ph.left, ph.top, ph.width, ph.height = x, y, w, h
    return prs


def _brand_theme(prs: PresentationT, brand: Brand) -> None:
    """Write the brand palette into the theme colours, so slides a presenter adds are on-brand.

    accent1-3 = primary, secondary, accent; dk1/lt1 (text and background) = foreground and
    background; dk2/lt2 = primary and light; hlink = the first of secondary, primary and foreground
    that reads on the background (4.5:1). Only the built-in template: a corporate one keeps its theme.
    """
    p = brand.palette
    link = next((c for c in (p.secondary, p.primary) if contrast(c, p.background) >= 4.5), None)
    colours = {
        "dk1": p.foreground,
        "lt1": p.background,
        "dk2": p.primary,
        "lt2": p.light,
        "accent1": p.primary,
        "accent2": p.secondary,
        "accent3": p.accent,
        "hlink": link or readable(p.foreground, p.background),
    }
    for master in prs.slide_masters:
        theme: Any = master.part.part_related_by(RT.THEME)
        root = etree.fromstring(theme.blob)
        scheme = root.find(f"{_A}themeElements/{_A}clrScheme")
        if scheme is None:
            continue
        for name, colour in colours.items():
            slot = scheme.find(f"{_A}{name}")
            if slot is not None:
                slot.clear()
                etree.SubElement(slot, f"{_A}srgbClr", val=colour.lstrip("#").upper())
        theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _remove_slides(prs: PresentationT) -> None:
    """Drop the sample slides a corporate template may carry, so only docgen's slides remain."""
    sld_ids = prs.slides._sldIdLst
    for sld_id in list(sld_ids):
        prs.part.drop_rel(sld_id.rId)
        sld_ids.remove(sld_id)
