"""Font kinds: which shipped family stands in for a font docgen does not have (sans, serif, mono).

Shared by the brand reader (a brand's font stack) and the PDF's SVG drawing (an SVG's font names),
so both pick the same stand-in.
"""

from __future__ import annotations

import re

FALLBACK = {"sans": "Carlito", "serif": "Caladea", "mono": "Liberation Mono"}
GENERIC = {"sans-serif": "sans", "serif": "serif", "monospace": "mono", "system-ui": "sans",
           "ui-sans-serif": "sans", "ui-serif": "serif", "ui-monospace": "mono", "cursive": "sans",
           "fantasy": "sans", "math": "serif", "-apple-system": "sans",
           "blinkmacsystemfont": "sans"}
#: Well-known names that hold the CSS word for the other kind ("Open Sans" is sans, obviously; "PT
#: Serif" serif): checked in order, so "Noto Sans Mono" is mono and "Source Serif" serif.
_KIND_WORDS = (("mono", r"mono|code|courier|consol|menlo|typewriter"),
               ("serif", r"serif(?!\w)|slab|garamond|times|georgia|roman|cambria|caslon|baskerville|"
                         r"bodoni|didot|merriweather|playfair|lora|crimson|libre baskerville|"
                         r"book|bembo|minion|charter|palatino|cormorant|spectral|alegreya(?! sans)"),
               ("sans", r"."))


def kind_of_name(name: str) -> str:
    """Return "sans", "serif" or "mono" for a family name, by the words in it."""
    lowered = name.lower()
    return next(kind for kind, words in _KIND_WORDS if re.search(words, lowered))
