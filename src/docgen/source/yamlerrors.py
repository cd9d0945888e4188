"""The YAML parser's errors in a marketer's words, each with the fix to type.

libyaml says "did not find expected alphabetic or numeric character" where a marketer typed
``- **Bold** start``; these functions look at the line the error is on and say what happened
("YAML cannot read text that starts with '*'") and what to write instead, at the column where
the mistake is (an unclosed quote where it opened, not where the parser gave up).
"""

from __future__ import annotations

import re

import yaml

from docgen.errors import Location, Problem
from docgen.source.lint import double_quoted, shorten, source_lines

_VALUE = re.compile(r"(?P<lead>[ \t]*(?:-[ \t]+)*(?:[^\s\"'#&*!|>%@`{\[\-?][^:#]*?:[ \t]+)?)"
                    r"(?P<value>\S.*?)[ \t]*$")
_STRUCTURE = re.compile(r"\n[ \t]*(?:-[ \t]|[A-Za-z_][\w -]*:(?:[ \t]|$))")
_CURLY = "“‘„«”’‚"
_WHY = {
    "*": "a leading '*' refers to a YAML anchor",
    "&": "a leading '&' names a YAML anchor",
    "!": "a leading '!' is a YAML type tag",
    "[": "a leading '[' starts a YAML list",
    "{": "a leading '{' starts a YAML mapping",
    "|": "a leading '|' starts a YAML block of lines",
    ">": "a leading '>' starts a YAML block of folded lines",
    "%": "a leading '%' is a YAML directive",
    "@": "YAML reserves '@' at the start of a text",
    "`": "YAML reserves '`' at the start of a text",
}


def value_on_line(text: str, line: int) -> tuple[str, int, str] | None:
    """Return (what precedes the value, its column, the value) on a 0-based line, or None."""
    lines = source_lines(text)
    if line >= len(lines):
        return None
    m = _VALUE.match(lines[line].rstrip("\r"))
    if not m:
        return None
    return m.group("lead"), m.end("lead"), m.group("value")


def bad_start(text: str, line: int, shown: str) -> Problem | None:
    """Return the plain-words problem for a value that starts with a YAML indicator, or None."""
    found = value_on_line(text, line)
    if found is None:
        return None
    lead, column, value = found
    first = value[0]
    where = Location(shown, line + 1, column + 1)
    fix = f"{lead.strip()} {double_quoted(value)}".strip()
    if first in _WHY:
        why = _WHY[first]
        if first == "*" and len(value) > 1 and not value[1].isspace():
            why += " (Markdown *italic* or **bold** at the start needs quotes)"
        elif first == "[" and "](" in value:
            why += " (a Markdown link at the start needs quotes)"
        elif first == ">":
            why += " (for a quotation, use a 'quote:' block)"
        return Problem(f"YAML cannot read text that starts with '{first}': {why}", where,
                       f"put the whole text in double quotes: {fix}")
    if first in "\"'" and not value.endswith(first):
        inner = value.replace('"', "“", 1).replace('"', "”", 1) if first == '"' else value
        return Problem(
            f"a text that starts with a quote mark must end with it: YAML took {shorten(value, 30)!r} "
            "for a quoted text followed by more text", where,
            f"put the whole text in double quotes and use curly quotes inside: "
            f"{lead.strip()} {double_quoted(inner)}".strip(),
        )
    return None


def unclosed_quote(text: str, before: int, shown: str) -> Problem | None:
    """Return where a quote that swallowed the following lines opened, or None.

    A missing closing quote on line 3 makes YAML read on to the next quote mark, often dozens of
    lines later, and fail there. The quoted text that spans lines looking like keys or items is
    the culprit.
    """
    from yaml.cyaml import CParser

    scanner = CParser(text)
    culprit = None
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if token.start_mark.index >= before:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") \
                    and token.start_mark.line != token.end_mark.line \
                    and _STRUCTURE.search(text, token.start_mark.index, token.end_mark.index):
                culprit = token
    except yaml.YAMLError:
        pass
    finally:
        scanner.dispose()
    if culprit is None:
        return None
    mark = culprit.start_mark
    return Problem(
        f"a quote opened here is never closed: YAML reads on to the quote mark on line "
        f"{culprit.end_mark.line + 1}", Location(shown, mark.line + 1, mark.column + 1),
        "add the closing quote mark at the end of the text",
    )


