"""Stage one: which slides, which layout, which text in which box, at what size.

:func:`plan_deck` is a pure function of the document model (plain frozen dataclasses out, no XML),
so tests can check slide kinds, counts, sizes and titles without opening a deck. It runs in four
steps: the storyboard decides what each section shows (:mod:`.storyboard`); the builders fit each
beat into its layout's boxes (:mod:`.kinds`, :mod:`.chrome`); every slide gets a title of its own
(the claim its quotes back, else what it shows) under an eyebrow naming its section; the script
writes the notes (:mod:`.script`). Every text is measured here with the shipped TrueType twins;
the writer only copies the decisions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from docgen.errors import Problem
from docgen.labels import Labels
from docgen.model import Document, Quote, Span, Text
from docgen.render.deck import chrome, grid
from docgen.render.deck import design as d
from docgen.render.deck.author import author_pages
from docgen.render.deck.fit import Para, tokens
from docgen.render.deck.frame import Frame
from docgen.render.deck.kinds import Kinds, Page, place
from docgen.render.deck.layouts import STAND_INS
from docgen.render.deck.plan_types import Box, DeckPlan, Picture, Rect, SlidePlan
from docgen.render.deck.points import label as run_in_label
from docgen.render.deck.script import Cue, Script
from docgen.render.deck.storyboard import (
    STATEMENT_WORDS,
    Beat,
    Part,
    concluded,
    figure,
    matched,
    question,
    storyboard,
)
from docgen.render.deck.titles import snippet, unique
from docgen.render.deck.typeset import display, marks, quoted_words
from docgen.typography import NBSP

_NO_CUE = Cue("content")


@dataclass(frozen=True, slots=True)
class _Draft:
    """A slide before its title box is made: kind, layout, body, title words, eyebrow, notes' cue."""

    kind: str
    layout: str
    items: tuple[Box | Picture | Rect, ...] = ()
    title: Text | None = None
    tail: str = ""  # " (Continued)": never shortened
    eyebrow: Text | None = None
    fallback: str = ""  # the label the title falls back to, when no claim titles the slide
    heading: Text | None = None  # the section's, to tell fallbacks apart
    snippet: str = ""  # the slide's first words, to tell two fallbacks of one section apart
    continued: bool = False
    cue: Cue = _NO_CUE
    slide: SlidePlan | None = None  # title, section and closing slides, made whole
    #: The title is a quote set large (the question, a statement said once): the quote's byline.
    big: bool = False
    by: str = ""


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
        self.brow_words = 0

    def text(self, t: Text | str) -> Text:
        return display(t, self.doc.language)

    def plan(self) -> DeckPlan:
        doc, kit = self.doc, self.kit
        parts = storyboard(doc)
        drafts: list[_Draft] = [_Draft("title", "title", slide=chrome.title_slide(kit, doc),
                                       cue=Cue("title"))]
        asked = question(doc)
        if asked is not None:  # the article's question, staged
            opening, closing = marks(doc.language)
            words = Text((Span(opening), *self.text(asked).spans, Span(closing)))
            # The line above it names the question; the title slide shows the subtitle already.
            eyebrow = self.text(self.label("question"))
            if kit.frame.template:  # no layout of its own: the line as title, the question large
                pages = self.kinds.statement(Quote(asked)) or []
                shown = pages[0].items if pages else ()
                drafts.append(_Draft("question", "question", shown, eyebrow, cue=Cue("question")))
            else:
                items: tuple[Box | Picture | Rect, ...] = ()
                found = figure(doc)
                if found is not None:  # "140+" large, "responses to one question" its line
                    number, what = found
                    rect, ph = self.kinds.slot("question", "figure")
                    box = self.kinds.fitted("figure", rect, [Para(tokens(number, bold=True))],
                                            (d.FIGURE,), font="heading", anchor="b", ph=ph,
                                            color=self.kinds.c.eyebrow_on_tint, slot="figure",
                                            layout_role="question")
                    if box is not None:
                        items, eyebrow = (box,), self.text(what)
                drafts.append(_Draft("question", "question", items, title=words, eyebrow=eyebrow,
                                     cue=Cue("question"), big=True))
        if parts:
            headings = tuple(self.text(p.section.heading) for p in parts)
            pages = self.kinds.bullets(headings, "agenda", numbered=True)
            start = 0
            for pg in pages:
                count = sum(len(b.paras) for b in pg.boxes)
                drafts.append(_Draft("agenda", "agenda", pg.items, self.text(self.label("agenda")),
                                     self._continued(pg, len(pages)), self.text(doc.title),
                                     continued=pg.continued,
                                     cue=Cue("agenda", piece=pg.part, pieces=len(pages),
                                             shows=(start, start + count))))
                start += count
        for part in parts:
            drafts += self.part(part, len(parts))
        author = author_pages(self.kinds, doc.author)
        drafts += [_Draft("author", "author", pg.items, self.text(doc.author.name),
                          self._continued(pg, len(author)), self.text(self.label("author")),
                          continued=pg.continued,
                          cue=Cue("author", piece=pg.part, pieces=len(author),
                                          excerpt=pg.excerpt))
                   for pg in author]
        # The call to action is the closing slide's title: in the headings' case, as titles are.
        ending = self.text(self.label.heading(doc.cta.text) if doc.cta is not None
                           else self.label("thanks"))
        drafts.append(_Draft("closing", "closing", title=ending, cue=Cue("closing")))
        return self.finish(drafts, parts)

    def quoted(self, q: Quote) -> Text:
        """The quote's words as a title prints them: in the language's marks, nested inside."""
        opening, closing = marks(self.doc.language)
        return Text((Span(opening), *quoted_words(q.text, self.doc.language).spans, Span(closing)))

    def _continued(self, pg: Page, pages: int = 2) -> str:
        """" (Continued)" on the second of two slides; " (Part 3 of 4)" beyond."""
        if not pg.continued:
            return ""
        if pages <= 2:
            return f" ({self.label('continued')})"
        return f" ({self.label('part', pg.part + 1, pages)})"

    def part(self, part: Part, total: int) -> list[_Draft]:
        """A section's slides: its divider when it has more than one slide to open, then each
        beat's slides, titled by the claim they back, under the section's name."""
        heading = self.text(part.section.heading)
        self.brow_words = len(heading.plain.split())  # the eyebrow's, in a slide's word budget
        beats = part.beats if part.number < total else tuple(concluded(b, part)
                                                              for b in part.beats)
        pages = [x for beat in beats for x in self.expand(beat)]
        count = sum(len(pgs) for _, _, pgs in pages)
        out: list[_Draft] = []
        divider = count > 1 or not part.beats
        if divider:
            slide = chrome.section_slide(self.kit, heading, part.number, total)
            out.append(_Draft("section", "section", slide=slide,
                              cue=Cue("section", part, timed=True)))
        first = True
        for beat, kind, pgs in pages:
            for pg in pgs:
                title, fallback = self.title_of(beat, kind)
                eyebrow: Text | None = heading
                if not divider:  # the part's one slide numbers it, as a divider would
                    number = f"{part.number:02d} / {total:02d}"
                    eyebrow = self.text(f"{number} · {heading.plain}")
                    if fallback:  # no claim of its own: the part's heading is its title
                        title, eyebrow, fallback = heading, self.text(number), ""
                if pg.layout in ("cards2", "cards3") and beat.point is None:
                    # Captions name the cards: the title names their section, not the captions
                    # again; under a divider (the section's title already) the eyebrow names it
                    # and the title says what the slide shows.
                    if divider:
                        fallback = self.label("cards")
                        title = self.text(fallback)
                    else:
                        title, eyebrow, fallback = heading, self.text(
                            f"{part.number:02d} / {total:02d}"), ""
                cue = Cue(kind, part, beat, pg.part, len(pgs), excerpt=pg.excerpt,
                          timed=first and not divider, divided=divider, first=first)
                if kind == "statement" and beat.echo and not self.kit.frame.template:
                    # The claim restates the quote: the quote alone, large, as the slide's title.
                    q = beat.quotes[0]
                    # On the Statement layout, so the eyebrow and rule stay where every content
                    # slide has them; the quote centred in the body below.
                    out.append(_Draft(kind, "statement", (), self.quoted(q), "", heading, "", heading,
                                      cue=cue, big=True, by=q.by or ""))
                else:
                    out.append(_Draft(kind, pg.layout, pg.items, title,
                                      self._continued(pg, len(pgs)), eyebrow, fallback, heading,
                                      snippet(beat, self.text), pg.continued, cue))
                first = False
        last = out[-1]
        out[-1] = replace(last, cue=replace(last.cue, last=True))
        return out

    def expand(self, beat: Beat) -> list[tuple[Beat, str, list[Page]]]:
        """The beat's slides; cards too many for the slide's width become a slide each, each
        titled by its own claim."""
        f = self.kit.frame
        if beat.kind == "cards" and len(beat.quotes) == 3 and f.width * 3 < f.height * 4.5:
            # A narrow (4:3) slide: three cards would set a handful of words a line; two, then one.
            return [x for lo, hi in ((0, 2), (2, 3)) for x in self.expand(replace(
                beat, quotes=beat.quotes[lo:hi], lead_ins=beat.lead_ins[lo:hi],
                backs=beat.backs[lo:hi], labels=beat.labels[lo:hi]))]
        # (on a template no quote is its slide's title: quotes sharing a claim stay together)
        parts = matched(beat) if beat.point is None or not f.template else [beat]
        if len(parts) > 1:  # a short quote beside a long one: each group on its own
            return [x for sub in parts for x in self.expand(sub)]
        lone = beat.kind == "cards" and len(beat.quotes) == 1
        kind, pages = (beat.kind, []) if lone else self.pages(beat)
        if beat.kind != "cards" or (pages and pages[0].layout in ("cards2", "cards3")):
            return [(beat, kind, pages)]
        out = []
        for i, q in enumerate(beat.quotes):
            back = beat.point or (beat.backs[i] if i < len(beat.backs) else None)
            short = len(q.text.plain.split()) <= STATEMENT_WORDS or q.featured
            one = Beat("statement" if short else "quote", (q,), lead_ins=beat.lead_ins[i:i + 1],
                       point=back, backs=(back,), echo=beat.echo and short)
            out.append((one, *self.pages(one)))
        return out

    def pages(self, beat: Beat) -> tuple[str, list[Page]]:
        k = self.kinds
        pages: list[Page] | None = None
        kind = beat.kind
        if kind == "statement":
            pages = k.statement(beat.quotes[0])
            if pages is None:  # too long to set large: a quote slide
                kind, pages = "quote", k.quote(beat.quotes[0], beat.point)
        elif kind == "quote":  # the claim over it and the eyebrow count in the slide's words
            around = len(beat.point.plain.split()) + self.brow_words if beat.point else 0
            pages = k.quote(beat.quotes[0], beat.point, around)
        elif kind == "cards":  # each card backing a point of its own says which
            own = beat.point is None and all(beat.backs) and len(beat.backs) == len(beat.quotes)
            pages = k.cards(beat.quotes, beat.backs if own else ())
        elif kind == "comparison" and beat.comparison is not None:
            pages = k.comparison(beat.comparison)
            if pages is None:  # the columns do not fit: the points as bullets
                kind = "bullets"
        elif kind == "overview":  # columns that do not fit: no overview (each claim had its slide)
            return kind, (k.comparison(beat.comparison) or []) if beat.comparison else []
        elif kind == "picture" and beat.image is not None:
            pages = k.picture(beat.image)
        elif kind == "callout" and beat.callout is not None:
            pages = k.callout(beat.callout)
        if pages is None:
            pages = k.bullets(beat.items, "bullets")
        return kind, pages

    def title_of(self, beat: Beat, kind: str) -> tuple[Text, str]:
        """The claim the beat's quotes back (its key point), or the labels of the points its cards
        back ("Sports, Theatre and Seafood"); else what the slide shows ("Key Points"), returned
        as the fallback too."""
        if beat.point is not None:
            return self.text(beat.point), ""
        if beat.kind == "overview" and beat.comparison is not None:
            c = beat.comparison
            return self.text(f"{self.label.join([c.left, c.right])}: {self.label('side')}"), ""
        if beat.labels:
            return self.text(self.label.join(list(beat.labels))), ""
        if beat.kind == "cards" and all(b is not None and run_in_label(b) for b in beat.backs):
            return self.text(self.label.join([run_in_label(b) for b in beat.backs if b])), ""
        word = self.label("quote" if kind == "statement" else kind)
        return self.text(word), word

    # -- titles, notes, chrome ------------------------------------------------------------------
    def finish(self, drafts: list[_Draft], parts: tuple[Part, ...]) -> DeckPlan:
        doc, kit = self.doc, self.kit
        titles = unique(drafts, self.label)
        script = Script(doc, parts)
        lay = d.design(doc.brand.palette)
        slides: list[SlidePlan] = []
        for i, (draft, (head, tail)) in enumerate(zip(drafts, titles, strict=True)):
            nxt = drafts[i + 1] if i + 1 < len(drafts) else None
            point = nxt.cue.beat.point if nxt is not None and nxt.big and nxt.cue.beat else None
            after = drafts[i + 2].cue.beat if i + 2 < len(drafts) else None
            point = None if after is not None and after.point == point else point  # cued there
            cue = replace(draft.cue, next_title=self.text(point).plain if point is not None
                          else titles[i + 1][0].plain + titles[i + 1][1] if nxt is not None else "",
                          next_kind=nxt.kind if nxt is not None else "",
                          next_claim=nxt is not None and nxt.title is not None and not nxt.fallback

                          and nxt.cue.part is draft.cue.part
                          and nxt.kind not in ("author", "closing", "agenda", "question"),
                          next_part=self.text(nxt.cue.part.section.heading).plain
                          if nxt is not None and nxt.cue.part is not None
                          and nxt.cue.part is not draft.cue.part else "")
            notes = script.notes(cue)
            if draft.slide is not None:
                slide = draft.slide
            elif draft.kind == "closing":
                slide = chrome.closing_slide(kit, doc, head, self.label("thanks"))
                slide = replace(slide, layout=self.role(slide.layout))
            else:
                box, full = self.title_box(head, tail, draft.big, draft.by, draft.layout)
                if full:
                    self.warn(head.plain if tail else full)
                    notes = f"[Full title: {full}]\n\n{notes}"
                boxes = tuple(x for x in draft.items if isinstance(x, Box))
                if draft.eyebrow is not None and not kit.frame.template:
                    brow = self.kinds.eyebrow(draft.eyebrow, draft.layout)
                    boxes = (brow, *boxes) if brow is not None else boxes
                slide = SlidePlan(
                    draft.kind, self.role(draft.layout), box, boxes,
                    tuple(x for x in draft.items if isinstance(x, Picture)),
                    tuple(x for x in draft.items if isinstance(x, Rect)),
                    continued=draft.continued)
            if not kit.frame.template:
                slot = lay.layout(slide.layout).slot("title")
                title = slide.title if slide.title.style else replace(
                    slide.title, style=slot.style, color=slot.style.colour)
                title = replace(title, home=place(kit.frame, slot.rect))
                slide = replace(slide, title=self.kinds.good(title, even=True))
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

    def title_box(self, head: Text, tail: str, big: bool = False, by: str = "",
                  layout: str = "question") -> tuple[Box, str | None]:
        """The title box; a title too long for two lines at the floor size loses words from the
        end ("…"), never its " (Continued)", so it stays unique. A quote as title (the question,
        a statement said once) is set large, its byline under it: the question in its layout's
        title box, a statement in the box the Statement layout gives its quote, centred there."""
        if big and not self.kit.frame.template:
            lay = d.design(self.doc.brand.palette).layout(layout)
            slot = lay.slot("title")
            rect, anchor = slot.rect, "t"
            if layout == "statement":  # the eyebrow stays up; the words where a statement stands
                rect, anchor = lay.slot("quote").rect, "ctr"
            byline = self.kinds.by_para(Quote(Text(()), by=by), 0, d.META) if by else []
            for size in (d.STATEMENT, 40.0, 36.0):
                b = self.kit.box("title", place(self.kit.frame, rect),
                                 [_para(head, italic=True), *byline], size, size, font="body",
                                 color=self.kinds.c.heading_on_tint, anchor=anchor,
                                 placeholder=("title", 0))
                if b is not None:
                    return self.kinds.hung(replace(b, style=slot.style)), None
        box, full = self.kit.title(Text((*head.spans, Span(tail))), "content")
        if not full:
            return box, None
        words = head.plain.split()
        while len(words) > 1:
            words.pop()
            cut = Text((Span(" ".join(words).rstrip(",;:") + "…" + tail),))
            box, shortened = self.kit.title(cut, "content")
            if not shortened:
                return box, head.plain + tail
        return box, full


def _para(text: Text, italic: bool = False) -> Para:
    return Para(tokens(text, italic=italic))


__all__ = ["Box", "DeckPlan", "Picture", "Rect", "SlidePlan", "plan_deck"]
