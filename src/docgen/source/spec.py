"""Declarative field specs: one definition both validates YAML nodes and generates the JSON Schema.

Each spec reads a node, records every problem it finds in the context's report (with the node's
line and column), and returns a value or :data:`INVALID`. Nothing stops at the first problem, so a
marketer sees all of them in one run.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.errors import Location, Report
from docgen.model import Text
from docgen.source.inline import link_problem, parse_inline
from docgen.source.lint import double_quoted, shorten
from docgen.source.yamlsafe import MappingNode, Node, ScalarNode, SequenceNode, is_null, location

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

MAX_TEXT_CHARS = 500_000
INVALID: Any = type("Invalid", (), {"__repr__": lambda self: "INVALID", "__bool__": lambda s: False})()


class Context:
    """What a spec needs while reading: where problems go and where assets may live.

    The specs are plain classes, not dataclasses: they are made at import, which every `check` pays
    for (docs/performance.md).
    """

    def __init__(self, shown: str, report: Report, root: Path, base: Path) -> None:
        self.shown = shown  # the source path as shown in messages
        self.report = report
        self.root = root  # the article's folder: every asset must resolve inside it
        self.base = base  # the folder relative paths start from (the article's or the brand's)
        self.unused: list[tuple[str, Location]] = []  # keys read but not used (``docgen brand``)
        self.notes: list[str] = []  # what the brand resolved to, and why (``docgen brand``)

    def loc(self, node: Node) -> Location:
        return location(self.shown, node)

    def error(self, node: Node, message: str, hint: str = "") -> Any:
        self.report.error(message, self.loc(node), hint)
        return INVALID


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SequenceNode):
        return "a list"
    return "text"


class Spec:
    """Base of all specs; ``description`` goes into the JSON Schema for editor tooltips."""

    description: str = ""

    def __init__(self, description: str = "") -> None:
        if description:  # else the class's own description stays
            self.description = description

    def read(self, node: Node, ctx: Context) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _described(self, schema: dict[str, Any]) -> dict[str, Any]:
        if self.description:
            schema["description"] = self.description
        return schema


def check_text(value: str, node: Node, ctx: Context, what: str = "text") -> str | Any:
    """Return ``value`` NFC-normalised and stripped, or report control characters and emptiness."""
    value = unicodedata.normalize("NFC", value)
    # Every character the loop below refuses is unprintable: most texts skip it (it is slow).
    printable = value.replace("\n", " ").replace("\t", " ").isprintable()
    for i, ch in enumerate(() if printable else value):
        code = ord(ch)
        bad = (unicodedata.category(ch) == "Cc" and ch not in "\n\t") or 0xD800 <= code <= 0xDFFF
        if bad or code in (0xFFFE, 0xFFFF):
            start = node.start_mark
            before = value[:i]
            line = start.line + 1 + before.count("\n")
            col = (i - before.rfind("\n")) if "\n" in before else start.column + 1 + i
            ctx.report.error(
                f"invisible control character U+{code:04X} in the {what}",
                Location(ctx.shown, line, col),
                "delete it; it usually comes from text copied out of another program",
            )
            return INVALID
    value = value.strip()
    if not value:
        if getattr(node, "dropped", False):
            return INVALID  # a '#' comment took the text: reported where the text was read
        return ctx.error(node, f"the {what} is empty", "write some text or remove the line")
    if len(value) > MAX_TEXT_CHARS:
        return ctx.error(
            node, f"the {what} is {len(value):,} characters long; the limit is {MAX_TEXT_CHARS:,}"
        )
    return value


def _key_and_value(node: Node) -> str | None:
    """Return ``Top: solid oak`` when a text was read as a one-line ``key: value``, else None."""
    if not isinstance(node, MappingNode) or len(node.value) != 1:
        return None
    key, value = node.value[0]
    if not (isinstance(key, ScalarNode) and isinstance(value, ScalarNode)) or value.style \
            or key.start_mark.line != value.end_mark.line:
        return None
    return f"{key.value}: {value.value}".rstrip()


def _bounded_text(node: Node, ctx: Context, max_len: int, hint: str = "") -> Any:
    """Return the checked text of a scalar no longer than ``max_len``, or INVALID (reported)."""
    if not isinstance(node, ScalarNode):
        typed = _key_and_value(node)
        if typed is not None:
            return ctx.error(
                node, f"'{shorten(typed)}' was read as a key and a value because of the ': '",
                f"put the whole text in double quotes: {double_quoted(typed)}")
        return ctx.error(node, f"expected text, found {_kind(node)}")
    value = check_text(node.value, node, ctx)
    if value is INVALID:
        return INVALID
    if len(value) > max_len:
        return ctx.error(node, f"too long ({len(value)} characters; at most {max_len})", hint)
    return value


class Str(Spec):
    def __init__(self, description: str = "", pattern: str | None = None, pattern_hint: str = "",
                 max_len: int = MAX_TEXT_CHARS) -> None:
        super().__init__(description)
        self.pattern, self.pattern_hint, self.max_len = pattern, pattern_hint, max_len

    def read(self, node: Node, ctx: Context) -> Any:
        value = _bounded_text(node, ctx, self.max_len)
        if value is INVALID:
            return INVALID
        if self.pattern and not re.fullmatch(self.pattern, value):
            return ctx.error(node, f"'{value}' is not valid here", self.pattern_hint)
        return value

    def schema(self) -> dict[str, Any]:
        s: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.pattern:
            s["pattern"] = f"^(?:{self.pattern})$"
        return self._described(s)


class Inline(Spec):
    """Text with ``*italic*``, ``**bold**`` and ``[label](url)``; links are checked here.

    ``item`` marks a list item: a plain text running on to the next line is then most likely a
    missing ``- ``, and is reported (YAML would join the two lines without a word).
    """

    def __init__(self, description: str = "", max_len: int = MAX_TEXT_CHARS, too_long: str = "",
                 item: bool = False) -> None:
        super().__init__(description)
        self.max_len, self.too_long, self.item = max_len, too_long, item

    def read(self, node: Node, ctx: Context) -> Any:
        value = _bounded_text(node, ctx, self.max_len, self.too_long)
        if value is INVALID:
            return INVALID
        folded = getattr(node, "folded_at", None) if self.item else None
        if folded:
            ctx.report.warn(
                f"this line is joined to the list item above: '{shorten(value, 60)}'",
                Location(ctx.shown, folded[0] + 1, folded[1] + 1),
                "if it is a new item, start it with '- '; if it is one long item, write it on "
                "one line (or write '- >-' and the text on the lines below)")
        bad: list[str] = []

        def on_link(url: str) -> str | None:
            problem = link_problem(url)
            if problem:
                bad.append(problem)
            return problem

        text: Text = parse_inline(value, on_link)
        for problem in bad:
            ctx.error(node, problem, "docgen accepts only http, https and mailto links")
        return INVALID if bad else text

    def schema(self) -> dict[str, Any]:
        s: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.max_len < MAX_TEXT_CHARS:
            s["maxLength"] = self.max_len
        return self._described(s)


class Url(Spec):
    def read(self, node: Node, ctx: Context) -> Any:
        value = Str().read(node, ctx)
        if value is INVALID:
            return INVALID
        problem = link_problem(value)
        return ctx.error(node, problem) if problem else value

    def schema(self) -> dict[str, Any]:
        return self._described(
            {"type": "string", "pattern": "^(https?://[^\\s/?#]+|mailto:[^\\s@]+@)\\S*$"}
        )


class Date(Spec):
    def read(self, node: Node, ctx: Context) -> Any:
        value = Str().read(node, ctx)
        if value is INVALID:
            return INVALID
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return ctx.error(node, f"'{value}' is not a date", "write it as YYYY-MM-DD, e.g. 2026-03-31")
        import datetime  # only for articles with a date

        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return ctx.error(node, f"{value} is not a day of the calendar", "check the month and day")

    def schema(self) -> dict[str, Any]:
        return self._described({"type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"})


_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}


class Bool(Spec):
    def read(self, node: Node, ctx: Context) -> Any:
        value = node.value.strip().lower() if isinstance(node, ScalarNode) else None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        return ctx.error(node, "expected true or false")

    def schema(self) -> dict[str, Any]:
        return self._described({"type": "boolean"})


class ListOf(Spec):
    def __init__(self, item: Spec, description: str = "", min_items: int = 0,
                 max_items: int = 100_000) -> None:
        super().__init__(description)
        self.item, self.min_items, self.max_items = item, min_items, max_items

    def read(self, node: Node, ctx: Context) -> Any:
        if not isinstance(node, SequenceNode):
            hint = "start each item on its own line with '- '"
            return ctx.error(node, f"expected a list, found {_kind(node)}", hint)
        if len(node.value) < self.min_items:
            return ctx.error(node, "the list is empty", "add at least one '- ' item or remove the key")
        if len(node.value) > self.max_items:
            return ctx.error(node, f"the list has {len(node.value)} items; at most {self.max_items}")
        values = [self.item.read(child, ctx) for child in node.value]
        return INVALID if any(v is INVALID for v in values) else tuple(values)

    def schema(self) -> dict[str, Any]:
        s: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            s["minItems"] = self.min_items
        return self._described(s)


def mapping_items(node: MappingNode, ctx: Context) -> list[tuple[str, ScalarNode, Node]] | Any:
    """Return (key, key node, value node) triples; duplicate or non-text keys are errors."""
    seen: dict[str, ScalarNode] = {}
    items: list[tuple[str, ScalarNode, Node]] = []
    ok = True
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            ctx.error(key_node, "a key must be plain text")
            ok = False
            continue
        key = key_node.value
        if key in seen:
            first = ctx.loc(seen[key])
            ctx.error(
                key_node, f"'{key}' is given twice (first on line {first.line})",
                "keep one of them; YAML would silently use only the last",
            )
            ok = False
            continue
        seen[key] = key_node
        items.append((key, key_node, value_node))
    return items if ok else INVALID


class Field:
    """One key of a :class:`Record`: its spec, whether it must be there, and the hint if not."""

    def __init__(self, name: str, spec: Spec, required: bool = False, hint: str = "") -> None:
        self.name, self.spec, self.required, self.hint = name, spec, required, hint


class Record(Spec):
    """A mapping with known keys; ``build`` turns the read values into a model object."""

    def __init__(self, what: str, fields: Sequence[Field],
                 build: Callable[[dict[str, Any], Node], Any] = lambda values, node: values,
                 description: str = "", ignore_unknown: bool = False,
                 unknown: str = "") -> None:
        super().__init__(description)
        self.what, self.fields, self.build = what, fields, build
        # error (a typo loses content), warn (maybe misspelt), note (listed as unused) or ignore
        self.unknown = unknown or ("ignore" if ignore_unknown else "error")
        self.ignore_unknown = self.unknown != "error"
        self._by_name = {f.name: f for f in fields}

    def read(self, node: Node, ctx: Context) -> Any:
        if not isinstance(node, MappingNode):
            return ctx.error(node, f"{self.what} must be a mapping (key: value lines), found {_kind(node)}")
        items = mapping_items(node, ctx)
        if items is INVALID:
            return INVALID
        values: dict[str, Any] = {}
        reported: set[str] = set()
        ok = True
        for key, key_node, value_node in items:
            spec_field = self._by_name.get(key)
            if spec_field is None:
                if self.unknown == "error":
                    hint = suggest(key, self._by_name)
                    ctx.error(key_node, f"unknown key '{key}' in {self.what}", hint)
                    ok = False
                elif self.unknown != "ignore":
                    if self.unknown == "warn":
                        ctx.report.warn(f"'{key}' is not a key of {self.what}; docgen ignores it",
                                        ctx.loc(key_node), suggest(key, self._by_name))
                    ctx.unused.append((f"{self.what} {key}", ctx.loc(key_node)))
                continue
            if is_null(value_node):
                if spec_field.required:
                    ctx.error(value_node, f"'{key}' is empty", spec_field.hint)
                    reported.add(key)
                    ok = False
                continue
            values[key] = spec_field.spec.read(value_node, ctx)
            ok = ok and values[key] is not INVALID
        for spec_field in self.fields:
            name = spec_field.name
            if spec_field.required and name not in values and name not in reported:
                ctx.error(
                    node, f"{self.what} is missing '{name}'",
                    spec_field.hint or f"add a line '{name}: ...'",
                )
                ok = False
        return self.build(values, node) if ok else INVALID

    def schema(self) -> dict[str, Any]:
        s: dict[str, Any] = {
            "type": "object",
            "properties": {f.name: f.spec.schema() for f in self.fields},
            "additionalProperties": self.ignore_unknown,
        }
        if self.unknown in ("warn", "note"):  # allowed: other tools' keys
            s.pop("additionalProperties")
        required = [f.name for f in self.fields if f.required]
        if required:
            s["required"] = required
        return self._described(s)


def suggest(key: str, known: Sequence[str] | dict[str, Any]) -> str:
    """Return "did you mean ...?" for a mistyped key, or the list of valid keys."""
    names = list(known)
    import difflib  # only for a misspelt key: keeps `check` start-up short

    close = difflib.get_close_matches(key, names, n=1, cutoff=0.75)
    if close:
        return f"did you mean '{close[0]}'?"
    return "valid keys: " + ", ".join(names)
