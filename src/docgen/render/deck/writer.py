"""Stage two: the plan into .pptx bytes, copying the plan's decisions and deciding nothing.

Titles go into the layout's title placeholder (outline view and screen readers read them), every
picture gets its alt text, colours and fonts come from the plan. Each slide's XML is written here
as one string (an object API per shape made long decks slow: docs/performance.md), with its
relationships, and handed to :mod:`package` with the template's parts. No python-pptx:
docgen owns the package (:mod:`~docgen.render.deck.opc`).
"""

from __future__ import annotations

import datetime as _dt
from functools import cache
from pathlib import Path

from PIL import Image as PILImage

from docgen.fonts.runs import is_rtl_paragraph
from docgen.fonts.runs import split as split_scripts
from docgen.model import Brand, Span
from docgen.render.deck import package
from docgen.render.deck.fit import INDENT_EM
from docgen.render.deck.layouts import Layout
from docgen.render.deck.lines import MONO
from docgen.render.deck.measure import LINE_PITCH, deck_font_name
from docgen.render.deck.notes import NotesWriter, xml_text
from docgen.render.deck.opc import names as n
from docgen.render.deck.opc.writer import PackageWriter, Relationship, xml_attr
from docgen.render.deck.plan_types import Box, Code, DeckPlan, Picture, SlidePlan
from docgen.render.deck.template import Template, open_template
from docgen.render.deck.typeset import BREAK
from docgen.render.deck.vector import code_xml, rect_xml

_SLD_OPEN = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sld xmlns:a="{n.A}" ' \
            f'xmlns:p="{n.P}" xmlns:r="{n.R}"><p:cSld>'
_SLD_CLOSE = "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
_SPTREE_OPEN = ('<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
                "</p:nvGrpSpPr><p:grpSpPr/>")
#: The theme's major (headings) and minor (body) faces, as a run names them.
_THEME_FONT = {"heading": "+mj-lt", "body": "+mn-lt"}
_SLIDENUM = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
_CHROME = {"number": 1, "footer": 2, "logo": 3}  # written last, in this order
_SVG_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
_SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF8", "gif"),
               (b"<svg", "svg"), (b"<?xml", "svg"))


def write_deck(plan: DeckPlan, brand: Brand, when: _dt.datetime,
               template: Template | None = None) -> bytes:
    """Return the bytes of the deck described by ``plan`` (on ``template``, else the brand's)."""
    tpl = template or open_template(brand)  # checked before any slide is made
    out = PackageWriter()
    writer = SlideWriter(tpl, plan, out)
    names = [writer.add(i + 1, sp) for i, sp in enumerate(plan.slides)]
    return package.finish(out, tpl, names, writer.notes_master if writer.has_notes else None,
                          plan, when)


