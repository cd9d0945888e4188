"""Find what YAML would change silently: text dropped as a comment, Markdown block syntax docgen
does not read, and lines folded into the list item above.

YAML accepts all of these without a word; a marketer sees the damage only in the PDF ("Our #1
rule" printed as "Our"). The composer calls :func:`scalar_notes` for every scalar, with the source
lines, so each finding points at the line and column where it happens.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from yaml.nodes import ScalarNode

if TYPE_CHECKING:
    from typing import Literal

    Note = tuple[str, int, int, str, Literal["error", "warning"]]  # message, line, col (0-based), hint

_COMMENT = re.compile(r"[ \t]+(#.*)")
_HEADING = re.compile(r"(#{1,6})[ \t]+(\S.*?)[ \t#]*$")
_TABLE = re.compile(r"\|.*\|")
_MD_LIST = re.compile(r"(?:[-*+]|\d{1,3}[.)])[ \t]+\S")
_FENCE = re.compile(r"(?:```|~~~)")


_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def source_lines(text: str) -> list[str]:
    """Return the lines of ``text`` as YAML counts them (its marks' line numbers index this)."""
    return _BREAK.split(text)


def shorten(text: str, limit: int = 48) -> str:
    """Return ``text`` cut to ``limit`` characters with an ellipsis, for quoting in a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def double_quoted(text: str) -> str:
    """Return ``text`` as a YAML double-quoted scalar (what a marketer should type)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _prefix(line: str, column: int) -> str:
    """Return what precedes a value on its line (``- ``, ``callout: ``), for a fix to copy."""
    return line[:column].strip()


def heading_hint(words: str, dropped: bool = True) -> str:
    end = "to print the text as typed, put it in double quotes" if dropped else \
        "or remove the '#' marks"
    return (f"a heading starts a new section: '- heading: {words}' under 'sections:', with its own "
            f"'blocks:'; {end}")


def comment_notes(node: ScalarNode, lines: list[str], in_list: bool) -> list[Note]:
    """Report a ``#`` comment that follows a plain value on its line when it looks like text.

    A comment written as comments are (two spaces, ``#``, a space: yamllint's style) is left
    alone; ``#1``, ``#hashtag`` or ``## Heading`` after ``- `` are text YAML dropped.
    """
    end = node.end_mark
    if end.line >= len(lines):
        return []
    line = lines[end.line]
    m = _COMMENT.match(line, end.column)
    if not m:
        return []
    comment = m.group(1)
    glued = len(comment) > 1 and not comment[1].isspace()
    empty = node.value == ""
    if not (glued or (empty and in_list)):
        return []
    col = m.start(1)
    if empty:
        heading = _HEADING.match(comment)
        if heading:
            return [(f"'{shorten(comment)}' is a Markdown heading, which docgen does not read: YAML "
                     "takes everything after ' #' as a comment and drops it",
                     end.line, col, heading_hint(heading.group(2)), "error")]
        return [(f"the text after ' #' is a comment to YAML and was dropped: '{shorten(comment)}'",
                 end.line, col, "put the text in double quotes: "
                 f"{_prefix(line, node.start_mark.column)} {double_quoted(comment)}".strip(), "error")]
    hint = "put the whole text in double quotes"
    if node.start_mark.line == end.line:
        whole = line[node.start_mark.column:].rstrip()
        hint += f": {_prefix(line, node.start_mark.column)} {double_quoted(whole)}".replace(" :", ":")
    return [(f"the text after ' #' is a comment to YAML and was dropped: '{shorten(comment)}'",
             end.line, col, hint, "error")]


def markdown_notes(node: ScalarNode, lines: list[str]) -> list[Note]:
    """Report Markdown block syntax inside a text: it would print as typed (or be folded away)."""
    start, end = node.start_mark, node.end_mark
    if node.style in ('"', "'") or start.line == end.line:
        candidates = [(start.line, start.column + bool(node.style), node.value.split("\n")[0])]
    else:
        first = start.line + (node.style in ("|", ">"))  # a block scalar starts after '|' or '>'
        candidates = []
        ends_inside = end.line < len(lines) and lines[end.line][: end.column].strip()
        last = end.line if ends_inside else end.line - 1
        for n in range(first, min(last + 1, len(lines))):
            text = lines[n]
            stripped = text.lstrip()
            candidates.append((n, len(text) - len(stripped), stripped))
        if not node.style and candidates:  # the first line of a plain text starts at the value
            n, _, _ = candidates[0]
            candidates[0] = (n, start.column, lines[n][start.column:])
    notes: list[Note] = []
    for n, col, text in candidates:
        heading = _HEADING.match(text)
        if heading:
            notes.append((f"'{shorten(text)}' is a Markdown heading, which docgen does not read: "
                          "it would print as typed", n, col, heading_hint(heading.group(2), False),
                          "warning"))
        elif text.startswith("|") and _TABLE.match(text):
            notes.append(("Markdown tables are not supported: this line would print as typed", n,
                          col, "write the rows as a 'list:', or show the table as an 'image:'",
                          "warning"))
        elif _FENCE.match(text):
            notes.append(("Markdown code blocks (```) are not supported: the fence would print as "
                          "typed", n, col, "write code inline between single backticks, e.g. "
                          "`invoke build`", "warning"))
        elif n != start.line and _MD_LIST.match(text):
            notes.append(("a Markdown list inside a text is folded into the paragraph", n, col,
                          "make it a 'list:' block with one '- ' item per point", "warning"))
    return notes


def folded_item(node: ScalarNode, lines: list[str]) -> tuple[int, int] | None:
    """Return (line, column) where a plain one-line-looking value continues, or None.

    A plain text that goes on to the next line is joined to it with a space. In a paragraph that
    is wrapping; in a list item it is usually a missing ``- ``: the spec reading list items warns.
    """
    start, end = node.start_mark, node.end_mark
    if node.style or start.line == end.line:
        return None
    for n in range(start.line + 1, min(end.line + 1, len(lines))):
        text = lines[n]
        if text.strip():
            return n, len(text) - len(text.lstrip())
    return None
