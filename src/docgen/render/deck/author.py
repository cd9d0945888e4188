"""The author's slide: the biography (a long one as the whole sentences that fit under the role,
whole in the notes; a short one with the role above it when it does not say it already), the
photo at the left when there is one.
The name is the slide's title (the planner sets it, under the eyebrow "About the Author")."""

from __future__ import annotations

import re
from dataclasses import replace

from docgen.model import Author
from docgen.render.deck import design as d
from docgen.render.deck.fit import Para, Tokens, paginate, sentences, tokens, words
from docgen.render.deck.kinds import Item, Kinds, Page, _picture
from docgen.render.deck.plan_types import Picture
from docgen.render.deck.points import content_words
from docgen.render.deck.spoken import full_stop
from docgen.render.deck.typeset import display


def says_role(author: Author) -> bool:
    """Whether the biography already says the author's role ("... is Managing Partner of Rocket
    Market Development LLC"): then the slide does not print it twice."""
    if not author.role:
        return True
    role = content_words(author.role)
    return bool(role) and role <= content_words(author.bio.plain)


def _paras(units: list) -> list[Para]:
    """A biography's sentences as paragraphs: in two, split at the sentence nearest its middle,
    when it runs past 40 words (a block of text that long reads better with a breath in it)."""
    toks = [t for u in units for t in u]
    count = sum(1 for t in toks if t.text.strip())
    if count <= 40 or len(units) < 2:
        return [Para(tuple(toks))]
    best, seen = 1, 0
    for j, u in enumerate(units[:-1], 1):
        seen += sum(1 for t in u if t.text.strip())
        if abs(seen - count / 2) < abs(sum(1 for u2 in units[:best] for t in u2
                                               if t.text.strip()) - count / 2):
            best = j
    first = tuple(t for u in units[:best] for t in u)
    second = tuple(t for u in units[best:] for t in u)
    return [Para(first), Para(second, space_before=0.5)]


#: The biography's widest line, in inches of the reference slide.
BIO_MEASURE_IN = 9.0
#: A biography longer than this is shortened on the slide (the notes hold it whole).
BIO_WORDS = 40
#: At most this many words of the shortened biography.
BRIEF_WORDS = 30


_WHICH = re.compile(r",\s+(?:which|that|who)\s+")
_MEANS = re.compile(r",?\s+by\s+\w+ing\b")


def offer(sentence: str, role: str) -> str | None:
    """What the author's organisation does, from the sentence that gives the role ("… Partner
    of Rocket Market Development LLC, which helps companies reach sustainable revenue growth by
    identifying…"): the organisation (the capitalised words of the role just before ", which")
    and its clause, up to its means ("by identifying…"), as a sentence of its own. The
    organisation stays its subject, though the role line above names it too: a sentence that
    starts with its verb would read as the author's own claim. None when the sentence says no
    more than the role."""
    m = _WHICH.search(sentence)
    want = content_words(role)
    if m is None or not want:
        return None
    org: list[str] = []
    for w in reversed(sentence[:m.start()].split()):
        if not (w[:1].isupper() and content_words(w) and content_words(w) <= want):
            break
        org.insert(0, w)
    rest = sentence[m.end():].strip()
    cut = _MEANS.search(rest)
    rest = rest[:cut.start()] if cut is not None else rest.rstrip(".!?")
    if not org or len(rest.split()) < 2:
        return None
    return full_stop(f"{' '.join(org)} {rest}")


def brief(units: list[Tokens], role: str = "") -> list[Para] | None:
    """A long biography on the slide: whole sentences only (never one cut short), in order, as
    many as 30 words hold; one that says the ``role`` (shown above them already: "Matthew
    Sawyer is Managing Partner of Rocket Market Development LLC, which ...") gives only what
    the organisation does (:func:`offer`), or nothing. An empty list when none is left; None
    when the biography is short enough to show whole."""
    if sum(words(u) for u in units) <= BIO_WORDS:
        return None
    said = content_words(role)
    out: list[Para] = []
    total = 0
    for unit in units:
        text = "".join(t.text for t in unit)
        if said and said <= content_words(text):
            found = offer(text, role)  # what the organisation does: it sets up the call to action
            if found is None:
                continue
            unit = tokens(found)
        n = words(unit)
        if total + n > BRIEF_WORDS:
            break
        out.append(Para(tuple(unit), space_before=0.5 if out else 0.0))
        total += n
    return out


def author_pages(k: Kinds, author: Author) -> list[Page]:
    """Role and biography (continued on another slide if it must), the photo at the left."""
    f = k.f
    items: list[Item] = []
    left = 0  # how far the text moves right of the photo
    if author.photo is not None:
        (px, py, pw, ph_), pic_ph = k.slot("author", "photo")
        p = author.photo
        pic = Picture(p.path, p.alt, px, py, pw, ph_, "l", **_picture(p))
        items.append(replace(pic, placeholder=pic_ph) if pic_ph else pic)
        left = k.place((d.AUTHOR_X, 0, 0, 0))[0] - f.margin
    top = 0
    units = sentences(tokens(display(author.bio, k.language)))
    long = sum(words(u) for u in units) > BIO_WORDS  # shown short: the role stands above it
    if author.role and (long or not says_role(author)):
        (rx, ry, rw, rh), rph = k.slot("author", "role")
        role = k.fitted("label", (rx + left, ry, rw - left, rh),
                        [Para(tokens(display(author.role or "", k.language)))], (d.META, 18.0),
                        font="heading", color=k.k.muted, ph=rph, slot="role", layout_role="author")
        if role is not None:
            items.append(role)
            top = rh + f.len(0.2)
    (bx, by, bw, bh), bph = k.slot("author", "bio")
    # a reading measure (about 65 characters at the body size), not the slide's full width
    rect = (bx + left, by + top, min(bw - left, f.len(BIO_MEASURE_IN)), bh - top)
    short = brief(units, author.role or "" if top else "")
    if short is not None:  # the short version on the slide, the whole biography in the notes
        bio = k.fitted("body", rect, short, (d.BODY, d.CARD, d.META), ph=bph, slot="bio",
                       layout_role="author", good=True, even=False) if short else None
        if bio is not None or (not short and top):
            return [Page("author", (*items, *((bio,) if bio else ())), excerpt=True)]
    parts = paginate(units, lambda u: _paras(u), k.kit.fits(rect, 20.0), 99, 80)
    pages = []
    for i, part in enumerate(parts):
        paras = _paras(part)
        bio = k.fitted("body", rect, paras, (d.BODY, d.CARD, d.META), ph=bph, slot="bio",
                       layout_role="author", good=True, even=False)
        head = tuple(items) if i == 0 else tuple(x for x in items if isinstance(x, Picture))
        pages.append(Page("author", (*head, *((bio,) if bio else ())), continued=i > 0, part=i))
    return pages
