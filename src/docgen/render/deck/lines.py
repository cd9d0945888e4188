"""Counting lines without building text: the planner's hot path.

Pagination and fitting ask "how many lines at this width and size?" tens of thousands of times for
a long article. :func:`measure.break_lines` answers with the broken text too, making objects per
word, and its caches hash whole paragraphs (dataclass hashes are not cached) on every call. Here
each run's text is measured once per face (a dict keyed by the string, whose hash Python caches),
and the greedy breaker runs on floats only, with the same float operations in the same order as
``measure._break_lines``, so the counts are bit-for-bit the same. A word wider than its line (split
at characters, with soft breaks) is left to ``break_lines``: :func:`count_lines` returns None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from docgen.model import FontFamily
from docgen.render.deck.measure import text_em

#: Entries per face before its run cache starts again: bounds memory in a long ``watch`` session.
MAX_RUNS = 1 << 14
#: The segments ``measure._tokens`` cuts a piece into: a word ends after its trailing spaces.
_SEGMENT = re.compile(r"[^ ]+ *| +")

Part = tuple[float, float]  # (ink, trailing spaces) of one segment, in em
#: A run text's segments, and whether the text starts and ends with a space.
RunWords = tuple[tuple[Part, ...], bool, bool]
Word = Part | list[Part]  # a word in one segment (nearly all), or in several (“ + All)


class StyledRun(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def bold(self) -> bool: ...
    @property
    def italic(self) -> bool: ...


class Face:
    """One face file used with one ``bold`` flag, and the widths of the run texts set in it."""

    __slots__ = ("bold", "path", "runs")

    def __init__(self, path: Path, bold: bool) -> None:
        self.path = path
        self.bold = bold
        self.runs: dict[str, RunWords] = {}

    def words(self, text: str) -> RunWords:
        """Return the segments of ``text`` with their widths (cached per text, bounded)."""
        found = self.runs.get(text)
        if found is None:
            if len(self.runs) >= MAX_RUNS:
                self.runs.clear()
            parts = []
            for m in _SEGMENT.finditer(text):
                seg = m.group()
                ink = seg.rstrip(" ")
                space = seg[len(ink) :]
                parts.append((text_em(ink, self.path, self.bold), text_em(space, self.path, self.bold)))
            found = self.runs[text] = (tuple(parts), text.startswith(" "), text.endswith(" "))
        return found


Styles = tuple[tuple[Face, Face], tuple[Face, Face]]  # [bold][italic]
_FACES: dict[tuple[Path, bool], Face] = {}
_FAMILIES: dict[int, tuple[FontFamily, Styles]] = {}


def faces(family: FontFamily) -> Styles:
    """Return the family's faces as ``styles[bold][italic]``, picked as ``fit._face`` picks them.

    Remembered by identity (the planner passes the brand's two families again and again; hashing
    a family hashes its four paths), checked with ``is`` so a recycled id never matches.
    """
    entry = _FAMILIES.get(id(family))
    if entry is not None and entry[0] is family:
        return entry[1]
    if len(_FAMILIES) >= 64:
        _FAMILIES.clear()
    rows = []
    for bold in (False, True):
        row = []
        for italic in (False, True):
            path = family.face(bold, italic).path
            face = _FACES.get((path, bold))
            if face is None:
                face = _FACES[(path, bold)] = Face(path, bold)
            row.append(face)
        rows.append((row[0], row[1]))
    styles: Styles = (rows[0], rows[1])
    _FAMILIES[id(family)] = (family, styles)
    return styles


def mono_family() -> FontFamily:
    """Return the shipped monospaced family that code spans are set in (one object, so that
    :func:`faces` remembers its faces)."""
    global _MONO
    if _MONO is None:
        from docgen.fonts import bundled_family

        _MONO = bundled_family(MONO)
        assert _MONO is not None
    return _MONO


MONO = "Liberation Mono"
_MONO: FontFamily | None = None


def group_words(runs: Sequence[StyledRun], styles: Styles) -> list[Word]:
    """Group the runs' segments into words exactly as ``measure._tokens`` groups pieces.

    A word may span runs (“ + All): a run continues the current word unless that word ends in a
    space and the run does not start with one (an empty run only ends such a word). A word of one
    segment is that segment's tuple; a word of several, the list of them.
    """
    out: list[Word] = []
    cur: list[Part] | None = None
    ends_space = False
    for r in runs:
        face = (faces(mono_family()) if getattr(r, "code", False) else styles)[r.bold][r.italic]
        text = r.text
        found = face.runs.get(text)
        if found is None:
            found = face.words(text)
        parts, starts_space, run_ends = found
        if cur is not None and ends_space and not starts_space:
            out.append(cur[0] if len(cur) == 1 else cur)
            cur = None
        if not parts:
            continue
        if cur is None:
            cur = [parts[0]]
        else:
            cur.append(parts[0])
        if len(parts) > 1:
            out.append(cur[0] if len(cur) == 1 else cur)
            out.extend(parts[1:-1])
            cur = [parts[-1]]
        ends_space = run_ends
    if cur is not None:
        out.append(cur[0] if len(cur) == 1 else cur)
    return out


def count_lines(word_parts: list[Word], width: float, size: float) -> int | None:
    """Return the number of lines ``measure._break_lines`` makes, or None if a word must be split.

    Same arithmetic as there: a word's width is the sum of its parts at ``size`` (one part: the
    product itself), the fit test is ``(line + space) + word`` and the line grows by
    ``space + word``.
    """
    closed = 0
    has_line = False
    line_w = pending = 0.0
    for w in word_parts:
        if type(w) is tuple:
            word_w = size * w[0]
            space_w = size * w[1]
        else:  # (type() above, not isinstance: this loop is the planner's hottest)
            word_w = sum(size * e for e, _ in w)  # type: ignore[misc]
            space_w = sum(size * s for _, s in w)  # type: ignore[misc]
        if has_line and line_w + pending + word_w <= width:
            line_w += pending + word_w
            pending = space_w
            continue
        if has_line:
            closed += 1
        if word_w > width:
            return None
        has_line, line_w, pending = True, word_w, space_w
    return closed + 1  # the open line, or the one empty line of no words
