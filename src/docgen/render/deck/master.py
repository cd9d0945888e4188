"""The built-in template, written from :mod:`.design`: theme, slide master, layouts and the logos.

The theme carries the brand: its colours (dk1/lt1 text and background, dk2/lt2 primary and tint,
accent1-3 primary, secondary, accent, accent4-6 their tints, hyperlinks) and its two families
(major = headings, minor = body, by the names PowerPoint knows: Calibri for Carlito, Cambria for
Caladea). The master holds the title, body, date, footer and slide-number placeholders, the accent
rule and the small logo; each layout names its placeholders' boxes and styles, so text typed into a
new slide looks like docgen's. Made per brand in a few milliseconds, remembered per process.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from docgen.colour import mix
from docgen.model import Brand
from docgen.render.deck.design import Art, Design, LayoutDesign, Slot, Style, design
from docgen.render.deck.measure import LINE_PITCH, deck_font_name
from docgen.render.deck.opc import names as n
from docgen.render.deck.opc.writer import PackageWriter, Relationship, xml_attr
from docgen.render.deck.package import VIEW_PROPS
from docgen.render.deck.vector import DECORATIVE
from docgen.scheme import scheme

_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_NS = f'xmlns:a="{n.A}" xmlns:r="{n.R}" xmlns:p="{n.P}"'
_GROUP = ('<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
          '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
          '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>')
_CLR_MAP = ('bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" '
            'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" '
            'folHlink="folHlink"')
_SLIDENUM = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
_DATETIME = "{E8A2D3C1-7B4F-4C55-9E2A-3F1D6B0C8A11}"
_SVG_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
_SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
#: The part names the built-in template uses (the deck's slides and notes take other names).
MASTER = "/ppt/slideMasters/slideMaster1.xml"
THEME = "/ppt/theme/theme1.xml"


def builtin_template(brand: Brand) -> bytes:
    """Return the built-in template for ``brand`` as .pptx bytes (slides: none)."""
    return _template(brand, _logo_key(brand.logo), _logo_key(brand.logo_on_dark))


def _logo_key(path: Path | None) -> str:
    """The logo file's content hash: an edited logo makes a new template in ``watch``."""
    if path is None:
        return ""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


@lru_cache(maxsize=8)
def _template(brand: Brand, light_key: str, dark_key: str) -> bytes:
    d = design(brand.palette)
    out = PackageWriter()
    logos = _Logos(out, brand)
    layouts = []
    for i, lay in enumerate(d.layouts, 1):
        name = f"/ppt/slideLayouts/slideLayout{i}.xml"
        rels = [Relationship("rId1", n.RT_MASTER, MASTER)]
        xml = _layout_xml(lay, logos.use(lay.art, rels))
        out.add(name, n.CT_LAYOUT, xml.encode(), rels)
        layouts.append(name)
    rels = [Relationship(f"rId{i}", n.RT_LAYOUT, name) for i, name in enumerate(layouts, 1)]
    rels.append(Relationship(f"rId{len(rels) + 1}", n.RT_THEME, THEME))
    master_xml = _master_xml(d, brand, logos.use(d.master.art, rels), len(layouts))
    out.add(MASTER, n.CT_MASTER, master_xml.encode(), rels)
    out.add(THEME, n.CT_THEME, theme_xml(brand).encode())
    out.add("/ppt/presProps.xml", n.CT_PRES_PROPS,
            f'{_DECL}<p:presentationPr {_NS}/>'.encode())
    out.add("/ppt/tableStyles.xml", n.CT_TABLE_STYLES,
            f'{_DECL}<a:tblStyleLst xmlns:a="{n.A}" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>'
            .encode())
    pres = (f'{_DECL}<p:presentation {_NS} saveSubsetFonts="1"><p:sldMasterIdLst>'
            '<p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
            '<p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/>'
            "</p:presentation>")
    out.add("/ppt/viewProps.xml", n.CT_VIEW_PROPS, VIEW_PROPS)  # PowerPoint "repairs" one without
    out.add("/ppt/presentation.xml", n.CT_PRESENTATION, pres.encode(), [
        Relationship("rId1", n.RT_MASTER, MASTER), Relationship("rId2", n.RT_THEME, THEME),
        Relationship("rId3", n.RT_PRES_PROPS, "/ppt/presProps.xml"),
        Relationship("rId4", n.RT_TABLE_STYLES, "/ppt/tableStyles.xml"),
        Relationship("rId5", n.RT_VIEW_PROPS, "/ppt/viewProps.xml")])
    out.relate_package([Relationship("rId1", n.RT_OFFICE_DOC, "/ppt/presentation.xml")])
    return out.to_bytes()


