"""The deck's package: the template's kept parts, docgen's slides and notes, rewritten properties.

:func:`finish` adds to a :class:`~docgen.render.deck.opc.writer.PackageWriter` that already holds
the slides, notes and pictures: the template's masters, layouts, themes and their pictures (as
read through the allow-list), the presentation part with docgen's slide list, a notes master,
fresh view properties and document properties; then zips it.
"""

from __future__ import annotations

import datetime as _dt

from lxml import etree

from docgen.render.deck.notes import default_master, xml_text
from docgen.render.deck.opc import names as n
from docgen.render.deck.opc.writer import PackageWriter, Relationship
from docgen.render.deck.opc.xmlsafe import serialize
from docgen.render.deck.plan_types import DeckPlan
from docgen.render.deck.template import Template

_P = f"{{{n.P}}}"
_R_ID = f"{{{n.R}}}id"
#: Presentation children that point at parts docgen does not carry, or at the template's slides.
_DROP = ("notesMasterIdLst", "handoutMasterIdLst", "sldIdLst", "embeddedFontLst", "custShowLst",
         "custDataLst", "smartTags", "photoAlbum", "modifyVerifier")
_SECTIONS = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"  # p14:sectionLst lists the template's slides
VIEW_PROPS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:viewPr xmlns:a="{n.A}" '
         f'xmlns:p="{n.P}" xmlns:r="{n.R}"><p:normalViewPr><p:restoredLeft sz="15620"/>'
         '<p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/>'
         "</p:viewPr>").encode()
#: Presentation properties: docgen's own (a template's may name custom shows of slides it lost);
#: PowerPoint offers to repair a presentation without them.
_PRES_PROPS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:presentationPr '
               f'xmlns:a="{n.A}" xmlns:r="{n.R}" xmlns:p="{n.P}"/>').encode()
_APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>docgen</Application><PresentationFormat>{format}</PresentationFormat>\
<Slides>{slides}</Slides><Notes>{notes}</Notes></Properties>"""
_CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
         'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
         'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
         "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject>"
         "<dc:creator>{author}</dc:creator><cp:keywords>{keywords}</cp:keywords>"
         "<dc:language>{language}</dc:language><cp:lastModifiedBy>{author}</cp:lastModifiedBy>"
         "<cp:revision>1</cp:revision><cp:lastPrinted>{when}</cp:lastPrinted>"
         '<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
         '<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
         "</cp:coreProperties>")
PRESENTATION = "/ppt/presentation.xml"


def finish(out: PackageWriter, tpl: Template, slides: list[str], notes_master: str | None,
           plan: DeckPlan, when: _dt.datetime) -> bytes:
    """Add the template's parts and the presentation around ``slides`` (part names), and zip.

    ``notes_master`` is the part name the notes slides relate to (None: the deck has no notes).
    """
    package = tpl.package
    for part in package.parts.values():
        if part is package.notes_master and notes_master is None:
            continue
        rels = [Relationship(r.rid, r.reltype, r.target) for r in part.rels]
        out.add(part.name, part.content_type, part.blob, rels)
    if notes_master is not None and package.notes_master is None:
        theme = package.parts[package.masters[0].related(n.RT_THEME)[0]]
        theme_name = _free(package.parts, "/ppt/theme/theme%d.xml")
        out.add(theme_name, n.CT_THEME, theme.blob,
                [Relationship(r.rid, r.reltype, r.target) for r in theme.rels])
        out.add(notes_master, n.CT_NOTES_MASTER, default_master(),
                [Relationship("rId1", n.RT_THEME, theme_name)])
    out.add("/ppt/viewProps.xml", n.CT_VIEW_PROPS, VIEW_PROPS)
    out.add("/ppt/presProps.xml", n.CT_PRES_PROPS, _PRES_PROPS)
    pres_xml, pres_rels = _presentation(tpl, slides, notes_master)
    out.add(PRESENTATION, n.CT_PRESENTATION, pres_xml, pres_rels)
    notes = sum(1 for s in plan.slides if s.notes)
    app = _APP.format(format=_format(tpl.size), slides=len(slides), notes=notes)
    out.add("/docProps/app.xml", n.CT_APP, app.encode())
    out.add("/docProps/core.xml", n.CT_CORE, _core(plan, when))
    out.relate_package([Relationship("rId1", n.RT_OFFICE_DOC, PRESENTATION),
                        Relationship("rId2", n.RT_CORE, "/docProps/core.xml"),
                        Relationship("rId3", n.RT_APP, "/docProps/app.xml")])
    return out.to_bytes()


def notes_master_name(tpl: Template) -> str:
    """The notes master's part name: the template's, or a free name for docgen's own."""
    found = tpl.package.notes_master
    return found.name if found is not None else _free(tpl.package.parts,
                                                      "/ppt/notesMasters/notesMaster%d.xml")


