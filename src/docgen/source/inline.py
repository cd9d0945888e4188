"""Inline Markdown as CommonMark reads it: emphasis and strong, links (with titles, ``<…>``
targets and autolinks), bare ``https://`` addresses, backslash escapes and code spans.

The rules are markdown-it's (the CommonMark reference docgen's property tests compare against),
written for the few constructs docgen supports; everything else (HTML, images, entities outside
links) is literal text. A hand parser rather than markdown-it itself: importing markdown-it
costs ~30 ms and linkify-it ~15 ms more, a third of ``docgen check`` (docs/source-format.md).
The parser never fails: markup that does not close stays in the text as typed. Link targets are
checked by the caller through ``on_link``: a link it refuses stays text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from docgen.model import Span, Text
from docgen.source import links
from docgen.source.links import link_problem

__all__ = ["link_problem", "parse_inline"]

LinkCheck = Callable[[str], str | None]
_SPECIAL = frozenset("*_[]\\`<:")  # a text with none of these is one plain run
_TERMINATORS = frozenset("\n!#$%&*+-:<=>@[\\]^_`{}~")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_WHITESPACE = frozenset("\t\n\x0b\x0c\r \xa0\u1680\u202f\u205f\u3000") | frozenset(
    chr(c) for c in range(0x2000, 0x200B))
_MAX_NESTING = 20


def parse_inline(source: str, on_link: LinkCheck | None = None) -> Text:
    """Return the styled runs of ``source``; ``on_link(url)`` returns an error message or None."""
    if not any(c in _SPECIAL for c in source):  # plain text, the usual case: no scanning
        return Text((Span(source),) if source else ())
    state = _State(source, on_link)
    state.tokenize()
    for delims in state.all_delims:
        _pair(delims)
    for delims in state.all_delims:
        _emphasis(state.tokens, delims)
    tokens = _join(state.tokens)
    if links.MAY_HAVE_BARE_URL.search(source) and links.linkifier().pretest(source):
        tokens = _linkify(tokens, on_link)
    return Text(tuple(_spans(tokens)))


class _Delim:
    __slots__ = ("close", "end", "length", "marker", "open", "token")

    def __init__(self, marker: str, length: int, token: int, can_open: bool, can_close: bool):
        self.marker, self.length, self.token, self.end = marker, length, token, -1
        self.open, self.close = can_open, can_close


class _State:
    """What markdown-it's StateInline holds, for docgen's rules only."""

    def __init__(self, src: str, on_link: LinkCheck | None) -> None:
        self.src, self.pos, self.max = src, 0, len(src)
        self.on_link = on_link
        self.tokens: list[list[str]] = []  # [type, content]: text, special, code, br, open/close
        self.pending = ""
        self.delims: list[_Delim] = []
        self.all_delims = [self.delims]
        self.saved: list[list[_Delim]] = []
        self.cache: dict[int, int] = {}
        self.level = self.link_level = 0
        self.last_runs: dict[int, int] | None = None
        self.refused: dict[str, bool] = {}
        self.rules = (self.text, self.linkify, self.escape, self.backticks, self.emphasis,
                      self.link, self.autolink)

    def refuses(self, href: str) -> bool:
        """Ask ``on_link`` once per target (label searches try the same link again)."""
        if self.on_link is None:
            return False
        if href not in self.refused:
            self.refused[href] = self.on_link(href) is not None
        return self.refused[href]

    # -- the token stream ------------------------------------------------------------------
    def push(self, kind: str, content: str = "", nesting: int = 0) -> None:
        if self.pending:
            self.tokens.append(["text", self.pending])
            self.pending = ""
        if nesting < 0:
            self.level -= 1
            self.delims = self.saved.pop()
        if nesting > 0:  # emphasis never pairs across a link's edge: a list of its own inside
            self.level += 1
            self.saved.append(self.delims)
            self.delims = []
            self.all_delims.append(self.delims)
        self.tokens.append([kind, content])

    def tokenize(self) -> None:
        end = self.max
        while self.pos < end:
            ok = False
            if self.level < _MAX_NESTING:
                for rule in self.rules:
                    if rule(False):
                        ok = True
                        break
            if ok:
                if self.pos >= end:
                    break
                continue
            self.pending += self.src[self.pos]
            self.pos += 1
        if self.pending:
            self.tokens.append(["text", self.pending])
            self.pending = ""

    def skip_token(self) -> None:
        """Move past one construct without making tokens (to find where a link label ends)."""
        pos = self.pos
        if pos in self.cache:
            self.pos = self.cache[pos]
            return
        ok = False
        if self.level < _MAX_NESTING:
            for rule in self.rules:
                self.level += 1
                ok = rule(True)
                self.level -= 1
                if ok:
                    break
        else:
            self.pos = self.max
        if not ok:
            self.pos += 1
        self.cache[pos] = self.pos

    # -- rules, in markdown-it's order ---------------------------------------------------------
    def text(self, silent: bool) -> bool:
        pos, src = self.pos, self.src
        while pos < self.max and src[pos] not in _TERMINATORS:
            pos += 1
        if pos == self.pos:
            return False
        if not silent:
            self.pending += src[self.pos:pos]
        self.pos = pos
        return True

    def linkify(self, silent: bool) -> bool:
        pos, src = self.pos, self.src
        if self.link_level or not src.startswith("://", pos) or pos + 3 > self.max:
            return False
        m = links.SCHEME_BEFORE.search(self.pending)
        if not m or m.group(1).lower() not in ("http", "https"):
            return False
        proto = m.group(1)
        found = links.linkifier().match_at_start(src[pos - len(proto):])
        if not found:
            return False
        url = found.url.rstrip("*")
        href = links.encode_url(url)
        if self.refuses(href):
            return False
        if not silent:
            self.pending = self.pending[: -len(proto)]
            self.push("link_open", href, 1)
            self.push("text", links.shown_url(url))
            self.push("link_close", "", -1)
        self.pos += len(url) - len(proto)
        return True

    def escape(self, silent: bool) -> bool:
        pos, src = self.pos, self.src
        if src[pos] != "\\" or pos + 1 >= self.max:
            return False
        ch = src[pos + 1]
        if ch == "\n":
            if not silent:
                self.push("br")
            pos += 2
            while pos < self.max and src[pos] in " \t":
                pos += 1
            self.pos = pos
            return True
        if not silent:
            self.push("special", ch if ch in links.ESCAPABLE else "\\" + ch)
        self.pos = pos + 2
        return True

    def backticks(self, silent: bool) -> bool:
        start, src = self.pos, self.src
        if src[start] != "`":
            return False
        pos = start + 1
        while pos < self.max and src[pos] == "`":
            pos += 1
        length = pos - start
        if self.last_runs is None:
            self.last_runs = _last_runs(src)
        if self.last_runs.get(length, -1) >= pos:
            end = pos
            while (at := src.find("`", end)) != -1 and at < self.max:
                end = at + 1
                while end < len(src) and src[end] == "`":
                    end += 1
                if end > self.max:
                    break
                if end - at == length:
                    if not silent:
                        content = src[pos:at].replace("\n", " ")
                        if content.startswith(" ") and content.endswith(" ") and content.strip(" "):
                            content = content[1:-1]
                        self.push("code", content)
                    self.pos = end
                    return True
        if not silent:
            self.pending += src[start:pos]
        self.pos = pos
        return True

    def emphasis(self, silent: bool) -> bool:
        marker = self.src[self.pos]
        if silent or marker not in "*_":
            return False
        length, can_open, can_close = self._scan_delims(marker)
        for _ in range(length):
            self.push("text", marker)
            self.delims.append(_Delim(marker, length, len(self.tokens) - 1, can_open, can_close))
        self.pos += length
        return True

    def _scan_delims(self, marker: str) -> tuple[int, bool, bool]:
        """CommonMark's left- and right-flanking rules for a run of ``*`` or ``_``."""
        start, src = self.pos, self.src
        pos = start
        while pos < self.max and src[pos] == marker:
            pos += 1
        last = src[start - 1] if start > 0 else " "
        nxt = src[pos] if pos < self.max else " "
        last_punct, next_punct = _punct(last), _punct(nxt)
        last_space, next_space = last in _WHITESPACE, nxt in _WHITESPACE
        left = not (next_space or (next_punct and not (last_space or last_punct)))
        right = not (last_space or (last_punct and not (next_space or next_punct)))
        split = marker == "*"
        can_open = left and (split or not right or last_punct)
        can_close = right and (split or not left or next_punct)
        return pos - start, can_open, can_close

    def link(self, silent: bool) -> bool:
        src, start, end = self.src, self.pos, self.max
        if src[start] != "[":
            return False
        label_end = self._label_end(start)
        if label_end < 0:
            return False
        pos = label_end + 1
        if pos >= end or src[pos] != "(":
            return False
        pos = _skip_space(src, pos + 1, end)
        if pos >= end:
            return False
        href = ""
        found = links.destination(src, pos, end)
        if found is not None:
            href = links.encode_url(found[0])
            if links.valid_target(href):
                pos = found[1]
            else:  # a script or file target: never a link, and said so (on_link reports it)
                self.refuses(href)
                href = ""
            before = pos
            pos = _skip_space(src, pos, end)
            titled = links.title(src, pos, end)
            if pos < end and before != pos and titled is not None:
                pos = _skip_space(src, titled[1], end)
        if pos >= end or src[pos] != ")":
            return False
        if self.refuses(href):
            return False
        pos += 1
        if not silent:
            self.pos, self.max = start + 1, label_end
            self.push("link_open", href, 1)
            self.link_level += 1
            self.tokenize()
            self.link_level -= 1
            self.push("link_close", "", -1)
        self.pos, self.max = pos, end
        return True

    def _label_end(self, start: int) -> int:
        """Return where the label opened at ``start`` closes, or -1 (a link inside: not a link)."""
        old = self.pos
        self.pos, level = start + 1, 1
        found = False
        while self.pos < self.max:
            marker = self.src[self.pos]
            if marker == "]":
                level -= 1
                if level == 0:
                    found = True
                    break
            before = self.pos
            self.skip_token()
            if marker == "[":
                if before == self.pos - 1:
                    level += 1
                else:
                    self.pos = old
                    return -1
        label_end = self.pos if found else -1
        self.pos = old
        return label_end

    def autolink(self, silent: bool) -> bool:
        src, start = self.src, self.pos
        if src[start] != "<":
            return False
        pos = start + 1
        while pos < self.max and src[pos] not in "<>":
            pos += 1
        if pos >= self.max or src[pos] == "<":
            return False
        url = src[start + 1:pos]
        if links.AUTOLINK.fullmatch(url):
            href = links.encode_url(url)
        elif links.EMAIL.fullmatch(url):
            href = links.encode_url("mailto:" + url)
        else:
            return False
        if self.refuses(href) or not links.valid_target(href):
            return False
        if not silent:
            self.push("link_open", href, 1)
            self.push("text", links.shown_url(url))
            self.push("link_close", "", -1)
        self.pos += len(url) + 2
        return True


