"""The article's file name: a slug made from its title, stable from build to build."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from docgen.model import Text

#: Latin letters NFKD does not decompose into ASCII, spelt as their languages spell them out.
_LATIN = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o",
                        "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th",
                        "ð": "d", "Ð": "D", "ı": "i"})


def make_slug(title: Text) -> str:
    """Return a file-name-safe slug made from the title.

    Latin letters lose their accents (Café -> cafe). Letters of other scripts have no spelling
    in ASCII that everyone agrees on, so when a title has some, eight hex digits of its hash
    follow what is left ("article-3f2a9c1e" for a title in Chinese): two titles in Greek never
    share a file name, and the name stays the same from build to build.
    """
    text = unicodedata.normalize("NFKD", title.plain.translate(_LATIN))
    ascii_title = text.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:80].rstrip("-")
    if slug and not any(ch.isalnum() and not ch.isascii() for ch in text):
        return slug
    digest = hashlib.sha256(title.plain.encode()).hexdigest()[:8]
    return f"{slug[:71].rstrip('-') or 'article'}-{digest}"
