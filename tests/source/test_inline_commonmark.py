"""docgen's inline parser reads what people type as CommonMark does: markdown-it (the reference
implementation docgen measures against), with linkify for bare https:// and mailto: addresses,
gives the same runs for any mix of markup characters and words."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from docgen.model import Span
from docgen.source.inline import parse_inline

RULES = ["emphasis", "link", "autolink", "backticks", "escape", "linkify"]
MD = MarkdownIt("zero", {"linkify": True}).enable(RULES)
MD.linkify.set({"fuzzy_link": False, "fuzzy_email": False, "fuzzy_ip": False})
MD.linkify.add("//", None).add("ftp:", None)


def reference(source: str) -> list[Span]:
    """Return markdown-it's reading of ``source`` as docgen's runs."""
    spans: list[Span] = []
    bold = italic = 0
    href: str | None = None
    for token in MD.parseInline(source)[0].children or []:
        kind = token.type
        if kind in ("text", "text_special", "code_inline", "softbreak", "hardbreak"):
            text = "\n" if kind.endswith("break") else token.content
            style = (bold > 0, italic > 0, href, kind == "code_inline")
            if not text:
                continue
            last = spans[-1] if spans else None
            if last and (last.bold, last.italic, last.href, last.code) == style:
                spans[-1] = Span(last.text + text, *style)
            else:
                spans.append(Span(text, *style))
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        elif kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind == "link_open":
            href = str(token.attrs["href"])
        elif kind == "link_close":
            href = None
        else:  # pragma: no cover - a rule the reference has and docgen has not
            raise AssertionError(f"unexpected token {kind}")
    return spans


PIECES = ["*", "**", "_", "__", "[", "]", "(", ")", "\\", "`", "``", "<", ">", " ", " ", "a", "b",
          "foo", "bar.", '"', "'", ",", "!", "https://x.com", "http://a.b/c?d=1", "mailto:a@b.co",
          "a@b.co", "https:", "//", ":", "\u00e9t\u00e9", "\u201c", "-", "\t"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


def ours(source: str) -> list[Span]:
    return [Span(s.text, s.bold, s.italic, s.href, s.code) for s in parse_inline(source).spans]


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
@example("*a **b***")
@example("***a** b*")
@example("*foo**")
@example('a*"b"*c')
@example('[a](https://x.com "A title")')
@example("[a](<https://x.com/a b>)")
@example("<https://x.com>")
@example("see https://x.com/a. and `code *not em*`")
@example("\\*not\\* \\[a link\\](b)")
@example("[a [b](c)](d)")
@example("`a``b` ``c`")
@example("<https://x.comété*>")
@example("<https://été*>")
@example("[a](https://été.com/x) https://x.été.com/a")
def test_spans_equal_markdown_it(source: str) -> None:
    assert ours(source) == reference(source)


@pytest.mark.parametrize(("typed", "runs"), [
    ("*a **b***", [("a ", False, True), ("b", True, True)]),
    ("***a** b*", [("a", True, True), (" b", False, True)]),
    ("*foo**", [("foo", False, True), ("*", False, False)]),
    ('a*"b"*c', [('a*"b"*c', False, False)]),  # not flanking: no emphasis inside a word like this
    ("snake_case_name", [("snake_case_name", False, False)]),
])
def test_emphasis_follows_the_delimiter_rules(typed: str, runs: list[tuple[str, bool, bool]]) -> None:
    assert [(s.text, s.bold, s.italic) for s in parse_inline(typed).spans] == runs


def test_links_with_titles_autolinks_and_bare_addresses_are_links() -> None:
    text = parse_inline('[site](https://x.com "Our site"), <https://y.com> and https://z.com/a.')
    assert [(s.text, s.href) for s in text.spans if s.href] == [
        ("site", "https://x.com"), ("https://y.com", "https://y.com"),
        ("https://z.com/a", "https://z.com/a")]
    assert text.plain == "site, https://y.com and https://z.com/a."


def test_a_refused_target_stays_text_and_is_asked_about_once() -> None:
    asked: list[str] = []

    def check(url: str) -> str | None:
        asked.append(url)
        return "no" if url.startswith("javascript") or url == "b" else None

    text = parse_inline("[a [x](b)](https://ok.com)", check)
    assert asked.count("b") == 1
    assert [(s.text, s.href) for s in text.spans] == [("a [x](b)", "https://ok.com")]


def test_code_spans_are_literal_and_marked_as_code() -> None:
    text = parse_inline("Run `invoke *build*` now")
    assert [(s.text, s.code) for s in text.spans] == [
        ("Run ", False), ("invoke *build*", True), (" now", False)]
