"""Parse YAML into location-carrying nodes, safely and literally.

Only the YAML *syntax* is used: every scalar stays the string the marketer typed (``No``, ``1.10`` and
``12:30`` are text, not a boolean or numbers), no tag is honoured, anchors and aliases are refused (no
"billion laughs"), and size and depth are bounded before they can cost memory or a RecursionError.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from docgen.errors import DocgenError, Location, Problem, Report
from docgen.infra.files import FileRefused, read_limited
from docgen.source import lint
from docgen.source.yamlerrors import bad_start, explain

MAX_SOURCE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40
_STR_TAG = "tag:yaml.org,2002:str"

try:  # libyaml scans ten times faster; the composer stays ours so every check below applies.
    from yaml.cyaml import CParser as _Parser

    def _init_parser(self: object, text: str) -> None:
        _Parser.__init__(self, text)
except ImportError:  # pragma: no cover - pure-Python PyYAML
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _PyParser):  # type: ignore[no-redef]
        pass

    def _init_parser(self: object, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        _PyParser.__init__(self)


class _Refused(Exception):
    def __init__(self, message: str, mark: yaml.Mark | None, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.mark, self.hint = message, mark, hint


class _Loader(Composer, _Parser, BaseResolver):
    """Composer first in the MRO, so our compose_node runs even over libyaml's parser."""

    def __init__(self, text: str, shown: str) -> None:
        _init_parser(self, text)
        Composer.__init__(self)
        BaseResolver.__init__(self)
        self._depth = 0
        self._text, self._shown = text, shown
        self._lines: list[str] | None = None
        self._hashes = "#" in text
        self.notes: list[lint.Note] = []

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = lint.source_lines(self._text)
        return self._lines

    def _hint(self, event: object, hint: str) -> str:
        """Add the fix to type when the refused '*', '&' or '!' starts what may be a text."""
        if isinstance(event, (ScalarEvent, AliasEvent)):
            start = bad_start(self._text, event.start_mark.line, self._shown)
            if start is not None:
                return f"{hint}; if the text itself starts with it, {start.hint}"
        return hint

    def compose_node(self, parent: Node | None, index: object) -> Node:
        if self.check_event(AliasEvent):
            event = self.get_event()
            raise _Refused(
                f"aliases (*{event.anchor}) are not allowed",
                event.start_mark,
                self._hint(event, "write the text out in full instead of referring to an anchor"),
            )
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise _Refused(
                f"anchors (&{event.anchor}) are not allowed",
                event.start_mark,
                self._hint(event, "remove the '&' name; docgen reads each value where it is written"),
            )
        tag = getattr(event, "tag", None)
        if tag not in (None, _STR_TAG):
            raise _Refused(
                f"YAML tags such as '{tag.replace('tag:yaml.org,2002:', '!!')}' are not allowed",
                event.start_mark,
                self._hint(event, "remove the '!' tag"),
            )
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _Refused(
                    f"nesting is deeper than {MAX_DEPTH} levels", event.start_mark,
                    "an article needs only a few levels; check the indentation",
                )
            try:
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1
        if not isinstance(event, ScalarEvent):  # pragma: no cover - the parser guarantees it
            raise _Refused("unexpected YAML event", event.start_mark)
        node: ScalarNode = super().compose_node(parent, index)
        if index is None and isinstance(parent, MappingNode):
            return node  # a key
        if self._hashes and not node.style:
            notes = lint.comment_notes(node, self.lines, isinstance(parent, SequenceNode))
            if notes:
                self.notes.extend(notes)
                node.dropped = True  # said once, not again as "empty"
        multi_line = node.start_mark.line != node.end_mark.line
        if multi_line or node.value[:1] in ("#", "|", "`", "~"):
            self.notes.extend(lint.markdown_notes(node, self.lines))
        if multi_line and not node.style:
            node.folded_at = lint.folded_item(node, self.lines)
        return node


def location(path: str, node_or_mark: Node | yaml.Mark | None) -> Location:
    """Return the 1-based location of a node or a parser mark."""
    if node_or_mark is None:
        return Location(path)
    mark = node_or_mark.start_mark if isinstance(node_or_mark, Node) else node_or_mark
    return Location(path, mark.line + 1, mark.column + 1)


def read_text(file: Path, shown: str) -> str:
    """Return the file's text, refusing what is too big, not UTF-8, or not text at all.

    Only a regular file is read, and never more than the limit (a pipe or ``/dev/zero`` named as
    the source would otherwise hang the build or fill the memory)."""
    try:
        size = file.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise DocgenError(
                Problem(
                    f"the file is {size / 1048576:.1f} MB; the limit is "
                    f"{MAX_SOURCE_BYTES // 1048576} MB",
                    Location(shown),
                    hint="split the article or remove pasted binary data",
                )
            )
        data = read_limited(file, MAX_SOURCE_BYTES)
    except FileNotFoundError:
        raise DocgenError(Problem("file not found", Location(shown))) from None
    except IsADirectoryError:
        raise DocgenError(Problem("is a folder, not a YAML file", Location(shown))) from None
    except FileRefused as exc:
        raise DocgenError(Problem(f"cannot read the file: {exc.strerror}", Location(shown),
                                  "name a YAML file saved in the project")) from None
    except OSError as exc:
        raise DocgenError(Problem(f"cannot read the file: {exc.strerror}", Location(shown))) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocgenError(
            Problem("the file is saved as UTF-16", Location(shown, 1, 1), hint="save it as UTF-8")
        )
    try:  # not "utf-8-sig": its error positions skip the BOM, and the codec costs a look-up
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        if line == 1 and data.startswith(b"\xef\xbb\xbf"):
            column -= 3  # the byte order mark is not shown by editors
        raise DocgenError(
            Problem(
                f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
                Location(shown, line, column),
                hint="save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
            )
        ) from None
    if "\x00" in text:
        at = text.index("\x00")
        line = text.count("\n", 0, at) + 1
        raise DocgenError(
            Problem("the file contains binary data (NUL bytes), not text", Location(shown, line))
        )
    return text


def parse(text: str, shown: str, report: Report | None = None) -> Node | None:
    """Return the root node of a single-document YAML text, or None for an empty file.

    What YAML would change silently (text after ' #', Markdown headings) goes to ``report``.
    """
    loader = None
    try:
        loader = _Loader(text, shown)
        root = loader.get_single_node()
        if report is not None:
            for message, line, column, hint, severity in loader.notes:
                where = Location(shown, line + 1, column + 1)
                (report.error if severity == "error" else report.warn)(message, where, hint)
        return root
    except _Refused as exc:
        raise DocgenError(Problem(exc.message, location(shown, exc.mark), hint=exc.hint)) from None
    except yaml.MarkedYAMLError as exc:
        raise DocgenError(explain(exc, shown, text)) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        where = Location(shown, before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1)
        raise DocgenError(Problem(
            f"invisible control character U+{exc.character:04X} in the file", where,
            "delete it; it usually comes from text copied out of another program",
        )) from None
    except yaml.YAMLError as exc:
        raise DocgenError(Problem(f"not valid YAML: {exc}", Location(shown, 1, 1))) from None
    finally:
        if loader is not None:
            loader.dispose()


def is_null(node: Node) -> bool:
    """Return True for an empty plain value (``key:`` with nothing after it)."""
    return isinstance(node, ScalarNode) and node.style is None and node.value == ""


__all__ = ["MappingNode", "Node", "ScalarNode", "SequenceNode", "is_null", "location", "parse",
           "read_text"]
