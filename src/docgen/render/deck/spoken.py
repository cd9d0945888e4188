"""Sentences the speaker's notes build from the article's own words.

The introduction has no slide of its own beyond the question, so every one of its blocks is said
in the notes: a callout there is the article's key takeaway and must never be lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docgen.model import Block, Callout, Image, ListBlock, Paragraph, Quote, Text

#: What already ends a sentence: no full stop is added after these (nor after "Co.", "etc.").
_ENDS = (".", "!", "?", "…", "。", "！", "？")
_CLOSERS = "”’»\"')]"


def full_stop(sentence: str) -> str:
    """Return ``sentence`` ending in exactly one full stop: none is added after '.', '!', '?' or '…'
    (also inside closing quotes or brackets), so a role ending in "Co." never reads "Co..".
    """
    s = sentence.rstrip()
    core = s.rstrip(_CLOSERS)
    if not core or core.endswith(_ENDS):
        return s
    return f"{s}."


def _lower_first(s: str) -> str:
    """Lower-case a leading capital that starts an ordinary word ("A bar" -> "a bar", not "NASA")."""
    return s[:1].lower() + s[1:] if s[1:2].islower() else s


def intro_said(blocks: Sequence[Block], text: Callable[[Text | str], str],
               quoted: Callable[[Quote], str]) -> list[str]:
    """Return one line of notes per block of the introduction, in order."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(text(b.text))
        elif isinstance(b, Callout):
            out.append(f"[The takeaway, say it plainly:] {full_stop(text(b.text))}")
        elif isinstance(b, Quote):
            who = f" ({text(b.by)})" if b.by else ""
            out.append(f"[Quote:] {quoted(b)}{who}")
        elif isinstance(b, ListBlock):
            out.append(full_stop("; ".join(text(t).rstrip(".;") for t in b.items)))
        elif isinstance(b, Image):
            out.append(f"[The picture in the handout shows {_lower_first(text(b.alt).rstrip('.'))}.]")
    return out
