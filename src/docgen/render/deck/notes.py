"""Speaker notes slides: the first made by python-pptx, the others its XML with other text.

python-pptx makes the first notes slide (and the notes master with it). Every later one is that
slide, still empty, with the body's paragraphs replaced, so its bytes are the prototype's
serialization cut around the text: one serialization per deck instead of a copy, a parse and a
serialization per slide. Where the cut is not recognised (a corporate template's notes with
another DrawingML prefix) the copies are made as before, through lxml; both give the same bytes.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import Part
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.parts.slide import NotesSlidePart

from docgen.render.deck.package import xml_text

_MARK = "docgen-notes-text"


class NotesMaker:
    """Adds notes slides to one presentation's slides; see the module docstring."""

    def __init__(self, prs_part: Any) -> None:
        self.prs_part = prs_part
        self.package: Any = prs_part.package
        self.proto: Any = None
        self.body_path: tuple[int, ...] | None = None
        self.around: tuple[bytes, bytes] | None = None
        self.master: Any = None

    def add(self, slide_part: Any, text: str) -> None:
        """Give ``slide_part`` (a new ``writer._WrittenSlidePart``) a notes slide saying ``text``."""
        if self.proto is None:
            notes_part = slide_part.notes_slide.part  # python-pptx's path (makes the notes master)
            self.proto = copy.deepcopy(notes_part._element)
            # Where the body's text is, as child indexes: finding it again in every copy ran
            # python-pptx's placeholder XPath on each shape (a third of the notes' cost).
            proto_body = _notes_body(self.proto)  # adds a txBody if missing, as on a copy
            self.body_path = None if proto_body is None else _index_path(proto_body)
            self.around = _notes_around(self.proto, self.body_path)
            self.master = self.prs_part.notes_master_part
            _set_notes_text(_notes_body(notes_part._element), text)
            return
        partname = self.package.next_partname("/ppt/notesSlides/notesSlide%d.xml")
        if self.around is not None:
            head, tail = self.around
            notes_part: Any = Part(partname, CT.PML_NOTES_SLIDE, self.package,
                                   head + notes_paras(text).encode() + tail)
        else:
            notes_part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, self.package,
                                        copy.deepcopy(self.proto))
            _set_notes_text(_follow(notes_part._element, self.body_path), text)
        notes_part._rels._add_relationship(RT.NOTES_MASTER, self.master)  # a new part: no reuse
        notes_part._rels._add_relationship(RT.SLIDE, slide_part)
        slide_part.relate(notes_part, RT.NOTES_SLIDE)


def notes_paras(text: str) -> str:
    """Paragraphs as ``TextFrame.text`` makes them: one per line, ``\\v`` a break, no empty runs."""
    out = []
    for line in text.split("\n"):
        runs = []
        for i, seg in enumerate(re.split("\v", line)):
            if i:
                runs.append("<a:br/>")
            if seg:
                runs.append(f"<a:r><a:t>{xml_text(seg)}</a:t></a:r>")
        out.append(f"<a:p>{''.join(runs)}</a:p>" if runs else "<a:p/>")
    return "".join(out)


def _set_notes_text(body: Any, text: str) -> None:
    """python-pptx's ``notes_text_frame.text = text``, as one parse."""
    if body is not None:
        body.clear_content()
        body.extend(list(parse_xml(f"<p:txBody {nsdecls('a', 'p')}>{notes_paras(text)}</p:txBody>")))


def _notes_around(proto: Any, body_path: tuple[int, ...] | None) -> tuple[bytes, bytes] | None:
    """The serialized notes slide before and after its text, or None if that cannot be cut out.

    The text is put in as :func:`_set_notes_text` does; where the marker paragraph does not come
    out as :func:`notes_paras` writes it, None.
    """
    if body_path is None:
        return None
    notes = copy.deepcopy(proto)
    _set_notes_text(_follow(notes, body_path), _MARK)
    data = serialize_part_xml(notes)
    mark = notes_paras(_MARK).encode()
    if data.count(mark) != 1:
        return None
    head, tail = data.split(mark)
    return head, tail


def _notes_body(notes: Any) -> Any:
    """Return the ``p:txBody`` of the notes slide's body placeholder, as python-pptx finds it."""
    for sp in notes.spTree.iter_ph_elms():
        if sp.ph_type == PP_PLACEHOLDER.BODY:
            return sp.get_or_add_txBody()
    return None


def _index_path(element: Any) -> tuple[int, ...]:
    """The child indexes that lead from the root to ``element``."""
    path = []
    while (parent := element.getparent()) is not None:
        path.append(parent.index(element))
        element = parent
    return tuple(reversed(path))


def _follow(root: Any, path: tuple[int, ...] | None) -> Any:
    if path is None:
        return None
    for i in path:
        root = root[i]
    return root