def mapping_in_text(text: str, mark: yaml.Mark, shown: str) -> Problem:
    """A ': ' inside a value: quotes are the fix, unless the value is indented like a new key."""
    lines = source_lines(text)
    line = lines[mark.line] if mark.line < len(lines) else ""
    before = line[: mark.column]
    found = value_on_line(text, mark.line)
    where = Location(shown, mark.line + 1, mark.column + 1)
    if found is None or ": " not in before:
        key = before.strip()
        return Problem(
            f"'{key}:' is indented deeper than the line above, so YAML cannot tell what it belongs "
            "to", where, "start it in the same column as the key it sits beside, or, if it is "
            "text, join it to the line above")
    lead, _, value = found
    if value[0] in _CURLY:
        straight = value.strip(_CURLY)
        return Problem(
            "the ': ' inside this text splits it: YAML reads only straight quotes (\" or ') as "
            "quote marks, not “ ”", where,
            f"type straight double quotes around it: {lead.strip()} {double_quoted(straight)}")
    return Problem("a ': ' (colon and space) inside unquoted text makes YAML read a key", where,
                   f"put the whole text in double quotes: {lead.strip()} {double_quoted(value)}")


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    if mark is None:
        return ""
    lines = source_lines(text)
    if mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def explain(exc: yaml.MarkedYAMLError, shown: str, text: str) -> Problem:
    """Translate the YAML parser's wording (libyaml's or PyYAML's) into what a marketer can act on."""
    from docgen.source.yamlsafe import location

    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    where = location(shown, mark)
    if "\\t" in problem or "tab" in problem or _char_at(text, exc.problem_mark) == "\t":
        return Problem(
            "a tab character is used for indentation", where,
            hint="YAML indents with spaces only; replace the tab with spaces",
        )
    if "quoted scalar" in context and "end of stream" in problem:
        return Problem(
            "a quote opened here is never closed", location(shown, exc.context_mark),
            hint="add the closing quote mark at the end of the text",
        )
    if "expected a single document" in context or "but found another document" in problem:
        return Problem(
            "the file holds more than one YAML document ('---')", where,
            hint="keep one article per file; remove the second '---' and what follows it",
        )
    if "escape" in problem and ("unicode" in problem.lower() or "invalid" in problem):
        return Problem(
            "an escape code (such as \\uD800) in quoted text is not a valid character", where,
            hint="remove the backslash code or write the character itself",
        )
    if "maximum nesting depth" in problem:  # libyaml's own limit (PyYAML 6.0.4), past ours
        from docgen.source.yamlsafe import MAX_DEPTH

        return Problem(
            f"nesting is deeper than {MAX_DEPTH} levels", where,
            hint="an article needs only a few levels; check the indentation",
        )
    if "special characters are not allowed" in problem or "control characters" in problem:
        return Problem(
            f"the file contains an invisible control character ({problem})", where,
            hint="delete it; it often comes from copying text out of another program",
        )
    if mark is not None:
        quote = unclosed_quote(text, mark.index, shown)
        if quote is not None:
            return quote
        scanning = exc.context_mark if context.startswith("while scanning") else None
        start = bad_start(text, (scanning or mark).line, shown)
        if start is not None:
            return start
    if "mapping values are not allowed" in problem and mark is not None:
        return mapping_in_text(text, mark, shown)
    if "expected <block end>" in problem or "could not find expected ':'" in problem:
        return Problem(
            f"the structure is broken here ({problem})", where,
            hint="check the indentation (spaces only, the same depth for siblings) and that every "
            "key ends with ': '",
        )
    text = problem or context or "not valid YAML"
    return Problem(f"not valid YAML: {text}", where, hint="check the indentation and the quotes")
