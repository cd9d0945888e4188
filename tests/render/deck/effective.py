"""What a viewer draws for a placeholder's text: its properties resolved the way PowerPoint does,
from the run, through the paragraph's level in the slide's shape, the layout's placeholder and the
master's text styles. Slides docgen writes on its own template say almost nothing themselves."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from pptx.oxml.ns import qn

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


@dataclass
class Para:
    size: float  # points
    font: str  # the typeface ("+mj-lt" and "+mn-lt" resolved to the theme's)
    bold: bool
    italic: bool
    space_before: float  # points
    margin: float  # marL, points
    level: int
    colour: str


def theme_fonts(prs) -> dict[str, str]:  # type: ignore[no-untyped-def]
    master = prs.slide_masters[0].part
    theme = next(r.target_part for r in master.rels.values() if r.reltype.endswith("/theme"))
    root = etree.fromstring(theme.blob)
    major = root.find(f".//{A}majorFont/{A}latin").get("typeface")
    minor = root.find(f".//{A}minorFont/{A}latin").get("typeface")
    return {"+mj-lt": major, "+mn-lt": minor}


def layout_placeholder(slide, shape):  # type: ignore[no-untyped-def]
    """The layout's placeholder that ``shape`` fills (same idx; the title by type)."""
    if not shape.is_placeholder:
        return None
    ph = shape.placeholder_format
    for lp in slide.slide_layout.placeholders:
        if ph.idx and lp.placeholder_format.idx == ph.idx:
            return lp
        if not ph.idx and lp.placeholder_format.idx == 0:
            return lp
    return None


def box(slide, shape) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    """The shape's box, the layout placeholder's when the slide gives none."""
    xfrm = shape._element.find(f"{P}spPr/{A}xfrm")
    if xfrm is None:
        lp = layout_placeholder(slide, shape)
        return lp.left, lp.top, lp.width, lp.height
    return shape.left, shape.top, shape.width, shape.height


def insets(slide, shape) -> dict[str, int]:  # type: ignore[no-untyped-def]
    out = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}
    lp = layout_placeholder(slide, shape)
    for el in (lp._element if lp is not None else None, shape._element):
        body = el.find(f"{P}txBody/{A}bodyPr") if el is not None else None
        if body is None:
            continue
        for k in out:
            if body.get(k) is not None:
                out[k] = int(body.get(k))
    return out


def _levels(el, level: int) -> list:  # type: ignore[no-untyped-def]
    found = el.find(f"{P}txBody/{A}lstStyle/{A}lvl{level + 1}pPr") if el is not None else None
    return [found] if found is not None else []


def paragraphs(prs, slide, shape) -> list[tuple[Para, list]]:  # type: ignore[no-untyped-def]
    """Each paragraph of ``shape`` with its resolved properties and its runs."""
    fonts = theme_fonts(prs)
    lp = layout_placeholder(slide, shape)
    master = prs.slide_masters[0]._element
    title = shape.is_placeholder and shape.placeholder_format.idx == 0
    style = master.find(f"{P}txStyles/{P}{'titleStyle' if title else 'bodyStyle'}")
    out = []
    for p in shape._element.iter(f"{A}p"):
        ppr = p.find(f"{A}pPr")
        level = int(ppr.get("lvl", "0")) if ppr is not None else 0
        chain = [ppr] if ppr is not None else []
        chain += _levels(lp._element if lp is not None else None, level)
        master_level = style.find(f"{A}lvl{level + 1}pPr") if style is not None else None
        chain += [master_level] if master_level is not None else []

        def first(path: str, attr: str | None = None, chain=chain):  # type: ignore[no-untyped-def]
            for el in chain:
                found = el if path == "." else el.find(path)
                if found is not None and (attr is None or found.get(attr) is not None):
                    return found if attr is None else found.get(attr)
            return None

        runs = p.findall(f"{A}r")
        rpr = runs[0].find(f"{A}rPr") if runs else None

        def run_or(attr: str, rpr=rpr):  # type: ignore[no-untyped-def]
            if rpr is not None and rpr.get(attr) is not None:
                return rpr.get(attr)
            return first(f"{A}defRPr", attr)

        latin = rpr.find(f"{A}latin") if rpr is not None else None
        face = latin.get("typeface") if latin is not None else None
        if face is None:
            d = first(f"{A}defRPr/{A}latin", "typeface")
            face = d
        fill = rpr.find(f"{A}solidFill/{A}srgbClr") if rpr is not None else None
        colour = fill.get("val") if fill is not None else first(f"{A}defRPr/{A}solidFill/{A}srgbClr",
                                                                "val")
        before = first(f"{A}spcBef/{A}spcPts", "val")
        out.append((Para(int(run_or("sz") or 1800) / 100, fonts.get(face, face), run_or("b") == "1",
                         run_or("i") == "1", int(before or 0) / 100,
                         int(first(".", "marL") or 0) / 12700, level, colour or ""), runs))
    return out


def run_text(runs: list) -> str:
    return "".join(r.findtext(qn("a:t")) or "" for r in runs)
