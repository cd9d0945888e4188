"""How both outputs show quotations: one look for a quote, one for a section's pull quote, and one
rule for which quote of a section is its pull quote.

The handout and the deck read these so a quote looks like the same thing in both: the roles are
brand palette roles (``foreground``, ``primary``, ``accent``), sizes are relative to each output's
body size, and the marks come from :func:`docgen.typography.quote_marks`.

Colour has jobs: the primary colour carries structure (a quote's rule is a tint of it), the
accent marks the few things meant to catch the eye (the pull quote's bar, bullets).
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.colour import mix
from docgen.model import Palette, Quote, Section


@dataclass(frozen=True)
class QuoteLook:
    """A quote's look, in terms both renderers can apply."""

    scale: float  # size relative to the body text
    italic: bool
    colour: str  # palette role of the words
    rule: str  # "left": a vertical rule beside the words; "top": a short rule above them
    rule_colour: str  # palette role of the rule
    rule_weight: float  # in units of the body size (x 12 pt in the handout = 2 pt)
    hanging_marks: bool  # the opening mark hangs outside the text's left edge
    attribution: str  # how "by" is set: an em dash, the name, in the heading face, smaller, muted
    rule_tint: float = 0.0  # how far the rule's colour is mixed into the background (0: pure)


#: A quote in the flow: body size, italic, in ink, with a thin rule at its left in a light tint
#: of the primary colour (structure, not emphasis: a page of quotes stays calm).
QUOTE = QuoteLook(scale=1.0, italic=True, colour="foreground", rule="left", rule_colour="primary",
                  rule_weight=1 / 6, hanging_marks=True,
                  attribution="— Name, heading face, one step smaller, muted", rule_tint=0.6)
#: A section's pull quote: two steps up the 1.25 scale (the headings' size, 18.75 pt on a 12 pt
#: body), italic, in the primary colour, under a short accent rule, with room above and below;
#: at most one per section.
PULL_QUOTE = QuoteLook(scale=1.25**2, italic=True, colour="primary", rule="top",
                       rule_colour="accent", rule_weight=1 / 4, hanging_marks=True,
                       attribution="— Name, heading face, one step smaller, muted")
#: A quote of fewer words is too slight to pull out.
MIN_PULL_WORDS = 4
#: ... and one of more words is too long to set large.
MAX_PULL_WORDS = 40


def rule_colour(look: QuoteLook, palette: Palette) -> str:
    """Return the ``#RRGGBB`` of ``look``'s rule in ``palette`` (its role, tinted as asked)."""
    colour: str = getattr(palette, look.rule_colour) or palette.primary
    return mix(colour, palette.background, look.rule_tint) if look.rule_tint else colour


def pull_quote(section: Section) -> Quote | None:
    """Return the section's pull quote: the one marked ``featured: true``, else the shortest
    quote of the section that still makes a point (``MIN_PULL_WORDS`` words or more, and no
    more than ``MAX_PULL_WORDS``); None if no quote qualifies. The first wins a tie."""
    quotes = [b for b in section.blocks if isinstance(b, Quote)]
    for q in quotes:
        if q.featured:
            return q
    fitting = [q for q in quotes
               if MIN_PULL_WORDS <= len(q.text.plain.split()) <= MAX_PULL_WORDS]
    return min(fitting, key=lambda q: len(q.text.plain.split()), default=None)