# -- the logos -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Media:
    png: str  # part name of what every viewer draws
    svg: str  # part name of the vector original, or ""
    width: float
    height: float


class _Logos:
    """Adds each logo file once and relates it to the parts whose art shows it."""

    def __init__(self, out: PackageWriter, brand: Brand) -> None:
        self.out = out
        self.brand = brand
        self.added: dict[str, _Media | None] = {}

    def media(self, which: str) -> _Media | None:
        if which in self.added:
            return self.added[which]
        path = self.brand.logo if which == "light" else self.brand.logo_on_dark
        found = None if path is None else self._add(path, len(self.added) + 1)
        self.added[which] = found
        return found

    def _add(self, path: Path, i: int) -> _Media | None:
        try:
            if path.suffix.lower() == ".svg":
                from docgen.svg import read_svg
                from docgen.svg.raster import svg_png

                clean = read_svg(path)
                png, width, height = svg_png(clean.data, clean.width, clean.height), clean.width, clean.height
                svg = f"/ppt/media/logo{i}.svg"
                self.out.add(svg, n.IMAGE_TYPES["svg"], clean.data)
            else:
                from PIL import Image

                png = path.read_bytes()
                with Image.open(path) as im:
                    width, height = im.size
                svg = ""
            ext = "png" if png.startswith(b"\x89PNG") else "jpeg" if png.startswith(b"\xff\xd8") else "gif"
        except (OSError, ValueError):
            return None  # the loader checked it; a file gone since is left out, not fatal
        name = f"/ppt/media/logo{i}.{ext}"
        self.out.add(name, n.IMAGE_TYPES[ext], png)
        return _Media(name, svg, float(width), float(height))

    def use(self, art: tuple[Art, ...], rels: list[Relationship]) -> list[str]:
        """Return the XML of ``art`` (rules and logos), adding the logos' relationships to ``rels``."""
        out = []
        for i, a in enumerate(art):
            if not a.logo:
                out.append(_rect(100 + i, a))
                continue
            media = self.media(a.logo)
            if media is None:
                continue
            rid = f"rId{len(rels) + 1}"
            rels.append(Relationship(rid, n.RT_IMAGE, media.png))
            svg = ""
            if media.svg:
                svg_rid = f"rId{len(rels) + 1}"
                rels.append(Relationship(svg_rid, n.RT_IMAGE, media.svg))
                svg = (f'<a:extLst><a:ext uri="{_SVG_URI}"><asvg:svgBlip xmlns:asvg="{_SVG_NS}" '
                       f'r:embed="{svg_rid}"/></a:ext></a:extLst>')
            out.append(_picture(100 + i, a, media, rid, svg, self.brand))
        return out


def fit(rect: tuple[int, int, int, int], width: float, height: float, align: str
        ) -> tuple[int, int, int, int]:
    """The largest box of the picture's aspect inside ``rect``, aligned left, centre or right."""
    x, y, w, h = rect
    scale = min(w / width, h / height)
    pw, ph = int(width * scale), int(height * scale)
    px = {"l": x, "ctr": x + (w - pw) // 2, "r": x + w - pw}[align]
    return px, y + (h - ph) // 2, pw, ph


def _picture(shape_id: int, art: Art, media: _Media, rid: str, svg: str, brand: Brand) -> str:
    x, y, w, h = fit(art.rect, media.width, media.height, art.align)
    alt = xml_attr(brand.logo_alt or f"{brand.name} logo")
    return (f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="Logo {shape_id}" descr="{alt}"/>'
            '<p:cNvPicPr><a:picLocks noGrp="1" noChangeAspect="1"/></p:cNvPicPr>'
            '<p:nvPr userDrawn="1"/></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{rid}">{svg}</a:blip><a:stretch><a:fillRect/></a:stretch>'
            f'</p:blipFill><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/>'
            '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')


def _rect(shape_id: int, art: Art) -> str:
    """A brand rule: a plain filled rectangle, no outline, no style (no theme shadow)."""
    x, y, w, h = art.rect
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="Rule {shape_id}">{DECORATIVE}</p:cNvPr>'
            '<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>'
            f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{_fill(art.colour)}<a:ln><a:noFill/>'
            '</a:ln></p:spPr><p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p>'
            '<a:pPr algn="ctr"/><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>')


