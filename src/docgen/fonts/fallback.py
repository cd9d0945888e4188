"""The fallback chain: which font draws a character the brand's fonts lack.

After the brand's own faces come the fonts docgen ships, then the machine's fonts found through
fontconfig (when it is installed). The shipped fonts are OFL-licensed Noto and DejaVu families:
DejaVu Sans (in the wheel) for Latin, Greek, Cyrillic and symbols, DejaVu Serif Condensed (in
the wheel) for the same in serif text (a sans word in a serif paragraph reads as a mistake; the
condensed cut, set at the serif's x-height, keeps about its width); the ``manimgx-fonts`` package for
Arabic, Hebrew, the Indic scripts, Thai, Lao, Khmer, Myanmar, Ethiopic, Georgian, Armenian,
symbols and monochrome emoji; the ``justmytype-intl-cjk`` package for Chinese (simplified and
traditional), Japanese and Korean. All are TrueType-outline (glyf) files, the only kind reportlab
embeds; the Noto files are variable fonts, instanced at the weight needed (:mod:`.instances`).

A character's script picks a dedicated font first (Arabic text in Noto Sans Arabic even though
DejaVu Sans has Arabic letters too: its shaping and design are made for it); Han characters take
the regional design the document's language asks for (ja, ko, zh-Hant, else simplified Chinese).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from docgen.fonts import FONT_DIR
from docgen.fonts.metrics import advance_widths
from docgen.fonts.scripts import is_emoji, is_hangul, is_kana, script


@dataclass(frozen=True, slots=True)
class Source:
    """A font file of the chain: its family name (what a viewer knows it by) and where it is."""

    family: str
    path: Path
    #: Weight of the file's default outlines (variable files are instanced for other weights).
    weight: int = 400
    variable: bool = False
    shipped: bool = True

    def covers(self, ch: str) -> bool:
        """Return True when the file maps ``ch`` to a glyph."""
        return ord(ch) in coverage(self.path)


@cache
def coverage(path: Path) -> frozenset[int]:
    """Return the code points a font file maps to glyphs (cached on disk, see metrics)."""
    return frozenset(advance_widths(path)[0])


@cache
def _package_dir(name: str) -> Path | None:
    """Return the folder of an installed package without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


#: Script -> the file of the ``manimgx-fonts`` package that draws it.
_NOTO = {
    "arabic": ("Noto Sans Arabic", "NotoSansArabic[wght].ttf"),
    "hebrew": ("Noto Sans Hebrew", "NotoSansHebrew[wght].ttf"),
    "devanagari": ("Noto Sans Devanagari", "NotoSansDevanagari[wght].ttf"),
    "bengali": ("Noto Sans Bengali", "NotoSansBengali[wght].ttf"),
    "gurmukhi": ("Noto Sans Gurmukhi", "NotoSansGurmukhi[wght].ttf"),
    "gujarati": ("Noto Sans Gujarati", "NotoSansGujarati[wght].ttf"),
    "oriya": ("Noto Sans Oriya", "NotoSansOriya[wght].ttf"),
    "tamil": ("Noto Sans Tamil", "NotoSansTamil[wght].ttf"),
    "telugu": ("Noto Sans Telugu", "NotoSansTelugu[wght].ttf"),
    "kannada": ("Noto Sans Kannada", "NotoSansKannada[wght].ttf"),
    "malayalam": ("Noto Sans Malayalam", "NotoSansMalayalam[wght].ttf"),
    "sinhala": ("Noto Sans Sinhala", "NotoSansSinhala[wght].ttf"),
    "thai": ("Noto Sans Thai", "NotoSansThai[wght].ttf"),
    "lao": ("Noto Sans Lao", "NotoSansLao[wght].ttf"),
    "khmer": ("Noto Sans Khmer", "NotoSansKhmer[wght].ttf"),
    "myanmar": ("Noto Sans Myanmar", "NotoSansMyanmar[wght].ttf"),
    "ethiopic": ("Noto Sans Ethiopic", "NotoSansEthiopic[wght].ttf"),
    "georgian": ("Noto Sans Georgian", "NotoSansGeorgian[wght].ttf"),
    "armenian": ("Noto Sans Armenian", "NotoSansArmenian[wght].ttf"),
    "emoji": ("Noto Emoji", "NotoEmoji[wght].ttf"),
}
_GENERAL = (("Noto Sans", "NotoSans[wght].ttf"), ("Noto Sans Symbols", "NotoSansSymbols[wght].ttf"))
#: Han designs by region, and the language tags that ask for each.
_CJK = {
    "sc": ("Noto Sans SC", "notosanssc/NotoSansSC[wght].ttf"),
    "tc": ("Noto Sans TC", "notosanstc/NotoSansTC[wght].ttf"),
    "jp": ("Noto Sans JP", "notosansjp/NotoSansJP[wght].ttf"),
    "kr": ("Noto Sans KR", "notosanskr/NotoSansKR[wght].ttf"),
}
#: Default weights of the variable files (their ``fvar`` defaults), so no file is opened to ask.
_CJK_DEFAULT_WEIGHT = 100
DEJAVU = Source("DejaVu Sans", FONT_DIR / "DejaVuSans.ttf")
DEJAVU_SERIF = Source("DejaVu Serif Condensed", FONT_DIR / "DejaVuSerifCondensed.ttf")
#: The styled files of the shipped static fallbacks, by (bold, italic): DejaVu Sans has no
#: oblique in the wheel (an upright sans is the sans fallback's italic).
_STYLED = {
    DEJAVU: {(True, False): "DejaVuSans-Bold.ttf", (True, True): "DejaVuSans-Bold.ttf"},
    DEJAVU_SERIF: {(True, False): "DejaVuSerifCondensed-Bold.ttf",
                   (False, True): "DejaVuSerifCondensed-Italic.ttf",
                   (True, True): "DejaVuSerifCondensed-BoldItalic.ttf"},
}
#: The general fallbacks, drawn at the brand face's x-height (not a script's own design).
GENERAL = (DEJAVU, DEJAVU_SERIF)


