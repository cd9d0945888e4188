"""Hostile templates, crafted from the built-in one: each adds one thing a template must not carry."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from docgen.render.deck.template import builtin_bytes
from docgen.source.defaults import default_brand

LAYOUT = "ppt/slideLayouts/slideLayout1.xml"
LAYOUT_RELS = "ppt/slideLayouts/_rels/slideLayout1.xml.rels"
PRES_RELS = "ppt/_rels/presentation.xml.rels"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
SHAPE = ('<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}">{link}</p:cNvPr><p:cNvSpPr/><p:nvPr/>'
         '</p:nvSpPr><p:spPr/></p:sp>')


def craft(edit: Callable[[dict[str, bytes]], None]) -> bytes:
    """Return the built-in template with ``edit`` applied to its members (name -> bytes)."""
    with zipfile.ZipFile(io.BytesIO(builtin_bytes(default_brand()))) as z:
        members = {n: z.read(n) for n in z.namelist()}
    edit(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def add_rel(members: dict[str, bytes], rels: str, rid: str, kind: str, target: str,
            external: bool = False) -> None:
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="{rid}" Type="{RT}{kind}" Target="{target}"{mode}/>'
    members[rels] = members[rels].replace(b"</Relationships>", rel.encode() + b"</Relationships>")


def add_shape(members: dict[str, bytes], xml: str) -> None:
    members[LAYOUT] = members[LAYOUT].replace(b"</p:spTree>", xml.encode() + b"</p:spTree>")


def add_type(members: dict[str, bytes], part: str, ctype: str) -> None:
    override = f'<Override PartName="/{part}" ContentType="{ctype}"/>'
    ct = "[Content_Types].xml"
    members[ct] = members[ct].replace(b"</Types>", override.encode() + b"</Types>")


def macro(m: dict[str, bytes]) -> None:
    m["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 not really a VBA project"
    add_rel(m, PRES_RELS, "rId99", "vbaProject", "vbaProject.bin")
    add_type(m, "ppt/vbaProject.bin", "application/vnd.ms-office.vbaProject")


def ole(m: dict[str, bytes]) -> None:
    m["ppt/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0 an OLE object"
    add_rel(m, LAYOUT_RELS, "rId9", "oleObject", "../embeddings/oleObject1.bin")
    add_shape(m, '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="90" name="Object"/>'
                 '<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/>'
                 '<a:ext cx="10" cy="10"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.'
                 'openxmlformats.org/presentationml/2006/ole"><p:oleObj r:id="rId9" progId="Package"/>'
                 "</a:graphicData></a:graphic></p:graphicFrame>")


def external(m: dict[str, bytes]) -> None:
    add_rel(m, LAYOUT_RELS, "rId10", "hyperlink", "file:///etc/passwd", external=True)
    add_rel(m, LAYOUT_RELS, "rId11", "image", "http://example.com/track.png", external=True)
    add_shape(m, SHAPE.format(id=91, name="Linked", link='<a:hlinkClick r:id="rId10"/>'))
    add_shape(m, '<p:pic><p:nvPicPr><p:cNvPr id="92" name="Tracker"/><p:cNvPicPr/><p:nvPr/>'
                 '</p:nvPicPr><p:blipFill><a:blip r:link="rId11"/></p:blipFill><p:spPr/></p:pic>')


def javascript(m: dict[str, bytes]) -> None:
    add_rel(m, LAYOUT_RELS, "rId12", "hyperlink", "javascript:alert(1)", external=True)
    add_shape(m, SHAPE.format(id=93, name="Script", link='<a:hlinkClick r:id="rId12"/>'))


def xxe(m: dict[str, bytes]) -> None:
    head = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    dtd = b'<!DOCTYPE p:sldLayout [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    m[LAYOUT] = head + dtd + m[LAYOUT].split(b"?>", 1)[1].replace(b'name="Title 1"', b'name="&x;"', 1)


def bomb(m: dict[str, bytes]) -> None:
    m["ppt/media/huge.png"] = bytes(4 * 1024 * 1024)  # 4 MB of zeros deflate ~1000 to 1


def many_layouts(m: dict[str, bytes], count: int = 5000) -> None:
    master = "ppt/slideMasters/slideMaster1.xml"
    ids = "".join(f'<p:sldLayoutId id="{2147483700 + i}" r:id="rId{200 + i}"/>' for i in range(count))
    m[master] = m[master].replace(b"</p:sldLayoutIdLst>", ids.encode() + b"</p:sldLayoutIdLst>")
    rels = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
    for i in range(count):
        add_rel(m, rels, f"rId{200 + i}", "slideLayout", "../slideLayouts/slideLayout1.xml")


def newline_name(m: dict[str, bytes]) -> None:
    """A layout named with a newline and a forged error line; and an OLE part named likewise."""
    m[LAYOUT] = m[LAYOUT].replace(b'<p:cSld name="', b'<p:cSld name="Evil&#10;error: forged ', 1)
    add_rel(m, LAYOUT_RELS, "rId13", "hyperlink", "http://x/&#10;error: forged", external=True)


def transition_sound(m: dict[str, bytes]) -> None:
    """A layout whose transition plays an embedded sound."""
    m["ppt/media/chime.wav"] = b"RIFF\x00\x00\x00\x00WAVE"
    add_rel(m, LAYOUT_RELS, "rId14", "audio", "../media/chime.wav")
    timing = ('<p:transition><p:fade/><p:sndAc><p:stSnd><p:snd r:embed="rId14" name="chime.wav"/>'
              "</p:stSnd></p:sndAc></p:transition>")
    m[LAYOUT] = m[LAYOUT].replace(b"<p:clrMapOvr>", b"<p:clrMapOvr>", 1)
    m[LAYOUT] = m[LAYOUT].replace(b"</p:clrMapOvr>", b"</p:clrMapOvr>" + timing.encode(), 1)
