"""The hostile-input corpus: each case is a source folder and the outcome docgen must produce.

A case either builds (``ok``), with the typed text intact, or fails with located errors
(``error``), whose messages must contain ``expect`` and, where the source is at fault, the
``where`` position (``:line:col:`` or ``:line:``) in ``file``.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HEAD = """\
title: Hostile input
author:
  name: Ann Author
  bio: Ann writes things.
sections:
  - heading: First
    blocks:
"""
CANARY = "CANARY_WAS_HERE"
CVE_2023_33733 = (
    "<para><font color=\"[ [ getattr(pow,Word('__globals__'))['os'].system('touch "
    + CANARY + "') for Word in [orgTypeFun('Word', (str,), { 'mutated': 1, 'startswith': "
    "lambda self, x: False, '__eq__': lambda self,x: self.mutate() and self.mutated < 0 and "
    "str(self) == x, 'mutate': lambda self: {setattr(self, 'mutated', self.mutated - 1)}, "
    "'__hash__': lambda self: hash(str(self)) })] ] for orgTypeFun in [type(type(1))] ] and "
    "'red'\">exploit</font></para>"
)


def article(*blocks: str, head: str = HEAD) -> str:
    return head + "".join(f"      - {b}\n" for b in blocks)


def quoted(text: str) -> str:
    """Return ``text`` as a YAML double-quoted scalar, escaping only what YAML requires."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class Case:
    name: str
    source: bytes | str | Callable[[Path], None]
    outcome: str  # "ok" or "error"
    expect: str = ""  # a phrase of the message (error) or of the extracted text (ok)
    where: str = ""  # ":line:col:" of the error
    file: str = "article.yaml"
    files: dict[str, bytes | str | Callable[[], bytes]] = field(default_factory=dict)
    warning: str = ""


def png(width: int, height: int, mode: str = "RGB", fmt: str = "PNG", frames: int = 1) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    images = [Image.new(mode, (width, height), (i * 40 % 255,) * len(mode)) for i in range(frames)]
    images[0].save(buffer, fmt, save_all=frames > 1, append_images=images[1:])
    return buffer.getvalue()


