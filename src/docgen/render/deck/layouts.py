"""Which layout of a template each kind of slide uses: by what the layout is, then by its name.

A layout says what it is through its ``type`` (``title``, ``secHead``, ``titleOnly``, ``obj``,
``blank``...) and its placeholders' types, in every language PowerPoint is used in; its name is
only a label ("Titelfolie", "Diapositiva de título"), so names are the second resort.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from docgen.render.deck.opc import names as n
from docgen.render.deck.opc.reader import Part

TITLE_TYPES = ("title", "ctrTitle")
_CHROME = {"dt", "ftr", "sldNum"}
_P = f"{{{n.P}}}"
_A = f"{{{n.A}}}"

Rect = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A layout placeholder: its type (``obj`` when unset, as the standard says), index, box."""

    type: str
    idx: int
    rect: Rect | None


@dataclass(eq=False)
class Layout:
    """One layout of the template, with what docgen needs to know of it."""

    part: Part
    master: Part
    name: str
    type: str
    placeholders: tuple[Placeholder, ...]

    @property
    def title(self) -> Placeholder | None:
        return next((p for p in self.placeholders if p.type in TITLE_TYPES), None)

    def placeholder(self, type_: str, idx: int | None = None) -> Placeholder | None:
        """Return the placeholder of ``type_`` (and ``idx`` when given): where a plan box can go."""
        return next((p for p in self.placeholders if p.type == type_ and idx in (None, p.idx)), None)


#: Layout names PowerPoint and LibreOffice give, lower-cased, in the languages seen in templates.
_NAMES = {
    "title": ("title slide", "titelfolie", "diapositiva de título", "diapositive de titre",
              "diapositivo de título", "diapositiva titolo", "titeldia", "titelbild", "rubrikbild",
              "title"),
    "section": ("section header", "section title", "abschnittsüberschrift", "encabezado de sección",
                "en-tête de section", "cabeçalho de secção", "cabeçalho da seção",
                "intestazione sezione", "sectiekop", "avsnittsrubrik", "titre de section",
                "section"),
    "content": ("title only", "nur titel", "solo el título", "titre seul", "somente título",
                "apenas título", "solo titolo", "alleen titel", "endast rubrik", "только заголовок",
                "仅标题"),
    "body": ("title, content", "title and content", "titel und inhalt", "título y objetos",
             "titre et contenu", "rubrik och innehåll", "заголовок и объект", "标题和内容"),
}


def describe(part: Part, master: Part) -> Layout:
    """Return the layout in ``part`` with its placeholders' boxes (inherited from the master)."""
    root = part.root
    assert root is not None
    c_sld = root.find(f"{_P}cSld")
    name = c_sld.get("name", "") if c_sld is not None else ""
    inherited = _boxes(master.root)
    found = []
    for ph, rect in _placeholders(root):
        type_ = ph.get("type", "obj")
        idx = _int(ph.get("idx", "0"))
        if rect is None:
            rect = inherited.get("title" if type_ in TITLE_TYPES else type_) or inherited.get(
                "body" if type_ in ("obj", "subTitle") else "")
        found.append(Placeholder(type_, idx, rect))
    return Layout(part, master, name, root.get("type", "cust"), tuple(found))


#: Parts of section layout names ("Section Divider with Image", "Abschnittsüberschrift 2").
_SECTION_STEMS = ("section", "abschnitt", "sección", "seccion", "sezione", "sectie", "avsnitt",
                  "seção", "secção", "раздел", "节")


