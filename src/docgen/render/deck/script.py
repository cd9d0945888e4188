"""Speaker notes as a script: what to say that the slide does not show.

Each slide's notes hold the article's prose that leads into it (paragraphs never shown on a slide),
where its quotes come from (their ``by``, else that the article gives no name), for key points the
quote that backs each one, a timing hint on each section's divider (from its word count, at a
speaking pace of 130 words a minute) and, last, the slide that comes next. Plain text, smartened
like the slides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docgen.model import Document, Paragraph, Quote, Text
from docgen.render.deck.storyboard import Beat, Part
from docgen.render.deck.typeset import display, marks, quoted_words

WORDS_PER_MINUTE = 130
SECONDS_PER_SLIDE = 15  # changing slides, pausing on a quote
_STOP = frozenset(("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has",
                   "have", "in", "is", "it", "its", "of", "on", "or", "so", "that", "the", "their",
                   "them", "they", "this", "to", "was", "were", "what", "when", "which", "who",
                   "will", "with", "you", "your"))


@dataclass(frozen=True, slots=True)
class Cue:
    """What the script of one slide needs: its kind, its section's storyboard and beat, which part
    of a split text it is, and the title of the slide after it."""

    kind: str
    part: Part | None = None
    beat: Beat | None = None
    piece: int = 0  # 0: the first slide of the beat
    pieces: int = 1
    next_title: str = ""
    shows: tuple[int, int] = (0, 0)  # the agenda: which parts this slide lists


class Script:
    """Writes the notes of one deck."""

    def __init__(self, doc: Document, parts: tuple[Part, ...]) -> None:
        self.doc = doc
        self.lang = doc.language
        self.parts = parts
        self._total: str | None = None
        self._quoted: dict[int, tuple[Quote, str, set[str]]] = {}

    def text(self, t: Text | str) -> str:
        return display(t, self.lang).plain.strip()

    def quoted(self, q: Quote) -> str:
        """The quote as the slide prints it: the language's marks, inner quotes nested."""
        found = self._quoted.get(id(q))
        if found is None or found[0] is not q:
            opening, closing = marks(self.lang)
            text = f"{opening}{quoted_words(q.text, self.lang).plain.strip()}{closing}"
            found = self._quoted[id(q)] = (q, text, _content_words(q.text))
        return found[1]

    def said(self, q: Quote) -> set[str]:
        """The quote's content words (what a key point is matched on)."""
        self.quoted(q)
        return self._quoted[id(q)][2]

    def minutes(self, part: Part) -> str:
        slides = 1 + len(part.beats)
        seconds = part.words * 60 / WORDS_PER_MINUTE + slides * SECONDS_PER_SLIDE
        half_minutes = max(1, round(seconds / 30))
        value = half_minutes / 2
        shown = f"{value:g}"
        return f"about {shown} minute{'s' if value != 1 else ''}"

    def total(self) -> str:
        if self._total is None:
            self._total = self._sum()
        return self._total

    def _sum(self) -> str:
        seconds = sum(p.words * 60 / WORDS_PER_MINUTE + (1 + len(p.beats)) * SECONDS_PER_SLIDE
                      for p in self.parts) + 3 * SECONDS_PER_SLIDE
        minutes = max(1, round(seconds / 60))
        return f"about {minutes} minute{'s' if minutes != 1 else ''}"

    # -- one slide ------------------------------------------------------------------------------
    def notes(self, cue: Cue) -> str:
        lines = getattr(self, f"_{cue.kind}", self._content)(cue)
        if cue.next_title:
            lines.append(f"Next: {cue.next_title}.")
        return "\n\n".join(x for x in lines if x)

    def _title(self, cue: Cue) -> list[str]:
        intro = [self.text(b.text) for b in self.doc.intro if isinstance(b, Paragraph)]
        if not intro:
            sub = f": {self.text(self.doc.subtitle)}" if self.doc.subtitle else ""
            intro = [f"Welcome. {self.text(self.doc.title)}{sub}."]
        who = f"Presented from the article by {self.doc.author.name}; the whole talk takes {self.total()}."
        return [*intro, who]

    def _agenda(self, cue: Cue) -> list[str]:
        """The parts this agenda slide lists, each with its time (a long agenda: only its own)."""
        start, end = cue.shows
        names = [f"{self.text(p.section.heading)} ({self.minutes(p).removeprefix('about ')})"
                 for p in self.parts[start:end]]
        if not names:
            return []
        listed = "; ".join(names[:-1]) + ("; and " if len(names) > 1 else "") + names[-1]
        count = "one part" if len(self.parts) == 1 else f"{len(self.parts)} parts"
        total = f"The whole talk takes {self.total()}, with questions at the end."
        if cue.piece == 0:
            return [f"This talk has {count}: {listed}.", total]
        return [f"The agenda continues with parts {start + 1} to {end} of {len(self.parts)}: "
                f"{listed}.", total]

    def _section(self, cue: Cue) -> list[str]:
        part = cue.part
        assert part is not None
        quotes = sum(len(b.quotes) for b in part.beats)
        points = len(part.section.key_points)
        has = [f"{quotes} quote{'s' if quotes != 1 else ''}" if quotes else "",
               f"{points} key point{'s' if points != 1 else ''}" if points else ""]
        content = " and ".join(x for x in has if x)
        line = (f"Part {part.number} of {len(self.parts)}: {self.text(part.section.heading)}. "
                f"Allow {self.minutes(part)} for this part"
                + (f": {content}." if content else "."))
        if not part.beats:  # a part with nothing to show: its prose is said over the divider
            return [line, *(self.text(t) for t in part.closing)]
        return [line]

    def _content(self, cue: Cue) -> list[str]:
        beat = cue.beat
        if beat is None:
            return []
        out: list[str] = []
        if cue.piece == 0:
            for i, lead in enumerate(beat.lead_ins):
                if len(beat.quotes) > 1 and beat.quotes:  # cards: which card the words lead into
                    position = _position(i, len(beat.quotes))
                    said = " ".join([self.text(t) for t in lead])
                    q = beat.quotes[i]
                    out.append(" ".join(x for x in (f"{position} card:", said, self.quoted(q),
                                                    self._source(q)) if x))
                else:
                    out += [self.text(t) for t in lead]
        if len(beat.quotes) == 1 and cue.pieces == 1:
            said = self.quoted(beat.quotes[0])
            if beat.kind == "statement":
                out.append(f"Read it slowly and let it stand: {said} Of all the answers in this "
                           "part, this one sums it up.")
            else:
                out.append(f"Read the answer aloud, then pause: {said}")
        if len(beat.quotes) == 1:
            q = beat.quotes[0]
            if cue.pieces > 1:
                state = "begins" if cue.piece == 0 else (
                    "ends" if cue.piece == cue.pieces - 1 else "continues")
                out.append(f"The quote {state} here; in full: {self.quoted(q)}")
            out.append(self._source(q))
        if beat.kind in ("bullets", "comparison") and cue.piece == 0:
            out += self._backing(beat, cue.part)
        if cue.piece > 0 and beat.kind in ("bullets", "comparison", "list", "callout"):
            out.append("This slide goes on from the one before: keep the same thread, and give "
                       "each point a sentence of its own.")
        if beat.kind == "list" and not any(t for lead in beat.lead_ins for t in lead):
            out.append("Take the points one at a time: each is a prompt for a sentence or an "
                       "example of your own.")
        if beat.kind == "picture" and beat.image is not None:
            out.append(f"The picture shows {self.text(beat.image.alt).rstrip('.')}.")
        if beat.kind == "callout":
            out.append("Pause on this takeaway: it is the one line to remember from this part.")
        if cue.part is not None and beat is cue.part.beats[-1] and cue.piece == cue.pieces - 1:
            out += [self.text(t) for t in cue.part.closing]
        return out

    def _source(self, q: Quote) -> str:
        if q.by:
            return f"Source: {self.text(q.by)}."
        return "Source: an answer quoted in the article, without a name."

    def _backing(self, beat: Beat, part: Part | None) -> list[str]:
        """For each point, the quote of the section that says the same (three shared words)."""
        if part is None:
            return []
        quotes = [q for b in part.beats for q in b.quotes]
        out = []
        for point in beat.items:
            words = _content_words(point)
            best = max(quotes, key=lambda q: len(words & self.said(q)), default=None)
            if best is not None and len(words & self.said(best)) >= 3:
                out.append(f"{self.text(point)}: as one answer put it, {self.quoted(best)}")
        if out:
            out.insert(0, "Each point, with the answer behind it:")
        elif sum(len(t.plain.split()) for t in beat.lead_ins[0]) < 30:  # little prose to say
            out.append("Sum up this part in your own words before moving on; the points on the "
                       "slide are its summary.")
        return out

    def _author(self, cue: Cue) -> list[str]:
        a = self.doc.author
        links = "; ".join(f"{link.label}: {link.url}" for link in a.links)
        out = [f"Credit {a.name} as the author of the article this talk is based on."]
        if cue.piece == 0 and links:
            out.append(f"For more from {a.name}, point to {links}.")
        if cue.piece > 0:
            out.append("The biography goes on here: sum it up in your own words rather than "
                       "reading it out.")
        return out

    def _closing(self, cue: Cue) -> list[str]:
        cta = self.doc.cta
        link = cta.link if cta is not None and cta.link else self.doc.brand.link
        out = ["Thank the audience."]
        if cta is not None:
            out.append(f"Close with the call to action: {self.text(cta.text)}.")
        if link:
            out.append(f"The link on the slide and the QR code both open {link}; leave the slide up "
                       "while people scan it.")
        out.append("Then invite questions.")
        return out


def _position(i: int, n: int) -> str:
    if n == 2:
        return ("Left", "Right")[i]
    return ("Left", "Middle", "Right")[i] if n == 3 else f"Card {i + 1}"


def _content_words(text: Text) -> set[str]:
    return {w for w in re.findall(r"[a-z’']+", text.plain.lower()) if w not in _STOP and len(w) > 2}

