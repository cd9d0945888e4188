"""Problems with a location, collected and reported together (as MkDocs and Pelican do).

Library code never prints or exits: it raises :class:`DocgenError` carrying every problem it found, and
the command line turns that into ``file:line:col: error: message`` lines and an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a source file; line and column count from 1, 0 means unknown."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        if self.column <= 0:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth a warning), where it is, and how to fix it."""

    message: str
    location: Location | None = None
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        """Return the problem as one line, with every control character escaped (see
        :func:`escape`): messages quote keys, values and names from inputs."""
        where = f"{self.location}: " if self.location else ""
        text = f"{where}{self.severity}: {self.message}"
        return escape(f"{text} ({self.hint})" if self.hint else text)


#: Characters shown as escapes: C0 and C1 controls (a terminal obeys ESC sequences; a newline lets a
#: value forge a line such as GitHub's ``::error::``), line and paragraph separators, and the bidi
#: overrides and isolates that reorder what a reader sees.
_ESCAPES = {c: {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(chr(c), f"\\x{c:02x}")
            for c in (*range(0x20), *range(0x7F, 0xA0))}
_ESCAPES |= {c: f"\\u{c:04x}" for c in (0x61C, 0x200E, 0x200F, 0x2028, 0x2029,
                                        *range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def escape(text: str) -> str:
    """Return ``text`` safe to print on one terminal line: control characters as ``\\x1b``,
    ``\\n``, ``\\u202e``; everything else (accents, CJK, emoji) as it is."""
    return text.translate(_ESCAPES)


class DocgenError(Exception):
    """The one exception type that docgen's library raises for bad input or a failed build."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Report:
    """Collects problems during one pass so all of them can be reported, then fail once."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, message: str, location: Location | None = None, hint: str = "") -> None:
        self.problems.append(Problem(message, location, hint, "error"))

    def warn(self, message: str, location: Location | None = None, hint: str = "") -> None:
        self.problems.append(Problem(message, location, hint, "warning"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def raise_if_errors(self) -> None:
        """Raise every problem (warnings included, for context) when at least one is an error."""
        if self.errors:
            raise DocgenError(sorted(self.problems, key=_order))


def _order(problem: Problem) -> tuple[str, int, int]:
    loc = problem.location
    return (loc.path, loc.line, loc.column) if loc else ("", 0, 0)


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working directory when it is below it, as editors like."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