def styled(source: Source, bold: bool, italic: bool) -> Path:
    """Return the file of a static source that draws this style (its own file when it has no
    such style)."""
    name = _STYLED.get(source, {}).get((bold, italic))
    return source.path if name is None else FONT_DIR / name


@cache
def _noto(family: str, name: str) -> Source | None:
    folder = _package_dir("manimgx_fonts")
    if folder is None or not (folder / name).is_file():
        return None
    return Source(family, folder / name, 400, variable=True)


@cache
def _cjk(region: str) -> Source | None:
    folder = _package_dir("justmytype_intl_cjk")
    family, name = _CJK[region]
    path = None if folder is None else folder / "fonts" / "ofl" / name
    if path is None or not path.is_file():
        return None
    return Source(family, path, _CJK_DEFAULT_WEIGHT, variable=True)


def cjk_order(lang: str, japanese: bool = False, korean: bool = False) -> tuple[str, ...]:
    """Return the Han designs to try, best first, for a document language.

    Kana in the text make it Japanese, Hangul Korean, when the language does not say.
    """
    tag = lang.lower().replace("_", "-")
    if tag.startswith("ja") or (japanese and not tag.startswith(("zh", "ko"))):
        first = "jp"
    elif tag.startswith("ko") or (korean and not tag.startswith("zh")):
        first = "kr"
    elif tag.startswith("zh") and any(x in tag for x in ("hant", "-tw", "-hk", "-mo")):
        first = "tc"
    else:
        first = "sc"
    return (first, *(r for r in ("sc", "tc", "jp", "kr") if r != first))


class Chain:
    """The fonts tried, in order, for characters a document's brand faces lack."""

    def __init__(self, lang: str = "en", text: str = "", system: bool = True) -> None:
        self.lang = lang
        self.cjk = cjk_order(lang, any(is_kana(c) for c in text), any(is_hangul(c) for c in text))
        self.system = system
        self._found: dict[tuple[str, str, bool], Source | None] = {}

    def sources(self, ch: str, region: str = "", serif: bool = False) -> list[Source]:
        """Return the shipped sources to try for ``ch``, best first; ``region`` ("jp", "kr")
        puts that Han design first (text with kana is Japanese, with Hangul Korean); ``serif``:
        for a serif face, the serif fallback before the sans."""
        kind = script(ch)
        out: list[Source | None] = []
        cjk = (region, *(r for r in self.cjk if r != region)) if region else self.cjk
        if kind in ("han", "kana", "hangul"):
            out += [_cjk(r) for r in cjk]
        elif kind == "emoji":
            out.append(_noto(*_NOTO["emoji"]))
        elif kind in _NOTO:
            out.append(_noto(*_NOTO[kind]))
        out += [DEJAVU_SERIF, DEJAVU] if serif else [DEJAVU]
        out += [_noto(*g) for g in _GENERAL]
        if kind != "emoji" and is_emoji(ch):
            out.append(_noto(*_NOTO["emoji"]))
        if kind not in ("han", "kana", "hangul"):
            out += [_cjk(r) for r in self.cjk]  # CJK fonts carry many symbols and punctuation
        return [s for s in out if s is not None]

    def find(self, ch: str, region: str = "", serif: bool = False) -> Source | None:
        """Return the first source that draws ``ch``: shipped fonts, then the machine's."""
        key = (ch, region, serif)
        if key in self._found:
            return self._found[key]
        found = next((s for s in self.sources(ch, region, serif) if s.covers(ch)), None)
        if found is None and self.system:
            found = system_source(ch)
        self._found[key] = found
        return found


    def suggestion(self, ch: str) -> str:
        """Return what would draw ``ch``, for the error that says nothing does."""
        kind = script(ch)
        if kind in ("han", "kana", "hangul"):
            return "install docgen's CJK fonts (pip install justmytype-intl-cjk)"
        if kind in _NOTO:
            return f"install docgen's script fonts (pip install manimgx-fonts) for {_NOTO[kind][0]}"
        return ("use a brand font that has it, or install a TrueType (.ttf) font that has it "
                "(fontconfig finds it)")


def system_source(ch: str) -> Source | None:
    """Return a TrueType-outline font of this machine that has ``ch``, found through fontconfig.

    CFF-flavoured OpenType (.otf) and colour bitmap fonts are skipped: reportlab embeds neither.
    """
    return _system_source(ord(ch))


@cache
def _system_source(cp: int) -> Source | None:
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run(
            [fc_list, f":charset={cp:x}", "--format", "%{file}\t%{fontformat}\t%{family[0]}\t"
             "%{weight}\t%{color}\n"],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    candidates = []
    for line in sorted(out.splitlines()):
        parts = line.split("\t")
        if len(parts) < 5:
            continue
        file, fmt, family, weight, color = parts[:5]
        path = Path(file)
        if fmt != "TrueType" or color == "True" or path.suffix.lower() != ".ttf":
            continue
        # fontconfig's weight 80 is regular, 200 bold; prefer regular faces.
        candidates.append((weight != "80", path.name, Source(family, path, shipped=False)))
    for _, _, source in sorted(candidates, key=lambda c: (c[0], c[1])):
        try:
            if source.covers(chr(cp)) and _has_outlines(source.path):
                return source
        except Exception:  # a broken font file is one that cannot draw
            continue
    return None


@cache
def _has_outlines(path: Path) -> bool:
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        return "glyf" in font and "CBDT" not in font and "sbix" not in font
