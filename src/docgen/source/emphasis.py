"""CommonMark's delimiter runs: which ``*`` and ``_`` runs pair up, and the em/strong tokens
they become (markdown-it's balance_pairs and emphasis post-processing)."""

from __future__ import annotations

import unicodedata

_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


class Delim:
    """One run of ``*`` or ``_``: its token, and whether it may open or close emphasis."""

    __slots__ = ("close", "end", "length", "marker", "open", "token")

    def __init__(self, marker: str, length: int, token: int, can_open: bool,
                 can_close: bool) -> None:
        self.marker, self.length, self.token, self.end = marker, length, token, -1
        self.open, self.close = can_open, can_close


def is_punct(ch: str) -> bool:
    return ch in _ASCII_PUNCT or unicodedata.category(ch)[0] in "PS"


def pair(delims: list[Delim]) -> None:
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


def emphasis(tokens: list[list[str]], delims: list[Delim]) -> None:
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