def _skip_space(src: str, pos: int, end: int) -> int:
    while pos < end and src[pos] in " \t\n":
        pos += 1
    return pos


def _punct(ch: str) -> bool:
    return ch in _ASCII_PUNCT or unicodedata.category(ch)[0] in "PS"


def _last_runs(src: str) -> dict[int, int]:
    """Return, for each length of a run of backticks, where the last such run starts."""
    runs: dict[int, int] = {}
    pos = 0
    while (start := src.find("`", pos)) != -1:
        pos = start + 1
        while pos < len(src) and src[pos] == "`":
            pos += 1
        runs[pos - start] = start
    return runs


def _pair(delims: list[_Delim]) -> None:
    """Match each closing ``*``/``_`` run with its opener (CommonMark's "process emphasis",
    with its rule of three and markdown-it's lower bounds for the search)."""
    bottoms: dict[str, list[int]] = {}
    header, last_token = 0, -2
    jumps: list[int] = []
    for closer_idx, closer in enumerate(delims):
        jumps.append(0)
        if delims[header].marker != closer.marker or last_token != closer.token - 1:
            header = closer_idx
        last_token = closer.token
        if not closer.close:
            continue
        bottom = bottoms.setdefault(closer.marker, [-1] * 6)
        slot = (3 if closer.open else 0) + closer.length % 3
        opener_idx = header - jumps[header] - 1
        new_bottom = opener_idx
        while opener_idx > bottom[slot]:
            opener = delims[opener_idx]
            if opener.marker != closer.marker:
                opener_idx -= jumps[opener_idx] + 1
                continue
            if opener.open and opener.end < 0:
                odd = (opener.close or closer.open) and (opener.length + closer.length) % 3 == 0 \
                    and (opener.length % 3 != 0 or closer.length % 3 != 0)
                if not odd:
                    last_jump = jumps[opener_idx - 1] + 1 \
                        if opener_idx > 0 and not delims[opener_idx - 1].open else 0
                    jumps[closer_idx] = closer_idx - opener_idx + last_jump
                    jumps[opener_idx] = last_jump
                    closer.open = opener.close = False
                    opener.end = closer_idx
                    new_bottom, last_token = -1, -2
                    break
            opener_idx -= jumps[opener_idx] + 1
        if new_bottom != -1:
            bottoms[closer.marker][(3 if closer.open else 0) + closer.length % 3] = new_bottom


