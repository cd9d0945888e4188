"""Quote slides: one quote (a statement set large, or a quote beside its rule) and cards.

Set as the handout sets them (:mod:`docgen.quotes`): a quote italic in ink beside a rule as tall
as its words; the hero larger, in the primary colour; cards edged by the rule, one height. Sizes
come from the type scale, largest first; a quote too long for its slide shows its first
sentences, and the notes hold all of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from docgen.model import Quote, Span, Text
from docgen.quotes import PULL_QUOTE, QUOTE, QuoteLook, rule_colour
from docgen.render.deck import design as d
from docgen.render.deck.body import MAX_WORDS, Body, Item, Page
from docgen.render.deck.fit import Para, Tokens, paginate, sentences, tokens, words
from docgen.render.deck.plan_types import Box, Rect
from docgen.render.deck.points import content_words, echoes, label
from docgen.render.deck.typeset import display, marks, quoted_words

#: Three cards whose quotes have at most this many words each are set at 28 pt, not 24.
CARD_UP_WORDS = 12
#: An excerpt's most words: with its claim as title, a slide stays near 40 words.
EXCERPT_WORDS = 30
#: ... and its fewest: a slide with room for fewer of the quote's words shows it whole.
EXCERPT_FLOOR = 15


def tied(para: Para) -> Para:
    """``para`` with its last two words joined by a no-break space: text that wraps in its box's
    own width (a card's) never leaves one word alone on its last line, however it is edited."""
    runs = list(para.runs)
    last = True  # the space to tie is the last one before the last word, not after it
    for i in range(len(runs) - 1, -1, -1):
        text = runs[i].text
        cut = text.rfind(" ", 0, len(text.rstrip()) if last else len(text))
        last = last and not text.strip()
        if cut >= 0 and (text[:cut].strip() or i > 0):
            runs[i] = replace(runs[i], text=text[:cut] + "\u00a0" + text[cut + 1:])
            return replace(para, runs=tuple(runs))
    return para


#: Words that link a sentence to the one before it: cut from one that follows a "…".
LINKS = frozenset(("but", "and", "so", "or", "yet", "also", "then", "still", "however,"))


def unlinked(unit: Tokens) -> Tokens:
    """``unit`` without the linking word it opens with ("But when you break it down" → "When
    you break it down"), its next word capitalised; as it is when it has no such word."""
    at = next((i for i, t in enumerate(unit) if t.text.strip()), None)
    if at is None or unit[at].text.strip().lower() not in LINKS:
        return unit
    nxt = next((i for i in range(at + 1, len(unit)) if unit[i].text.strip()), None)
    if nxt is None:
        return unit
    word = unit[nxt]
    return (*unit[:at], *unit[at + 1:nxt],
            replace(word, text=word.text[:1].upper() + word.text[1:]), *unit[nxt + 1:])


def clipped(unit: Tokens, most: int) -> Tokens:
    """The first words of a sentence too long for a slide, at most ``most``, ending where one
    of its clauses ends (after a comma, semicolon or dash) when one ends past half of them; the
    caller closes it with "…"."""
    count, cut, best = 0, 0, 0
    for i, t in enumerate(unit):
        if not t.text.strip():
            continue
        count += 1
        if count > most:
            break
        cut = i + 1
        if count * 2 >= most and re.search(r"[,;:–—]\s*$", t.text):
            best = i + 1
    end = best or cut
    last = unit[end - 1]
    return (*unit[:end - 1], replace(last, text=last.text.rstrip().rstrip(",;:–—").rstrip()))


def captions(quote: Quote, point: Text) -> list[Text]:
    """What a card's caption says of the key point its quote backs, longest first: what the
    quote does not say already. A labelled point ("Sports: Marketing puts the ball in play…")
    gives its label, after the whole point when the quote does not restate the rest; a point
    without a label, the whole point unless the quote restates it. Empty: nothing to add."""
    name = label(point)
    rest = point.plain.split(":", 1)[1].strip() if name else point.plain.strip()
    said = echoes(Text((Span(rest),)), quote)
    if not name:
        return [] if said else [Text((Span(rest),))]
    short = Text((Span(name, bold=True),))
    return [short] if said else [Text((Span(name + ":", bold=True), Span(" " + rest))), short]


def carriers(texts: Sequence[str], claim: str) -> list[int]:
    """The sentences (indexes into ``texts``) that carry ``claim``: for each of its clauses
    ("Marketing works at mass scale; Sales is one-on-one"), the sentence sharing most of its
    content words, one more when the sentence opens with the clause's first word (its subject:
    "Sales is very personal…"), the earliest on a tie. Empty when a clause has no sentence."""
    out: set[int] = set()
    for clause in re.split(r"\s*[;,–—]\s*", claim):
        want = content_words(clause)
        if not want:
            continue
        first = clause.split()[0].lower() if clause.split() else ""

        def score(i: int, want: frozenset[str] = want, first: str = first) -> int:
            opens = texts[i].lstrip("… “\"").lower().split()[:1]
            return len(want & content_words(texts[i])) + (opens[:1] == [first] if opens else 0)

        best = max(range(len(texts)), key=lambda i: (score(i), -i))
        if score(best) == 0:
            return []
        out.add(best)
    return sorted(out)


def quote_sizes(count: int) -> tuple[float, ...]:
    """The type scale's steps to try for a quote of ``count`` words, largest first: a short quote
    set up (36 pt up to 20 words, 32 up to 40, else 28), so every quote slide is about as full."""
    if count <= 20:
        return (d.TITLE, d.LEAD, d.BODY, d.CARD)
    if count <= 40:
        return (d.LEAD, d.BODY, d.CARD)
    return (d.BODY, d.CARD)


class QuoteSlides(Body):
    """Builds the quote slides of one deck."""

    def quote_paras(self, q: Quote, toks: Tokens | None = None, last: bool = True) -> list[Para]:
        """The quote's words in the language's marks (ending "…" where an excerpt stops)."""
        opening, closing = marks(self.language)
        body = toks if toks is not None else self.words_of(q)
        head = Span(opening, italic=True)
        tail = Span("…" + closing if not last else closing, italic=True)
        return [Para((head, *body, tail))]

    def words_of(self, q: Quote) -> Tokens:
        """The quote's words as printed, as italic tokens (made once per quote)."""
        found = self._words.get(id(q))
        if found is None or found[0] is not q:
            found = self._words[id(q)] = (q, tokens(quoted_words(q.text, self.language), italic=True))
        return found[1]

    def by_para(self, q: Quote, level: int = 0, size: float = 0.0) -> list[Para]:
        if not q.by:
            return []
        return [Para(tokens(display(f"— {q.by}", self.language)), level=level, size=size,
                     space_before=0.6 if level else 0.0)]

    def colour(self, look: QuoteLook, tinted: bool) -> str:
        """The colour of a quote's words in ``look`` (a palette role), as it reads on the slide's
        ground (white, or the tint of statements and cards)."""
        if look.colour == "primary":
            return self.c.heading_on_tint if tinted else self.k.heading
        return self.k.on_light if tinted else self.k.text

    def rule_colour(self, look: QuoteLook) -> str:
        """The rule's colour, as the handout draws it (:func:`docgen.quotes.rule_colour`)."""
        return rule_colour(look, self.kit.brand.palette)

    def quote_block(self, role: str, q: Quote, sizes: Sequence[float],
                    paras: list[Para] | None = None) -> tuple[Item, ...] | None:
        """A quote with its attribution (the placeholder's second level), its top on the line
        every quote starts at, as the handout sets it (:mod:`docgen.quotes`): a quote italic in
        ink beside a rule as tall as the words and attribution (``QUOTE``); a statement larger,
        in the primary colour, under the title's rule (``PULL_QUOTE``); the opening mark hanging."""
        look = PULL_QUOTE if role == "statement" else QUOTE
        tinted = role == "statement"
        rect, ph = self.slot(role, "quote")
        words = paras or self.quote_paras(q)
        by = self.by_para(q, 1, d.META * self.f.scale) if q.by else []
        b = None
        for size in sizes:  # the words fitted with room for the attribution under them
            b = self.fitted("quote", rect, [*words, *by], (size,), color=self.colour(look, tinted),
                            ph=ph, slot="quote", layout_role=role, good=True)
            if b is not None:
                break
        if b is None:
            return None
        if not self.builtin and by:  # no second level of docgen's on a template: one size
            b = replace(b, paras=tuple(replace(p, size=0.0) for p in b.paras))
        b = self.hung(b)
        if role == "quote":  # the block (words and attribution) on the body's optical centre
            b = self.centred(b)
        items: list[Item] = [b]
        if self.builtin and look.rule == "left":
            f = self.f
            h = self.text_h(b)
            items.insert(0, Rect(f.margin, b.y + f.len(0.06), f.len(d.RULE_W / d.IN),
                                 max(h - f.len(0.08), f.len(0.3)), self.rule_colour(look)))
        return tuple(items)

    def centred(self, b: Box) -> Box:
        """``b`` moved down so its words stand on the optical centre of the body (the line the
        statements are centred on), never above the line quotes start at; the box reaches the
        body's foot, so text a viewer sets taller still has room."""
        _, top, _, _ = self.place((0, d.QUOTE_Y, 0, 0))
        _, sy, _, sh = self.place(d.STATEMENT_RECT)
        _, _, _, bh = self.place(d.QUOTE_RECT)
        h = self.text_h(b)
        y = max(top, min(sy + sh // 2 - h // 2, top + bh - h))
        return replace(b, y=y, h=top + bh - y)

    def statement(self, q: Quote) -> list[Page] | None:
        """A short quote, large on the tinted statement layout; None when it is too long for it."""
        if words(self.words_of(q)) > MAX_WORDS:
            return None
        block = self.quote_block("statement", q, (d.STATEMENT, 40.0, 36.0))
        return None if block is None else [Page("statement", block)]

    def excerpt(self, q: Quote, point: Text | None, most: int = EXCERPT_WORDS,
                whole: bool = False) -> tuple[Tokens, bool] | None:
        """Whole sentences of ``q``, at most ``most`` words in all, in their order: those that
        say most of the slide's claim first, then the earliest; "…" where sentences are left out.
        With ``whole``, the sentences that carry each clause of the claim (:func:`carriers`),
        and no others. Returns the words and whether they reach the quote's end; None for one
        sentence, or when no shorter set of sentences will do."""
        units = sentences(self.words_of(q))
        if len(units) < 2 or (not whole and all(words(u) > most for u in units)):
            # no whole sentence fits: the first one's words up to a clause's end
            return (clipped(units[0], most), False) if not whole else None
        texts = ["".join(t.text for t in u) for u in units]
        chosen: list[int] = []
        if whole:
            chosen = carriers(texts, point.plain if point is not None else "")
            if sum(words(units[i]) for i in chosen) > most:
                chosen = []
        else:
            want = content_words(point.plain) if point is not None else frozenset()
            said = [len(want & content_words(t)) for t in texts]
            total = 0
            for i in sorted(range(len(units)), key=lambda i: (-said[i], i)):
                if total + words(units[i]) <= most:
                    chosen.append(i)
                    total += words(units[i])
        if not chosen or len(chosen) == len(units):
            return None
        chosen.sort()
        out: list[Span] = []
        for i, at in enumerate(chosen):
            gap = at != (chosen[i - 1] + 1 if i else 0)
            if gap:  # a sentence after a cut stands alone: no "… But" (its link is cut away)
                out.append(Span("… ", italic=True))
            out.extend(unlinked(units[at]) if gap else units[at])
        return tuple(out), chosen[-1] == len(units) - 1

    def quote(self, q: Quote, point: Text | None = None, around: int = 0) -> list[Page]:
        """One quote on one slide, sized by its length (:func:`quote_sizes`). A quote of over 40
        words shows an excerpt (``excerpt``: the notes hold it all): its sentences that say the
        slide's claim. So does a shorter one that, with the ``around`` words of the slide's title
        and eyebrow, makes the slide over 40 words, when its excerpt keeps every word of the
        claim it says."""
        count = words(self.words_of(q))
        room = MAX_WORDS - around
        if count > MAX_WORDS or (around and count > room >= EXCERPT_FLOOR):
            cut = (self.excerpt(q, point) if count > MAX_WORDS else
                   self.excerpt(q, point, min(room, EXCERPT_WORDS), whole=True))
            if cut is not None:
                block = self.quote_block("quote", q, quote_sizes(words(cut[0])),
                                         self.quote_paras(q, *cut))
                if block is not None:
                    return [Page("quote", block, excerpt=True)]
        block = self.quote_block("quote", q, quote_sizes(count))
        if block is not None:
            return [Page("quote", block)]
        rect, _ = self.slot("quote", "quote")
        units = sentences(self.words_of(q))
        fits = self.kit.fits(rect, d.CARD)
        shown: list[Tokens] = []
        for unit in units:
            toks = tuple(t for u in (*shown, unit) for t in u)
            if shown and not fits([*self.quote_paras(q, toks, False), *self.by_para(q)]):
                break
            shown.append(unit)
        toks = tuple(t for u in shown for t in u)
        if len(shown) == len(units):  # one sentence longer than a slide: cut between words
            part = paginate([toks], lambda u: self.quote_paras(q, u[0], False),  # type: ignore[arg-type]
                            fits, 1, 10**6)[0][0]
            toks = part  # type: ignore[assignment]
        block = self.quote_block("quote", q, (d.BODY, d.CARD), self.quote_paras(q, toks, False))
        return [Page("quote", block or (), excerpt=True)]

    def cards(self, quotes: tuple[Quote, ...], points: Sequence[Text | None] = ()) -> list[Page]:
        """Two or three short quotes side by side, each on a tinted card edged by its rule, the
        cards as tall as the longest and their tops where quotes start. ``points``: the key point
        each card backs, when each backs one of its own; its caption (:func:`captions`) stands at
        the card's foot, with the quote's attribution."""
        role = "cards3" if len(quotes) == 3 else "cards2"
        slots = [self.slot(role, f"card{i + 1}") for i in range(len(quotes))]
        rule = self.f.len(d.RULE_W / d.IN) if self.builtin else 0
        tint = self.c.card if self.builtin else self.kit.brand.palette.light
        paras = [[tied(p) for p in self.quote_paras(q)] for q in quotes]
        inset = self.f.len(d.CARD_INSET / d.IN)
        size = None
        short = all(words(self.words_of(q)) <= CARD_UP_WORDS for q in quotes)
        for s in (d.BODY, d.CARD) if len(quotes) == 2 or short else (d.CARD,):  # one size for all
            if all(self.kit.box("quote", r, p, s, s, inset=inset) for (r, _), p in zip(slots, paras,
                                                                                     strict=True)):
                size = s
                break
        if size is None:
            return [p for q in quotes for p in self.quote(q)]
        ink = self.c.text_on_card if self.builtin else self.colour(QUOTE, True)
        # Words wrap in the card's own width (no padding forced on the right to even the lines:
        # it left short quotes in a narrow column and rewraps oddly when edited).
        boxes = [self.fitted("quote", r, p, (size,), color=ink, inset=inset,
                             fill=tint, ph=ph, slot=f"card{i + 1}", layout_role=role)
                 for i, ((r, ph), p) in enumerate(zip(slots, paras, strict=True))]
        boxes = [self.hung(b) if b is not None else None for b in boxes]
        bys: list[Box | None] = []
        for i, ((x, _, w, _), _) in enumerate(slots):  # "— Name" at a card's foot, as in QUOTE
            (_, by, _, bh), by_ph = self.slot(role, f"by{i + 1}")
            point = points[i] if i < len(points) else None
            said = self.by_para(quotes[i])
            found = None
            for cap in [*(captions(quotes[i], point) if point is not None else []), None]:
                foot = [Para(tokens(display(cap, self.language)))] if cap is not None else []
                if said:
                    foot.append(replace(said[0], space_before=0.3) if foot else said[0])
                if not foot:
                    break
                # Measured in twice the slot's height (a caption and a name: two lines or
                # three); set at the card's foot below, as tall as its lines.
                found = self.fitted("attribution", (x, by - bh, w, 2 * bh), foot, (d.META,),
                                    font="heading", color=self.c.muted_on_card if self.builtin
                                    else self.k.muted_on_light, inset=inset,
                                    ph=by_ph, slot=f"by{i + 1}", layout_role=role)
                if found is not None:
                    break
            bys.append(found)
        gap = self.f.len(0.15)
        height = max(self.text_h(b) + (gap + self.text_h(a) - 2 * inset if a else 0)
                     for b, a in zip(boxes, bys, strict=True) if b) + self.f.len(0.1)
        # The row centred on the body's optical centre, as a quote block is; every card's words
        # start at its top, so the first lines of a row share a baseline.
        top = self.place((0, d.QUOTE_Y, 0, 0))[1]
        _, sy, _, sh = self.place(d.STATEMENT_RECT)
        _, _, _, room = self.place(d.QUOTE_RECT)
        top = max(top, min(sy + sh // 2 - height // 2, top + room - height))
        cards: list[Item] = []
        for b, a in zip(boxes, bys, strict=True):
            if b is None:
                continue
            cards.append(replace(b, y=top, h=height, anchor="t"))
            if a is not None:  # on the card, at its foot
                cards.append(replace(a, y=top + height - self.text_h(a), h=self.text_h(a),
                                     anchor="b"))
        if rule:
            colour = self.c.card_bar
            cards[:0] = [Rect(c.x - rule, top, rule, height, colour)
                         for c in cards if isinstance(c, Box) and c.role == "quote"]
        return [Page(role, tuple(cards))]
