"""The inline token stream's last steps: neighbouring text joined, bare addresses made links
(linkify-it, as markdown-it's core rule), and styled runs out."""

from __future__ import annotations

from collections.abc import Callable

from docgen.model import Span
from docgen.source import links

LinkCheck = Callable[[str], str | None]


def join(tokens: list[list[str]]) -> list[list[str]]:
    """Merge neighbouring text tokens (markdown-it's fragments_join)."""
    out: list[list[str]] = []
    for token in tokens:
        if token[0] == "text" and out and out[-1][0] == "text":
            out[-1] = ["text", out[-1][1] + token[1]]
        else:
            out.append(token)
    return out


def linkify(tokens: list[list[str]], on_link: LinkCheck | None) -> list[list[str]]:
    """Make links of bare ``https://…`` and ``mailto:…`` addresses left in the text runs.

    Walks back from the end as markdown-it's core rule does: a link's content is skipped back
    to the nearest link start (so text before a link nested in a link's label is still read).
    """
    finder = links.linkifier()
    out: list[list[list[str]]] = []  # pieces, last first
    i = len(tokens)
    while i > 0:
        i -= 1
        kind, content = tokens[i]
        if kind == "link_close":
            j = i - 1
            while j > 0 and tokens[j][0] != "link_open":
                j -= 1
            out.append(tokens[j:i + 1])
            i = j
            continue
        if kind != "text" or not finder.test(content):
            out.append([tokens[i]])
            continue
        found = finder.match(content) or []
        if found and found[0].index == 0 and i > 0 and tokens[i - 1][0] == "special":
            found = found[1:]  # http\://… stays text
        pieces: list[list[str]] = []
        last = 0
        for match in found:
            href = links.encode_url(match.url)
            if on_link is not None and on_link(href):
                continue
            if match.index > last:
                pieces.append(["text", content[last:match.index]])
            pieces += [["link_open", href], ["text", links.shown_url(match.text)],
                       ["link_close", ""]]
            last = match.last_index
        if last < len(content):
            pieces.append(["text", content[last:]])
        out.append(pieces)
    return [token for piece in reversed(out) for token in piece]


def spans(tokens: list[list[str]]) -> list[Span]:
    """Return the tokens as runs of one style each, neighbours of one style merged."""
    spans: list[Span] = []
    bold = italic = 0
    href: str | None = None
    for kind, content in tokens:
        if kind in ("text", "special", "code", "br"):
            text = "\n" if kind == "br" else content
            if not text:
                continue
            span = Span(text, bold > 0, italic > 0, href, kind == "code")
            last = spans[-1] if spans else None
            if last and (last.bold, last.italic, last.href, last.code) == \
                    (span.bold, span.italic, span.href, span.code):
                spans[-1] = Span(last.text + text, span.bold, span.italic, href, span.code)
            else:
                spans.append(span)
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "link_open":
            href = content
        elif kind == "link_close":
            href = None
    return spans
