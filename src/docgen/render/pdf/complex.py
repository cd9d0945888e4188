"""Lines of complex text: shaped, in bidirectional order, broken where the script allows.

reportlab breaks lines at spaces, in logical order, and shapes a word with the font of its first
character. That is right for Latin, Greek and Cyrillic, which keep reportlab's own line breaker
(and the same bytes). A paragraph with Arabic or Hebrew, an Indic script, Thai or CJK is laid out
here instead, and handed back as the lines reportlab draws:

1. the text is cut into runs of one font and one bidi level (UAX #9, python-bidi's resolution),
   between which a line may break at a space, between two ideographs (kinsoku rules kept), or at a
   Thai word boundary (thaibreak's dictionary);
2. every run that needs it is shaped by HarfBuzz in its own font and direction, so Arabic letters
   join, Devanagari forms conjuncts and marks sit on their bases;
3. lines are filled greedily, then each line's runs are put in visual order (UAX #9 rule L2);
4. each shaped run is wrapped in an ActualText span, so copying or extracting gives the letters in
   their logical order, not glyph codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from reportlab.lib.abag import ABag
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.platypus.paragraph import FragLine, ParaLines

from docgen.fonts.scripts import (
    NO_LINE_END,
    NO_LINE_START,
    is_ideographic,
    is_rtl,
    needs_shaping,
)
from docgen.render.pdf import emoji

_SPACES = re.compile(r"[^\S\u00a0\u2007\u202f]+")  # no-break spaces keep their words together
#: Named canvas callbacks that open and close an ActualText span around a shaped run.
BEGIN, END = "docgen-actual-text", "docgen-actual-end"
#: Named canvas callback that makes the next run select its font again (see :func:`reselect`).
RESELECT = "docgen-reselect-font"


def is_complex(text: str) -> bool:
    """Return True when ``text`` needs this module (shaping, right-to-left, no-space breaks)."""
    if max(text, default=" ") < "\u0590":  # in C: Latin, Greek, Cyrillic, nothing else
        return False
    return any(needs_shaping(c) or is_rtl(c) or is_ideographic(c)
               for c in set(text) if c >= "\u0590")  # each distinct character once


def base_rtl(text: str) -> bool:
    """Return True when the first strong character is right-to-left (UAX #9 rules P2, P3)."""
    from bidi.algorithm import get_base_level

    return get_base_level(text) == 1


@dataclass(slots=True)
class _Run:
    start: int
    end: int
    frag: int
    level: int
    space: bool
    text: Any = ""
    width: float = 0.0
    actual: str = ""  # the logical text, when the drawn glyphs differ from it
    before: list[Any] = field(default_factory=list)  # callbacks drawn before the run (emoji)
    after: list[Any] = field(default_factory=list)  # ... and after it


def break_lines(frags: list[Any], widths: list[float]) -> tuple[Any, float, list[int]]:
    """Return (reportlab ParaLines of kind 1, widest line, logical start of each line)."""
    marks: dict[int, list[Any]] = {}
    text, owner = _logical(frags, marks)
    if not text:
        return ParaLines(kind=1, lines=[]), 0.0, []
    rtl = base_rtl(text)
    levels = _levels(text, rtl)
    breaks = _opportunities(text)
    runs = _runs(text, owner, levels, breaks, set(marks))
    for run in runs:
        _measure(run, text, frags[run.frag])
        run.before = [m for m in marks.get(run.start, ()) if m.cbDefn.name != emoji.END]
        run.after = [m for m in marks.get(run.end, ()) if m.cbDefn.name == emoji.END]
    lines: list[Any] = []
    starts: list[int] = []
    current: list[_Run] = []
    used = widest = 0.0
    for group in _groups(runs, breaks):
        lead = [r for r in group if r.space]
        body = group[len(lead):]
        lead_width, body_width = sum(r.width for r in lead), sum(r.width for r in body)
        room = widths[min(len(lines), len(widths) - 1)]
        if current and body and used + lead_width + body_width > room + 1e-6:
            widest = max(widest, _finish(lines, starts, current, frags, room, rtl))
            current, used = list(body), body_width
        else:
            current += group
            used += lead_width + body_width
    if current:
        room = widths[min(len(lines), len(widths) - 1)]
        widest = max(widest, _finish(lines, starts, current, frags, room, rtl))
    return ParaLines(kind=1, lines=lines), widest, starts


def _logical(frags: list[Any], marks: dict[int, list[Any]] | None = None) -> tuple[str, list[int]]:
    """Return the paragraph's text with white space collapsed, and each character's frag;
    ``marks`` receives the callback frags (a colour emoji's) by the position they stand before."""
    chars: list[str] = []
    owner: list[int] = []
    for i, f in enumerate(frags):
        if marks is not None and hasattr(f, "cbDefn"):
            marks.setdefault(len(chars), []).append(f)
            continue
        for c in _SPACES.sub(" ", f.text):
            if c == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(c)
            owner.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        owner.pop()
    return "".join(chars), owner


def cut_frags(frags: list[Any], at: int) -> tuple[list[Any], list[Any]]:
    """Split ``frags`` before the character ``at`` of their collapsed text (as :func:`_logical`
    counts), for a paragraph split across pages."""
    head: list[Any] = []
    tail: list[Any] = []
    seen = 0
    last = ""
    for f in frags:
        if hasattr(f, "cbDefn"):  # a callback stays with the character it stands before
            closes = seen == at and f.cbDefn.name == emoji.END
            (head if seen < at or closes else tail).append(f)
            continue
        kept = []
        for c in _SPACES.sub(" ", f.text):
            if c == " " and (not seen or last == " "):
                continue
            kept.append(c)
            last = c
            seen += 1
        before = len(kept) - max(0, seen - at)
        if before >= len(kept):
            head.append(f.clone(text="".join(kept)))
        elif before <= 0:
            tail.append(f.clone(text="".join(kept)))
        else:
            head.append(f.clone(text="".join(kept[:before])))
            tail.append(f.clone(text="".join(kept[before:])))
    return head, tail


def _levels(text: str, rtl: bool) -> list[int]:
    from bidi import algorithm as uax9

    storage = uax9.get_empty_storage()
    storage["base_level"] = int(rtl)
    storage["base_dir"] = "R" if rtl else "L"
    uax9.get_embedding_levels(text, storage)
    uax9.explicit_embed_and_overrides(storage)
    uax9.resolve_weak_types(storage)
    uax9.resolve_neutral_types(storage, False)
    uax9.resolve_implicit_levels(storage, False)
    return [c["level"] for c in storage["chars"]]


def _opportunities(text: str) -> set[int]:
    """Return the indices before which a line may break without a space."""
    out: set[int] = set()
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if a == " " or b == " ":
            continue
        if (is_ideographic(a) or is_ideographic(b)) and b not in NO_LINE_START \
                and a not in NO_LINE_END:
            out.add(i)
    for m in re.finditer("[\u0e00-\u0e7f]+", text):
        out.update(m.start() + b for b in _thai_words(m.group())[1:-1])
    return out


@lru_cache(maxsize=4096)
def _thai_words(text: str) -> tuple[int, ...]:
    """Return word boundaries of a run of Thai (start and end included); none without thaibreak."""
    try:
        import thaibreak
    except ImportError:  # pragma: no cover - a platform without its wheel: break at spaces only
        return (0, len(text))
    return tuple(thaibreak.boundaries(text))


def _runs(text: str, owner: list[int], levels: list[int], breaks: set[int],
          marked: set[int]) -> list[_Run]:
    runs: list[_Run] = []
    for i, c in enumerate(text):
        space = c == " "
        last = runs[-1] if runs else None
        if (last is not None and not space and not last.space and last.frag == owner[i]
                and last.level == levels[i] and i not in breaks and i not in marked):
            last.end = i + 1
        else:
            runs.append(_Run(i, i + 1, owner[i], levels[i], space))
    return runs


def _groups(runs: list[_Run], breaks: set[int]) -> list[list[_Run]]:
    """Return the runs in unbreakable groups, each led by the spaces before it (if any)."""
    groups: list[list[_Run]] = []
    for run in runs:
        prev = groups[-1][-1] if groups else None
        if prev is None or (not prev.space and (run.space or run.start in breaks)):
            groups.append([run])
        else:
            groups[-1].append(run)
    return groups


def _measure(run: _Run, text: str, frag: Any) -> None:
    chunk = text[run.start:run.end]
    if run.space:
        run.text = " "
        run.width = stringWidth(" ", frag.fontName, frag.fontSize)
        return
    if run.level % 2 or any(needs_shaping(c) for c in chunk):
        shaped = _shape(chunk, frag.fontName, frag.fontSize, bool(run.level % 2))
        if shaped is not None:
            run.text, run.width = shaped
            # Text extractors read right-to-left glyphs in visual order and reverse them, so the
            # replacement text is given in that order too; a run whose glyphs are the characters
            # themselves (Hebrew, mostly) needs none.
            expected = chunk[::-1] if run.level % 2 else chunk
            if str(run.text) != expected:
                run.actual = expected
            return
    run.text = chunk
    run.width = stringWidth(chunk, frag.fontName, frag.fontSize)


def _shape(text: str, font_name: str, size: float, rtl: bool) -> tuple[ShapedStr, float] | None:
    """Shape ``text`` with HarfBuzz in the font that draws it, as reportlab's ShapedStr."""
    font = getFont(font_name)
    if not getattr(font, "_dynamicFont", False):
        return None
    import uharfbuzz as hb

    hbf = font.hbFont(size)
    buf = hb.Buffer()
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    hb.shape(hbf, buf, {"kern": True, "liga": True})
    face = font.face
    chars: list[str] = []
    data: list[ShapeData] = []
    total = 0.0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        gid = info.codepoint
        advance = font.pdfScale(pos.x_advance)
        found = face.glyphToChar.get(gid)
        code = found[0] if found else font.hbAddPrivate(hbf.glyph_to_string(gid), gid, advance)
        chars.append(chr(code))
        data.append(ShapeData(info.cluster, advance, font.pdfScale(pos.y_advance),
                              font.pdfScale(pos.x_offset), font.pdfScale(pos.y_offset),
                              face.charWidths.get(code, advance)))
        total += advance
    return ShapedStr("".join(chars), shapeData=data), total * size / 1000


def _finish(lines: list[Any], starts: list[int], runs: list[_Run], frags: list[Any],
            room: float, rtl: bool) -> float:
    """Append one line made of ``runs`` (logical order) and return its width."""
    while runs and runs[-1].space:
        runs = runs[:-1]
    width = sum(r.width for r in runs)
    words: list[Any] = []
    size = ascent = descent = 0.0
    for run in _visual(runs, rtl):
        frag = frags[run.frag]
        a, d = getAscentDescent(frag.fontName, frag.fontSize)
        size, ascent, descent = max(size, frag.fontSize), max(ascent, a), min(descent, d)
        words.extend(run.before)
        data = getattr(run.text, "__shapeData__", None)
        if data and data[0].y_offset:
            words.append(_callback(frag, RESELECT, ""))
        if run.actual:
            words.append(_callback(frag, BEGIN, run.actual))
        words.append(frag.clone(text=run.text))
        if run.actual:
            words.append(_callback(frag, END, ""))
        words.extend(run.after)
    spaces = sum(1 for r in runs if r.space)
    lines.append(FragLine(extraSpace=room - width, wordCount=spaces + 1, lineBreak=False,
                          words=words, fontSize=size, ascent=ascent, descent=descent,
                          maxWidth=room, sFW=0))
    starts.append(runs[0].start if runs else 0)
    return width


def _callback(frag: Any, name: str, label: str) -> Any:
    out = frag.clone(text="")
    out.cbDefn = ABag(kind="onDraw", name=name, label=label)
    return out


def _visual(runs: list[_Run], rtl: bool) -> list[_Run]:
    """Reorder one line's runs for display: UAX #9 rule L2 (reverse from the highest level)."""
    levels = [r.level for r in runs]
    if not any(lv % 2 for lv in levels) and not rtl:
        return runs
    out = list(runs)
    top = max(levels)
    lowest_odd = min((lv for lv in levels if lv % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(out):
            if out[i].level >= level:
                j = i
                while j < len(out) and out[j].level >= level:
                    j += 1
                out[i:j] = out[i:j][::-1]
                i = j
            else:
                i += 1
    return out


def actual_text(canvas: Any, _kind: str, label: str | None) -> None:
    """Open a marked-content span whose ActualText is ``label`` (the run's logical text)."""
    tx = canvas._curr_tx_info["tx"]
    units = (label or "").encode("utf-16-be").hex().upper()
    tx._code.append(f"/Span <</ActualText <FEFF{units}>>> BDC")
    tx.actual = label or ""  # (docgen's tagging text object ends a line by the script's rule)


def actual_end(canvas: Any, _kind: str, _label: str | None) -> None:
    """Close the span opened by :func:`actual_text`."""
    tx = canvas._curr_tx_info["tx"]
    tx._code.append("EMC")
    tx.actual = ""


def reselect(canvas: Any, _kind: str, _label: str | None) -> None:
    """Make the next text select its font again. reportlab draws a shaped run whose first glyph
    is raised (a mark) with a rise operator that looks at the operator before it, and fails when
    the run continues in the font already selected (there is none)."""
    canvas._curr_tx_info["tx"]._curSubset = -1
