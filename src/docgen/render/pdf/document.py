"""Entry point: lay the story out on branded pages and return the PDF bytes.

The layout runs twice: the first pass counts the pages so the footer can say "page N of M", the
second produces the file. The counting pass only measures: it skips what cannot change the page
count (drawing the flowables, running header and footer, image encoding, writing the file). Both
passes lay out the same flowables, built once, the way reportlab's own ``multiBuild`` does; both
are deterministic (``invariant`` mode, dates from :func:`~docgen.render.build_time`), so the same
source gives the same bytes.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from typing import Any

from reportlab import rl_config
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import LayoutError

import docgen
from docgen._compat.reportlab_tags import TaggingCanvas, supported, unsupported_problem
from docgen.errors import DocgenError, Problem
from docgen.labels import Labels
from docgen.model import Document
from docgen.render import Rendered, build_time, document_text, locator
from docgen.render.pdf import archive, xmp
from docgen.render.pdf.counting import CountingCanvas, CountingFrame
from docgen.render.pdf.fonts import Fallbacks, register
from docgen.render.pdf.markup import Marker
from docgen.render.pdf.paragraph import register_callbacks
from docgen.render.pdf.story import Heading, StoryBuilder
from docgen.render.pdf.styles import Styles, make_styles
from docgen.render.pdf.tagging import Node, Tagger, artifact
from docgen.typography import smarten_str


class _Handout(BaseDocTemplate):
    """Two page templates (cover, running) and an outline entry for every section heading.

    The running header is the article's title; the footer the brand's line and "Page N of M",
    each with a hairline on the text's side. The footer is drawn when a page is finished: on the
    page that ends with the closing band (:class:`~docgen.render.pdf.closing.ClosingBand`) it is
    set on the band, in the band's colours.
    """

    def __init__(self, out: io.BytesIO, styles: Styles, running: tuple[str, str],
                 counting: bool, labels: Labels, **kw: Any) -> None:
        g = styles.grid
        # The page is the finished size, with no bleed: the bands end at the paper's edge, as an
        # office printer (which leaves its own white margin) and a PDF viewer want. Saying so in
        # TrimBox and BleedBox keeps a print shop's tools from guessing (docs/handout-design.md).
        paper = (0, 0, g.width, g.height)
        super().__init__(
            out, pagesize=(g.width, g.height), leftMargin=g.left, rightMargin=g.right,
            topMargin=g.top, bottomMargin=g.bottom, trimBox=paper, bleedBox=paper, **kw,
        )
        self.styles = styles
        self.running = running
        self.labels = labels  # "Page 2 of 4" in the article's language
        self.total = 0
        self.article_page = self.closing_page = 0  # where the article ends, the closing starts
        self._right = ParagraphStyle("running-right", parent=styles.running, alignment=TA_RIGHT)
        self._on_band = (
            ParagraphStyle("running-band", parent=styles.running,
                           textColor=styles.colors.running_on_band),
            ParagraphStyle("running-band-right", parent=self._right,
                           textColor=styles.colors.running_on_band),
        )
        self._drawn: dict[tuple[str, str, float], list[str]] = {}
        frame = CountingFrame if counting else Frame
        first = frame(g.left, g.bottom, g.measure, g.height - g.bottom, id="first",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        later = frame(g.left, g.bottom, g.measure, g.height - g.top - g.bottom, id="later",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("first", [first], onPage=self._first_page, onPageEnd=self._footer,
                         autoNextPageTemplate="later"),
            PageTemplate("later", [later], onPage=self._header, onPageEnd=self._footer),
        ])

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading) and flowable.key:  # a split heading's first part
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.outline, flowable.key, level=0, closed=False)
        if getattr(flowable, "closing", False):
            self.closing_page = self.closing_page or self.page
        elif getattr(flowable, "height", 0):
            self.article_page = self.page

    @property
    def closing_alone(self) -> bool:
        """Return whether the author's card and the closing band start a page of their own."""
        return self.closing_page > self.article_page

    def _line(self, canv: Canvas, markup: str, y: float, style: ParagraphStyle,
              once: bool = False) -> None:
        """Draw one running line; unless used ``once``, it is parsed, wrapped and drawn once.

        Title and footer lines are the same on every page, drawn at the start or end of a page
        (the same graphics state each time): after the first page their operators are copied.
        A line with a link also adds an annotation to each page, so it is drawn every time.
        """
        key = (markup, style.name, y)
        ops = self._drawn.get(key)
        if ops is not None:
            canv._code.extend(ops)
            return
        p = Paragraph(markup, style)
        h = p.wrap(self.styles.grid.full, 100)[1]
        start, links = len(canv._code), len(canv._annotationrefs)
        p.drawOn(canv, self.styles.grid.left, y - h + style.leading - style.fontSize * 0.25)
        if not once and len(canv._annotationrefs) == links:
            self._drawn[key] = canv._code[start:]

    def _rule(self, canv: Canvas, y: float) -> None:
        g = self.styles.grid
        canv.setStrokeColor(self.styles.colors.hairline)
        canv.setLineWidth(0.5)
        canv.line(g.left, y, g.left + g.full, y)

    def _footer(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if not self.total:  # the counting pass: the running lines never change the flow
            return
        g = self.styles.grid
        on_band = getattr(canv, "_docgen_band", None) == canv.getPageNumber()
        left, right = self._on_band if on_band else (self.styles.running, self._right)
        with artifact(canv, "Pagination", "Footer"):
            canv.saveState()
            if not on_band:
                self._rule(canv, g.footer_y + g.rule)
            _, footer = self.running
            if footer:
                self._line(canv, footer, g.footer_y, left)
            self._line(canv, self.labels("page", canv.getPageNumber(), self.total), g.footer_y,
                       right, once=True)
            canv.restoreState()

    def _paper(self, canv: Canvas) -> None:
        """Paint the brand's background colour on the page (white paper needs no paint)."""
        ground = self.styles.colors.background
        if ground.hexval().lower() != "0xffffff":
            g = self.styles.grid
            canv.saveState()
            canv.setFillColor(ground)
            canv.rect(0, 0, g.width, g.height, stroke=0, fill=1)
            canv.restoreState()

    def _first_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if self.total:
            self._paper(canv)

    def _header(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if not self.total:  # the counting pass
            return
        self._paper(canv)
        g = self.styles.grid
        title, _ = self.running
        with artifact(canv, "Pagination", "Header"):
            canv.saveState()
            self._line(canv, title, g.header_y, self.styles.running)
            self._rule(canv, g.header_y - g.rule)
            canv.restoreState()


# Streams and images are written binary (Flate only): ASCII85 text encoding is done in pure Python
# (a quarter of a warm render) and makes the file about a quarter larger, for 7-bit transports
# nobody uses for PDFs any more.
rl_config.useA85 = 0


def _one_line(text: str, font: str, size: float, width: float) -> str:
    """Return ``text``, shortened at a word with "…" if needed, so the running line never wraps."""
    if stringWidth(text, font, size) <= width:
        return text
    words = text.split()
    while len(words) > 1 and stringWidth(" ".join(words) + "…", font, size) > width:
        words.pop()
    short = " ".join(words)
    while len(short) > 1 and stringWidth(short + "…", font, size) > width:
        short = short[:-1]
    return short.rstrip(" ,;:–—-") + "…"


def render_pdf(doc: Document, expected_pages: int | None = None, *,
               tagged: bool = True) -> Rendered:
    """Render the handout; raise :class:`DocgenError` for text no font draws or a bad image.

    ``expected_pages`` is the page count of the last build of ``doc``, if known: the layout then
    starts with the final pass (the count only feeds the footer's "page N of M", and an edit rarely
    changes it). When the count did change, the layout runs again, so the bytes never depend on
    the hint. ``tagged=False`` leaves out the structure tree and marked content (for measuring
    what tagging costs; every build is tagged).
    """
    notes: list[Problem] = []
    if tagged and not supported():
        problem = unsupported_problem(archival=archive.standard(doc) is not None)
        if problem.severity == "error":
            raise DocgenError(problem)
        tagged, notes = False, [problem]
    brand = doc.brand
    body = register(brand.body_font, brand.location)
    heading = register(brand.heading_font, brand.location)
    styles = make_styles(brand, body, heading)
    marker = Marker(styles.colors.link, Fallbacks(doc.language, lambda: document_text(doc)), locator(doc))
    g, size = styles.grid, styles.running.fontSize
    title = _one_line(doc.title.plain, heading.name(), size, g.full * 0.75)
    footer = brand.footer or brand.name
    # Plain text: the running lines are page furniture (artifacts), and a link there would be an
    # annotation outside the structure tree; the cover's title keeps its links.
    running = (
        marker.plain(smarten_str(title, doc.language), heading, doc.location),
        marker.plain(_one_line(smarten_str(footer, doc.language), heading.name(), size,
                               g.full * 0.75), heading, brand.location),
    )
    builder = StoryBuilder(doc, styles, body, heading, marker)
    problems = list(marker.problems)
    if problems:
        raise DocgenError(problems)

    guess = expected_pages if expected_pages and expected_pages > 0 else None
    story = builder.build()
    if guess is None:
        _, total, alone = _layout(doc, styles, story, running, builder.root if tagged else None,
                                  total=0)
    else:  # a rebuild: start with the final pass, trusting the last page count
        data, total, alone = _layout(doc, styles, story, running,
                                     builder.root if tagged else None, total=guess)
    if alone and total <= TIGHT_PAGES:  # the card and band alone on the last page: tighten
        tight = StoryBuilder(doc, make_styles(brand, body, heading, tight=True), body, heading,
                             marker)
        found = _fewer_pages(doc, tight, running, tagged, total)
        if found is not None:
            return Rendered(found[0], found[1], "pages",
                            [*notes, *marker.warnings, *marker.fallback_warnings])
    if total != guess:  # first build, or the page count changed: lay out with the real one
        if guess is not None:
            story = _rebuild(builder)  # the final pass consumed the story
        data, final, _ = _layout(doc, styles, story, running, builder.root if tagged else None,
                                 total=total)
        if final != total:  # pragma: no cover - the footer never changes the flow
            raise DocgenError("the page count changed between layout passes")
    return Rendered(data, total, "pages", [*notes, *marker.warnings, *marker.fallback_warnings])


#: A handout of up to this many pages is set tighter to save a last page that would hold only
#: the author's card and the closing band (a longer document has room for a closing page, and
#: tightening all of it would change its look for one page).
TIGHT_PAGES = 12


def _rebuild(builder: StoryBuilder) -> list[Flowable]:
    """Return the story built again, without repeating its warnings."""
    seen = len(builder.marker.warnings)
    story = builder.build()
    del builder.marker.warnings[seen:]
    return story


def _fewer_pages(doc: Document, builder: StoryBuilder, running: tuple[str, str],
                 tagged: bool, pages: int) -> tuple[bytes, int] | None:
    """Return the handout laid out with ``builder`` (its tight styles) and its page count, if
    that is fewer than ``pages``; else None (one counting pass).

    A typesetter saves the page an article only just spills onto by narrowing the room between
    blocks a little (:data:`~docgen.render.pdf.styles.TIGHT`): the author's card and the closing
    band then end the article's last page instead of standing on one of their own. Deciding it
    from the layout, never from a rebuild's page count, keeps the bytes independent of it.
    """
    story = _rebuild(builder)
    root = builder.root if tagged else None
    total = _layout(doc, builder.s, story, running, root, total=0)[1]
    if total >= pages:
        return None
    data, final, _ = _layout(doc, builder.s, story, running, root, total=total)
    if final != total:  # pragma: no cover - the footer never changes the flow
        raise DocgenError("the page count changed between layout passes")
    return data, total


#: reportlab's flowable class -> what a reader of the source calls it.
_WHAT = {"HeaderBand": ("the cover (title, subtitle, author and date)",
                        "shorten the title or the subtitle"),
         "Boxed": ("a callout or the author box", "split the callout or shorten the bio"),
         "Image": ("a picture", "give the picture a wider, less tall shape")}


def _too_tall(message: str) -> tuple[str, str]:
    """Return (message, hint) for reportlab's "Flowable <X at 0x..>...(w x h) too large on page
    N ... (w x h*)" without its object addresses."""
    found = re.search(r"<(\w+) at .*?\(([\d.]+) x ([\d.]+)\) too large on page (\d+).*?"
                      r"\(([\d.]+) x ([\d.]+)", message, re.S)
    if not found:
        return (f"the handout cannot be laid out: {re.sub(r' at 0x[0-9a-f]+', '', message)}",
                "a title, image or box is taller than a page")
    kind, _, height, page, _, room = found.groups()
    what, hint = _WHAT.get(kind, ("a block", "split it into shorter blocks"))
    return (f"the handout cannot be laid out: {what} is {float(height):.0f} pt tall and page "
            f"{page} has room for {float(room):.0f} pt", hint)


def _layout(
    doc: Document, styles: Styles, story: list[Flowable], running: tuple[str, str],
    root: Node | None, total: int,
) -> tuple[bytes, int, bool]:
    """Lay ``story`` out; ``total == 0`` is the counting pass, which leaves ``story`` reusable.

    The final pass tags the file with ``root``, the story's structure tree."""
    out = io.BytesIO()
    stamp = build_time(doc)
    counting = not total
    info = _info(doc, stamp)
    tagger = None
    if not counting and root is not None:
        tagger = Tagger(root, doc.language)
        pdfa = archive.standard(doc)
        tagger.metadata = xmp.packet(info, pdfa)
        if pdfa is not None:
            tagger.catalog_entries["OutputIntents"] = archive.output_intents()
    template = _Handout(
        out, styles, running, counting, Labels([s.heading.plain for s in doc.sections], doc.language),
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=info.keywords,
        creator=info.creator,
        producer=info.producer,
        lang=doc.language,
        initialFontName=styles.body.fontName,
        displayDocTitle=1,
        invariant=1,
    )
    template.total = total
    edits: list[tuple[object, ...]] = []
    if counting:
        template._doSave = 0  # reportlab's own switch for counting passes: no file is written
        # ... and its record of what a pass changes on the flowables (keepWithNext, _postponed),
        # undone below so the final pass starts from the same story.
        template._multiBuildEdits = edits.append

    def stamp_canvas(canv: Canvas, _doc: BaseDocTemplate) -> None:
        canv.setDateFormatter(lambda *_: stamp.strftime("D:%Y%m%d%H%M%S+00'00'"))
        register_callbacks(canv)  # running lines are reportlab paragraphs and may hold emoji
        canv.showOutline()
        if tagger is not None:
            canv.hooks = tagger

    template.setPageCallBack = None
    template.beforeDocument = lambda: stamp_canvas(template.canv, template)
    try:
        # The final pass consumes the story, so laid-out flowables are freed as it goes.
        template.build(story[:] if counting else story,
                       canvasmaker=CountingCanvas if counting else
                       TaggingCanvas if tagger is not None else Canvas)
    except LayoutError as exc:
        message, hint = _too_tall(str(exc))
        raise DocgenError(Problem(message, doc.location, hint)) from exc
    finally:
        for undo, *args in reversed(edits):
            undo(*args)  # type: ignore[operator]
    return out.getvalue(), template.page, template.closing_alone


def _info(doc: Document, stamp: datetime) -> xmp.Info:
    """Return what :func:`_layout` writes into the information dictionary, for the XMP packet."""
    return xmp.Info(title=smarten_str(doc.title.plain, doc.language), author=doc.author.name,
                    subject=smarten_str(doc.summary or "", doc.language),
                    keywords=", ".join(doc.keywords), creator=f"docgen {docgen.__version__}",
                    producer=f"docgen {docgen.__version__}", created=stamp,
                    language=doc.language)
