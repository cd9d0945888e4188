"""The author's slide: the biography (a long one as short lines, whole in the notes), the role
above it when the biography does not already say it, the photo at the left when there is one.
The name is the slide's title (the planner sets it, under the eyebrow "About the Author")."""

from __future__ import annotations

from dataclasses import replace

from docgen.model import Author, Span
from docgen.render.deck import design as d
from docgen.render.deck.fit import Para, Tokens, paginate, sentences, tokens, words
from docgen.render.deck.kinds import Item, Kinds, Page, _picture
from docgen.render.deck.plan_types import Picture
from docgen.render.deck.points import content_words
from docgen.render.deck.typeset import display


def says_role(author: Author) -> bool:
    """Whether the biography already says the author's role ("... is Managing Partner of Rocket
    Market Development LLC"): then the slide does not print it twice."""
    if not author.role:
        return True
    role = content_words(author.role)
    return bool(role) and role <= content_words(author.bio.plain)


def _paras(units: list) -> list[Para]:  # type: ignore[type-arg]
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


#: A biography longer than this is shortened on the slide (the notes hold it whole).
BIO_WORDS = 40
#: At most this many words of the shortened biography.
BRIEF_WORDS = 30


def brief(units: list[Tokens]) -> list[Para] | None:
    """A long biography as short lines: each sentence up to its first comma (when four words or
    more come before it: "Matthew Sawyer is Managing Partner of Rocket Market Development LLC"),
    one line each, as many as 30 words hold. None when the biography is short enough whole."""
    if sum(words(u) for u in units) <= BIO_WORDS:
        return None
    out: list[Para] = []
    total = 0
    for unit in units:
        cut = list(unit)
        for i, t in enumerate(unit):
            if t.text.rstrip().endswith(",") and words(unit[:i + 1]) >= 4:
                cut = [*unit[:i], Span(t.text.rstrip()[:-1], t.bold, t.italic, t.href)]
                break
        n = words(cut)
        if out and total + n > BRIEF_WORDS:
            break
        out.append(Para(tuple(cut), space_before=0.5 if out else 0.0))
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
    if not says_role(author):
        (rx, ry, rw, rh), rph = k.slot("author", "role")
        role = k.fitted("label", (rx + left, ry, rw - left, rh),
                        [Para(tokens(display(author.role or "", k.language)))], (d.META, 18.0),
                        font="heading", color=k.k.muted, ph=rph, slot="role", layout_role="author")
        if role is not None:
            items.append(role)
            top = rh + f.len(0.2)
    (bx, by, bw, bh), bph = k.slot("author", "bio")
    rect = (bx + left, by + top, bw - left, bh - top)
    units = sentences(tokens(display(author.bio, k.language)))
    short = brief(units)
    if short is not None:  # the short version on the slide, the whole biography in the notes
        bio = k.fitted("body", rect, short, (d.BODY, d.CARD, d.META), ph=bph, slot="bio",
                       layout_role="author", good=True, even=False)
        if bio is not None:
            return [Page("author", (*items, bio), excerpt=True)]
    parts = paginate(units, lambda u: _paras(u), k.kit.fits(rect, 20.0), 99, 80)
    pages = []
    for i, part in enumerate(parts):
        paras = _paras(part)
        bio = k.fitted("body", rect, paras, (d.BODY, d.CARD, d.META), ph=bph, slot="bio",
                       layout_role="author", good=True, even=False)
        head = tuple(items) if i == 0 else tuple(x for x in items if isinstance(x, Picture))
        pages.append(Page("author", (*head, *((bio,) if bio else ())), continued=i > 0, part=i))
    return pages
