"""Inline markup: ``*italic*``, ``**bold**`` and ``[label](url)``; everything else is literal text.

The parser never fails: markup that does not close (a lone ``*``, ``[and]`` with no link after it)
stays in the text exactly as typed. A backslash before ``*``, ``[``, ``]`` or ``\\`` keeps that
character literal. Links are checked by the caller through ``on_link``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from docgen.model import Span, Text, merge_spans

ALLOWED_SCHEMES = ("http", "https", "mailto")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)")
_ESCAPABLE = "*[]\\"
_SPECIAL = "*[\\"  # the characters _parse acts on

LinkCheck = Callable[[str], str | None]


def parse_inline(source: str, on_link: LinkCheck | None = None) -> Text:
    """Return the styled runs of ``source``; ``on_link(url)`` returns an error message or None."""
    spans: list[Span] = []
    _parse(source, False, False, on_link, spans)
    return Text(merge_spans(s for s in spans if s.text))


def link_problem(url: str) -> str | None:
    """Return why ``url`` is not an acceptable link target, or None when it is."""
    scheme, sep, rest = url.partition(":")
    if not sep or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme):
        return f"the link '{url}' has no scheme; write it in full, e.g. https://example.com"
    if scheme.lower() not in ALLOWED_SCHEMES:
        return f"links to '{scheme}:' are not allowed; use an http, https or mailto link"
    if scheme.lower() in ("http", "https") and not re.match(r"//[^/\s?#]+", rest):
        return f"the link '{url}' has no host name after '{scheme}://'"
    if scheme.lower() == "mailto" and "@" not in rest:
        return f"the mail link '{url}' has no address"
    return None


def _parse(
    s: str, bold: bool, italic: bool, on_link: LinkCheck | None, out: list[Span]
) -> None:
    if not any(c in s for c in _SPECIAL):  # plain text, the usual case: one run, no scanning
        if s:
            out.append(Span(s, bold, italic))
        return
    buf: list[str] = []
    i, n = 0, len(s)

    def flush() -> None:
        if buf:
            out.append(Span("".join(buf), bold, italic))
            buf.clear()

    while i < n:
        c = s[i]
        if c == "\\" and i + 1 < n and s[i + 1] in _ESCAPABLE:
            buf.append(s[i + 1])
            i += 2
            continue
        if c == "*":
            double = s.startswith("**", i) and not bold
            marker = "**" if double else "*"
            if marker == "*" and s.startswith("**", i):
                buf.append("**")  # "**" inside bold text: literal
                i += 2
                continue
            end = _closing(s, i + len(marker), marker) if not (italic and marker == "*") else -1
            if end > 0:
                flush()
                inner = s[i + len(marker) : end]
                _parse(inner, bold or double, italic or not double, on_link, out)
                i = end + len(marker)
                continue
        if c == "[":
            m = _LINK.match(s, i)
            if m:
                url = m.group(2)
                if on_link is None or on_link(url) is None:
                    flush()
                    label: list[Span] = []
                    _parse(m.group(1), bold, italic, None, label)
                    out.extend(Span(sp.text, sp.bold, sp.italic, url) for sp in label)
                    i = m.end()
                    continue
        buf.append(c)
        i += 1
    flush()


def _closing(s: str, start: int, marker: str) -> int:
    """Return where ``marker`` closes an emphasis opened just before ``start``, or -1."""
    if start >= len(s) or s[start].isspace():
        return -1
    j = start
    while True:
        j = s.find("*", j)
        if j < 0:
            return -1
        closes = not s[j - 1].isspace() and s[j - 1] != "\\"
        if s.startswith("**", j):
            if marker == "**":
                if closes:
                    return j + 1 if s.startswith("***", j) else j
                j += 2
                continue
            k = _closing(s, j + 2, "**")  # an italic run may hold a bold one
            j = k + 2 if k >= 0 else j + 2
            continue
        if marker == "*" and closes and j > start:
            return j
        j += 1
