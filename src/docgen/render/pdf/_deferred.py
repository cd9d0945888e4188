"""Import reportlab's platypus without compiling two regular expressions docgen never uses.

At import, ``reportlab.platypus.paragraph`` compiles a case-insensitive URL pattern over the whole
Basic Multilingual Plane (``uri_pat``, used only with ``ParagraphStyle.uriWasteReduce``, which
docgen never sets) and ``reportlab.lib.textsplit`` one over the CJK ranges: 50-75 ms, a tenth of a
cold build. While platypus is imported, exactly those two patterns (recognised by their text and
flags) become objects that compile on first use; every other pattern compiles as usual, and
``re.compile`` is restored before this returns. If reportlab changes either pattern, nothing is
deferred and nothing breaks.
"""

from __future__ import annotations

import re
import sys
from typing import Any

#: (start of the pattern, flags) of the patterns to compile on first use.
DEFERRED = (
    ("(^(?:[a-z0-9\\.\\-\\+]*)://)", re.IGNORECASE),  # reportlab.platypus.paragraph.uri_pat
    ("([\u2e80-\uffff])", re.UNICODE),  # reportlab.lib.textsplit.rx
)


class Deferred:
    """A compiled pattern made on first use: ``.match``, ``.sub`` ... behave as the real one's."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = _compile(*self._args)
        return getattr(self._compiled, name)


_compile = re.compile


def _compile_or_defer(pattern: Any, flags: int = 0) -> Any:
    if isinstance(pattern, str) and any(
            pattern.startswith(start) and flags == want for start, want in DEFERRED):
        return Deferred(pattern, flags)
    return _compile(pattern, flags)


def import_platypus() -> None:
    """Import ``reportlab.platypus`` (once) with the two patterns deferred."""
    if "reportlab.platypus" in sys.modules:
        return
    re.compile = _compile_or_defer  # type: ignore[assignment]
    try:
        import reportlab.platypus  # noqa: F401
    finally:
        re.compile = _compile
