"""What a character needs from layout: its script, shaping, direction, where lines may break.

Both renderers ask these questions of every character of a complex run, so the answers are plain
range tests on code points (no Unicode database look-ups beyond ``unicodedata``). The ranges are
the Unicode blocks of the scripts docgen ships fonts for; a character outside them is treated as
simple left-to-right text, which is what it is for every script reportlab lays out on its own.
"""

from __future__ import annotations

import unicodedata

#: Blocks whose text must go through a shaper (joining, conjuncts, reordering, mark positioning).
_SHAPED = (
    (0x0590, 0x08FF),  # Hebrew, Arabic, Syriac, Arabic Supplement, Thaana, NKo, Samaritan, ...
    (0x0900, 0x0DFF),  # Devanagari .. Sinhala (the Indic scripts)
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x0F00, 0x0FFF),  # Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0xA8E0, 0xA8FF),  # Devanagari Extended
    (0xFB1D, 0xFDFF),  # Hebrew and Arabic presentation forms A
    (0xFE70, 0xFEFF),  # Arabic presentation forms B
)

#: Scripts written without spaces, broken by a dictionary: Thai, Lao, Myanmar, Khmer.
_DICTIONARY = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF))

#: Scripts whose lines may break between any two characters (UAX #14 classes ID, CJ, H2/H3).
_IDEOGRAPHIC = (
    (0x2E80, 0x2FFF),  # CJK radicals, Kangxi, ideographic description
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x31FF),  # Bopomofo, Hangul compatibility jamo, Katakana extensions
    (0x3200, 0x4DBF),  # enclosed CJK, CJK compatibility, extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFF60),  # fullwidth forms
    (0x20000, 0x3FFFF),  # supplementary ideographic planes
)

#: Characters that never start a line in CJK text (closing marks, small kana, iteration marks):
#: the Japanese kinsoku rule, which Chinese typesetting follows too.
NO_LINE_START = frozenset(
    "、。，．・：；？！゛゜ヽヾゝゞ々〻ー〕〉》」』】〙〗〟｠)]}）］｝＞»›”’\"'ゃゅょゎっぁぃぅぇぉゕゖャュョヮッァィゥェォヵヶ"
    ",.:;?!%‰℃°"
)
#: Characters that never end a line in CJK text (opening marks).
NO_LINE_END = frozenset("〔〈《「『【〘〖〝｟([{（［｛＜«‹“‘")

_KANA = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F))
_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))


def _within(cp: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def needs_shaping(ch: str) -> bool:
    """Return True when ``ch`` is drawn correctly only through a shaper (HarfBuzz)."""
    return _within(ord(ch), _SHAPED)


def is_rtl(ch: str) -> bool:
    """Return True for a strong right-to-left character (Hebrew, Arabic, Syriac, Thaana, ...)."""
    return unicodedata.bidirectional(ch) in ("R", "AL")


def is_ideographic(ch: str) -> bool:
    """Return True when a line may break before or after ``ch`` without a space."""
    return _within(ord(ch), _IDEOGRAPHIC)


def is_dictionary(ch: str) -> bool:
    """Return True for scripts that need a dictionary to find word (and line) boundaries."""
    return _within(ord(ch), _DICTIONARY)


def is_kana(ch: str) -> bool:
    """Return True for Hiragana and Katakana: text with them is Japanese."""
    return _within(ord(ch), _KANA)


def is_hangul(ch: str) -> bool:
    """Return True for Hangul: text with it is Korean."""
    return _within(ord(ch), _HANGUL)


def region_of(text: str) -> str:
    """Return "jp" for text with kana, "kr" for text with Hangul, else "" (the language decides)."""
    wide = {c for c in text if c >= "\u1100"}  # kana and Hangul are above U+1100: most text
    if any(is_kana(c) for c in wide):           # has no character to look at
        return "jp"
    if any(is_hangul(c) for c in wide):
        return "kr"
    return ""


def is_emoji(ch: str) -> bool:
    """Return True for a character shown as an emoji picture by default (or a part of one)."""
    cp = ord(ch)
    return (0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or cp in (0x200D, 0xFE0F)
            or 0x1F1E6 <= cp <= 0x1F1FF or 0xE0020 <= cp <= 0xE007F)


def is_complex(text: str) -> bool:
    """Return True when ``text`` needs more than reportlab's own layout: shaping, right-to-left
    order, or line breaks between characters that have no space."""
    return any(ord(c) >= 0x0590 and (needs_shaping(c) or is_rtl(c) or is_ideographic(c))
               for c in text)


def script(ch: str) -> str:
    """Return a short name of the script (or kind) of ``ch`` that picks a dedicated font.

    "" means any general-purpose font will do (Latin, Greek, Cyrillic, punctuation, symbols).
    """
    cp = ord(ch)
    if cp < 0x0530:  # Latin, Greek, Cyrillic (below Armenian, the first block below): most text
        return ""
    for name, lo, hi in _SCRIPT_BLOCKS:
        if lo <= cp <= hi:
            return name
    if is_emoji(ch):
        return "emoji"
    if _within(cp, _KANA):
        return "kana"
    if _within(cp, _HANGUL):
        return "hangul"
    if _within(cp, _IDEOGRAPHIC):
        return "han"
    return ""


_SCRIPT_BLOCKS = (
    ("hebrew", 0x0590, 0x05FF), ("arabic", 0x0600, 0x06FF), ("syriac", 0x0700, 0x074F),
    ("arabic", 0x0750, 0x077F), ("thaana", 0x0780, 0x07BF), ("arabic", 0x0870, 0x08FF),
    ("devanagari", 0x0900, 0x097F), ("bengali", 0x0980, 0x09FF), ("gurmukhi", 0x0A00, 0x0A7F),
    ("gujarati", 0x0A80, 0x0AFF), ("oriya", 0x0B00, 0x0B7F), ("tamil", 0x0B80, 0x0BFF),
    ("telugu", 0x0C00, 0x0C7F), ("kannada", 0x0C80, 0x0CFF), ("malayalam", 0x0D00, 0x0D7F),
    ("sinhala", 0x0D80, 0x0DFF), ("thai", 0x0E00, 0x0E7F), ("lao", 0x0E80, 0x0EFF),
    ("myanmar", 0x1000, 0x109F), ("georgian", 0x10A0, 0x10FF), ("ethiopic", 0x1200, 0x139F),
    ("khmer", 0x1780, 0x17FF), ("devanagari", 0xA8E0, 0xA8FF), ("hebrew", 0xFB1D, 0xFB4F),
    ("arabic", 0xFB50, 0xFDFF), ("arabic", 0xFE70, 0xFEFF), ("armenian", 0x0530, 0x058F),
)
