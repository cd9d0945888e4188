"""Stage one: which slides, which layout, which text in which box, at what size.

:func:`plan_deck` is a pure function of the document model (plain frozen dataclasses out, no XML),
so tests can check slide kinds, counts, sizes and continuations without opening a deck. It runs in
four steps: the storyboard decides what each section shows (:mod:`.storyboard`); the builders fit
each beat into its layout's boxes (:mod:`.kinds`, :mod:`.chrome`); every slide gets a title of its
own ("Off the Battlefield: In Their Words (2 of 2)"); the script writes the notes (:mod:`.script`).
Every text is measured here with the shipped TrueType twins; the writer only copies the decisions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from docgen.errors import Problem
from docgen.model import Document, Span, Text
from docgen.render.deck import chrome, grid
from docgen.render.deck.frame import Frame
from docgen.render.deck.kinds import Kinds, Page
from docgen.render.deck.labels import Labels
from docgen.render.deck.layouts import STAND_INS
from docgen.render.deck.measure import SOFT_BREAK
from docgen.render.deck.plan_types import Box, DeckPlan, Picture, Rect, SlidePlan
from docgen.render.deck.script import Cue, Script
from docgen.render.deck.storyboard import Beat, Part, storyboard
from docgen.render.deck.typeset import display
from docgen.scheme import scheme
from docgen.typography import NBSP

_NO_CUE = Cue("content")


@dataclass(frozen=True, slots=True)
class _Draft:
    """A slide before its title is known: kind, layout, body, and what its notes are about."""

    kind: str
    layout: str
    items: tuple[Box | Picture | Rect, ...] = ()
    heading: Text | None = None  # the section's (None: the title is ``fixed``)
    qualifier: str = ""
    fixed: Text | None = None
    continued: bool = False
    cue: Cue = _NO_CUE
    slide: SlidePlan | None = None  # title, section and closing slides, made whole


def plan_deck(doc: Document, frame: Frame | None = None) -> DeckPlan:
    """Return the slides of the deck for ``doc``: a pure function of the document (and the frame
    of the template it goes on)."""
    return _Planner(doc, frame).plan()


class _Planner:
    def __init__(self, doc: Document, frame: Frame | None) -> None:
        self.doc = doc
        self.kit = grid.Kit(doc.brand, frame)
        self.kinds = Kinds(self.kit, doc.language)
        sections = [s for s in doc.sections if not s.deck.skip]
        self.label = Labels([s.heading.plain for s in sections], doc.language)
        self.warnings: list[Problem] = []

    def text(self, t: Text | str) -> Text:
        return display(t, self.doc.language)

    def plan(self) -> DeckPlan:
        doc, kit = self.doc, self.kit
        parts = storyboard(doc)
        drafts: list[_Draft] = [_Draft("title", "title", slide=chrome.title_slide(kit, doc),
                                       cue=Cue("title"))]
        if parts:
            items = tuple(self.text(p.section.heading) for p in parts)
            pages = self.kinds.bullets(items, "agenda", numbered=True)
            start = 0
            for pg in pages:
                count = sum(len(b.paras) for b in pg.boxes)
                drafts.append(_Draft("agenda", "agenda", pg.items,
                                     fixed=self.text(self.label("agenda")), continued=pg.continued,
                                     cue=Cue("agenda", piece=pg.part, pieces=len(pages),
                                             shows=(start, start + count))))
                start += count
        for part in parts:
            heading = self.text(part.section.heading)
            slide = chrome.section_slide(kit, heading, part.number, len(parts))
            drafts.append(_Draft("section", "section", slide=slide, cue=Cue("section", part)))
            for beat in part.beats:
                drafts += self.beat(part, beat, heading)
        author = self.kinds.author(doc.author)
        drafts += [_Draft("author", "author", pg.items, fixed=self.text(self.label("author")),
                          continued=pg.continued, cue=Cue("author", piece=pg.part, pieces=len(author)))
                   for pg in author]
        # The call to action is the closing slide's title: in the headings' case, as titles are.
        closing = self.text(self.label.heading(doc.cta.text) if doc.cta is not None
                            else self.label("thanks"))
        drafts.append(_Draft("closing", "closing", fixed=closing, cue=Cue("closing")))
        return self.finish(drafts, parts)

    def beat(self, part: Part, beat: Beat, heading: Text) -> list[_Draft]:
        k = self.kinds
        pages: list[Page] | None = None
        kind = beat.kind
        if kind == "statement":
            pages = k.statement(beat.quotes[0])
            if pages is None:  # too long to set large: a quote slide
                kind, pages = "quote", k.quote(beat.quotes[0])
        elif kind == "quote":
            pages = k.quote(beat.quotes[0])
        elif kind == "cards":
            pages = k.cards(beat.quotes)
        elif kind == "comparison" and beat.comparison is not None:
            pages = k.comparison(beat.comparison)
            if pages is None:  # the columns do not fit: the points as bullets
                kind = "bullets"
        elif kind == "picture" and beat.image is not None:
            pages = k.picture(beat.image)
        elif kind == "callout" and beat.callout is not None:
            pages = k.callout(beat.callout)
        if pages is None:
            pages = k.bullets(beat.items, "bullets")
        return [_Draft(kind, pg.layout, pg.items, heading, self.label(kind),
                       continued=pg.continued,
                       cue=Cue(kind, part, beat, pg.part, len(pages)))
                for pg in pages]

    # -- titles, notes, chrome ------------------------------------------------------------------
    def finish(self, drafts: list[_Draft], parts: tuple[Part, ...]) -> DeckPlan:
        doc, kit = self.doc, self.kit
        titles = self.titles(drafts)
        script = Script(doc, parts)
        k = scheme(doc.brand.palette)[0]
        slides: list[SlidePlan] = []
        for i, (draft, (head, tail)) in enumerate(zip(drafts, titles, strict=True)):
            nxt = titles[i + 1][0].plain + titles[i + 1][1] if i + 1 < len(titles) else ""
            cue = replace(draft.cue, next_title=nxt)
            notes = script.notes(cue)
            if draft.slide is not None:
                slide = draft.slide
            else:
                kind = "title" if draft.kind == "closing" else "content"
                box, full = self.title_box(head, tail, kind)
                if full:
                    self.warn(head.plain if tail else full)
                    notes = f"Full title: {full}\n\n{notes}"
                if not kit.frame.template:
                    box = self.kinds.balanced(box)
                    if draft.layout == "statement":
                        box = replace(box, color=k.heading_on_light)
                if draft.kind == "closing":
                    slide = chrome.closing_slide(kit, doc, box)
                    slide = replace(slide, layout=self.role(slide.layout))
                else:
                    slide = SlidePlan(
                        draft.kind, self.role(draft.layout), box,
                        tuple(x for x in draft.items if isinstance(x, Box)),
                        tuple(x for x in draft.items if isinstance(x, Picture)),
                        tuple(x for x in draft.items if isinstance(x, Rect)),
                        continued=draft.continued)
            if slide.kind in ("title", "section") and not kit.frame.template:
                slide = replace(slide, title=self.kinds.balanced(slide.title))
            notes = "\n\n".join(x for x in (slide.notes, notes) if x)
            slides.append(replace(slide, notes=notes))
        footers: dict[str, Box | None] = {}
        numbers: dict[str, Box | None] = {}
        done = tuple(chrome.chrome(kit, s, n, footers, numbers) for n, s in enumerate(slides, 1))
        return DeckPlan(
            slides=done,
            width=kit.frame.width,
            height=kit.frame.height,
            heading_font=kit.heading_name,
            body_font=kit.body_name,
            title=doc.title.plain,
            author=doc.author.name,
            subject=doc.summary or (doc.subtitle.plain if doc.subtitle else ""),
            keywords=", ".join(doc.keywords),
            language=doc.language,
            warnings=tuple(self.warnings),
        )

    def role(self, layout: str) -> str:
        """The slide role whose layout the slide uses: on a corporate template, the layouts it
        has (title, section, content) stand in for docgen's own (:data:`.layouts.STAND_INS`)."""
        roles = self.kit.frame.roles
        if roles is None or layout in roles:
            return layout
        return STAND_INS.get(layout, "content")

    def warn(self, full: str) -> None:
        shown = full.strip().replace(NBSP, " ")
        p = Problem(f"title too long for a slide, shortened with '…': {shown}",
                    severity="warning", hint="the full title is in the speaker notes")
        if p not in self.warnings:
            self.warnings.append(p)

    def titles(self, drafts: list[_Draft]) -> list[tuple[Text, str]]:
        """A title for every slide, none the same, as (what may be shortened, what may not): a
        section's slides are its heading and what they show (": Key Points"); several of one kind
        are numbered (" (2 of 3)"); a slide that continues another says so (" (Continued)", or
        " (Part 3 of 4)" when a text runs over more than two slides)."""
        counts: dict[tuple[int, str], int] = {}
        for d in drafts:
            if d.heading is not None and not d.continued:
                key = (id(d.cue.part), d.qualifier)
                counts[key] = counts.get(key, 0) + 1
        seen: dict[tuple[int, str], int] = {}
        out: list[tuple[Text, str]] = []
        for d in drafts:
            cont = ""
            if d.continued:
                cont = (self.label("continued") if d.cue.pieces <= 2 else
                        self.label("part", d.cue.piece + 1, d.cue.pieces))
            if d.slide is not None:
                out.append((Text(tuple(Span(r.text.replace(SOFT_BREAK, ""), r.bold, r.italic)
                                       for p in d.slide.title.paras for r in p.runs)), ""))
                continue
            if d.heading is None:
                out.append((d.fixed or Text(()), f" ({cont})" if cont else ""))
                continue
            key = (id(d.cue.part), d.qualifier)
            if not d.continued:
                seen[key] = seen.get(key, 0) + 1
            n, total = seen.get(key, 1), counts.get(key, 1)
            suffix = ", ".join(x for x in (self.label("of", n, total) if total > 1 else "",
                                           cont) if x)
            out.append((d.heading, f": {d.qualifier}" + (f" ({suffix})" if suffix else "")))
        return _unique(out)

    def title_box(self, head: Text, tail: str, kind: str) -> tuple[Box, str | None]:
        """The title box; a title too long for two lines at the floor size loses words from the
        end of its heading ("…"), never its qualifier or number, so it stays unique."""
        box, full = self.kit.title(Text((*head.spans, Span(tail))), kind)
        if not full or not tail:
            return box, full
        words = head.plain.split()
        while len(words) > 1:
            words.pop()
            cut = Text((Span(" ".join(words).rstrip(",;:") + "…" + tail),))
            box, shortened = self.kit.title(cut, kind)
            if not shortened:
                return box, head.plain + tail
        return box, full


def _unique(titles: list[tuple[Text, str]]) -> list[tuple[Text, str]]:
    """The titles, each made unique by a number where two would read the same."""
    seen: dict[str, int] = {}
    out = []
    for head, tail in titles:
        key = (head.plain + tail).strip().lower()
        seen[key] = seen.get(key, 0) + 1
        out.append((head, tail) if seen[key] == 1 else (head, f"{tail} ({seen[key]})"))
    return out


__all__ = ["Box", "DeckPlan", "Picture", "Rect", "SlidePlan", "plan_deck"]
