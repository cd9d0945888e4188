"""What is behind a slide's text in a template: the background colour of a layout, and the
template's own colours and fonts, resolved through the master's colour map and the theme.

A background that is a picture or a gradient, or a colour changed by transforms docgen does not
model, is *unknown* (None): text on it keeps the template's own colour.
"""

from __future__ import annotations

from lxml import etree

from docgen.render.deck.opc import names as n
from docgen.render.deck.opc.reader import Part, TemplatePackage

_A = f"{{{n.A}}}"
_P = f"{{{n.P}}}"
_MAP_DEFAULT = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
_PRESET = {"white": "#FFFFFF", "black": "#000000"}


class Theme:
    """A master's theme colours (by scheme name) and colour map, and its major and minor fonts."""

    def __init__(self, package: TemplatePackage, master: Part, layout: Part | None = None) -> None:
        self.colours: dict[str, str] = {}
        self.fonts = ("", "")
        root = master.root
        mapping = root.find(f"{_P}clrMap") if root is not None else None
        self.map = dict(_MAP_DEFAULT)
        if mapping is not None:
            self.map.update({k: v for k, v in mapping.attrib.items() if isinstance(k, str)})
        override = layout.root.find(f"{_P}clrMapOvr/{_A}overrideClrMapping") \
            if layout is not None and layout.root is not None else None
        if override is not None:  # a dark layout maps text to the light colour
            self.map.update({k: v for k, v in override.attrib.items() if isinstance(k, str)})
        for target in master.related(n.RT_THEME):
            theme = package.parts[target].root
            if theme is None:
                continue
            scheme = theme.find(f"{_A}themeElements/{_A}clrScheme")
            for slot in scheme if scheme is not None else ():
                if isinstance(slot.tag, str):
                    colour = _literal(slot)
                    if colour:
                        self.colours[etree.QName(slot).localname] = colour
            major = theme.find(f"{_A}themeElements/{_A}fontScheme/{_A}majorFont/{_A}latin")
            minor = theme.find(f"{_A}themeElements/{_A}fontScheme/{_A}minorFont/{_A}latin")
            self.fonts = (major.get("typeface", "") if major is not None else "",
                          minor.get("typeface", "") if minor is not None else "")
            break

    def colour(self, el: etree._Element | None) -> str | None:
        """Return the colour of a ``a:srgbClr``/``a:schemeClr``/``a:sysClr``/``a:prstClr``, if plain."""
        if el is None or len(el):  # transforms (lumMod, alpha...) change it: not modelled
            return None
        name = etree.QName(el).localname
        if name == "schemeClr":
            val = el.get("val", "")
            return self.colours.get(self.map.get(val, val))
        return _literal(el.getparent()) if el.getparent() is not None else None

    def text(self, master: Part) -> str | None:
        """The master's body text colour (its ``otherStyle``, else ``tx1``)."""
        return self.colours.get(self.map.get("tx1", "dk1"))


def _literal(slot: etree._Element) -> str | None:
    """The colour a theme slot (or any parent of one colour element) states outright."""
    for child in slot:
        if not isinstance(child.tag, str) or len(child):
            continue
        name = etree.QName(child).localname
        if name == "srgbClr":
            return "#" + child.get("val", "000000").upper()
        if name == "sysClr":
            return "#" + child.get("lastClr", "000000").upper()
        if name == "prstClr":
            return _PRESET.get(child.get("val", ""))
    return None


def background(layout: Part, master: Part, theme: Theme) -> tuple[str | None, bool]:
    """Return (the background colour or None if unknown, whether the background is a picture or
    gradient) for a slide on ``layout``: the layout's own background, else the master's."""
    for part in (layout, master):
        root = part.root
        bg = root.find(f"{_P}cSld/{_P}bg") if root is not None else None
        if bg is None:
            continue
        pr = bg.find(f"{_P}bgPr")
        if pr is not None:
            solid = pr.find(f"{_A}solidFill")
            if solid is not None and len(solid):
                return theme.colour(solid[0]), False
            return None, pr.find(f"{_A}noFill") is None
        ref = bg.find(f"{_P}bgRef")
        if ref is not None:
            idx = int(ref.get("idx", "0") or 0)
            colour = theme.colour(ref[0]) if len(ref) else None
            # idx 1001 is the theme's first background fill style: solid in nearly every theme
            return (colour, False) if idx in (0, 1001) else (None, True)
    return theme.colours.get(theme.map.get("bg1", "lt1")), False