def _free(parts: dict, pattern: str) -> str:
    i = 1
    while pattern % i in parts:
        i += 1
    return pattern % i


def _presentation(tpl: Template, slides: list[str], notes_master: str | None
                  ) -> tuple[bytes, list[Relationship]]:
    """The presentation part: the template's, with docgen's slides and only kept relationships."""
    pres = tpl.package.presentation
    root = etree.fromstring(serialize(pres.root)) if pres.root is not None else None  # a copy
    assert root is not None
    for tag in _DROP:
        for el in root.findall(f"{_P}{tag}"):
            root.remove(el)
    ext_lst = root.find(f"{_P}extLst")
    if ext_lst is not None:
        for ext in ext_lst.findall(f"{_P}ext"):
            if ext.get("uri") == _SECTIONS:
                ext_lst.remove(ext)
    rels: list[Relationship] = []

    def rel(reltype: str, target: str) -> str:
        rid = f"rId{len(rels) + 1}"
        rels.append(Relationship(rid, reltype, target))
        return rid

    masters = root.find(f"{_P}sldMasterIdLst")
    assert masters is not None
    by_rid = {r.rid: r.target for r in pres.rels}
    for item in masters.findall(f"{_P}sldMasterId"):
        item.set(_R_ID, rel(n.RT_MASTER, by_rid[item.get(_R_ID, "")]))
    at = list(root).index(masters) + 1
    if notes_master is not None:
        lst = etree.Element(f"{_P}notesMasterIdLst")
        etree.SubElement(lst, f"{_P}notesMasterId", {_R_ID: rel(n.RT_NOTES_MASTER, notes_master)})
        root.insert(at, lst)
        at += 1
    sld_ids = etree.Element(f"{_P}sldIdLst")
    for i, name in enumerate(slides):
        etree.SubElement(sld_ids, f"{_P}sldId", {"id": str(256 + i), _R_ID: rel(n.RT_SLIDE, name)})
    if slides:
        root.insert(at, sld_ids)
    if root.find(f"{_P}notesSz") is None:
        sz = root.find(f"{_P}sldSz")
        notes_sz = etree.Element(f"{_P}notesSz", cx="6858000", cy="9144000")
        root.insert(list(root).index(sz) + 1 if sz is not None else at, notes_sz)
    theme = tpl.package.masters[0].related(n.RT_THEME)
    if theme:
        rel(n.RT_THEME, theme[0])
    rel(n.RT_PRES_PROPS, "/ppt/presProps.xml")
    for r in pres.rels:
        if r.reltype == n.RT_TABLE_STYLES:
            rel(r.reltype, r.target)
    rel(n.RT_VIEW_PROPS, "/ppt/viewProps.xml")
    return serialize(root), rels


def _format(size: tuple[int, int]) -> str:
    """PowerPoint's name for the slide size, as its own app.xml says it."""
    w, h = size
    if (w, h) == (12192000, 6858000):
        return "Widescreen"
    ratio = w / h
    for name, r in (("On-screen Show (16:9)", 16 / 9), ("On-screen Show (16:10)", 1.6),
                    ("On-screen Show (4:3)", 4 / 3), ("A4 Paper (210x297 mm)", 297 / 210)):
        if abs(ratio - r) < 0.01:
            return name
    return "Custom"


def _core(plan: DeckPlan, when: _dt.datetime) -> bytes:
    stamp = when.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return _CORE.format(title=_clip(plan.title), subject=_clip(plan.subject),
                        author=_clip(plan.author), keywords=_clip(plan.keywords),
                        language=xml_text(plan.language), when=stamp).encode()


def _clip(value: str, limit: int = 255) -> str:
    """A core property of at most 255 characters (what Office reads), escaped."""
    value = value.strip()
    value = value if len(value) <= limit else value[: limit - 1].rstrip() + "…"
    return xml_text(value)