class SlideWriter:
    """Writes each slide's XML, its relationships, its notes slide and its pictures into ``out``."""

    def __init__(self, tpl: Template, plan: DeckPlan, out: PackageWriter) -> None:
        self.tpl = tpl
        self.out = out
        self.fonts = {"heading": xml_attr(plan.heading_font), "body": xml_attr(plan.body_font)}
        self.mono = xml_attr(deck_font_name(MONO))  # code spans: Courier New, Liberation Mono's twin
        self.lang = xml_attr(plan.language)
        self.notes_master = package.notes_master_name(tpl)
        self.notes = NotesWriter(tpl.package.notes_master, self.lang)
        self.has_notes = False
        self.media: dict[object, str] = {}
        self.rels: list[Relationship] = []
        self.rids: dict[tuple[str, str], str] = {}

    def add(self, number: int, sp: SlidePlan) -> str:
        """Write slide ``number``; return its part name."""
        name = f"/ppt/slides/slide{number}.xml"
        self.rels, self.rids = [], {}
        layout = self.tpl.layout(sp.layout)
        self._relate(n.RT_LAYOUT, layout.part.name)
        xml = self._slide_xml(sp, layout)
        if sp.notes:
            notes_name = f"/ppt/notesSlides/notesSlide{number}.xml"
            self.out.add(notes_name, n.CT_NOTES, self.notes.xml(sp.notes), (
                Relationship("rId1", n.RT_NOTES_MASTER, self.notes_master),
                Relationship("rId2", n.RT_SLIDE, name)))
            self._relate(n.RT_NOTES, notes_name)
            self.has_notes = True
        self.out.add(name, n.CT_SLIDE, xml.encode(), self.rels)
        return name

    def _relate(self, reltype: str, target: str, external: bool = False) -> str:
        key = (reltype, target)
        rid = self.rids.get(key)
        if rid is None:
            rid = self.rids[key] = f"rId{len(self.rels) + 1}"
            self.rels.append(Relationship(rid, reltype, target, external))
        return rid

    # -- the slide's XML ----------------------------------------------------------------------
    def _slide_xml(self, sp: SlidePlan, layout: Layout) -> str:
        out = [_SLD_OPEN]
        if sp.background:
            out.append(f'<p:bg><p:bgPr><a:solidFill><a:srgbClr val="{_hex(sp.background)}"/>'
                       "</a:solidFill><a:effectLst/></p:bgPr></p:bg>")
        out.append(_SPTREE_OPEN)
        title = layout.title
        out.append(self._shape(sp.title, 2, (title.type, title.idx) if title else None, "Title 1"))
        shape_id = 3
        for r in sp.rects:  # decorative: first, and marked so that screen readers skip them
            out.append(rect_xml(r, shape_id))
            shape_id += 1
        # Reading order is visual order: top to bottom, then left to right; the footer line last.
        content: list[Box | Picture | Code] = [*sp.boxes, *sp.pictures, *sp.codes]
        content.sort(key=_reading_order)
        for item in content:
            if isinstance(item, Box):
                out.append(self._shape(item, shape_id, item.placeholder, None))
            elif isinstance(item, Picture):
                out.append(self._picture(item, shape_id))
            else:
                rid = self._relate(n.RT_HYPERLINK, item.href, True) if item.href else ""
                out.append(code_xml(item, shape_id, rid, xml_attr(item.alt)))
            shape_id += 1
        out.append(_SLD_CLOSE)
        return "".join(out)

    def _shape(self, box: Box, shape_id: int, ph: tuple[str, int] | None, name: str | None) -> str:
        """A text shape: in the layout placeholder ``ph`` (type, idx) when given, else a text box."""
        if ph is not None:
            idx = f' idx="{ph[1]}"' if ph[1] else ""
            label = name or f"Placeholder {shape_id - 1}"
            head = (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{label}"/>'
                    '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
                    f'<p:nvPr><p:ph type="{xml_attr(ph[0])}"{idx}/></p:nvPr></p:nvSpPr>')
            fill = (f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr '
                    f'val="{_hex(box.fill)}"/></a:solidFill>' if box.fill else "")
            # The footer, number and date keep their boxes: LibreOffice draws one without as its
            # own footer field, centred and in the default font.
            home = box.w <= 0 or (box.home == (box.x, box.y, box.w, box.h)
                                  and ph[0] not in ("ftr", "sldNum", "dt"))
            geometry = f"<p:spPr>{'' if home else _xfrm(box)}{fill}</p:spPr>"
        else:
            fill = (f'<a:solidFill><a:srgbClr val="{_hex(box.fill)}"/></a:solidFill>' if box.fill
                    else "<a:noFill/>")
            head = (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="TextBox {shape_id - 1}"/>'
                    '<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>')
            geometry = f'<p:spPr>{_xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}</p:spPr>'
        return f"{head}{geometry}{self._txbody(box)}</p:sp>"

    def _txbody(self, box: Box) -> str:
        if box.style is not None:
            return self._inherited(box)
        inset = int(box.inset)
        anchor = f' anchor="{box.anchor}"' if box.anchor else ""
        right = inset + box.pad_right
        out = [f'<p:txBody><a:bodyPr wrap="square" lIns="{inset}" rIns="{right}" tIns="{inset}" '
               f'bIns="{inset}"{anchor}><a:noAutofit/></a:bodyPr><a:lstStyle/>']
        font = self.fonts[box.font]
        fill = f'<a:solidFill><a:srgbClr val="{_hex(box.color)}"/></a:solidFill>' if box.color else ""
        for i, para in enumerate(box.paras):
            size = para.size or box.size
            sz = _centipoints(size)
            pitch = _centipoints(size * LINE_PITCH)
            before = _centipoints(para.space_before * size if i else 0)
            attrs = f' algn="{box.align}"' if box.align else ""
            if is_rtl_paragraph("".join(run.text for run in para.runs)):
                attrs = f' algn="{"r" if box.align in ("l", "") else box.align}" rtl="1"'
            if para.bullet or para.number:
                indent = int(INDENT_EM * size * 12700)
                attrs += f' marL="{indent}" indent="{-indent}"'
                colour = box.bullet_color or box.color
                mark = (f'<a:buClr><a:srgbClr val="{_hex(colour)}"/></a:buClr>' if colour else "",
                        f'<a:buFont typeface="{font}"/>')
            if para.number:
                start = f' startAt="{para.number}"' if para.number > 1 else ""
                bullet = f'{mark[0]}{mark[1]}<a:buAutoNum type="arabicPeriod"{start}/>'
            elif para.bullet:
                bullet = (f'{mark[0]}<a:buSzPct val="100000"/>{mark[1]}'
                          f'<a:buChar char="{xml_attr(box.bullet_char)}"/>')
            else:
                bullet = "<a:buNone/>"
                if box.hang and i == 0:
                    attrs += f' marL="{box.hang}" indent="{-box.hang}"'
            out.append(f'<a:p><a:pPr{attrs}><a:lnSpc><a:spcPts val="{pitch}"/></a:lnSpc>'
                       f'<a:spcBef><a:spcPts val="{before}"/></a:spcBef>'
                       f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}</a:pPr>')
            if box.role == "number" and box.placeholder is not None:  # the slide number field
                out.append(f'<a:fld id="{_SLIDENUM}" type="slidenum"><a:rPr sz="{sz}" '
                           f'b="{int(para.runs[0].bold) if para.runs else 0}" lang="{self.lang}">'
                           f'{fill}<a:latin typeface="{font}"/></a:rPr>'
                           f"<a:t>{xml_text(para.plain)}</a:t></a:fld></a:p>")
                continue
            for run in para.runs:
                if box.inherit:  # the template's title style decides bold and case
                    style = ' i="1"' if run.italic else ""
                    props = f'sz="{sz}"{style}'
                else:
                    props = f'sz="{sz}" b="{int(run.bold)}" i="{int(run.italic)}" cap="none"'
                # A template title keeps its title style's font (a code span keeps Courier New).
                face = self.mono if run.code else font
                latin = "" if box.inherit and not run.code else f'<a:latin typeface="{face}"/>'
                out.append(self._run(run, props, fill + latin, sz))
            out.append("</a:p>")
        out.append("</p:txBody>")
        return "".join(out)

    def _inherited(self, box: Box) -> str:
        """A placeholder's text on the built-in template: only what its layout's style does not
        already say (a size stepped down, a hanging quote mark, a padded card), so the runs
        inherit the theme's fonts and the layout's sizes, colours and spacing."""
        st = box.style
        assert st is not None
        body = []
        hang_in = box.hang if box.fill else 0  # a card's mark hangs into its padding
        if box.inset != st.inset or box.pad_right or hang_in:
            i = int(box.inset)
            body.append(f'lIns="{i - hang_in}" rIns="{i + box.pad_right}" tIns="{i}" bIns="{i}"')
        if box.anchor and box.anchor != st.anchor:
            body.append(f'anchor="{box.anchor}"')
        out = [f'<p:txBody><a:bodyPr {" ".join(body)}/><a:lstStyle/>' if body else
               "<p:txBody><a:bodyPr/><a:lstStyle/>"]
        for i, para in enumerate(box.paras):
            level = (box.second or st) if para.level else st
            size = para.size or box.size
            attrs = ' lvl="1"' if para.level else ""
            if box.align and box.align != level.align:
                attrs += f' algn="{box.align}"'
            rtl = is_rtl_paragraph("".join(run.text for run in para.runs))
            if rtl:
                attrs += f' algn="{"r" if box.align in ("l", "") else box.align}" rtl="1"'
            inner = []
            if size != level.size:
                inner.append(f'<a:lnSpc><a:spcPts val="{_centipoints(size * LINE_PITCH)}"/></a:lnSpc>')
            before = para.space_before * size if i else 0.0
            if before != level.space_before * level.size or (i == 0 and level.space_before):
                inner.append(f'<a:spcBef><a:spcPts val="{_centipoints(before)}"/></a:spcBef>')
            if para.number:
                if para.number > 1:
                    attrs += ""
                    inner.append(f'<a:buAutoNum type="arabicPeriod" startAt="{para.number}"/>')
            elif not para.bullet and level.bullet:
                attrs += ' marL="0" indent="0"'
                inner.append("<a:buNone/>")
            elif box.hang and i == 0 and not para.bullet:
                attrs += f' marL="{box.hang}" indent="{-box.hang}"'
            out.append(f'<a:p><a:pPr{attrs}>{"".join(inner)}</a:pPr>' if attrs or inner else "<a:p>")
            if box.role == "number" and box.placeholder is not None:  # the slide number field
                out.append(f'<a:fld id="{_SLIDENUM}" type="slidenum"><a:rPr lang="{self.lang}"/>'
                           f"<a:t>{xml_text(para.plain)}</a:t></a:fld></a:p>")
                continue
            colour = (box.color or "").upper() != level.colour.upper() and box.color
            fill = f'<a:solidFill><a:srgbClr val="{_hex(box.color)}"/></a:solidFill>' if colour else ""
            sz = _centipoints(size)
            for run in para.runs:
                props = [f'sz="{sz}"'] if size != level.size else []
                if run.bold != level.bold:  # emphasis, or a plain run in a bold style
                    props.append(f'b="{int(run.bold)}"')
                if run.italic != level.italic:
                    props.append(f'i="{int(run.italic)}"')
                face = (self.mono if run.code else  # the theme's face, so it follows the theme
                        _THEME_FONT[box.font] if box.font != level.font else "")
                latin = f'<a:latin typeface="{face}"/>' if face else ""
                out.append(self._run(run, " ".join(props), fill + latin, sz))
            out.append("</a:p>")
        out.append("</p:txBody>")
        return "".join(out)

    def _run(self, run: Span, props: str, inner: str, sz: int) -> str:
        """A run (one per script of its text: each names its language and, beyond Latin, its
        font), or a line break."""
        if run.text == BREAK:
            return f'<a:br><a:rPr lang="{self.lang}"/></a:br>'
        link = ""
        if run.href:
            link = f'<a:hlinkClick r:id="{self._relate(n.RT_HYPERLINK, run.href, True)}"/>'
        out = []
        head = f"{props} " if props else ""
        for part in split_scripts(run.text, self.lang):
            other = (f'<a:{part.slot} typeface="{xml_attr(part.family)}"/>'
                     if part.family and part.slot != "latin" else "")
            lang = xml_attr(part.lang) if part.lang else self.lang
            out.append(f'<a:r><a:rPr {head}lang="{lang}">{inner}{other}{link}</a:rPr>'
                       f"<a:t>{xml_text(part.text)}</a:t></a:r>")
        return "".join(out)

    def _picture(self, pic: Picture, shape_id: int) -> str:
        """Place the picture as large as fits its box, aspect kept, aligned as planned.

        An SVG (``pic.path`` itself, or ``pic.svg`` beside a raster) goes in as PowerPoint stores
        one: a PNG in ``a:blip`` (what every viewer shows) and the checked SVG in the
        ``asvg:svgBlip`` extension (what PowerPoint 2016 and later draw).
        """
        vector = pic.path.suffix.lower() == ".svg"
        pw, ph = (_svg_size(pic.path) if vector else pic.pixels if pic.pixels[0] > 0
                  else _pixels(pic.path))
        scale = min(pic.w / pw, pic.h / ph)
        w, h = int(pw * scale), int(ph * scale)
        x = {"l": pic.x, "ctr": pic.x + (pic.w - w) // 2, "r": pic.x + pic.w - w}[pic.align]
        y = pic.y + (pic.h - h) // 2
        svg_path = pic.path if vector else pic.svg
        if vector:
            png = _svg_copies(pic.path)[0]
            rid = self._relate(n.RT_IMAGE, self.add_media(("png", pic.path), png, "png"))
        else:
            rid = self._relate(n.RT_IMAGE, self.image(pic.path, pic.data))
        svg = ""
        if svg_path is not None:
            clean = _svg_copies(svg_path)[1]
            svg_rid = self._relate(n.RT_IMAGE, self.add_media(("svg", svg_path), clean, "svg"))
            svg = (f'<a:extLst><a:ext uri="{_SVG_URI}"><asvg:svgBlip xmlns:asvg="{_SVG_NS}" '
                   f'r:embed="{svg_rid}"/></a:ext></a:extLst>')
        ph_ = (f'<p:nvPr><p:ph type="{xml_attr(pic.placeholder[0])}" idx="{pic.placeholder[1]}"/>'
               "</p:nvPr>" if pic.placeholder else "<p:nvPr/>")
        return (f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="Picture {shape_id - 1}" '
                f'descr="{xml_attr(pic.alt)}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/>'
                f'</p:cNvPicPr>{ph_}</p:nvPicPr><p:blipFill><a:blip r:embed="{rid}">{svg}</a:blip>'
                f'<a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm>'
                f'<a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
                f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')

    def image(self, path: Path, data: bytes = b"") -> str:
        """Return the part name of the raster picture at ``path`` (its bytes: ``data`` as the
        loader read them, else the file's), added once per deck."""
        if path in self.media:
            return self.media[path]
        data = data or path.read_bytes()
        ext = next((e for sig, e in _SIGNATURES if data.lstrip()[:len(sig)] == sig), "png")
        return self.add_media(path, data, ext)

    def add_media(self, key: object, data: bytes, ext: str) -> str:
        """Return the part name of a picture's bytes (``key`` says which), added once per deck."""
        name = self.media.get(key)
        if name is None:
            name = f"/ppt/media/docgen-image{len(self.media) + 1}.{ext}"
            self.out.add(name, n.IMAGE_TYPES[ext], data)
            self.media[key] = name
        return name


@cache
def _svg_size(path: Path) -> tuple[float, float]:
    from docgen.svg import read_svg

    clean = read_svg(path)
    return clean.width, clean.height


@cache
def _svg_copies(path: Path) -> tuple[bytes, bytes]:
    """Return (PNG copy, checked SVG) of an SVG picture; the loader has already checked it."""
    from docgen.svg import read_svg
    from docgen.svg.raster import svg_png

    clean = read_svg(path)
    return svg_png(clean.data, clean.width, clean.height), clean.data


def _reading_order(item: Box | Picture | Code) -> tuple[int, int, int]:
    role = getattr(item, "role", "")
    return _CHROME.get(role, 0), item.y, item.x


def _xfrm(s: Box | Picture | Code) -> str:
    return f'<a:xfrm><a:off x="{s.x}" y="{s.y}"/><a:ext cx="{s.w}" cy="{s.h}"/></a:xfrm>'


@cache
def _centipoints(points: float) -> int:
    """Points to hundredths of a point, through EMU and truncated (as python-pptx's ``Pt``)."""
    return int(points * 12700) // 127


def _hex(colour: str | None) -> str:
    return (colour or "#000000").lstrip("#").upper()


@cache
def _pixels(path: Path) -> tuple[int, int]:
    with PILImage.open(path) as im:
        return im.size
