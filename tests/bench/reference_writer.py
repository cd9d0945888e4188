"""The deck writer as it was before the speed work: python-pptx's object API, slide by slide.

Kept only as the reference that ``test_deck_linear.py`` compares the fast writer's bytes with. It is
O(n) per slide in places (python-pptx's scans), so use it on small decks only.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree
from PIL import Image as PILImage
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Pt

from docgen.model import Brand
from docgen.render.deck.fast import fast_slides
from docgen.render.deck.fit import INDENT_EM
from docgen.render.deck.measure import LINE_PITCH
from docgen.render.deck.package import _drop_thumbnail, set_core
from docgen.render.deck.plan_types import Box, DeckPlan, Picture, SlidePlan
from docgen.render.deck.template import open_template

_ALIGN = {"l": PP_ALIGN.LEFT, "ctr": PP_ALIGN.CENTER, "r": PP_ALIGN.RIGHT}
_ANCHOR = {"t": MSO_ANCHOR.TOP, "ctr": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def write_deck(plan: DeckPlan, brand: Brand, when: _dt.datetime) -> bytes:
    """Return the bytes of the deck described by ``plan``."""
    tpl = open_template(brand)  # checked before any slide is made
    prs = tpl.prs
    fonts = {"heading": plan.heading_font, "body": plan.body_font}
    with fast_slides(prs):
        for sp in plan.slides:
            slide = prs.slides.add_slide(tpl.layouts[sp.layout])
            _fill(slide, sp, fonts, plan.language)
    set_core(prs, plan, when)  # the core properties are not what this writer is kept for
    buf = io.BytesIO()
    _drop_thumbnail(prs.part.package)  # docgen drops the template's generic preview picture too
    prs.save(buf)
    return _rezip(buf.getvalue(), plan)


def _fill(slide: Slide, sp: SlidePlan, fonts: dict[str, str], lang: str) -> None:
    if sp.background:
        slide.background.fill.solid()
        slide.background.fill.fore_color.rgb = _rgb(sp.background)
    title = None
    for ph in list(slide.placeholders):
        if title is None and ph.placeholder_format.type in (
            PP_PLACEHOLDER.TITLE,
            PP_PLACEHOLDER.CENTER_TITLE,
        ):
            title = ph
        else:  # unused placeholders would show "Click to add text" in PowerPoint
            ph._element.getparent().remove(ph._element)
    assert title is not None  # the template check guarantees it
    _place(title, sp.title)
    _text(title.text_frame, sp.title, fonts, lang)
    for r in sp.rects:
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, r.x, r.y, r.w, r.h)
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(r.color)
        shape.line.fill.background()
        shape.shadow.inherit = False
        # LibreOffice draws the style's effectRef (a drop shadow) despite the empty effectLst.
        shape._element.remove(shape._element.find(qn("p:style")))
    for box in sp.boxes:
        tb = slide.shapes.add_textbox(box.x, box.y, box.w, box.h)
        if box.fill:
            tb.fill.solid()
            tb.fill.fore_color.rgb = _rgb(box.fill)
        _text(tb.text_frame, box, fonts, lang)
    for pic in sp.pictures:
        _picture(slide, pic)
    if sp.notes:
        slide.notes_slide.notes_text_frame.text = sp.notes


def _place(shape, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = box.x, box.y, box.w, box.h


def _text(tf: TextFrame, box: Box, fonts: dict[str, str], lang: str) -> None:
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = box.inset
    tf.vertical_anchor = _ANCHOR[box.anchor]
    size = Pt(box.size)
    for i, para in enumerate(box.paras):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.alignment = _ALIGN[box.align]
        p.line_spacing = Pt(box.size * LINE_PITCH)
        p.space_before = Pt(para.space_before * box.size if i else 0)
        p.space_after = Pt(0)
        _bullet(p._p, para.bullet, para.number, box, fonts[box.font])
        for run in para.runs:
            r = p.add_run()
            r.text = run.text
            f = r.font
            f.name, f.size, f.bold, f.italic = fonts[box.font], size, run.bold, run.italic
            f.color.rgb = _rgb(box.color)
            rpr = r._r.get_or_add_rPr()
            rpr.set("lang", lang)
            rpr.set("cap", "none")  # layouts may set all caps; the text is shown as typed
            if run.href:
                r.hyperlink.address = run.href


def _bullet(p: etree._Element, bullet: bool, number: int | None, box: Box, font: str) -> None:
    """Set a hanging bullet or number, or none at all (a layout's body may bullet by default).

    Bullets and numbers name their colour and font (LibreOffice otherwise draws OpenSymbol's).
    """
    ppr = p.get_or_add_pPr()
    if bullet or number:
        indent = int(INDENT_EM * box.size * 12700)
        ppr.set("marL", str(indent))
        ppr.set("indent", str(-indent))
    for tag in ("a:buClr", "a:buSzPct", "a:buFont", "a:buNone", "a:buAutoNum", "a:buChar"):
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    if bullet or number:
        clr = etree.SubElement(ppr, qn("a:buClr"))
        etree.SubElement(clr, qn("a:srgbClr"), val=(box.bullet_color or box.color).lstrip("#").upper())
    if number:
        etree.SubElement(ppr, qn("a:buFont"), typeface=font)
        el = etree.SubElement(ppr, qn("a:buAutoNum"), type="arabicPeriod")
        if number > 1:
            el.set("startAt", str(number))
    elif bullet:
        etree.SubElement(ppr, qn("a:buSzPct"), val="100000")
        etree.SubElement(ppr, qn("a:buFont"), typeface=font)
        etree.SubElement(ppr, qn("a:buChar"), char=box.bullet_char)
    else:
        etree.SubElement(ppr, qn("a:buNone"))


@cache
def _pixels(path: Path) -> tuple[int, int]:
    with PILImage.open(path) as im:
        return im.size


def _picture(slide: Slide, pic: Picture) -> None:
    """Place the picture as large as fits its box, aspect kept, aligned as planned."""
    pw, ph = _pixels(pic.path)
    scale = min(pic.w / pw, pic.h / ph)
    w, h = int(pw * scale), int(ph * scale)
    x = {"l": pic.x, "ctr": pic.x + (pic.w - w) // 2, "r": pic.x + pic.w - w}[pic.align]
    y = pic.y if pic.role == "logo" else pic.y + (pic.h - h) // 2
    if pic.role == "logo":
        y = pic.y + (pic.h - h) // 2
    shape = slide.shapes.add_picture(str(pic.path), x, y, w, h)
    shape._element.nvPicPr.cNvPr.set("descr", pic.alt)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())




_APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>docgen</Application><PresentationFormat>Widescreen</PresentationFormat>\
<Slides>{slides}</Slides><Notes>{notes}</Notes></Properties>"""


def _rezip(data: bytes, plan: DeckPlan) -> bytes:
    """Re-zip with fixed timestamps, [Content_Types].xml first and the rest sorted by name."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            blob = src.read(name)
            if name == "docProps/app.xml":  # the template's app.xml describes another deck
                notes = sum(1 for s in plan.slides if s.notes)
                blob = _APP.format(slides=len(plan.slides), notes=notes).encode()
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, blob)
    return out.getvalue()