def _emphasis(tokens: list[list[str]], delims: list[_Delim]) -> None:
    """Turn matched delimiters into em/strong tokens (two adjacent pairs make one strong)."""
    i = len(delims) - 1
    while i >= 0:
        start = delims[i]
        if start.end == -1:
            i -= 1
            continue
        end = delims[start.end]
        strong = i > 0 and delims[i - 1].end == start.end + 1 \
            and delims[i - 1].marker == start.marker and delims[i - 1].token == start.token - 1 \
            and delims[start.end + 1].token == end.token + 1
        kind = "strong" if strong else "em"
        tokens[start.token] = [f"{kind}_open", ""]
        tokens[end.token] = [f"{kind}_close", ""]
        if strong:
            tokens[delims[i - 1].token][1] = ""
            tokens[delims[start.end + 1].token][1] = ""
            i -= 1
        i -= 1


def _join(tokens: list[list[str]]) -> list[list[str]]:
    """Merge neighbouring text tokens (markdown-it's fragments_join)."""
    out: list[list[str]] = []
    for token in tokens:
        if token[0] == "text" and out and out[-1][0] == "text":
            out[-1] = ["text", out[-1][1] + token[1]]
        else:
            out.append(token)
    return out


def _linkify(tokens: list[list[str]], on_link: LinkCheck | None) -> list[list[str]]:
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


def _spans(tokens: list[list[str]]) -> list[Span]:
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
