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

from docgen.model import Span, Text
from docgen.source import links
from docgen.source.emphasis import Delim, emphasis, is_punct, pair
from docgen.source.inline_runs import LinkCheck, join, linkify, spans
from docgen.source.links import link_problem

__all__ = ["link_problem", "parse_inline"]

_SPECIAL = frozenset("*_[]\\`<:")  # a text with none of these is one plain run
_TERMINATORS = frozenset("\n!#$%&*+-:<=>@[\\]^_`{}~")
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
        pair(delims)
    for delims in state.all_delims:
        emphasis(state.tokens, delims)
    tokens = join(state.tokens)
    if links.MAY_HAVE_BARE_URL.search(source) and links.linkifier().pretest(source):
        tokens = linkify(tokens, on_link)
    return Text(tuple(spans(tokens)))


class _State:
    """What markdown-it's StateInline holds, for docgen's rules only."""

    def __init__(self, src: str, on_link: LinkCheck | None) -> None:
        self.src, self.pos, self.max = src, 0, len(src)
        self.on_link = on_link
        self.tokens: list[list[str]] = []  # [type, content]: text, special, code, br, open/close
        self.pending = ""
        self.delims: list[Delim] = []
        self.all_delims = [self.delims]
        self.saved: list[list[Delim]] = []
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
            self.delims.append(Delim(marker, length, len(self.tokens) - 1, can_open, can_close))
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
        last_punct, next_punct = is_punct(last), is_punct(nxt)
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


