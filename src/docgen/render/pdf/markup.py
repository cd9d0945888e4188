"""Model text to reportlab paragraph markup.

reportlab parses paragraph text as XML-like markup, so source text is data to escape, never
markup to pass through: every ``&``, ``<`` and ``>`` is escaped, and the only tags are the ones
made here from the :class:`~docgen.model.Span` flags (bold, italic, link) and the font fallback.
"""

from __future__ import annotations

from collections.abc import Callable

from docgen.errors import Location, Problem
from docgen.fonts import bundled_family
from docgen.fonts.scripts import script
from docgen.infra.xmlescape import escape, quoteattr
from docgen.model import Span, Text
from docgen.render.pdf import emoji
from docgen.render.pdf.fonts import (
    Fallbacks,
    Registered,
    coverage,
    describe,
    missing_problem,
    register,
    runs,
)

MONO = "Liberation Mono"  # code spans; Courier New's metric twin, shipped with docgen


def _runs(
    text: str, fam: Registered, bold: bool, italic: bool, fallbacks: Fallbacks | None = None
) -> tuple[list[tuple[str, str | None]], list[str]]:
    """:func:`~docgen.render.pdf.fonts.runs`, asked first about each distinct character once.

    Nearly all text is drawn by the brand face alone: then the answer for the whole text is one
    run, and the per-character loop runs over a few dozen characters instead of the whole text.
    """
    probe = "".join(set(text))  # order does not matter: only "all in the brand face" is used
    chunks, missing = runs(probe, fam, bold, italic, fallbacks)
    if not missing and len(chunks) == 1 and chunks[0][1] is None:
        return [(text, None)], []
    return runs(text, fam, bold, italic, fallbacks)


class Marker:
    """Builds markup for one document and collects what went wrong, to report it all at once."""

    def __init__(self, link_color: str, fallbacks: Fallbacks | None = None,
                 locate: Callable[[Location | None, str], Location | None] | None = None) -> None:
        self.link_color = link_color
        self.fallbacks = fallbacks
        #: Finds a character in the source from the location of its block (its line and column).
        self.locate = locate or (lambda where, _ch: where)
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self._warned: set[tuple[str, str]] = set()
        self._fallbacks: dict[tuple[str, Location | None, str], list[str]] = {}
        self._mono: Registered | None = None

    def text(
        self,
        text: Text,
        fam: Registered,
        where: Location | None,
        bold: bool = False,
        italic: bool = False,
        link_color: str | None = None,
    ) -> str:
        """Return markup for ``text`` in ``fam``; ``bold``/``italic`` are the style's own."""
        color = link_color or self.link_color
        return "".join(self._span(s, fam, where, bold, italic, color) for s in text.spans)

    def plain(
        self,
        s: str,
        fam: Registered,
        where: Location | None,
        bold: bool = False,
        italic: bool = False,
    ) -> str:
        """Return markup for a plain string (a name, a role, a footer line)."""
        return self._span(Span(s), fam, where, bold, italic, self.link_color)

    def _span(
        self,
        span: Span,
        fam: Registered,
        where: Location | None,
        bold: bool,
        italic: bool,
        link_color: str,
    ) -> str:
        b, i = bold or span.bold, italic or span.italic
        own = None
        if span.code:  # a code span: the shipped monospaced face, named exactly (see fonts.runs)
            fam = self.mono
            own = quoteattr(fam.name(b, i))
        chunks, missing = _runs(span.text, fam, b, i, self.fallbacks)
        self.problems.extend(missing_problem(ch, span.text, self.locate(where, ch), self.fallbacks)
                             for ch in missing)
        out: list[str] = []
        for chunk, font in chunks:
            if font is None:
                out.append(f"<font name={own}>{escape(chunk)}</font>" if own else escape(chunk))
                continue
            source = self.fallbacks.families.get(font) if self.fallbacks else None
            coloured = (emoji.markup(chunk, font) if source is not None
                        and source.family == "Noto Emoji" else None)
            out.append(f"<font name={quoteattr(font)}>{coloured or escape(chunk)}</font>")
            self._warn_fallback(chunk, fam, where, font, b, i)
        inner = "".join(out)
        if span.bold and not bold:
            inner = f"<b>{inner}</b>"
        if span.italic and not italic:
            inner = f"<i>{inner}</i>"
        if span.href:
            inner = f"<a href={quoteattr(span.href)} color={quoteattr(link_color)}>{inner}</a>"
        return inner

    @property
    def mono(self) -> Registered:
        """Return the monospaced family code spans are set in, registered on first use."""
        if self._mono is None:
            family = bundled_family(MONO)
            assert family is not None
            self._mono = register(family)
        return self._mono

    def _warn_fallback(self, chunk: str, fam: Registered, where: Location | None,
                       font: str, bold: bool, italic: bool) -> None:
        """Note characters of the brand's own scripts (Latin, Greek, Cyrillic, symbols) that the
        brand font lacks: a designer wants to know. Other scripts are expected to fall back, and
        letters the brand font has, drawn in the fallback to keep a word in one face, are not
        news."""
        source = self.fallbacks.families.get(font) if self.fallbacks else None
        family = source.family if source else "DejaVu Sans"
        own = coverage(fam.path(bold, italic))
        for ch in dict.fromkeys(chunk):
            key = (fam.family.name, ch)
            if key in self._warned or ch.isspace() or script(ch) or ord(ch) in own:
                continue
            self._warned.add(key)
            self._fallbacks.setdefault((fam.family.name, where, family), []).append(ch)

    @property
    def fallback_warnings(self) -> list[Problem]:
        """Return one warning per place whose characters the brand font lacks."""
        out = []
        for (family, where, drawn_in), chars in self._fallbacks.items():
            shown = ", ".join(describe(ch) for ch in chars[:3])
            more = f" and {len(chars) - 3} more" if len(chars) > 3 else ""
            out.append(Problem(f"the font {family} has no {shown}{more}; they are drawn in "
                               f"{drawn_in}", where, severity="warning"))
        return out
