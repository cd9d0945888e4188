"""Stage two: the plan into .pptx bytes, copying the plan's decisions and deciding nothing.

Titles go into title placeholders (outline view and screen readers read them), every picture gets
its alt text, colours and fonts come from the plan (the brand), and the package is re-zipped with
fixed timestamps and order so the same source gives the same bytes.

Speed: python-pptx's object API costs about 15 ms a slide (every property setter runs XPath and
schema-ordered insertion), which made a 2,000-slide deck take a minute. So each slide's XML is
written here as one string, exactly the elements and attributes python-pptx's own calls produced
(``tests/bench/test_deck_linear.py`` compares the two byte for byte), and kept as bytes, never
parsed (:class:`_WrittenSlidePart`). The package side stays python-pptx's: real slide and notes
parts (:mod:`notes`), relationships with the rIds python-pptx gives them in the order it made
them, and the title placeholder cloned by python-pptx from the layout once per layout
(:func:`_title_prototype`). Zipping is :mod:`package`'s.
"""

from __future__ import annotations

import datetime as _dt
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree
from PIL import Image as PILImage
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import nsdecls, qn
from pptx.oxml.slide import CT_Slide
from pptx.parts.slide import SlidePart
from pptx.presentation import Presentation as PresentationT
from pptx.shapes.shapetree import SlideShapes
from pptx.slide import SlideLayout
from pptx.util import Pt

from docgen.model import Brand
from docgen.render.deck.fast import fast_slides
from docgen.render.deck.fit import INDENT_EM
from docgen.render.deck.measure import LINE_PITCH
from docgen.render.deck.notes import NotesMaker
from docgen.render.deck.package import set_core, xml_attr, xml_text, zip_package
from docgen.render.deck.plan_types import Box, DeckPlan, Picture, SlidePlan
from docgen.render.deck.template import open_template

_TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_SLD_ID, _R_ID = qn("p:sldId"), qn("r:id")
_SLD_OPEN = f"<p:sld {nsdecls('a', 'p', 'r')}><p:cSld>"
_SLD_CLOSE = "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
_SPTREE_OPEN = ('<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
                "</p:nvGrpSpPr><p:grpSpPr/>")
# No ``p:style``: its effectRef idx="2" makes LibreOffice draw the theme's drop shadow under the rule
# (an empty ``a:effectLst`` stops PowerPoint, not LibreOffice).
_RECT_STYLE = ('<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/>'
               "</a:p></p:txBody>")


def write_deck(plan: DeckPlan, brand: Brand, when: _dt.datetime) -> bytes:
    """Return the bytes of the deck described by ``plan``."""
    tpl = open_template(brand)  # checked before any slide is made
    prs = tpl.prs
    with fast_slides(prs):
        writer = _SlideWriter(prs, plan)
        for sp in plan.slides:
            writer.add(sp, tpl.layouts[sp.layout])
    set_core(prs, plan, when)
    return zip_package(prs, plan)


