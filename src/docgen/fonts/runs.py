"""Text runs by script for the deck: which font slot and language each part of a run takes.

PowerPoint and LibreOffice pick a run's font by the kind of each character: the Latin typeface
(``a:latin``) for Latin, Greek and Cyrillic, the East Asian one (``a:ea``) for CJK and the
complex-script one (``a:cs``) for Arabic, Hebrew, the Indic scripts and Thai; ``lang`` guides
their choice of face and their shaping, spelling and line breaking. One complex-script slot per
run means a run that mixes, say, Arabic and Devanagari must be cut in two, and so is every run
here: cut where the script changes, each part named with the font docgen's fallback chain would
draw it in (:class:`~docgen.fonts.fallback.Chain`) and a language tag for its script.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from docgen.fonts.scripts import is_rtl, region_of, script

TYPE_CHECKING = False  # not typing's: type checkers treat this name as true
if TYPE_CHECKING:
    from docgen.fonts.fallback import Chain

#: Script -> BCP 47 tag PowerPoint knows, for runs in a script other than the document's own.
_LANG = {
    "arabic": "ar-SA", "hebrew": "he-IL", "devanagari": "hi-IN", "bengali": "bn-IN",
    "gurmukhi": "pa-IN", "gujarati": "gu-IN", "oriya": "or-IN", "tamil": "ta-IN",
    "telugu": "te-IN", "kannada": "kn-IN", "malayalam": "ml-IN", "sinhala": "si-LK",
    "thai": "th-TH", "lao": "lo-LA", "khmer": "km-KH", "myanmar": "my-MM", "georgian": "ka-GE",
    "armenian": "hy-AM", "ethiopic": "am-ET", "kana": "ja-JP", "hangul": "ko-KR",
    "syriac": "syr-SY", "thaana": "dv-MV",
}
_HAN = {"sc": "zh-CN", "tc": "zh-TW", "jp": "ja-JP", "kr": "ko-KR"}
_EAST_ASIAN = ("han", "kana", "hangul")



@dataclass(frozen=True, slots=True)
class ScriptRun:
    """A part of a run in one script: its text, font slot ("latin", "ea" or "cs"), the family
    for that slot (None: the brand's own), and its language tag (None: the document's)."""

    text: str
    slot: str
    family: str | None
    lang: str | None


def slot_of(ch: str) -> str:
    """Return the font slot a viewer draws ``ch`` from."""
    kind = script(ch)
    if kind in _EAST_ASIAN:
        return "ea"
    if kind and kind != "emoji" and kind not in ("georgian", "armenian", "ethiopic"):
        return "cs"
    return "latin"


def split(text: str, lang: str) -> list[ScriptRun]:
    """Cut ``text`` where its script changes; spaces and punctuation join the run they are in."""
    if _latin_only(text):  # Latin, Greek, Cyrillic and symbols: one run
        return [ScriptRun(text, "latin", None, None)]
    region = region_of(text)
    chain = _chain(lang)
    out: list[ScriptRun] = []
    chunk: list[str] = []
    key: tuple[str, str | None, str | None] | None = None
    for ch in text:
        kind = script(ch)
        if (not kind and not ch.isalpha()) or kind == "emoji":
            chunk.append(ch)  # neutral (space, digit, punctuation): stays in the run it is in
            continue
        slot = slot_of(ch)
        new: tuple[str, str | None, str | None]
        if slot == "latin":
            new = ("latin", None, None)
        else:
            source = chain.find(ch, region)
            tag = _HAN[region or chain.cjk[0]] if kind == "han" else _LANG.get(kind)
            new = (slot, source.family if source else None, tag)
        if key is not None and new != key and chunk:
            out.append(ScriptRun("".join(chunk), *key))
            chunk = []
        key = new
        chunk.append(ch)
    if chunk:
        out.append(ScriptRun("".join(chunk), *(key or ("latin", None, None))))
    return out


def _latin_only(text: str) -> bool:
    """Return True when every character of ``text`` is drawn from the Latin slot (a max() in C,
    then one test per distinct character: no regex, whose Unicode classes take ms to compile)."""
    if max(text, default=" ") < "\u0530":
        return True
    return all(slot_of(c) == "latin" and not script(c) for c in set(text) if c >= "\u0530")


def is_rtl_paragraph(text: str) -> bool:
    """Return True when the first strong character of ``text`` is right-to-left (UAX #9 P2)."""
    if _latin_only(text):
        return False
    for ch in text:
        if is_rtl(ch):
            return True
        if ch.isalpha():
            return False
    return False


@lru_cache(maxsize=16)
def _chain(lang: str) -> Chain:
    from docgen.fonts.fallback import Chain  # only for text beyond Cyrillic

    return Chain(lang, system=False)
