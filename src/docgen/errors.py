"""Problems with a location, collected and reported together (as MkDocs and Pelican do).

Library code never prints or exits: it raises :class:`DocgenError` carrying every problem it found, and
the command line turns that into ``file:line:col: error: message`` lines and an exit code.
"""

from __future__ import annotations

from operator import attrgetter
from pathlib import Path

TYPE_CHECKING = False  # not typing's: importing typing costs ~6 ms of every start-up (type checkers
if TYPE_CHECKING:  # treat this name as true)
    from typing import Any, Literal

    Severity = Literal["error", "warning"]


class FrozenValue:
    """Base of small immutable values: equality, hash, repr and pickling by fields, as a frozen
    dataclass gives, without importing dataclasses (with inspect, ast and dis: ~12 ms of start-up,
    which an up-to-date build must not pay). Subclasses list their fields, in the constructor's
    order, in ``__match_args__`` (as a dataclass does) and use them as ``__slots__``. The model's
    frozen dataclasses take equality, hash and repr from here too (see :mod:`docgen.model`)."""

    __slots__ = ()
    __match_args__: tuple[str, ...] = ()

    @staticmethod
    def _values(value: Any) -> tuple[Any, ...]:
        """Return the field values (each subclass gets a C getter instead, see below)."""
        return tuple(getattr(value, name) for name in value.__match_args__)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Per class, closures over a C field getter: hashing a value (a cache key in the
        # renderers) costs what a dataclass's generated methods cost, without compiling them.
        super().__init_subclass__(**kwargs)
        names = cls.__dict__.get("__match_args__")  # a dataclass sets it, then remakes the class
        if not names:
            return
        get = attrgetter(*names)
        values = get if len(names) > 1 else lambda value: (get(value),)

        def __eq__(self: FrozenValue, other: object) -> bool:
            return values(self) == values(other) if other.__class__ is self.__class__ \
                else NotImplemented

        def __hash__(self: FrozenValue) -> int:
            return hash(values(self))

        cls._values = staticmethod(values)  # type: ignore[assignment]
        cls.__eq__ = __eq__  # type: ignore[method-assign,assignment]
        cls.__hash__ = __hash__  # type: ignore[method-assign,assignment]

    def __repr__(self) -> str:
        pairs = zip(self.__match_args__, self._values(self), strict=True)
        return f"{type(self).__qualname__}({', '.join(f'{k}={v!r}' for k, v in pairs)})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return self.__class__, self._values(self)


class Location(FrozenValue):
    """A place in a source file; line and column count from 1, 0 means unknown."""

    __match_args__ = ("path", "line", "column")
    __slots__ = __match_args__
    path: str
    line: int
    column: int

    def __init__(self, path: str, line: int = 0, column: int = 0) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "column", column)

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        if self.column <= 0:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


class Problem(FrozenValue):
    """One thing wrong (or worth a warning), where it is, and how to fix it."""

    __match_args__ = ("message", "location", "hint", "severity")
    __slots__ = __match_args__
    message: str
    location: Location | None
    hint: str
    severity: Severity

    def __init__(self, message: str, location: Location | None = None, hint: str = "",
                 severity: Severity = "error") -> None:
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "location", location)
        object.__setattr__(self, "hint", hint)
        object.__setattr__(self, "severity", severity)

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        text = f"{where}{self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class DocgenError(Exception):
    """The one exception type that docgen's library raises for bad input or a failed build."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Report:
    """Collects problems during one pass so all of them can be reported, then fail once."""

    def __init__(self, problems: list[Problem] | None = None) -> None:
        self.problems: list[Problem] = [] if problems is None else problems

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.problems == other.problems  # type: ignore[attr-defined, no-any-return]

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it was

    def __repr__(self) -> str:
        return f"Report(problems={self.problems!r})"

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