def bomb_png(width: int = 20_000, height: int = 20_000) -> bytes:
    """Return a tiny PNG whose header claims ``width`` x ``height`` pixels (compressed zeros)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\0" + b"\0" * width
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(64)) + compressor.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def image_case(name: str, payload: bytes | Callable[[], bytes], outcome: str, expect: str,
               suffix: str = ".png", warning: str = "") -> Case:
    return Case(name, article(f"image: {{src: pic{suffix}, alt: A picture}}"), outcome, expect,
                ":8:16:" if outcome == "error" else "", files={f"pic{suffix}": payload},
                warning=warning)


def big_file(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)


def huge_article(path: Path) -> None:
    line = "      - " + "word " * 2000 + "\n"
    with path.open("w") as handle:
        handle.write(HEAD)
        while handle.tell() < 20 * 1024 * 1024:
            handle.write(line)


def brand_case(name: str, brand: str, outcome: str, expect: str, where: str,
               files: dict[str, bytes | str | Callable[[], bytes]] | None = None) -> Case:
    return Case(name, "brand: brand.yml\n" + article("Text."), outcome, expect, where,
                file="brand.yml", files={"brand.yml": brand, **(files or {})})


YAML_CASES = [
    Case("empty file", "", "error", "the file is empty", ":1:1:"),
    Case("not a mapping", "- a\n- b\n", "error", "must be a mapping", ":1:1:"),
    Case("bad indentation", HEAD + "      - One\n     - Two\n", "error", "", ":9:"),
    Case("tab indentation", HEAD.replace("  name", "\tname"), "error", "tab character", ":3:"),
    Case("unclosed quote", article('"Never closed'), "error", "never closed", ":8:9:"),
    Case("binary garbage", bytes(range(256)) * 4, "error", "not valid UTF-8", ":2:"),
    Case("non-UTF-8 bytes", article("Caf\udce9").encode("utf-8", "surrogateescape"), "error",
         "not valid UTF-8", ":8:12:"),
    Case("a byte order mark", b"\xef\xbb\xbf" + article("With a BOM.").encode(), "ok", "With a BOM."),
    Case("CRLF line ends", article("Windows lines.").replace("\n", "\r\n").encode(), "ok",
         "Windows lines."),
    Case("a second document", article("One.") + "---\ntitle: Two\n", "error",
         "more than one YAML document", ":9:1:"),
    Case("duplicate keys", "title: A\n" + article("x"), "error", "given twice", ":2:1:"),
    Case("python object tag", "title: !!python/object/apply:os.system ['touch CANARY_WAS_HERE']\n",
         "error", "tags such as", ":1:8:"),
    Case("python name tag", article("!!python/name:os.system x"), "error", "tags such as", ":8:9:"),
    Case("custom include tag", article("!include /etc/passwd"), "error", "tags such as", ":8:9:"),
    Case("anchor", article("&a Anchored"), "error", "anchors (&a)", ":8:9:"),
    Case("alias", "x: &a X\n" + article("*a"), "error", "anchors (&a)", ":1:4:"),
    Case("billion laughs", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
         + "".join(f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n"
                   for p, c in zip("abcdefgh", "bcdefghi", strict=True)), "error", "anchors",
         ":1:4:"),
    Case("nesting 5000 deep", "title: " + "[" * 5000 + "]" * 5000 + "\n", "error",
         "nesting is deeper", ":1:"),
    Case("a 20 MB file", huge_article, "error", "the limit is 5 MB", ""),
]

SCHEMA_CASES = [
    Case(f"missing {key}", HEAD.replace(line, ""), "error", f"missing '{key}'", where)
    for key, line, where in [
        ("title", "title: Hostile input\n", ":1:1:"),
        ("name", "  name: Ann Author\n", ":3:3:"),
        ("bio", "  bio: Ann writes things.\n", ":3:3:"),
    ]
] + [
    Case("missing author", "title: T\nsections:\n  - heading: H\n    blocks: [x]\n", "error",
         "missing 'author'", ":1:1:"),
    Case("missing sections", "title: T\nauthor: {name: A, bio: B}\n", "error",
         "missing 'sections'", ":1:1:"),
    Case("missing heading", "title: T\nauthor: {name: A, bio: B}\nsections:\n  - blocks: [x]\n",
         "error", "missing 'heading'", ":4:5:"),
    Case("missing blocks", "title: T\nauthor: {name: A, bio: B}\nsections:\n  - heading: H\n",
         "error", "missing 'blocks'", ":4:5:"),
    Case("empty sections", "title: T\nauthor: {name: A, bio: B}\nsections: []\n", "error",
         "the list is empty", ":3:11:"),
    Case("title is a list", "title: [a, b]\n" + HEAD.split("\n", 1)[1] + "      - x\n", "error",
         "expected text, found a list", ":1:8:"),
    Case("author is text", "title: T\nauthor: Ann\nsections: [{heading: H, blocks: [x]}]\n",
         "error", "author must be a mapping", ":2:9:"),
    Case("blocks is text", HEAD + "        text\n", "error", "expected a list", ":8:9:"),
    Case("list is text", article("list: not a list"), "error", "expected a list", ":8:15:"),
    Case("keywords is text", "keywords: a b c\n" + article("x"), "error", "expected a list",
         ":1:11:"),
    Case("skip is not a boolean", HEAD.replace("    blocks:", "    deck: {skip: maybe}\n    blocks:")
         + "      - x\n", "error", "expected true or false", ":7:18:"),
    Case("unknown key", "summery: x\n" + article("x"), "error", "did you mean 'summary'?", ":1:1:"),
    Case("unknown block kind", article("calout: x"), "error", "did you mean 'callout'?", ":8:9:"),
    Case("empty title", 'title: ""\n' + HEAD.split("\n", 1)[1] + "      - x\n", "error",
         "the text is empty", ":1:8:"),
    Case("whitespace-only paragraph", article('"   "'), "error", "the text is empty", ":8:9:"),
    Case("a date that does not exist", "date: 2026-02-30\n" + article("x"), "error",
         "not a day of the calendar", ":1:7:"),
    Case("a date that is not a date", "date: tomorrow\n" + article("x"), "error", "not a date",
         ":1:7:"),
]

TEXT_CASES = [
    Case("CVE-2023-33733 payload", article(quoted(CVE_2023_33733)), "ok", "exploit</font>"),
    Case("img tag", article(quoted('<img src="/etc/passwd" width="100"/>')), "ok", "<img src="),
    Case("onDraw tag", article(quoted('<onDraw name="x" label="y"/> drawn')), "ok", "<onDraw"),
    Case("anchor tag", article(quoted('<a href="javascript:alert(1)">click</a>')), "ok", "<a href="),
    Case("closing para", article(quoted("</para> after the end")), "ok", "</para> after"),
    Case("entities", article(quoted("&nbsp; &foo; &amp; &#x41; AT&T;")), "ok",
         "&nbsp; &foo; &amp; &#x41; AT&T;"),
    Case("control character", article('"Bell \\a rings"'), "error", "U+0007", ":8:"),
    Case("escape character", article('"Escape \\e here"'), "error", "U+001B", ":8:"),
    Case("lone surrogate", article('"Half \\ud800 a pair"'), "error", "not a valid character", ":8:"),
    Case("noncharacter U+FFFE", article('"Not a \\uFFFE character"'), "error", "U+FFFE", ":8:"),
    Case("NFD text", article("Cafe\u0301 de\u0301ja\u0300 vu"), "ok", "Café déjà vu"),
    Case("soft hyphens", article("super\u00adcali\u00adfragilistic"), "ok", "fragilistic"),
    Case("emoji", article("Launch day \U0001F680 is here"), "ok", "Launch day \U0001F680 is here"),
    Case("CJK", article("市场营销与销售"), "ok", "市场营销与销售"),
    Case("a character no font has", article("Clay tablet \U00012000 here"), "error",
         "U+12000 CUNEIFORM SIGN A", ":8:21:"),
    Case("a character no font has, in the title", article(
        "x", head=HEAD.replace("title: Hostile input", "title: Tablet \U00012000")), "error",
         "U+12000", ":1:15:"),
    Case("right-to-left text", article("שלום עולם and مرحبا"), "ok", "and"),
    Case("Greek and Cyrillic", article("Αθήνα и Москва"), "ok", "Αθήνα и Москва"),
    Case("5,000-character token", article("x" * 5000), "ok", "xxxxxxxxxx"),
    Case("60,000-word paragraph", article("word " * 60_000), "ok", "word word"),
    Case("heading taller than a page", article(
        "A paragraph.", head=HEAD.replace("heading: First", "heading: " + "Heading words " * 400)),
        "ok", "Heading words Heading"),
]

LINK_CASES = [
    Case(f"{scheme} link", article(f"See [this]({url})."), "error", "link", ":8:9:")
    for scheme, url in [("javascript", "javascript:alert(1)"), ("data", "data:text/html,hi"),
                        ("file", "file:///etc/passwd"), ("relative", "../secret.html")]
]

ASSET_CASES = [
    Case("missing image", article("image: {src: nope.png, alt: A}"), "error", "does not exist",
         ":8:22:"),
    Case("absolute path", article("image: {src: /etc/passwd.png, alt: A}"), "error", "absolute",
         ":8:22:"),
    Case("dot-dot escape", article("image: {src: ../../etc/x.png, alt: A}"), "error",
         "outside the article's folder", ":8:22:"),
    Case("symlink out", article("image: {src: link.png, alt: A}"), "error",
         "outside the article's folder", ":8:22:"),
    image_case("text file named .png", b"I am not a picture\n", "error", "not a picture"),
    image_case("truncated PNG", lambda: png(64, 64)[:60], "error", "damaged or truncated"),
    image_case("CMYK JPEG", lambda: png(64, 48, "CMYK", "JPEG"), "ok", "", ".jpg", "CMYK"),
    image_case("animated GIF", lambda: png(32, 32, "L", "GIF", frames=3), "ok", "", ".gif",
               "animated"),
    image_case("decompression bomb", bomb_png, "error", "million pixels"),
    Case("100 MB image", article("image: {src: big.png, alt: A}"), "error", "at most 20 MB",
         ":8:16:"),
]

BRAND_CASES = [
    Case("missing brand file", "brand: nope.yml\n" + article("x"), "error", "does not exist",
         ":1:8:"),
    brand_case("unknown colour", "color:\n  primary: bleu\n", "error", "unknown colour 'bleu'",
               ":2:12:"),
    brand_case("missing font file", "typography:\n  fonts:\n    - family: X\n      source: file\n"
               "      files: [fonts/none.ttf]\n  base: X\n", "error", "does not exist", ":5:15:"),
    brand_case("template without layouts", "defaults:\n  docgen:\n    template: plain.pptx\n",
               "error", "has no slide layouts", ":3:15:", files={"plain.pptx": "TEMPLATE:renamed"}),
    brand_case("template that is not a pptx", "defaults:\n  docgen:\n    template: fake.pptx\n",
               "error", "fake.pptx", ":3:15:", files={"fake.pptx": b"this is not a zip file\n"}),
]

CASES = YAML_CASES + SCHEMA_CASES + TEXT_CASES + LINK_CASES + ASSET_CASES + BRAND_CASES