# -- placeholders ----------------------------------------------------------------------------------
def _fill(colour: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{colour.lstrip("#").upper()}"/></a:solidFill>'


def _font(style: Style) -> str:
    kind = "mj" if style.font == "heading" else "mn"
    return f'<a:latin typeface="+{kind}-lt"/><a:ea typeface="+{kind}-ea"/><a:cs typeface="+{kind}-cs"/>'


def level(style: Style, lvl: int = 1, size: float | None = None) -> str:
    """``a:lvlNpPr`` for ``style``: alignment, bullets, spacing and the run defaults. Lines are
    docgen's pitch in exact points (the planner measured them so), so a slide's paragraphs need
    say nothing of their spacing."""
    size = size or style.size
    sz = int(size * 100)
    attrs = f'algn="{style.align}"'
    if style.bullet:
        indent = style.indent or int(1.2 * size * 12700)
        attrs += f' marL="{indent * lvl}" indent="{-indent}"'
        colour = (f'<a:buClr><a:srgbClr val="{style.bullet_colour.lstrip("#").upper()}"/></a:buClr>'
                  if style.bullet_colour else "")
        mark = ('<a:buAutoNum type="arabicPeriod"/>' if style.bullet == "1." else
                f'<a:buFont typeface="+mn-lt"/><a:buChar char="{xml_attr(style.bullet)}"/>')
        bullet = f'{colour}<a:buSzPct val="100000"/>{mark}'
    else:
        attrs += ' marL="0" indent="0"'
        bullet = "<a:buNone/>"
    before = int(style.space_before * size * 100)
    pitch = int(size * LINE_PITCH * 12700) // 127
    caps = ' cap="all"' if style.caps else ""
    spacing = f' spc="{style.spacing}"' if style.spacing else ""
    return (f'<a:lvl{lvl}pPr {attrs}><a:lnSpc><a:spcPts val="{pitch}"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="{before}"/></a:spcBef><a:spcAft><a:spcPts val="0"/>'
            f'</a:spcAft>{bullet}<a:defRPr sz="{sz}" b="{int(style.bold)}" i="{int(style.italic)}"'
            f'{caps}{spacing}>{_fill(style.colour)}{_font(style)}</a:defRPr></a:lvl{lvl}pPr>')


def _body_pr(style: Style) -> str:
    i = style.inset
    return (f'<a:bodyPr vert="horz" wrap="square" lIns="{i}" tIns="{i}" rIns="{i}" bIns="{i}" '
            f'rtlCol="0" anchor="{style.anchor}"><a:noAutofit/></a:bodyPr>')


def _placeholder(shape_id: int, slot: Slot, footer: str = "") -> str:
    x, y, w, h = slot.rect
    idx = f' idx="{slot.idx}"' if slot.idx else ""
    size = ' sz="quarter"' if slot.type in ("sldNum", "ftr", "dt") else ""
    if slot.type == "sldNum":
        para = (f'<a:p><a:fld id="{_SLIDENUM}" type="slidenum"><a:rPr lang="en-US"/><a:t>‹#›</a:t>'
                "</a:fld></a:p>")
    elif slot.type == "dt":
        para = (f'<a:p><a:fld id="{_DATETIME}" type="datetime1"><a:rPr lang="en-US"/>'
                "<a:t>1/1/2026</a:t></a:fld></a:p>")
    elif slot.type == "ftr":
        para = f'<a:p><a:r><a:rPr lang="en-US"/><a:t>{_text(footer)}</a:t></a:r></a:p>'
    else:
        para = f'<a:p><a:r><a:rPr lang="en-US"/><a:t>{_text(slot.prompt)}</a:t></a:r></a:p>'
    fill = _fill(slot.style.fill) if slot.style.fill else ""
    name = {"title": "Title", "ctrTitle": "Title", "subTitle": "Subtitle", "pic": "Picture Placeholder",
            "sldNum": "Slide Number", "ftr": "Footer", "dt": "Date"}.get(slot.type, "Text Placeholder")
    levels = level(slot.style)
    if slot.second is not None:  # a quote's attribution, under its words
        levels += level(slot.second, 2)
    elif slot.style.bullet == "•":  # second and third levels for a person's own sub-points
        levels += level(slot.style, 2, max(20.0, slot.style.size - 4)) + level(slot.style, 3, 20.0)
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name} {shape_id - 1}"/><p:cNvSpPr>'
            f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="{slot.type}"{size}{idx}/></p:nvPr>'
            f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}</p:spPr><p:txBody>'
            f"{_body_pr(slot.style)}<a:lstStyle>{levels}</a:lstStyle>{para}</p:txBody></p:sp>")