def choose(layouts: list[Layout], height: int) -> dict[str, Layout]:
    """Return the layout for each slide role (title, section, content). ``layouts`` is not empty;
    ``height`` is the slide's, to tell a title at the top from a centred one.

    Content: ``titleOnly``; a content name; a layout with only a title at the top; a title at the
    top and a body; any layout with a title at the top, or any title; ``blank``; the first. Title:
    ``title``, a title name, a centred title with a subtitle, a centred title, a title in the
    middle of the slide, else the content layout. Section: ``secHead``, a section name, a name
    with "section" in it (in the languages seen), else the title layout. Section: ``secHead``, a
    section name, else the title layout.
    """
    def first(*tests: Callable[[Layout], bool]) -> Layout | None:
        for test in tests:
            hit = next((lay for lay in layouts if test(lay)), None)
            if hit is not None:
                return hit
        return None

    def named(role: str) -> Callable[[Layout], bool]:
        return lambda lay: _norm(lay.name) in _NAMES[role]

    def kinds(lay: Layout) -> set[str]:
        return {p.type for p in lay.placeholders} - _CHROME

    def plain_title(lay: Layout) -> bool:  # a "title" placeholder at the top of the slide
        title = next((p for p in lay.placeholders if p.type == "title"), None)
        return title is not None and (title.rect is None or title.rect[1] + title.rect[3] / 2 < height * 0.3)

    def centred_title(lay: Layout) -> bool:  # a title in the middle band, as on title slides
        rect = lay.title.rect if lay.title is not None else None
        return rect is not None and height * 0.25 < rect[1] + rect[3] / 2 < height * 0.75

    content = first(
        lambda lay: lay.type == "titleOnly",
        named("content"),
        lambda lay: plain_title(lay) and kinds(lay) <= {"title"},
        lambda lay: lay.type in ("obj", "tx") and plain_title(lay) and bool(kinds(lay) & {"body", "obj"}),
        named("body"),
        lambda lay: plain_title(lay) and bool(kinds(lay) & {"body", "obj"}),
        plain_title,
        lambda lay: lay.title is not None and lay.type not in ("title", "secHead"),
        lambda lay: lay.type == "blank",
    ) or layouts[0]
    title = first(
        lambda lay: lay.type == "title",
        named("title"),
        lambda lay: {"ctrTitle", "subTitle"} <= kinds(lay),
        lambda lay: "ctrTitle" in kinds(lay),
        lambda lay: lay is not content and centred_title(lay) and "pic" not in kinds(lay),
    ) or content
    section = first(lambda lay: lay.type == "secHead", named("section"),
                    lambda lay: any(stem in _norm(lay.name) for stem in _SECTION_STEMS)) or title
    return {"title": title, "section": section, "content": content}


#: Slide roles beyond title, section and content, and the role whose layout stands in for each on a
#: template that was not made for docgen (the planner fills only its title, section and content
#: layouts' placeholders).
STAND_INS = {"agenda": "content", "bullets": "content", "cards2": "content", "cards3": "content",
             "comparison": "content", "quote": "content", "statement": "content",
             "picture": "content", "author": "content", "blank": "content", "closing": "title",
             "question": "content"}


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().lower()


def _placeholders(root: etree._Element) -> list[tuple[etree._Element, Rect | None]]:
    """The ``p:ph`` of each top-level shape in the shape tree, with the shape's own box."""
    tree = root.find(f"{_P}cSld/{_P}spTree")
    out: list[tuple[etree._Element, Rect | None]] = []
    if tree is None:
        return out
    for shape in tree:
        ph = shape.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
        if ph is None:
            ph = shape.find(f"{_P}nvPicPr/{_P}nvPr/{_P}ph")
        if ph is not None:
            out.append((ph, _rect(shape)))
    return out


def _boxes(master_root: etree._Element | None) -> dict[str, Rect]:
    """The master's placeholder boxes by type (title, body, dt, ftr, sldNum)."""
    if master_root is None:
        return {}
    out: dict[str, Rect] = {}
    for ph, rect in _placeholders(master_root):
        type_ = ph.get("type", "obj")
        key = "title" if type_ in TITLE_TYPES else ("body" if type_ == "obj" else type_)
        if rect is not None:
            out.setdefault(key, rect)
    return out


def _rect(shape: etree._Element) -> Rect | None:
    xfrm = shape.find(f"{_P}spPr/{_A}xfrm")
    if xfrm is None:
        return None
    off, ext = xfrm.find(f"{_A}off"), xfrm.find(f"{_A}ext")
    if off is None or ext is None:
        return None
    x, y = _int(off.get("x", "0")), _int(off.get("y", "0"))
    w, h = _int(ext.get("cx", "0")), _int(ext.get("cy", "0"))
    return (x, y, w, h) if w > 0 and h > 0 else None


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0
