"""Stage one: which slides, which layout, which text in which box, at what size.

:func:`plan_deck` is a pure function of the document model (plain frozen dataclasses out, no XML),
so tests can check slide kinds, counts, sizes and continuations without opening a deck. Every text
is measured here with the shipped TrueType twins; the writer only copies the decisions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from docgen.errors import Problem
from docgen.model import Callout, Document, Image, ListBlock, Paragraph, Quote, Section, Text
from docgen.render.deck import chrome, grid
from docgen.render.deck.fit import Para, tokens
from docgen.render.deck.frame import Frame
from docgen.render.deck.measure import SOFT_BREAK
from docgen.render.deck.plan_types import Box, DeckPlan, Picture, Rect, SlidePlan
from docgen.typography import nest_quotes, smarten

MAX_BULLETS = 6
MAX_WORDS = 40


@dataclass
class _Draft:
    slide: SlidePlan
    notes: list[str] = field(default_factory=list)


class _Builder:
    """Collects slides; paragraphs wait in ``pending`` for the next slide of their group."""

    def __init__(self, doc: Document, frame: Frame | None) -> None:
        self.doc = doc
        self.kit = grid.Kit(doc.brand, frame)
        self.drafts: list[_Draft] = []
        self.pending: list[str] = []
        self.warnings: list[Problem] = []

    def add(self, slides: list[SlidePlan], notes: Sequence[Sequence[str]] = ()) -> None:
        """Append slides; ``notes[i]`` is slide i's script, after any paragraphs waiting for it."""
        for i, s in enumerate(slides):
            own = list(notes[i]) if i < len(notes) else []
            d = _Draft(s, [*self.pending, *own] if i == 0 else own)
            self.pending = []
            self.drafts.append(d)

    def flush(self) -> None:
        if self.pending and self.drafts:
            self.drafts[-1].notes.extend(self.pending)
        self.pending = []

    def title(self, text: Text | str, kind: str = "content") -> tuple[Box, list[str]]:
        box, full = self.kit.title(text, kind)
        if full:
            p = Problem(
                f"title too long for a slide, shortened with '…': {full.strip()}",
                severity="warning",
                hint="the full title is in the speaker notes",
            )
            if p not in self.warnings:
                self.warnings.append(p)
            return box, [f"Full title: {full}"]
        return box, []

    # -- blocks ---------------------------------------------------------------------------------
    def blocks(self, heading: Text | str, blocks: tuple, key_points: tuple[Text, ...] = ()) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                self.pending.append(notes_text(block.text))
            elif isinstance(block, Quote):
                self.quote(heading, block)
            elif isinstance(block, ListBlock):
                self.bullets(heading, block.items)
            elif isinstance(block, Image):
                self.image(heading, block)
            elif isinstance(block, Callout):
                self.callout(heading, block)
        if key_points:
            self.bullets(heading, key_points, summary=True)
        self.flush()

    def _paged(
        self, kind: str, heading: Text | str, pages: list[tuple], extra: tuple = ()
    ) -> list[SlidePlan]:
        """Return one slide per page; later pages get "(cont.)" in the title."""
        out: list[SlidePlan] = []
        for i, page in enumerate(pages):
            title, notes = self.title(heading if i == 0 else _cont(heading))
            boxes = tuple(x for x in page if isinstance(x, Box))
            pics = tuple(x for x in page if isinstance(x, Picture))
            out.append(
                SlidePlan(
                    kind,
                    "content",
                    title,
                    boxes,
                    pics,
                    (*self.kit.rule(), *extra),
                    notes="\n\n".join(notes) if i == 0 else "",
                    continued=i > 0,
                )
            )
        return out

    def quote(self, heading: Text | str, q: Quote) -> None:
        """Notes: the quote in full with its attribution (after the paragraph leading into it)."""
        # The slide sets the outer marks (“ ”): quotes inside the words take the inner ones (‘ ’).
        q = Quote(nest_quotes(smarten(q.text)), q.by, q.location)
        pages = self.kit.quote_pages(q)
        full = f"“{notes_text(q.text).strip()}”" + (f" — {q.by}" if q.by else "")
        notes = [[full], *([f"(The quote continues.) {_shown(p, 'quote')}"] for p in pages[1:])]
        self.add(self._paged("quote", heading, pages, extra=self.kit.quote_bar()), notes)

    def bullets(self, heading: Text | str, items: tuple[Text, ...], summary: bool = False) -> None:
        """Notes: the points on each slide, one a line (key points are introduced as a summary)."""
        paras = [Para(tokens(t), bullet=True, space_before=0.5) for t in items]
        pages = self.kit.body_pages(paras, MAX_BULLETS)
        lead = ["In short:" if summary else "", *["(continued)"] * (len(pages) - 1)]
        notes = [["\n".join(x for x in (lead[i], _shown(p, "body")) if x)] for i, p in enumerate(pages)]
        self.add(self._paged("bullets", heading, pages), notes)

    def image(self, heading: Text | str, img: Image) -> None:
        boxes, pic = self.kit.image(img)
        title, notes = self.title(heading)
        s = SlidePlan("image", "content", title, boxes, (pic,), self.kit.rule())
        caption = notes_text(img.caption).strip() if img.caption is not None else ""
        self.add([s], [[*notes, f"The picture shows: {img.alt}.", *([caption] if caption else [])]])

    def callout(self, heading: Text | str, callout: Callout) -> None:
        pages = self.kit.callout_pages(callout)
        more = ([f"(continued) {_shown(p, 'callout')}"] for p in pages[1:])
        notes = [[notes_text(callout.text).strip()], *more]
        self.add(self._paged("callout", heading, pages), notes)