def has_art(layout: Part, master: Part) -> bool:
    """Whether a slide on ``layout`` shows pictures of the template's own (the layout's, or the
    master's unless the layout hides master shapes): where docgen then adds no logo."""
    parts = [layout]
    if layout.root is not None and layout.root.get("showMasterSp", "1") not in ("0", "false"):
        parts.append(master)
    for part in parts:
        tree = part.root.find(f"{_P}cSld/{_P}spTree") if part.root is not None else None
        if tree is None:
            continue
        for shape in tree.iter(f"{_P}pic"):
            if shape.find(f"{_P}nvPicPr/{_P}nvPr/{_P}ph") is None:
                return True
    return False


def _shape_trees(layout: Part, master: Part) -> list[etree._Element]:
    """The shape trees a slide of ``layout`` shows: the layout's, and the master's unless the
    layout hides the master's shapes."""
    parts = [layout]
    if layout.root is not None and layout.root.get("showMasterSp", "1") not in ("0", "false"):
        parts.append(master)
    trees = (p.root.find(f"{_P}cSld/{_P}spTree") if p.root is not None else None for p in parts)
    return [t for t in trees if t is not None]


def art_boxes(layout: Part, master: Part, pictures: bool = False) -> list[tuple[int, int, int, int]]:
    """The boxes of the template's own shapes on a slide of ``layout`` (not placeholders): bands,
    pictures, lines, groups; docgen puts no logo of its own over them. With ``pictures``, only
    the pictures (and shapes filled with one): behind text, they make the ground unknown."""
    out = []
    for tree in _shape_trees(layout, master):
        for shape in tree:
            if not isinstance(shape.tag, str) or shape.find(f".//{_P}nvPr/{_P}ph") is not None:
                continue
            if pictures and shape.find(f".//{_A}blip") is None:
                continue
            xfrm = shape.find(f"{_P}spPr/{_A}xfrm")
            if xfrm is None:
                xfrm = shape.find(f"{_P}grpSpPr/{_A}xfrm")
            off = xfrm.find(f"{_A}off") if xfrm is not None else None
            ext = xfrm.find(f"{_A}ext") if xfrm is not None else None
            if off is None or ext is None:
                continue
            try:
                box = (int(off.get("x", "0")), int(off.get("y", "0")), int(ext.get("cx", "0")),
                       int(ext.get("cy", "0")))
            except ValueError:
                continue
            if box[2] > 0 or box[3] > 0:
                out.append(box)
    return out


def overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def filled_shapes(layout: Part, master: Part, theme: Theme
                  ) -> list[tuple[tuple[int, int, int, int], str | None]]:
    """The template's own filled shapes on a slide of ``layout`` (bands, boxes) with their fill
    colour, None where it is a gradient, pattern or picture or not modelled: text over one must
    read on it too."""
    out = []
    for tree in _shape_trees(layout, master):
        for shape in tree.iter(f"{_P}sp"):
            if shape.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph") is not None:
                continue
            pr = shape.find(f"{_P}spPr")
            xfrm = pr.find(f"{_A}xfrm") if pr is not None else None
            if pr is None or xfrm is None or pr.find(f"{_A}noFill") is not None:
                continue
            off, ext = xfrm.find(f"{_A}off"), xfrm.find(f"{_A}ext")
            try:
                box = (int(off.get("x", "0")), int(off.get("y", "0")), int(ext.get("cx", "0")),
                       int(ext.get("cy", "0")))
            except (AttributeError, ValueError):
                continue
            solid = pr.find(f"{_A}solidFill")
            if solid is not None:
                out.append((box, theme.colour(solid[0]) if len(solid) else None))
            elif any(pr.find(f"{_A}{kind}") is not None for kind in ("gradFill", "pattFill", "blipFill")):
                out.append((box, None))
            else:
                ref = shape.find(f"{_P}style/{_A}fillRef")
                if ref is not None and ref.get("idx", "0") != "0":
                    out.append((box, theme.colour(ref[0]) if len(ref) else None))
    return out
