"""Shapes the deck draws itself: a QR code as one vector path, and decorative rules.

A QR code as a picture would blur when a viewer scales it; as a custom geometry (one rectangle
per run of dark modules in a row) it stays sharp at any size, weighs a few kilobytes and needs no
image part. Rules and the code's tile are marked *decorative* (Office's accessibility flag), so
screen readers skip them; the code itself has alt text and links where it points.
"""

from __future__ import annotations

from docgen.render.deck.plan_types import Code, Rect

#: Office's "mark as decorative" extension on ``p:cNvPr``.
DECORATIVE = ('<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative '
              'xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
              "</a:ext></a:extLst>")
# No ``p:style``: its effectRef idx="2" makes LibreOffice draw the theme's drop shadow under the rule
# (an empty ``a:effectLst`` stops PowerPoint, not LibreOffice).
_EMPTY_TEXT = ('<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/>'
               "</a:p></p:txBody>")


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def rect_xml(r: Rect, shape_id: int) -> str:
    """A filled rectangle with no outline, no style and no shadow, marked decorative."""
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="Rectangle {shape_id - 1}">{DECORATIVE}'
            f'</p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{r.x}" y="{r.y}"/>'
            f'<a:ext cx="{r.w}" cy="{r.h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            f'<a:solidFill><a:srgbClr val="{_hex(r.color)}"/></a:solidFill>'
            f"<a:ln><a:noFill/></a:ln><a:effectLst/></p:spPr>{_EMPTY_TEXT}</p:sp>")


def code_xml(c: Code, shape_id: int, link_rid: str, alt: str) -> str:
    """The QR code ``c`` as one custom-geometry shape in module units; ``alt`` is escaped."""
    n = len(c.modules)
    path = "".join(
        f'<a:moveTo><a:pt x="{loop[0][0]}" y="{loop[0][1]}"/></a:moveTo>'
        + "".join(f'<a:lnTo><a:pt x="{x}" y="{y}"/></a:lnTo>' for x, y in loop[1:]) + "<a:close/>"
        for loop in outlines(c.modules))
    link = f'<a:hlinkClick r:id="{link_rid}"/>' if link_rid else ""
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="QR Code {shape_id - 1}" '
            f'descr="{alt}">{link}</p:cNvPr><p:cNvSpPr><a:spLocks noChangeAspect="1"/></p:cNvSpPr>'
            f'<p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{c.x}" y="{c.y}"/>'
            f'<a:ext cx="{c.w}" cy="{c.h}"/></a:xfrm><a:custGeom><a:avLst/><a:gdLst/><a:ahLst/>'
            f'<a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="{n}" h="{n}">'
            f'{path}</a:path></a:pathLst></a:custGeom>'
            f'<a:solidFill><a:srgbClr val="{_hex(c.color)}"/></a:solidFill><a:ln><a:noFill/></a:ln>'
            f"<a:effectLst/></p:spPr>{_EMPTY_TEXT}</p:sp>")


def outlines(modules: tuple[tuple[bool, ...], ...]) -> list[list[tuple[int, int]]]:
    """The outlines of the dark areas, as closed loops of grid corners (dark on their right).

    One outline per area edge, not one square per module: squares side by side leave hairline
    seams where a viewer smooths their edges. Filled even-odd or non-zero, the loops give the same
    picture however the corners where two areas touch are paired, as it depends only on the edges.
    """
    n = len(modules)

    def dark(r: int, c: int) -> bool:
        return 0 <= r < n and 0 <= c < n and modules[r][c]

    edges: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for r in range(n):
        for c in range(n):
            if not modules[r][c]:
                continue
            for ok, start, end in ((not dark(r - 1, c), (c, r), (c + 1, r)),
                                   (not dark(r, c + 1), (c + 1, r), (c + 1, r + 1)),
                                   (not dark(r + 1, c), (c + 1, r + 1), (c, r + 1)),
                                   (not dark(r, c - 1), (c, r + 1), (c, r))):
                if ok:
                    edges.setdefault(start, []).append(end)
    loops = []
    for first in sorted(edges):
        while edges.get(first):
            loop, at = [first], edges[first].pop()
            while at != first:
                loop.append(at)
                at = edges[at].pop()
            loops.append(_corners(loop))
    return loops


def _corners(loop: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``loop`` without the points in the middle of straight runs."""
    out = []
    for i, p in enumerate(loop):
        before, after = loop[i - 1], loop[(i + 1) % len(loop)]
        if (p[0] - before[0], p[1] - before[1]) != (after[0] - p[0], after[1] - p[1]):
            out.append(p)
    return out
