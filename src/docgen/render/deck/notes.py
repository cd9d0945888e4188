"""Speaker notes: each notes slide written as text, and a notes master when the template has none.

A notes slide is the notes master's two placeholders (the slide image and the body) with the
body's text; the body placeholder's index is the master's, so the text inherits its style.
"""

from __future__ import annotations

import re

from docgen.infra.xmlescape import escape
from docgen.render.deck.opc import names as n
from docgen.render.deck.opc.reader import Part

_NS = f'xmlns:a="{n.A}" xmlns:p="{n.P}" xmlns:r="{n.R}"'
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_GROUP = ('<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
          '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
          '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>')
_CTRL = re.compile(r"([\x00-\x08\x0B-\x1F])")


def xml_text(text: str) -> str:
    """Escape element text as lxml does; control characters as OOXML's ``_xHHHH_``."""
    return _CTRL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", escape(text))


def notes_paras(text: str, lang: str = "") -> str:
    """Paragraphs: one per line, ``\\v`` a line break, no empty runs; each run in ``lang`` (an
    escaped language tag), so a screen reader and the spelling checker read the right language."""
    out = []
    rpr = f'<a:rPr lang="{lang}"/>' if lang else ""
    for line in text.split("\n"):
        runs = []
        for i, seg in enumerate(line.split("\v")):
            if i:
                runs.append(f"<a:br>{rpr}</a:br>" if rpr else "<a:br/>")
            if seg:
                runs.append(f"<a:r>{rpr}<a:t>{xml_text(seg)}</a:t></a:r>")
        out.append(f"<a:p>{''.join(runs)}</a:p>" if runs else "<a:p/>")
    return "".join(out)


class NotesWriter:
    """Writes notes slides for one deck; the text goes into the master's body placeholder."""

    def __init__(self, master: Part | None, lang: str = "") -> None:
        self.lang = lang
        body_idx, image_idx = _indexes(master)
        self.head = (f"{_DECL}<p:notes {_NS}><p:cSld><p:spTree>{_GROUP}"
                     '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr>'
                     '<a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr>'
                     f'<p:ph type="sldImg"{image_idx}/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>'
                     '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr>'
                     f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body"{body_idx}/>'
                     "</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>").encode()
        self.tail = (b"</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/>"
                     b"</p:clrMapOvr></p:notes>")

    def xml(self, text: str) -> bytes:
        """Return the notes slide saying ``text``."""
        return self.head + notes_paras(text, self.lang).encode() + self.tail


def _indexes(master: Part | None) -> tuple[str, str]:
    """The ``idx`` attributes of the master's body and slide-image placeholders (as text)."""
    found = {"body": ' idx="1"', "sldImg": ""}
    if master is None or master.root is None:
        return found["body"], found["sldImg"]
    for ph in master.root.iter(f"{{{n.P}}}ph"):
        type_ = ph.get("type")
        if type_ in found and ph.get("idx"):
            found[type_] = f' idx="{int(ph.get("idx", "0"))}"'
    return found["body"], found["sldImg"]


def default_master() -> bytes:
    """A notes master for a template that has none: the slide above, the notes below, 12 pt."""
    shape = ('<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
             '</p:cNvSpPr><p:nvPr><p:ph type="{type}" idx="{idx}"/></p:nvPr></p:nvSpPr><p:spPr>'
             '<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
             '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{extra}</p:spPr>{body}</p:sp>')
    image = shape.format(id=2, name="Slide Image Placeholder 1", type="sldImg", idx=1, x=381000,
                         y=685800, w=6096000, h=3429000, body="",
                         extra='<a:noFill/><a:ln w="12700"><a:solidFill><a:prstClr val="black"/>'
                               "</a:solidFill></a:ln>")
    notes = shape.format(id=3, name="Notes Placeholder 2", type="body", idx=2, x=685800, y=4343400,
                         w=5486400, h=4114800, extra="",
                         body='<p:txBody><a:bodyPr vert="horz" lIns="91440" tIns="45720" '
                              'rIns="91440" bIns="45720" rtlCol="0"/><a:lstStyle/><a:p><a:pPr '
                              'lvl="0"/><a:r><a:rPr lang="en-US"/><a:t>Click to edit Master text '
                              "styles</a:t></a:r></a:p></p:txBody>")
    style = ('<p:notesStyle><a:lvl1pPr marL="0" algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" '
             'latinLnBrk="0" hangingPunct="1"><a:defRPr sz="1200" kern="1200"><a:solidFill>'
             '<a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/>'
             '<a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr></p:notesStyle>')
    return (f'{_DECL}<p:notesMaster {_NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/>'
            f"</p:bgRef></p:bg><p:spTree>{_GROUP}{image}{notes}</p:spTree></p:cSld>"
            '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" '
            'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" '
            f'folHlink="folHlink"/>{style}</p:notesMaster>').encode()
