"""Fonts for the handout: register brand families with reportlab and check glyph coverage.

reportlab draws a missing glyph as a blank or a box without complaint, so every character is
checked against the cmap of the face that will draw it before anything is laid out. Characters the
brand face lacks fall back along :class:`docgen.fonts.fallback.Chain` (shipped fonts, then the
machine's); a character no font has stops the build.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from docgen._compat.reportlab import load_font
from docgen._compat.reportlab_subsets import install as _tag_subsets
from docgen.errors import DocgenError, Location, Problem
from docgen.fonts.fallback import coverage
from docgen.fonts.scripts import is_hangul, is_kana, region_of, script
from docgen.model import FontFace, FontFamily

TYPE_CHECKING = False  # not typing's: type checkers treat this name as true
if TYPE_CHECKING:
    from typing import Any

    from docgen.fonts.fallback import Chain, Source

_STYLES = ((False, False), (True, False), (False, True), (True, True))
# Whitespace that reportlab collapses into a word break: never drawn, so never checked.
_COLLAPSED = frozenset("\n\r\t\f\v")
#: No-break spaces: a face without them draws its own space there (see :func:`_no_break_spaces`).
NO_BREAK = frozenset("\u00a0\u202f")


@dataclass(frozen=True)
class Registered:
    """A family as reportlab knows it: one registered font name per (bold, italic) style."""

    family: FontFamily
    names: tuple[tuple[tuple[bool, bool], str], ...]

    def name(self, bold: bool = False, italic: bool = False) -> str:
        """Return the reportlab font name that draws this style."""
        return dict(self.names)[(bold, italic)]

    def path(self, bold: bool = False, italic: bool = False) -> Path:
        return self.family.face(bold, italic).path


def _font_name(face: FontFace) -> str:
    """Name a face by its file so two brands with a same-named family never collide."""
    digest = hashlib.sha1(str(face.path.resolve()).encode()).hexdigest()[:8]
    return f"{face.path.stem}-{digest}"


@lru_cache(maxsize=64)
def register(family: FontFamily, where: Location | None = None) -> Registered:
    """Register the faces of ``family`` once, tied together so <b> and <i> use real faces."""
    _tag_subsets()  # each subset a tag of its own (ISO 32000-1, 9.6.4)
    names: dict[tuple[bool, bool], str] = {}
    for bold, italic in _STYLES:
        face = family.face(bold, italic)
        name = _font_name(face)
        if name not in pdfmetrics.getRegisteredFontNames():
            try:
                pdfmetrics.registerFont(_no_break_spaces(load_font(name, face.path)))
            except (TTFError, OSError) as exc:
                raise DocgenError(
                    Problem(
                        f"cannot use the font file {face.path.name} of family {family.name}: {exc}",
                        where,
                        hint="use TrueType-outline .ttf files; CFF-based .otf files do not load",
                    )
                ) from exc
        names[(bold, italic)] = name
        _FACES[name] = face.path
    pdfmetrics.registerFontFamily(
        names[(False, False)],
        normal=names[(False, False)],
        bold=names[(True, False)],
        italic=names[(False, True)],
        boldItalic=names[(True, True)],
    )
    return Registered(family, tuple(sorted(names.items())))


def _no_break_spaces(font: Any) -> Any:
    """Return ``font`` drawing a no-break space it lacks with its space glyph (Carlito has none).

    The no-break spaces the typography puts before a dash or a trailing emoji then keep their
    words together in every face, at the face's own space width; HarfBuzz, which shapes the
    complex runs from the file itself, falls back to the space glyph the same way.
    """
    face = font.face
    space = face.charToGlyph.get(0x20)
    for code in map(ord, NO_BREAK):
        if code not in face.charToGlyph and space is not None:
            face.charToGlyph[code] = space
            face.charWidths[code] = face.charWidths.get(0x20, face.defaultWidth)
    return font


#: Registered fallback fonts drawn at the brand face's x-height (the general fallbacks), with
#: their files; :func:`match_x_height` scales their runs.
X_MATCHED: dict[str, Path] = {}
#: Registered brand faces, with their files (for their x-height).
_FACES: dict[str, Path] = {}


@lru_cache(maxsize=64)
def is_serif(path: Path) -> bool:
    """Return True when the face at ``path`` has serifs: its PANOSE serif style (2-10, cove to
    triangle; 11-13 are sans), else the words of its family name (as for a brand's stack)."""
    from fontTools.ttLib import TTFont

    from docgen.fonts.kinds import kind_of_name

    try:
        with TTFont(str(path), lazy=True) as font:
            os2 = font.get("OS/2")
            panose = os2.panose if os2 is not None else None
            if panose is not None and panose.bFamilyType == 2 and panose.bSerifStyle > 1:
                return 2 <= panose.bSerifStyle <= 10
            family = font["name"].getBestFamilyName() or ""
    except Exception:  # a face that cannot be read: the sans fallback, as before
        return False
    return kind_of_name(family) == "serif"


@lru_cache(maxsize=64)
def x_height(path: Path) -> float:
    """Return the face's x-height as a share of its em (the OS/2 figure, else the height of x)."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        em = font["head"].unitsPerEm
        os2 = font.get("OS/2")
        if os2 is not None and getattr(os2, "sxHeight", 0) > 0:
            return float(os2.sxHeight) / em
        glyphs = font["glyf"]
        glyph = glyphs[font.getBestCmap()[ord("x")]]
        glyph.recalcBounds(glyphs)
        return float(glyph.yMax) / em


def match_x_height(frags: list[Any], font_name: str) -> None:
    """Scale the runs of a general fallback in a paragraph set in ``font_name`` to its x-height.

    Why: DejaVu's x-height is 11-17 % above Caladea's or Carlito's; at the same size its words
    look a size larger than the text around them. Only shrinking, and by at most 20 %.
    """
    own = _FACES.get(font_name)
    if own is None:
        return
    for frag in frags:
        path = X_MATCHED.get(getattr(frag, "fontName", ""))
        if path is None:
            continue
        scale = min(1.0, max(0.8, x_height(own) / x_height(path)))
        if scale < 0.98:
            frag.fontSize = round(frag.fontSize * scale, 2)


def describe(ch: str) -> str:
    """Name a character the way Unicode charts do: U+2603 SNOWMAN."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"


class Fallbacks:
    """The fonts one document's text falls back to, registered with reportlab as they are needed.

    Variable files are cut to static faces at the run's weight holding the document's characters
    (:func:`docgen.fonts.instances.static_face`), so the document's characters are collected first
    (``text``); a character met later that the cut face lacks makes a new cut.
    """

    def __init__(self, lang: str = "en", text: str | Callable[[], str] = "",
                 system: bool = True) -> None:
        self._lang, self._system = lang, system
        self._text = text  # or a function that collects it, called only if a face is cut
        self._chars: dict[Source, set[str]] = {}
        self._names: dict[tuple[Source, bool, bool], tuple[str, frozenset[str]]] = {}
        #: Family name of every registered fallback font name, for warnings and the deck.
        self.families: dict[str, Source] = {}
        self._paths: dict[str, Path] = {}

    @cached_property
    def chain(self) -> Chain:
        """The fallback chain, made when the brand's faces first lack a character: a Latin
        article never imports it."""
        from docgen.fonts.fallback import Chain

        return Chain(self._lang, "", self._system)  # Japanese or Korean is decided per run

    def draws(self, name: str, ch: str) -> bool:
        """Return True when the registered fallback font ``name`` has ``ch``."""
        path = self._paths.get(name)
        return path is not None and ord(ch) in coverage(path)

    def source(self, ch: str, serif: bool = False) -> Source | None:
        """Return the chain's source for ``ch`` (None when nothing draws it)."""
        return self.chain.find(ch, "", serif)

    def name(self, ch: str, bold: bool, region: str = "", italic: bool = False,
             serif: bool = False) -> str | None:
        """Return the reportlab font name that draws ``ch`` in this style, or None; ``serif``:
        in place of a serif face (see :func:`is_serif`)."""
        source = self.chain.find(ch, region, serif)
        if source is None:
            return None
        italic = italic and not source.variable  # (the variable files are upright)
        if not source.variable:  # a style's file may lack what the regular has (ℙ in italic)
            from docgen.fonts.fallback import styled

            if italic and ord(ch) not in coverage(styled(source, bold, italic)):
                italic = False
            if bold and ord(ch) not in coverage(styled(source, bold, italic)):
                bold = False
        known = self._names.get((source, bold, italic))
        if known is not None and (not source.variable or ch in known[1]):
            return known[0]
        return self._register(source, bold, italic, ch)

    def _register(self, source: Source, bold: bool, italic: bool, ch: str) -> str:
        from docgen.fonts.fallback import GENERAL, styled
        from docgen.fonts.instances import static_face

        weight = 700 if bold else 400
        chars: frozenset[str] = frozenset()
        if not source.variable:
            path = styled(source, bold, italic)
        else:
            if source not in self._chars:
                text = self._text() if callable(self._text) else self._text
                chars_in = frozenset(text)
                # the Han designs the document's runs can ask for (see region_of): no other
                # CJK file is opened
                regions = {""} | {"jp" for c in chars_in if is_kana(c)} | \
                    {"kr" for c in chars_in if is_hangul(c)}
                self._chars[source] = {c for c in chars_in
                                       if any(self.chain.find(c, r) == source for r in regions)}
            self._chars[source].add(ch)
            chars = frozenset(self._chars[source])
            path = static_face(source.path, weight, chars)
        name = _font_name(FontFace(path, bold))
        if name not in pdfmetrics.getRegisteredFontNames():
            font = load_font(name, path)
            pdfmetrics.registerFont(font)
        self._names[(source, bold, italic)] = (name, chars)
        self.families[name] = source
        self._paths[name] = path
        if source in GENERAL:
            X_MATCHED[name] = path
        return name


def runs(
    text: str, fam: Registered, bold: bool, italic: bool, fallbacks: Fallbacks | None = None
) -> tuple[list[tuple[str, str | None]], list[str]]:
    """Split ``text`` into (chunk, fallback font name or None) runs, plus the undrawable characters.

    None means the brand face draws the chunk. The fallback is named by its exact face because a
    reportlab <font name> tag resets the weight of the text inside it. A character the brand face
    has but that continues a run of another script (a space or a digit inside Arabic text) stays
    in that run's font, so the shaper sees whole words. Undrawable characters are left out of the
    runs; the caller reports them (see :func:`missing_problem`) and stops the build.
    """
    fallbacks = fallbacks or _default()
    own = coverage(fam.path(bold, italic))
    serif: bool | None = None  # asked when a character first falls back
    region = region_of(text) if any(ord(c) >= 0x3000 for c in text) else ""
    chars: list[tuple[str, str | None]] = []
    missing: list[str] = []
    current: str | None = None
    for ch in text:
        if ch in _COLLAPSED or ch in NO_BREAK:
            font = None
        elif current is not None and _joins(ch) and fallbacks.draws(current, ch):
            font = current
        elif ord(ch) in own:
            font = None
        else:
            if serif is None:
                serif = is_serif(fam.path())
            font = fallbacks.name(ch, bold, region, italic, serif)
            if font is None:
                if ch not in missing:
                    missing.append(ch)
                continue
        chars.append((ch, font))
        current = font
    if any(font is not None for _, font in chars):
        _whole_words(chars, fallbacks)
    out: list[tuple[str, str | None]] = []
    for ch, font in chars:
        if out and out[-1][1] == font:
            out[-1] = (out[-1][0] + ch, font)
        else:
            out.append((ch, font))
    return out, missing


def _whole_words(chars: list[tuple[str, str | None]], fallbacks: Fallbacks) -> None:
    """Draw a Latin-script word in one face: "Tiếp" with the brand's T, i, p and the fallback's ế
    mixes two designs inside a word, so a word that needs a general fallback (DejaVu Sans or
    Serif) for some letters is drawn all in it when it has them all."""
    start = mixed = words = 0
    for end in range(len(chars) + 1):
        if end < len(chars) and not chars[end][0].isspace():
            continue
        word = chars[start:end]
        fonts = {font for _, font in word}
        words += bool(word)
        if None in fonts and len(fonts) == 2:
            other = next(f for f in fonts if f is not None)
            if all(not script(c) for c, _ in word) and all(fallbacks.draws(other, c) for c, _ in word):
                chars[start:end] = [(c, other) for c, _ in word]
                # Only letters of both faces in one word make it mixed ("Tiếp"); a Greek word
                # with a comma the brand face has ("Ελληνικά,") is simply in another alphabet.
                mixed += any(f is None and c.isalpha() for c, f in word)
        start = end + 1
    # A text whose words often need the fallback (Vietnamese in a face without its letters) reads
    # better in that one face throughout than switching faces word by word.
    used = {font for _, font in chars if font is not None}
    if mixed * 4 >= words and len(used) == 1:
        other = used.pop()
        if all(not script(c) and fallbacks.draws(other, c) for c, _ in chars if not c.isspace()):
            chars[:] = [(c, other) for c, _ in chars]
            return
    for i in range(1, len(chars) - 1):  # a space between two such words joins them
        before, after = chars[i - 1][1], chars[i + 1][1]
        if chars[i][0] == " " and before is not None and before == after:
            chars[i] = (" ", before)


def _joins(ch: str) -> bool:
    """Return True for a character that belongs to the run around it (combining marks, joiners,
    variation selectors): it must be drawn by the same font as its base."""
    return unicodedata.combining(ch) > 0 or ch in "\u200c\u200d\ufe0e\ufe0f" or \
        unicodedata.category(ch) == "Mn"


@lru_cache(maxsize=1)
def _default() -> Fallbacks:
    return Fallbacks()


def missing_problem(ch: str, text: str, where: Location | None,
                    fallbacks: Fallbacks | None = None) -> Problem:
    """Describe a character no font can draw, with a few words around it and what would draw it."""
    i = text.index(ch)
    start, end = max(0, i - 20), min(len(text), i + 21)
    context = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    chain = (fallbacks or _default()).chain
    return Problem(
        f"no font can draw the character {describe(ch)} in “{context}”",
        where,
        hint=f"{chain.suggestion(ch)}; or replace or remove the character",
    )