class _SlideWriter:
    """Adds slides to ``prs`` as python-pptx's ``add_slide`` would, with each slide's XML written whole.

    Counters replace python-pptx's per-slide scans: the next slide id (``CT_SlideIdList._next_id``
    runs an XPath over every slide id) and the prototypes (title placeholder per layout, empty notes
    slide) are computed once.
    """

    def __init__(self, prs: PresentationT, plan: DeckPlan) -> None:
        self.prs = prs
        self.part: Any = prs.part
        self.package: Any = self.part.package
        self.fonts = {"heading": xml_attr(plan.heading_font), "body": xml_attr(plan.body_font)}
        self.lang = xml_attr(plan.language)
        self.sld_ids: Any = self.part._element.get_or_add_sldIdLst()
        self.next_id: int = self.sld_ids._next_id
        self.count = len(self.sld_ids)
        self.titles: dict[int, tuple[str, int]] = {}
        self.notes = NotesMaker(self.part)

    def add(self, sp: SlidePlan, layout: SlideLayout) -> None:
        self.count += 1  # python-pptx: len(sldIdLst) + 1, and lxml's len() walks every child
        partname = PackURI(f"/ppt/slides/slide{self.count}.xml")
        slide_part: Any = _WrittenSlidePart(partname, self.package)
        slide_part.relate(layout.part, RT.SLIDE_LAYOUT)
        slide_part.xml = _XML_DECL + self._slide_xml(sp, layout, slide_part).encode()
        rid = self.part.relate_to(slide_part, RT.SLIDE)
        if self.next_id >= 2147483647:  # python-pptx then looks for a gap: let it
            self.next_id = self.sld_ids._next_id
        # python-pptx's ``_add_sldId`` (id, then r:id), without its validating setters: the list
        # has nothing after its slide ids, so the new one goes last.
        etree.SubElement(self.sld_ids, _SLD_ID, {"id": str(self.next_id), _R_ID: rid})
        self.next_id += 1
        if sp.notes:
            self.notes.add(slide_part, sp.notes)

    # -- the slide's XML ----------------------------------------------------------------------
    def _slide_xml(self, sp: SlidePlan, layout: SlideLayout, part: Any) -> str:
        title_open, title_id = self._title(layout)
        out = [_SLD_OPEN]
        if sp.background:
            out.append(f'<p:bg><p:bgPr><a:solidFill><a:srgbClr val="{_hex(sp.background)}"/>'
                       "</a:solidFill><a:effectLst/></p:bgPr></p:bg>")
        out.append(_SPTREE_OPEN)
        out.append(title_open)
        out.append(f"<p:spPr>{_xfrm(sp.title)}</p:spPr>")
        out.append(self._txbody(sp.title, part))
        out.append("</p:sp>")
        shape_id = title_id + 1
        for r in sp.rects:
            out.append(f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="Rectangle {shape_id - 1}"/>'
                       f"<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(r)}"
                       '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
                       f'<a:solidFill><a:srgbClr val="{_hex(r.color)}"/></a:solidFill>'
                       f"<a:ln><a:noFill/></a:ln><a:effectLst/></p:spPr>{_RECT_STYLE}</p:sp>")
            shape_id += 1
        for box in sp.boxes:
            fill = (f'<a:solidFill><a:srgbClr val="{_hex(box.fill)}"/></a:solidFill>' if box.fill
                    else "<a:noFill/>")
            out.append(f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="TextBox {shape_id - 1}"/>'
                       f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(box)}'
                       f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}</p:spPr>')
            out.append(self._txbody(box, part))
            out.append("</p:sp>")
            shape_id += 1
        for pic in sp.pictures:
            out.append(self._picture(pic, shape_id, part))
            shape_id += 1
        out.append(_SLD_CLOSE)
        return "".join(out)

    def _title(self, layout: SlideLayout) -> tuple[str, int]:
        """Return the opening of the slide's title ``p:sp`` (up to ``p:spPr``) and its shape id."""
        key = id(layout)
        if key not in self.titles:
            self.titles[key] = _title_prototype(layout)
        return self.titles[key]

    def _txbody(self, box: Box, part: Any) -> str:
        """A text body as python-pptx's text-frame, paragraph and run setters leave it."""
        inset = int(box.inset)
        out = [f'<p:txBody><a:bodyPr wrap="square" lIns="{inset}" rIns="{inset}" tIns="{inset}" '
               f'bIns="{inset}" anchor="{box.anchor}"><a:noAutofit/></a:bodyPr><a:lstStyle/>']
        sz = _centipoints(box.size)
        pitch = _centipoints(box.size * LINE_PITCH)
        font = self.fonts[box.font]
        color = _hex(box.color)
        for i, para in enumerate(box.paras):
            before = _centipoints(para.space_before * box.size if i else 0)
            attrs = f'algn="{box.align}"'
            if para.bullet or para.number:
                indent = int(INDENT_EM * box.size * 12700)
                attrs += f' marL="{indent}" indent="{-indent}"'
            if para.bullet or para.number:  # colour and font named: no OpenSymbol in LibreOffice
                mark = (f'<a:buClr><a:srgbClr val="{_hex(box.bullet_color or box.color)}"/></a:buClr>',
                        f'<a:buFont typeface="{font}"/>')
            if para.number:
                start = f' startAt="{para.number}"' if para.number > 1 else ""
                bullet = f'{mark[0]}{mark[1]}<a:buAutoNum type="arabicPeriod"{start}/>'
            elif para.bullet:
                bullet = (f'{mark[0]}<a:buSzPct val="100000"/>{mark[1]}'
                          f'<a:buChar char="{xml_attr(box.bullet_char)}"/>')
            else:
                bullet = "<a:buNone/>"
            out.append(f'<a:p><a:pPr {attrs}><a:lnSpc><a:spcPts val="{pitch}"/></a:lnSpc>'
                       f'<a:spcBef><a:spcPts val="{before}"/></a:spcBef>'
                       f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}</a:pPr>')
            for run in para.runs:
                link = ""
                if run.href:
                    rid = part.relate(run.href, RT.HYPERLINK, is_external=True)
                    link = f'<a:hlinkClick r:id="{rid}"/>'
                out.append(f'<a:r><a:rPr sz="{sz}" b="{int(run.bold)}" i="{int(run.italic)}" '
                           f'lang="{self.lang}" cap="none"><a:solidFill><a:srgbClr val="{color}"/>'
                           f'</a:solidFill><a:latin typeface="{font}"/>{link}</a:rPr>'
                           f"<a:t>{xml_text(run.text)}</a:t></a:r>")
            out.append("</a:p>")
        out.append("</p:txBody>")
        return "".join(out)

    def _picture(self, pic: Picture, shape_id: int, part: Any) -> str:
        """Place the picture as large as fits its box, aspect kept, aligned as planned."""
        pw, ph = _pixels(pic.path)
        scale = min(pic.w / pw, pic.h / ph)
        w, h = int(pw * scale), int(ph * scale)
        x = {"l": pic.x, "ctr": pic.x + (pic.w - w) // 2, "r": pic.x + pic.w - w}[pic.align]
        y = pic.y + (pic.h - h) // 2
        image_part = self.package.get_or_add_image_part(str(pic.path))
        rid = part.relate(image_part, RT.IMAGE)
        return (f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="Picture {shape_id - 1}" '
                f'descr="{xml_attr(pic.alt)}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/>'
                f'</p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="{rid}"/>'
                f'<a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm>'
                f'<a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
                f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')


class _WrittenSlidePart(SlidePart):
    """A slide part holding the XML docgen wrote, as bytes, instead of an lxml tree.

    Why: parsing each slide's string only for python-pptx to serialize it back when saving was a
    fifth of a long deck's writing. The string is already exactly what lxml writes for it (escaping,
    empty elements, namespace declarations); ``tests/render/deck/test_deck_writer.py`` reparses
    every slide to keep it so, and ``tests/bench/test_deck_linear.py`` compares whole decks with
    python-pptx's object API.
    """

    def __init__(self, partname: PackURI, package: Any) -> None:
        super().__init__(partname, CT.PML_SLIDE, package, None)  # type: ignore[arg-type]
        self.xml = b""
        self.rids: dict[tuple[str, bool, Any], str] = {}

    @property
    def blob(self) -> bytes:  # type: ignore[override]
        return self.xml

    def relate(self, target: Any, reltype: str, is_external: bool = False) -> str:
        """``relate_to`` (same rIds, an existing one reused) with a dict instead of a scan.

        Why: python-pptx regroups all of the part's relationships by type on every call; only
        docgen relates this new part to anything, so remembering what it related is exact.
        """
        key = (reltype, is_external, target)
        rid = self.rids.get(key)
        if rid is None:
            rid = self.rids[key] = self._rels._add_relationship(reltype, target, is_external)
        return rid


_XML_DECL = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"  # as serialize_part_xml

def _title_prototype(layout: SlideLayout) -> tuple[str, int]:
    """Clone ``layout``'s placeholders into an empty slide as ``add_slide`` does; keep the title.

    Returns the serialized title ``p:sp`` cut just before its empty ``p:spPr`` (the writer adds
    position and text), and its shape id, from which the next shapes are numbered.
    """
    sld: Any = CT_Slide.new()
    SlideShapes(sld.spTree, None).clone_layout_placeholders(layout)  # type: ignore[arg-type]
    title = None
    for sp in list(sld.spTree.iter_ph_elms()):
        if title is None and sp.ph_type in _TITLE_TYPES:
            title = sp
        else:
            sld.spTree.remove(sp)
    assert title is not None  # the template check guarantees it
    xml = _serialize(sld)
    start = xml.index("<p:sp>")
    cut = xml.index("<p:spPr/>", start)
    assert xml.find("</p:sp>", start) > cut, "unexpected title placeholder XML"
    return xml[start:cut], int(title.shape_id)


def _serialize(element: Any) -> str:
    return etree.tostring(element, encoding="unicode")


def _xfrm(shape: Box | Any) -> str:
    return f'<a:xfrm><a:off x="{shape.x}" y="{shape.y}"/><a:ext cx="{shape.w}" cy="{shape.h}"/></a:xfrm>'


@cache
def _centipoints(points: float) -> int:
    """python-pptx's conversion (points -> EMU, truncated -> hundredths of a point, truncated)."""
    return int(Pt(points).centipoints)


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


@cache
def _pixels(path: Path) -> tuple[int, int]:
    with PILImage.open(path) as im:
        return im.size
