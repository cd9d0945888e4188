"""Speaker notes as a script, in the author's voice: what to say that the slide does not show.

The deck is the author's talk, so the notes speak as the author: the article's own prose (its
introduction on the question slide, the paragraphs that lead into each quote, joined to the quote
where they end in a colon: "For example, one person put it this way: “…”"), short connecting
sentences where the article has none (never the same one twice in a row), the claim a quote
backs, and a cue for what comes next. Stage directions are few and in [brackets]; the timing is
given once per section (on its divider, or its first slide) and once for the whole talk.
Plain text, smartened like the slides.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.model import Document, Quote, Text
from docgen.render.deck.points import conclusion, echoes, label
from docgen.render.deck.spoken import full_stop, intro_said
from docgen.render.deck.storyboard import Beat, Comparison, Part
from docgen.render.deck.typeset import display, marks, quoted_words

WORDS_PER_MINUTE = 130
SECONDS_PER_SLIDE = 15  # changing slides, pausing on a quote
#: What the speaker says before a quote the article introduces with no words of its own.
CONNECTIVES = ("Here is how someone else put it, in their own words:",
               "Another of the answers put it like this:",
               "Someone else saw it from a different angle:",
               "Here is one more way of putting it:",
               "Another person answered this way:",
               "A different voice, and a different way of saying it:",
               "Here is the same idea from someone else:")
#: ... and before a short one (16 words or fewer).
SHORT = ("And one more, in just a few words:", "Someone else said it in one line:",
         "Another answer, short and to the point:", "Here it is in a single sentence:")
#: After a statement (a short quote set large).
PAUSES = ("[Pause, and let it land before you go on.]", "[Give the room a moment to read it.]",
          "[Let it sit for a breath before the next slide.]")
#: After a paragraph that does not end in a colon: the quote as its example.
EXAMPLES = ("Here is one example:", "For instance:", "Take this one:", "One example among many:")
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve")
#: How the speaker sums up a quote in the claim it backs.
SUMS = ("In other words, {}.", "So: {}.", "Put simply, {}.", "The point: {}.")


@dataclass(frozen=True, slots=True)
class Cue:
    """What the script of one slide needs: its kind, its section's storyboard and beat, which part
    of a split text it is, and what comes after it."""

    kind: str
    part: Part | None = None
    beat: Beat | None = None
    piece: int = 0  # 0: the first slide of the beat
    pieces: int = 1
    next_title: str = ""
    next_kind: str = ""
    next_claim: bool = False  # the next slide's title is a claim (worth saying ahead)
    next_part: str = ""  # the next slide opens another part (its heading), or the close ("")
    last: bool = False  # the last slide of its part
    first: bool = False  # the first slide of its part after its divider
    shows: tuple[int, int] = (0, 0)  # the agenda: which parts this slide lists
    excerpt: bool = False  # the slide shows part of its quote
    divided: bool = False  # its part has a divider (which says the part's opening prose)
    timed: bool = False  # the section's time is said here


class Script:
    """Writes the notes of one deck."""

    def __init__(self, doc: Document, parts: tuple[Part, ...]) -> None:
        self.doc = doc
        self.lang = doc.language
        self.parts = parts
        self._total: int | None = None
        self._quoted: dict[int, tuple[Quote, str]] = {}
        self._used: dict[str, int] = {}  # how often each pool of phrases was drawn from

    def text(self, t: Text | str) -> str:
        return display(t, self.lang).plain.strip()

    def quoted(self, q: Quote) -> str:
        """The quote as the slide prints it: the language's marks, inner quotes nested."""
        found = self._quoted.get(id(q))
        if found is None or found[0] is not q:
            opening, closing = marks(self.lang)
            text = f"{opening}{quoted_words(q.text, self.lang).plain.strip()}{closing}"
            found = self._quoted[id(q)] = (q, text)
        return found[1]

    def seconds(self, part: Part) -> float:
        return part.words * 60 / WORDS_PER_MINUTE + (1 + len(part.beats)) * SECONDS_PER_SLIDE

    def minutes(self, part: Part) -> str:
        value = max(1, round(self.seconds(part) / 30)) / 2
        return f"about {value:g} minute{'s' if value != 1 else ''}"

    def total(self, words: bool = False) -> str:
        """The whole talk's time: "about 11 minutes" (``words``: "eleven minutes")."""
        if self._total is None:
            seconds = sum(self.seconds(p) for p in self.parts) + 3 * SECONDS_PER_SLIDE
            self._total = max(1, round(seconds / 60))
        n = self._total
        unit = "minute" if n == 1 else "minutes"
        return f"{_number(n)} {unit}" if words else f"about {n} {unit}"

    # -- one slide ------------------------------------------------------------------------------
    def notes(self, cue: Cue) -> str:
        lines = getattr(self, f"_{cue.kind}", self._content)(cue)
        if cue.next_title and cue.next_claim:
            lines.append(f"[Next: {cue.next_title}]")
        return "\n\n".join(x for x in lines if x)

    def _title(self, cue: Cue) -> list[str]:
        a = self.doc.author
        me = full_stop(f"I’m {a.name}" + (f", {self.text(a.role)}" if a.role else ""))
        out = [f"[Welcome the audience.] Thank you for having me. {me}"]
        if cue.next_kind != "question":  # no question slide: the introduction is said here
            out += self._intro()
        return out

    def _question(self, cue: Cue) -> list[str]:
        return [*self._intro(), "[Let the question sit for a moment before moving on.]"]

    def _intro(self) -> list[str]:
        return intro_said(self.doc.intro, self.text, self.quoted)

    def _agenda(self, cue: Cue) -> list[str]:
        start, end = cue.shows
        names = [self.text(p.section.heading) for p in self.parts[start:end]]
        if not names:
            return []
        listed = "; ".join(names[:-1]) + ("; and last, " if len(names) > 1 else "") + names[-1]
        count = f"{_number(len(self.parts))} part{'s' if len(self.parts) != 1 else ''}"
        if cue.piece == 0:
            times = [self.minutes(p).removeprefix("about ") for p in self.parts[start:end]]
            return [f"Here is the plan for the next {self.total(words=True)}, in "
                    f"{count}: {listed}.", f"[Time for each part: {', '.join(times)}.]"]
        return [f"The plan goes on with parts {_number(start + 1)} to {_number(end)}: {listed}.",
                "[The agenda takes more than one slide; this one carries on from the last.]"]

    def _section(self, cue: Cue) -> list[str]:
        part = cue.part
        assert part is not None
        out = [self._opens(part), f"[Allow {self.minutes(part)} for this part.]"]
        out += [self.text(t) for t in self.opening(part)]
        if not part.beats:  # a part with nothing to show: its prose is said over the divider
            out += [self.text(t) for t in part.closing]
        return out

    def _opens(self, part: Part) -> str:
        """The line that opens a part, on its divider or, without one, on its slide."""
        heading = self.text(part.section.heading)
        if part.number == 1:
            return f"Let me start with part one: {heading}."
        if part.number == len(self.parts):
            return f"And the last part: {heading}."
        return f"Part {_number(part.number)}: {heading}."

    def opening(self, part: Part) -> tuple[Text, ...]:
        """The prose that opens a part, said over its divider: the paragraphs before its first
        quote, unless they end in a colon (then they lead into that quote)."""
        first = part.beats[0] if part.beats else None
        if first is None or not first.quotes or not first.lead_ins or not first.lead_ins[0]:
            return ()
        lead = first.lead_ins[0]
        return () if lead[-1].plain.rstrip().endswith(":") else lead

    def _content(self, cue: Cue) -> list[str]:
        beat = cue.beat
        if beat is None:
            return []
        out: list[str] = []
        if cue.timed and cue.part is not None:
            if not cue.divided:  # no divider said the part's opening line
                out.append(self._opens(cue.part))
            out.append(f"[Allow {self.minutes(cue.part)} for this part.]")
        if cue.piece == 0:
            if beat.quotes:
                out += self._quotes(beat, cue)
            else:
                out += [self.text(t) for lead in beat.lead_ins for t in lead]
        led = sum(len(t.plain.split()) for lead in beat.lead_ins for t in lead)
        if beat.kind in ("bullets", "comparison") and cue.piece == 0 and led < 30:
            out.append(self._sum_up(cue))
        if beat.kind == "overview" and beat.comparison is not None:
            out += self._side_by_side(beat.comparison)
        if beat.kind == "list" and cue.piece == 0 and led < 30:
            out.append("[Take the points one at a time; give each a sentence or an example of "
                       "your own.]")
        if beat.kind == "callout" and cue.piece == 0:
            out.append("[Pause here and say why it counts: of everything in this part, this is "
                       "the one line to keep.]")
        if beat.kind == "picture" and beat.image is not None:
            out.append(f"[The picture shows {self.text(beat.image.alt).rstrip('.')}: say what "
                       "matters in it before you move on.]")
        if cue.piece > 0:
            out.append(f"[Slide {_number(cue.piece + 1)} of {_number(cue.pieces)} for this: it "
                       "carries on from the slide before, so keep the same thread and pace.]")
        if cue.part is not None and cue.last:
            out += [self.text(t) for t in cue.part.closing]
        if cue.last and cue.part is not None:
            here = self.text(cue.part.section.heading)
            n = cue.part.number
            out.append(f"That’s part {_number(n)}, {here}. Next, part {_number(n + 1)}: "
                       f"{cue.next_part}." if cue.next_part else
                       f"That was part {_number(n)}, the last of the "
                       f"{_number(len(self.parts))}." + (" Before your questions, let me tell you "
                                                        "who I am." if cue.next_kind == "author"
                                                        else ""))
        return out

    def _quotes(self, beat: Beat, cue: Cue) -> list[str]:
        """Each quote with the words that lead into it, then the claim it backs."""
        out = ["[The slide shows an excerpt of this answer; here it is in full:]"] if cue.excerpt else []
        opening = self.opening(cue.part) if cue.part is not None and cue.divided else ()
        prose = 0  # the article's own words said here before the quotes
        for i, q in enumerate(beat.quotes):
            lead = [self.text(t) for t in beat.lead_ins[i]] if i < len(beat.lead_ins) else []
            if i == 0 and opening and cue.first:
                lead = []  # said over the divider
                example = True
            else:
                example = bool(lead) and not lead[-1].endswith(":")
            prose += sum(len(t.split()) for t in lead)
            said = self.quoted(q)
            who = self.text(q.by) if q.by else ""
            if lead and lead[-1].endswith(":"):  # "For example:" runs into the quote
                head, last = _last_sentence(lead.pop())
                if len(last.split()) <= 3:
                    last = last[:-1] + (f", as {who} put it:" if who else
                                        ", one person put it this way:")
                lead.append(" ".join(x for x in (head, last, said) if x))
            elif example:
                lead.append(f"{self._pick(EXAMPLES)} {said}".lstrip())
            else:
                lead.append((f"{who} put it this way:" if who else
                             self._connective(len(q.text.plain.split()) <= 16)) + f" {said}")
                lead[-1] = lead[-1].lstrip()
            out += lead
            if who and who not in lead[-1]:
                out.append(f"[That was {who}.]")
            back = beat.backs[i] if i < len(beat.backs) else None
            if back is not None and beat.point is None:  # cards under labels: each claim said
                out.append(self._aside(back) if echoes(back, q) else self._sum(back))
        if beat.kind == "statement":
            out.append(self._pick(PAUSES))
        if beat.point is not None and beat.echo:  # the quote says it: the claim for reference
            out.append(self._aside(beat.point))
        elif beat.point is None and not beat.labels:  # no claim of the article's: the speaker says one
            out.append("[Say in one sentence of your own what this tells us.]")
        if beat.point is not None and prose < 12 and len(beat.quotes) == 1 and cue.part:
            out.append(self._where(beat.quotes[0], cue.part))  # little of the article's to say
        return out

    def _where(self, q: Quote, part: Part) -> str:
        """Where the speaker stands: which of the part's answers this is, and how long to give
        it (facts for the speaker, not lines of docgen's to read out)."""
        quotes = [x for b in part.beats for x in b.quotes]
        at = next((i for i, x in enumerate(quotes) if x is q), 0)
        seconds = max(10, round((len(q.text.plain.split()) * 60 / WORDS_PER_MINUTE
                                 + SECONDS_PER_SLIDE) / 5) * 5)
        return (f"[Answer {_number(at + 1)} of {_number(len(quotes))} in this part; give it "
                f"about {seconds} seconds.]")

    def _connective(self, short: bool) -> str:
        return self._pick(SHORT if short else CONNECTIVES)

    def _pick(self, pool: tuple[str, ...]) -> str:
        """The next phrase of ``pool``, or "" once all have been said: a line of docgen's own
        (not the article's) is said at most once in a deck, so a rehearsing speaker meets no
        canned line twice; where the pool is spent, the article's words stand alone."""
        n = self._used.get(pool[0], 0)
        self._used[pool[0]] = n + 1
        return pool[n] if n < len(pool) else ""

    def _aside(self, point: Text) -> str:
        """The claim a quote restates, for the speaker's eye, not to be read out after it; a
        labelled point's label leads, then its claim ("[Sports — Marketing puts …]")."""
        claim = self.text(point).rstrip(".")
        name = label(point)
        if name and claim.startswith(name + ":"):
            return f"[{name} — {claim[len(name) + 1:].strip()}.]"
        return f"[The point it backs: {claim}.]"

    def _sum(self, point: Text) -> str:
        claim = self.text(point).rstrip(".")
        name = label(point)
        if name:  # "Sports: Marketing puts…": the label leads already
            return f"{claim}."
        found = self._pick(SUMS)
        first = claim.split(" ", 1)[0]
        if found[-4] != ":" and first.lower() in _COMMON:  # "Put simply, some see…"
            claim = first.lower() + claim[len(first):]
        return found.format(claim)

    def _sum_up(self, cue: Cue) -> str:
        part = cue.part
        heading = self.text(part.section.heading) if part is not None else ""
        return (f"To sum up {heading}, here are the points side by side. [Take them one at a "
                "time.]" if cue.kind == "comparison" else
                f"To sum up {heading}: the points on this slide, one at a time. [Give each a "
                "sentence of your own.]")

    def _side_by_side(self, c: Comparison) -> list[str]:
        """The rows said as the claims they came from, one sentence each."""
        rows = [f"{c.left} {self.text(a)}; {c.right} {self.text(b)}."
                for a, b in zip(c.left_items, c.right_items, strict=True)]
        return [f"Across the parts so far, the answers keep drawing the same line between "
                f"{c.left} and {c.right}. Here it is, row by row.", " ".join(rows),
                "[Let the two columns sink in before you move on.]"]

    def _author(self, cue: Cue) -> list[str]:
        a = self.doc.author
        if cue.piece > 0:
            return ["[The biography goes on here from the slide before: sum it up in a sentence "
                    "rather than reading it out.]"]
        out = ["A word about me, and where this comes from."]
        if cue.excerpt:  # the slide has the short version: the whole biography is said
            out += ["[The slide has the short version; say the whole of it in your own words:]",
                    self.text(a.bio)]
        for link in a.links:
            out.append(f"You’ll find more at {_spoken(link.url)}.")
        if not a.links and not cue.excerpt:
            out.append("[The biography is on the slide: say it in your own words.]")
        return out

    def _closing(self, cue: Cue) -> list[str]:
        cta = self.doc.cta
        link = cta.link if cta is not None and cta.link else self.doc.brand.link
        out = ["Thank you."]
        end = conclusion(self.parts[-1].section.key_points) if self.parts else None
        if end is not None:  # the article's own last word is the takeaway; the offer follows it
            out.append(f"If one thing stays with you, let it be this: "
                       f"{_lower(self.text(end).rstrip('.!'))}.")
        want = f"If you want to {_lower(self.text(cta.text).rstrip('.!'))}, " if cta else ""
        if link:
            out.append(f"{want}{'t' if want else 'T'}he link is on the slide, {_spoken(link)}, "
                       "and the QR code opens it on your phone. [Leave this slide up while "
                       "people scan it.]")
        elif want:
            out.append(f"{want}talk to me afterwards.")
        out.append("I’m happy to take your questions.")
        return out


_COMMON = frozenset(("some", "they", "together", "both", "the", "a", "an", "it", "this", "these",
                     "there", "many", "most", "few", "all", "each", "every"))


def _lower(text: str) -> str:
    """``text`` to run on inside a sentence: a capital that only starts it (not "I", not a
    name in capitals like "B2B") lower-cased."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        return first.lower() + text[len(first):]
    return text


def _number(n: int) -> str:
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


def _last_sentence(text: str) -> tuple[str, str]:
    """``text`` as (what comes before its last sentence, its last sentence)."""
    cut = max(text.rfind(". ", 0, len(text) - 1), text.rfind("? ", 0, len(text) - 1),
              text.rfind("! ", 0, len(text) - 1))
    return (text[:cut + 1], text[cut + 2:]) if cut >= 0 else ("", text)


def _spoken(link: str) -> str:
    for prefix in ("https://", "http://", "mailto:"):
        if link.lower().startswith(prefix):
            return link[len(prefix):].rstrip("/")
    return link
