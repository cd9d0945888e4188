"""Link targets in inline text: ``(url "title")`` destinations, ``<…>`` autolinks, bare URLs.

CommonMark's grammar for the parts of a link, and which targets docgen accepts (http, https and
mailto only). Bare ``https://…`` addresses are found by linkify-it (the library markdown-it uses),
imported only for a text that contains one, so ``docgen check`` pays for it only then.
"""

from __future__ import annotations

import re
from typing import Any

ALLOWED_SCHEMES = ("http", "https", "mailto")
ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_URL_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789;/?:@&=+$,-_.!~*'()#")
_HEX = frozenset("0123456789abcdefABCDEF")
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
AUTOLINK = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]{1,31}):([^<>\x00-\x20]*)")
EMAIL = re.compile(r"[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
                   r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*")
_BAD_PROTO = re.compile(r"(vbscript|javascript|file|data):")
_GOOD_DATA = re.compile(r"data:image/(gif|png|jpeg|webp);")
SCHEME_BEFORE = re.compile(r"(?:^|[^a-z0-9.+-])([a-z][a-z0-9.+-]*)$", re.IGNORECASE)
MAY_HAVE_BARE_URL = re.compile(r"https?:|mailto:", re.IGNORECASE)


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


def unescape(text: str) -> str:
    """Return ``text`` with backslash escapes and character references resolved (CommonMark)."""
    if "\\" not in text and "&" not in text:
        return text
    out = []
    pos = 0
    for m in re.finditer(r"\\([!-/:-@\[-`{-~])|" + _ENTITY.pattern, text):
        out.append(text[pos:m.start()])
        out.append(m.group(1) if m.group(1) else _entity(m.group()))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _entity(ref: str) -> str:
    from html.entities import html5  # only for a link that holds an entity such as &amp;

    if ref.startswith("&#"):
        code = int(ref[3:-1], 16) if ref[2] in "xX" else int(ref[2:-1])
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    name = ref[1:]
    return html5.get(name, ref)


_HOST_START = re.compile(r"(?:(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*):)?(?P<slashes>//)?")
_HOST = re.compile(r"[^%/?;#'{}|\\^`<>\" \r\n\t]*")  # mdurl: a host ends at these
_LABEL = re.compile(r"[+a-z0-9A-Z_-]{0,63}")  # a valid label once non-ASCII letters count as 'x'


def _ascii_host(url: str) -> str:
    """Return ``url`` with a host name in other scripts in its ASCII (punycode) form, as
    markdown-it writes it: ``https://bücher.de`` links to ``https://xn--bcher-kva.de``."""
    m = _HOST_START.match(url)
    assert m is not None  # every part of the pattern is optional: it matches any string
    scheme = m.group("scheme") or ""  # as markdown-it compares it: HTTPS: is not recoded
    if scheme not in ("", "http", "https", "mailto") or not (m.group("slashes") or scheme == "mailto"):
        return url
    start = m.end()
    end = min((i for i in (url.find(c, start) for c in "/?#") if i >= 0), default=len(url))
    host_start = url.rfind("@", start, end) + 1 or start
    host = _HOST.match(url, host_start, end)
    assert host is not None
    labels: list[str] = []
    for label in host.group().split("."):
        if not _LABEL.fullmatch(re.sub(r"[^\x00-\x7f]", "x", label)):
            # as mdurl: the host ends inside the label, at its first character no host may hold
            labels.append(_LABEL.match(label).group())  # type: ignore[union-attr]
            break
        labels.append(label)
    end = host_start + len(".".join(labels))
    if url[host_start:end].isascii():
        return url
    labels = ["xn--" + label.encode("punycode").decode() if not label.isascii() else label
              for label in labels]
    return url[:host_start] + ".".join(labels) + url[end:]


def encode_url(url: str) -> str:
    """Return ``url`` as markdown-it's normalizeLink makes it: the host in ASCII, the rest
    percent-encoded (mdurl.encode)."""
    if all(c in _URL_SAFE for c in url):
        return url
    url = url.strip()  # mdurl.parse trims the address first
    if not url.isascii():
        url = _ascii_host(url)
    out = []
    i, n = 0, len(url)
    while i < n:
        c = url[i]
        if c in _URL_SAFE:
            out.append(c)
        elif c == "%" and i + 2 < n and url[i + 1] in _HEX and url[i + 2] in _HEX:
            out.append(url[i:i + 3])
            i += 3
            continue
        else:
            if 0xD800 <= ord(c) <= 0xDFFF:
                c = "\ufffd"
            out.append("".join(f"%{b:02X}" for b in c.encode("utf-8")))
        i += 1
    return "".join(out)


_ESCAPES = re.compile(r"(?:%[0-9a-fA-F]{2})+")
_KEEP_ESCAPED = frozenset(";/?:@&=+$,#%")


def shown_url(url: str) -> str:
    """Return an address as a reader sees it: ``%20`` and other escapes of letters and spaces
    decoded, the ones that mean something in a URL (``%2F``, ``%25``) kept (mdurl.decode)."""
    url = url.strip()  # as mdurl.parse does
    if "%" not in url:
        return url
    return _ESCAPES.sub(_decode_escapes, url)


def _decode_escapes(m: re.Match[str]) -> str:
    raw = m.group()
    data = bytes.fromhex(raw.replace("%", ""))
    out, i = [], 0
    while i < len(data):
        b = data[i]
        size = 1 if b < 0x80 else 2 if 0xC0 <= b < 0xE0 else 3 if 0xE0 <= b < 0xF0 else \
            4 if 0xF0 <= b < 0xF8 else 0
        chunk = data[i:i + size] if size else b""
        try:
            ch = chunk.decode("utf-8") if size and len(chunk) == size else None
        except UnicodeDecodeError:
            ch = None
        if ch is None:
            out.append("\ufffd")
            i += 1
            continue
        out.append(raw[i * 3:(i + size) * 3] if ch in _KEEP_ESCAPED else ch)
        i += size
    return "".join(out)


def valid_target(url: str) -> bool:
    """markdown-it's validateLink: script and file targets are never links."""
    lowered = url.strip().lower()
    return bool(_GOOD_DATA.match(lowered)) if _BAD_PROTO.match(lowered) else True


def destination(src: str, pos: int, end: int) -> tuple[str, int] | None:
    """Return (the unescaped target, the position after it) of ``<…>`` or a bare target."""
    if pos < end and src[pos] == "<":
        i = pos + 1
        while i < end:
            c = src[i]
            if c in "\n<":
                return None
            if c == ">":
                return unescape(src[pos + 1:i]), i + 1
            i += 2 if c == "\\" and i + 1 < end else 1
        return None
    level, i = 0, pos
    while i < end:
        c = src[i]
        code = ord(c)
        if code <= 0x20 or code == 0x7F:
            break
        if c == "\\" and i + 1 < end:
            if src[i + 1] == " ":
                break
            i += 2
            continue
        if c == "(":
            level += 1
            if level > 32:
                return None
        elif c == ")":
            if level == 0:
                break
            level -= 1
        i += 1
    if i == pos or level:
        return None
    return unescape(src[pos:i]), i


def title(src: str, pos: int, end: int) -> tuple[str, int] | None:
    """Return (the title, the position after it) of ``"…"``, ``'…'`` or ``(…)``, or None."""
    if pos >= end or src[pos] not in "\"'(":
        return None
    close = ")" if src[pos] == "(" else src[pos]
    i = pos + 1
    while i < end:
        c = src[i]
        if c == close:
            return unescape(src[pos + 1:i]), i + 1
        if c == "(" and close == ")":
            return None
        i += 2 if c == "\\" and i + 1 < end else 1
    return None


_LINKIFY: Any = None


def linkifier() -> Any:
    """Return linkify-it set to find only ``http://``, ``https://`` and ``mailto:`` addresses
    (no bare domains such as example.com: too many words would become links)."""
    global _LINKIFY
    if _LINKIFY is None:
        from linkify_it import LinkifyIt

        _LINKIFY = LinkifyIt().set({"fuzzy_link": False, "fuzzy_email": False, "fuzzy_ip": False})
        _LINKIFY.add("//", None).add("ftp:", None)
    return _LINKIFY
