"""What YAML would change without a word is reported at its line, and YAML's own errors for the
mistakes newcomers make are said in plain words with the fix to type (each message exactly)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.source import load, load_with_warnings
from tests.conftest import MINIMAL, WriteArticle


def messages(path: Path) -> list[str]:
    """Return every problem (errors and warnings) as printed, with the path cut off."""
    try:
        problems = load_with_warnings(path)[1]
    except DocgenError as exc:
        problems = exc.problems
    return [str(p).removeprefix(str(path)) for p in problems]


BLOCKS = MINIMAL.removesuffix("      - A paragraph.\n")  # ends with '    blocks:' (line 7)


@pytest.mark.parametrize(("typed", "expected"), [
    pytest.param(
        "      - list:\n          - **Bold** start\n",
        ":9:13: error: YAML cannot read text that starts with '*': a leading '*' refers to a YAML "
        "anchor (Markdown *italic* or **bold** at the start needs quotes) (put the whole text in "
        'double quotes: - "**Bold** start")', id="markdown bold at the start"),
    pytest.param(
        "      - *Really* important\n",
        ":8:9: error: YAML cannot read text that starts with '*': a leading '*' refers to a YAML "
        "anchor (Markdown *italic* or **bold** at the start needs quotes) (put the whole text in "
        'double quotes: - "*Really* important")', id="markdown italic at the start"),
    pytest.param(
        "      - list:\n          - & a thing\n",
        ":9:13: error: YAML cannot read text that starts with '&': a leading '&' names a YAML "
        'anchor (put the whole text in double quotes: - "& a thing")', id="ampersand"),
    pytest.param(
        "      - list:\n          - [link](https://example.com) text\n",
        ":9:13: error: YAML cannot read text that starts with '[': a leading '[' starts a YAML "
        "list (a Markdown link at the start needs quotes) (put the whole text in double quotes: "
        '- "[link](https://example.com) text")', id="link at the start"),
    pytest.param(
        "      - list:\n          - !important thing\n",
        ":9:13: error: YAML tags such as '!important' are not allowed (remove the '!' tag; if the "
        'text itself starts with it, put the whole text in double quotes: - "!important thing")',
        id="exclamation mark"),
    pytest.param(
        "      - callout: `invoke build` first\n",
        ":8:18: error: YAML cannot read text that starts with '`': YAML reserves '`' at the start "
        'of a text (put the whole text in double quotes: - callout: "`invoke build` first")',
        id="backtick"),
    pytest.param(
        '      - "Quoted" and then more\n',
        ":8:9: error: a text that starts with a quote mark must end with it: YAML took '\"Quoted\" "
        "and then more' for a quoted text followed by more text (put the whole text in double "
        'quotes and use curly quotes inside: - "“Quoted” and then more")', id="quote then text"),
    pytest.param(
        "      - list:\n          - Top: solid oak\n",
        ":9:13: error: 'Top: solid oak' was read as a key and a value because of the ': ' (put "
        'the whole text in double quotes: "Top: solid oak")', id="key: value in an item"),
    pytest.param(
        "      - quote:\n          text: A price is a promise.\n        by: A buyer\n",
        ":10:9: error: 'by:' belongs to the quote above but is not indented under 'quote:' "
        "(indent 'by:' by 2 more spaces, to line up with 'text:' on line 9)",
        id="under-indented by"),
    pytest.param(
        "      - quote: A price is a promise.\n        by: A buyer\n",
        ":9:9: error: 'by:' belongs to the quote above but is not indented under 'quote:' (put "
        "the words on a line 'text: ...' under 'quote:', and indent 'by:' to line up with it)",
        id="by beside a one-line quote"),
    pytest.param(
        "      - Of course, there were sports analogies: many of them\n",
        ":8:9: error: 'Of course, there were sports analogies: many of…' was read as a block "
        "kind and its value because of the ': ' (put the whole paragraph in double quotes: - "
        '"Of course, there were sports analogies: many of them")', id="colon in a paragraph"),
    pytest.param(
        "      - “Marketing: the basics”\n",
        ":8:9: error: the ': ' inside this text splits it: YAML reads only straight quotes (\" or "
        "') as quote marks, not “ ” (type straight double quotes around it: - \"Marketing: the "
        'basics")', id="curly quotes around a paragraph with a colon"),
])
def test_common_mistakes_are_said_in_plain_words(write_article: WriteArticle, typed: str,
                                                 expected: str) -> None:
    assert messages(write_article(BLOCKS + typed)) == [expected]


def test_an_unclosed_quote_is_reported_where_it_opened(write_article: WriteArticle) -> None:
    text = MINIMAL.replace("title: A title", 'title: "A title') + (
        "      - Another paragraph\n      - The end, \"said\" someone, and more.\n")
    assert messages(write_article(text)) == [
        ":1:8: error: a quote opened here is never closed: YAML reads on to the quote mark on "
        "line 10 (add the closing quote mark at the end of the text)"]


def test_a_curly_quoted_title_with_a_colon_is_told_about_straight_quotes(
        write_article: WriteArticle) -> None:
    path = write_article(MINIMAL.replace("title: A title", "title: “Marketing: the basics”"))
    assert messages(path) == [
        ":1:18: error: the ': ' inside this text splits it: YAML reads only straight quotes (\" "
        "or ') as quote marks, not “ ” (type straight double quotes around it: title: "
        '"Marketing: the basics")']


def test_a_colon_in_a_title_gives_the_line_to_type(write_article: WriteArticle) -> None:
    path = write_article(MINIMAL.replace("title: A title", "title: Marketing: the basics"))
    assert messages(path) == [
        ":1:17: error: a ': ' (colon and space) inside unquoted text makes YAML read a key (put "
        'the whole text in double quotes: title: "Marketing: the basics")']


# -- silent changes ------------------------------------------------------------------------------

def test_text_after_a_hash_is_reported_as_dropped(write_article: WriteArticle) -> None:
    path = write_article(BLOCKS + "      - callout: Our #1 rule. Interview first.\n")
    assert messages(path) == [
        ":8:22: error: the text after ' #' is a comment to YAML and was dropped: '#1 rule. "
        "Interview first.' (put the whole text in double quotes: - callout: \"Our #1 rule. "
        'Interview first.")']


def test_comments_written_as_comments_are_left_alone(write_article: WriteArticle) -> None:
    path = write_article(MINIMAL.replace("title: A title", "title: A title  # required")
                         + "      - Second.  # the end\n# a whole-line comment\n")
    assert messages(path) == []
    assert load(path).title.plain == "A title"


def test_a_markdown_heading_in_a_list_is_reported_not_called_empty(
        write_article: WriteArticle) -> None:
    path = write_article(BLOCKS + "      - list:\n          - ## Why interviews first\n")
    assert messages(path) == [
        ":9:13: error: '## Why interviews first' is a Markdown heading, which docgen does not "
        "read: YAML takes everything after ' #' as a comment and drops it (a heading starts a new "
        "section: '- heading: Why interviews first' under 'sections:', with its own 'blocks:'; to "
        "print the text as typed, put it in double quotes)"]


def test_markdown_blocks_inside_a_text_are_warned_about(write_article: WriteArticle) -> None:
    path = write_article(BLOCKS + "      - |\n        Intro line\n        ## Email won\n"
                         "        | Channel | Share |\n      - After.\n")
    assert messages(path) == [
        ":10:9: warning: '## Email won' is a Markdown heading, which docgen does not read: it "
        "would print as typed (a heading starts a new section: '- heading: Email won' under "
        "'sections:', with its own 'blocks:'; or remove the '#' marks)",
        ":11:9: warning: Markdown tables are not supported: this line would print as typed "
        "(write the rows as a 'list:', or show the table as an 'image:')"]


def test_a_list_item_missing_its_dash_is_reported_at_its_line(write_article: WriteArticle) -> None:
    path = write_article(BLOCKS + "      - list:\n          - sanded and oiled by hand in Portland\n"
                         "            Dual motors rated for 20,000 lift cycles\n          - Third\n")
    assert messages(path) == [
        ":10:13: warning: this line is joined to the list item above: 'sanded and oiled by hand "
        "in Portland Dual motors rated for…' (if it is a new item, start it with '- '; if it is "
        "one long item, write it on one line (or write '- >-' and the text on the lines below))"]


def test_a_wrapped_paragraph_and_a_folded_item_are_fine(write_article: WriteArticle) -> None:
    path = write_article(BLOCKS + "      - A paragraph that wraps\n        onto the next line.\n"
                         "      - list:\n          - >-\n            One long item\n"
                         "            on two lines\n")
    assert messages(path) == []


# -- quote marks ---------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ['"A price is a promise."', "“A price is a promise.”",
                                   "'“A price is a promise.”'", "“\\\"A price is a promise.\\\"”"])
def test_marks_typed_around_a_quote_are_not_kept(write_article: WriteArticle, typed: str) -> None:
    value = typed if typed.startswith(("'", '"')) else f'"{typed}"'
    doc = load(write_article(BLOCKS + f"      - quote: {value}\n"))
    assert doc.sections[0].blocks[0].text.plain == "A price is a promise."


def test_quotes_inside_a_quote_stay(write_article: WriteArticle) -> None:
    doc = load(write_article(BLOCKS + "      - 'quote: He said \"no\" twice.'\n".replace(
        "'quote: ", "quote: '")))
    assert doc.sections[0].blocks[0].text.plain == 'He said "no" twice.'
