"""The reportlab internals that tagged (and archival) PDF output needs, and only those.

reportlab has no API for marked content, structure trees or extra catalog and page entries, so
these helpers reach into its canvas and document objects. Every such access is here, written
for the reportlab versions in :data:`SUPPORTED`; on any other version the handout is built
untagged with a warning (:func:`unsupported_problem`), never a broken file or a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import reportlab
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from docgen.errors import Problem
from docgen.fonts.scripts import is_dictionary, is_ideographic

#: reportlab (major, minor) versions whose internals this module was written for and tested on.
SUPPORTED = ((4, 4), (5, 1))


def supported(version: str = reportlab.Version) -> bool:
    """Return whether this module was written for (and tested on) reportlab ``version``."""
    return tuple(int(p) for p in version.split(".")[:2] if p.isdigit()) in SUPPORTED


def unsupported_problem(version: str = reportlab.Version, archival: bool = False) -> Problem:
    """Return what a build on an untested reportlab says: a warning (the handout is built
    untagged, through reportlab's public API only), or an error when an archival standard was
    asked for (its metadata and output intent need these internals too)."""
    known = ", ".join(f"{a}.{b}.x" for a, b in SUPPORTED)
    hint = "install the pinned versions: pip install -r requirements.txt"
    if archival:
        return Problem(f"a PDF/A handout needs reportlab {known}, but reportlab {version} is "
                       "installed", None, hint)
    return Problem(f"reportlab {version} is newer than docgen's tagged-PDF code (written for "
                   f"{known}): the handout is built untagged", None, hint, "warning")


class PageHooks(Protocol):
    """What :class:`TaggingCanvas` tells as a page is finished, an annotation made, a file saved."""

    def annotation(self, canv: Canvas, name: str, annotation: Any) -> None: ...
    def page_done(self, canv: Canvas, page: Any) -> None: ...
    def finish(self, canv: Canvas) -> None: ...


class _SpacedText(PDFTextObject):
    """A text object that ends every line with a space, so extracted text (what a screen reader
    reads, what ``pdfinfo -struct-text`` prints) has a space between the last word of a line and
    the first of the next. reportlab writes a paragraph's lines with ``_textOut(text, TStar=1)``
    and no trailing space; the space is drawn after the line's last word, where nothing shows it.

    Not after a line of a script written without spaces (Chinese, Japanese, Thai...): there a
    line breaks between two characters of one phrase. A line of shaped text ends with an empty
    ``_textOut`` after its last run; its last character is the one of that run's logical text
    (``actual``, set by :func:`docgen.render.pdf.complex.actual_text`), else the last drawn.
    """

    _last = ""  # the last text drawn on the current line (or its shaped run's logical text)
    actual = ""  # the logical text of the shaped run being drawn, if any

    def _textOut(self, text: str, TStar: int = 0) -> None:
        if text:
            self._last = self.actual or text
        if TStar:
            tail = self._last[-1:]
            if tail and not tail.isspace() and (tail < "\u0e00" or _spaced(tail)):
                text += " "
            self._last = ""
        super()._textOut(text, TStar)


def _spaced(ch: str) -> bool:
    """Return whether words of ``ch``'s script are separated by spaces."""
    return not (is_ideographic(ch) or is_dictionary(ch))


class TaggingCanvas(Canvas):
    """A canvas that reports annotations, finished pages and the save to ``hooks``.

    reportlab makes each page's dictionary inside ``showPage`` and hands it to
    ``_setAnnotations`` just before adding it to the document: the one place to add entries.
    """

    hooks: PageHooks | None = None

    def __init__(self, *args: Any, **kw: Any) -> None:
        kw["pdfVersion"] = (1, 7)  # ISO 32000-1, which PDF/UA-1 and PDF/A-2 build on
        super().__init__(*args, **kw)

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:
        return _SpacedText(self, x, y, direction=direction)

    def _addAnnotation(self, annotation: Any, name: str | None = None,
                       addtopage: int = 1) -> None:
        super()._addAnnotation(annotation, name, addtopage)
        if self.hooks is not None and addtopage:
            self.hooks.annotation(self, self._annotationrefs[-1].name, annotation)

    def _setAnnotations(self, page: Any) -> None:
        super()._setAnnotations(page)
        if self.hooks is not None:
            self.hooks.page_done(self, page)

    def save(self) -> None:
        if self._code:  # what Canvas.save does first: finish the last page
            self.showPage()
        if self.hooks is not None:
            self.hooks.finish(self)
        super().save()


def code(canv: Canvas) -> list[str]:
    """Return the current page's content operators (reportlab appends one string per call)."""
    return canv._code


def page_index(canv: Canvas) -> int:
    """Return the current page's index, from 0."""
    return canv.getPageNumber() - 1


def set_entries(obj: Any, **entries: Any) -> None:
    """Add dictionary entries to a reportlab page or catalog object.

    Both write only the keys listed in their ``__NoDefault__``; the list is extended on the
    instance (the class's is shared by every page of every document).
    """
    extra = [k for k in entries if k not in obj.__NoDefault__]
    if extra:
        obj.__NoDefault__ = [*obj.__NoDefault__, *extra]
    for key, value in entries.items():
        setattr(obj, key, value)


def catalog(canv: Canvas) -> Any:
    return canv._doc.Catalog


def annotation_entries(annotation: Any, **entries: Any) -> None:
    """Set entries of an annotation made by ``Canvas.linkURL`` (a PDFDictionary)."""
    for key, value in entries.items():
        annotation[key] = value


class Raw(pdfdoc.PDFObject):
    """An object whose bytes are made by ``make(number_of)`` when the file is written.

    ``number_of(name)`` returns the object number of a registered object (pages are named
    ``page_name(i)``); formatting structure elements this way is several times faster than
    building reportlab dictionaries for each.
    """

    def __init__(self, make: Callable[[Callable[[str], int]], bytes]) -> None:
        self.make = make

    def format(self, document: Any) -> bytes:
        numbers = document.idToObjectNumberAndVersion
        return self.make(lambda name: numbers[name][0])


#: The base of objects that write themselves into the file (``format(document) -> bytes``).
PDFObject = pdfdoc.PDFObject


def object_numbers(document: Any) -> dict[str, tuple[int, int]]:
    """Return the document's map from internal object names to (number, generation)."""
    return document.idToObjectNumberAndVersion


def register(canv: Canvas, obj: Any, name: str | None = None) -> str:
    """Register ``obj`` as an indirect object of the document; return its internal name."""
    return canv._doc.Reference(obj, name).name


def reference(name: str) -> Any:
    """A reference to the registered object ``name``, for reportlab dictionaries."""
    return pdfdoc.PDFObjectReference(name)


def page_name(index: int) -> str:
    """reportlab's internal name of the page at ``index`` (from 0)."""
    return f"Page{index + 1}"


def stream(content: bytes, **entries: Any) -> Any:
    """An unfiltered stream object (XMP metadata must stay readable as plain text)."""
    return pdfdoc.PDFStream(pdfdoc.PDFDictionary(entries), content, filters=None)


def dictionary(**entries: Any) -> Any:
    return pdfdoc.PDFDictionary(entries)


def array(items: list[Any]) -> Any:
    return pdfdoc.PDFArray(items)


def name(value: str) -> Any:
    return pdfdoc.PDFName(value)


def string(value: str) -> Any:
    return pdfdoc.PDFString(value)


PDF_TRUE = pdfdoc.PDFtrue