def _text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _background(colour: str) -> str:
    if not colour:
        return ""
    return f"<p:bg><p:bgPr>{_fill(colour)}<a:effectLst/></p:bgPr></p:bg>"


def _layout_xml(lay: LayoutDesign, art: list[str]) -> str:
    hide = "" if lay.master_shapes else ' showMasterSp="0"'
    shapes = "".join(_placeholder(i + 2, s) for i, s in enumerate(lay.slots))
    return (f'{_DECL}<p:sldLayout {_NS} type="{lay.type}" preserve="1"{hide}>'
            f'<p:cSld name="{xml_attr(lay.name)}">{_background(lay.background)}<p:spTree>{_GROUP}'
            f'{"".join(art)}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/>'
            "</p:clrMapOvr></p:sldLayout>")


def _master_xml(d: Design, brand: Brand, art: list[str], count: int) -> str:
    m = d.master
    shapes = "".join(_placeholder(i + 2, s, brand.footer or "") for i, s in enumerate(m.slots))
    ids = "".join(f'<p:sldLayoutId id="{2147483649 + i}" r:id="rId{i + 1}"/>' for i in range(count))
    title, body = m.slot("title").style, m.slot("body").style
    body_levels = level(body) + level(body, 2, 24.0) + "".join(level(body, i, 20.0) for i in range(3, 10))
    other = Style(18.0, "body", body.colour)
    return (f'{_DECL}<p:sldMaster {_NS}><p:cSld>{_background(m.background)}<p:spTree>{_GROUP}'
            f'{"".join(art)}{shapes}</p:spTree></p:cSld><p:clrMap {_CLR_MAP}/>'
            f'<p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst><p:hf hdr="0" dt="0"/><p:txStyles>'
            f"<p:titleStyle>{level(title)}</p:titleStyle><p:bodyStyle>{body_levels}</p:bodyStyle>"
            f'<p:otherStyle><a:defPPr><a:defRPr lang="en-US"/></a:defPPr>{level(other)}</p:otherStyle>'
            "</p:txStyles></p:sldMaster>")


# -- the theme -------------------------------------------------------------------------------------
def theme_colours(brand: Brand) -> dict[str, str]:
    """The theme's colour slots from the brand (each text colour as checked by :mod:`docgen.scheme`)."""
    p = brand.palette
    k = scheme(p)[0]
    return {"dk1": k.text, "lt1": p.background, "dk2": p.primary, "lt2": p.light,
            "accent1": p.primary, "accent2": p.secondary, "accent3": p.accent,
            "accent4": mix(p.primary, p.background, 0.4),
            "accent5": mix(p.secondary, p.background, 0.4),
            "accent6": mix(p.accent, p.foreground, 0.3),
            "hlink": k.link, "folHlink": mix(k.link, k.text, 0.35)}


def theme_xml(brand: Brand) -> str:
    """A theme in the brand's colours and families, with flat shapes (no shadows, no bevels)."""
    slots = "".join(f'<a:{k}><a:srgbClr val="{v.lstrip("#").upper()}"/></a:{k}>'
                    for k, v in theme_colours(brand).items())
    major = xml_attr(deck_font_name(brand.heading_font.name))
    minor = xml_attr(deck_font_name(brand.body_font.name))
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = '<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">' + fill + '<a:prstDash val="solid"/></a:ln>'
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
    name = xml_attr(brand.name)
    return (f'{_DECL}<a:theme xmlns:a="{n.A}" name="{name}"><a:themeElements>'
            f'<a:clrScheme name="{name}">{slots}</a:clrScheme><a:fontScheme name="{name}">'
            f'<a:majorFont><a:latin typeface="{major}"/><a:ea typeface=""/><a:cs typeface=""/>'
            f'</a:majorFont><a:minorFont><a:latin typeface="{minor}"/><a:ea typeface=""/>'
            f'<a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="{name}">'
            f"<a:fillStyleLst>{fill * 3}</a:fillStyleLst><a:lnStyleLst>"
            f'{line.format(w=9525)}{line.format(w=19050)}{line.format(w=28575)}</a:lnStyleLst>'
            f"<a:effectStyleLst>{effect * 3}</a:effectStyleLst><a:bgFillStyleLst>{fill * 3}"
            "</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/>"
            "<a:extraClrSchemeLst/></a:theme>")