def _shown(page: tuple, role: str) -> str:
    """The words of a page's boxes of ``role``, as plain text (soft breaks removed)."""
    text = "\n".join(b.plain for b in page if isinstance(b, Box) and b.role == role)
    return text.replace(SOFT_BREAK, "").strip()


def _cont(heading: Text | str) -> Text:
    spans = heading.spans if isinstance(heading, Text) else Text(tokens(heading)).spans  # type: ignore[arg-type]
    from docgen.model import Span

    return Text((*spans, Span(" (cont.)")))


def notes_text(text: Text) -> str:
    """Return text for the notes: plain, with each link's address after its label."""
    out = []
    for s in text.spans:
        out.append(s.text)
        if s.href and s.href not in s.text:
            out.append(f" ({s.href.removeprefix('mailto:')})")
    return "".join(out)


def plan_deck(doc: Document, frame: Frame | None = None) -> DeckPlan:
    """Return the slides of the deck for ``doc`` on ``frame`` (the slide size and, for a corporate
    template, what its layouts offer; None: docgen's 13.333 x 7.5 in built-in): a pure function."""
    b = _Builder(doc, frame)
    kit = b.kit
    sections = [s for s in doc.sections if not s.deck.skip]
    b.add([chrome.title_slide(kit, doc)])
    b.blocks(doc.title, doc.intro)
    if not b.drafts[0].notes:  # no intro: the speaker still has an opening line
        sub = f": {notes_text(doc.subtitle).strip()}" if doc.subtitle else ""
        b.drafts[0].notes.append(f"Welcome. {doc.title.plain.strip()}{sub}. Presented by {doc.author.name}.")
    if sections:
        items = [Para(tokens(s.heading), number=i + 1, space_before=0.4) for i, s in enumerate(sections)]
        pages = kit.body_pages(items, 8, top=28.0, floor=20.0)
        names = [s.heading.plain.strip() for s in sections]
        parts = "; ".join(names[:-1]) + ("; and " if len(names) > 1 else "") + names[-1]
        plural = "part" if len(names) == 1 else f"{len(names)} parts"
        notes = [[f"This talk has {plural}: {parts}."], *(["(The agenda continues.)"] for _ in pages[1:])]
        b.add(b._paged("agenda", "Agenda", pages), notes)
    for n, section in enumerate(sections, 1):
        _section(b, section, n, len(sections))
    bio = [notes_text(doc.author.bio).strip(), *(f"{lk.label}: {lk.url}" for lk in doc.author.links)]
    b.add(b._paged("author", "About the author", kit.author_pages(doc.author)), [bio])
    b.add([chrome.closing_slide(kit, doc)], [[_closing_notes(doc)]])
    slides = tuple(
        replace(d.slide, notes="\n\n".join(x for x in (d.slide.notes, *d.notes) if x)) for d in b.drafts
    )
    footer = chrome.footer(kit)  # the same box on every light slide
    slides = tuple(chrome.chrome(kit, s, footer) for s in slides)
    return DeckPlan(
        slides=slides,
        width=kit.frame.width,
        height=kit.frame.height,
        heading_font=kit.heading_name,
        body_font=kit.body_name,
        title=doc.title.plain,
        author=doc.author.name,
        subject=doc.summary or (doc.subtitle.plain if doc.subtitle else ""),
        keywords=", ".join(doc.keywords),
        language=doc.language,
        warnings=tuple(b.warnings),
    )


def _closing_notes(doc: Document) -> str:
    brand = doc.brand
    if brand.link:
        return f"Thank you. Questions are welcome now; to learn more from {brand.name}, visit {brand.link}."
    return f"Thank you. Questions are welcome now. — {brand.name}"


def _section(b: _Builder, section: Section, n: int, total: int) -> None:
    """The divider's notes: a transition line, then any paragraphs that have no slide of their own."""
    move = f"Section {n} of {total}: {section.heading.plain.strip()}."
    b.add([chrome.section_slide(b.kit, section.heading, n, total)], [[move]])
    b.blocks(section.heading, section.blocks, section.key_points)


__all__ = ["Box", "DeckPlan", "Picture", "Rect", "SlidePlan", "plan_deck"]
