"""Every text colour of both outputs with what is behind it, checked against WCAG AA.

A brand names a handful of colours; the handout and the deck draw text in about a dozen places. Each
place is a :class:`Role`: which brand colour it wants, on which ground, and the contrast it needs
(4.5:1 for text, 3:1 for large text and for marks such as bullets). A colour that falls short is
darkened or lightened just enough (:func:`docgen.colour.ensure_contrast`) and the change is
reported, so both renderers draw only the brand's colours or colours derived from them.
"""

from __future__ import annotations

from collections import namedtuple
from functools import lru_cache
from typing import TYPE_CHECKING

from docgen.colour import contrast, ensure_contrast
from docgen.model import Palette

if TYPE_CHECKING:
    from typing import Any

TEXT = 4.5  # WCAG AA for body text
LARGE = 3.0  # WCAG AA for large text (18 pt, or 14 pt bold) and for graphics


# One kind of text: what it is called in messages, the palette colours it may use (the first that
# passes), its ground and the contrast it needs. (namedtuple, not typing's: `check` skips typing.)
Role = namedtuple("Role", "element wants ground ratio")


ROLES: dict[str, Role] = {
    "text": Role("body text", ("foreground",), "background", TEXT),
    "heading": Role("headings", ("heading",), "background", LARGE),
    "link": Role("links", ("link",), "background", TEXT),
    "quote": Role("quotes", ("secondary",), "background", TEXT),
    "bullet": Role("list bullets", ("secondary",), "background", LARGE),
    "muted": Role("captions and bylines", ("muted",), "background", TEXT),
    "on_primary": Role("titles on the primary colour", ("background", "light", "foreground"),
                       "primary", TEXT),
    "soft_on_primary": Role("dates and subtitles on the primary colour", ("light", "background",
                                                                          "foreground"),
                            "primary", TEXT),
    "label_on_primary": Role("section numbers on the primary colour", ("accent",), "primary",
                             LARGE),
    "on_light": Role("callout text", ("foreground",), "light", TEXT),
    "heading_on_light": Role("callout and author-box headings", ("primary",), "light", TEXT),
    "link_on_light": Role("links in the author box", ("link",), "light", TEXT),
    "muted_on_light": Role("quiet text in the author box", ("muted",), "light", TEXT),
}


class Adjustment(namedtuple("Adjustment", "role name colour ground_name ground ratio needed used")):
    """A brand colour (``name``: primary, ...) that did not read on its ground, and what was used."""

    __slots__ = ()

    def message(self) -> str:
        """Return the warning a marketer reads (the element, both colours, the ratio)."""
        element = ROLES[self.role].element
        verb = "darkens" if _lum(self.used) < _lum(self.colour) else "lightens"
        return (f"{element}: the {self.name} colour {self.colour} on the {self.ground_name} "
                f"{self.ground} has a contrast of {self.ratio:.2f}:1, below the {self.needed:g}:1 "
                f"WCAG AA asks for; docgen {verb} it to {self.used} there")


def _lum(colour: str) -> float:
    return contrast(colour, "#000000")


#: The colour of every role (``#RRGGBB``), each checked on its ground.
Scheme = namedtuple("Scheme", list(ROLES))  # type: ignore[misc]  # fields made from ROLES


def colour_of(palette: Palette, name: str) -> str:
    """Return the palette colour ``name``; headings and links default to the primary colour."""
    value: str = getattr(palette, name)
    return value or palette.primary


@lru_cache(maxsize=16)
def scheme(palette: Palette) -> tuple[Any, tuple[Adjustment, ...]]:
    """Return the checked colour of every role and the brand colours that had to change."""
    chosen: dict[str, str] = {}
    changes: list[Adjustment] = []
    for role, (_, wants, ground_name, ratio) in ROLES.items():
        ground = colour_of(palette, ground_name)
        candidates = [(name, colour_of(palette, name)) for name in wants]
        passing = next((c for _, c in candidates if contrast(c, ground) >= ratio), None)
        if passing is not None:
            chosen[role] = passing
            continue
        name, colour = candidates[0]
        used = ensure_contrast(colour, ground, ratio)
        chosen[role] = used
        changes.append(Adjustment(role, name, colour, ground_name, ground,
                                  contrast(colour, ground), ratio, used))
    return Scheme(**chosen), tuple(changes)
