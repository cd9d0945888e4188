"""Every class of mistake is reported as path:line:col with a message a marketer can act on."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.source import load
from tests.conftest import MINIMAL, WriteArticle


def problems(path: Path) -> list[str]:
    with pytest.raises(DocgenError) as info:
        load(path)
    return [str(p) for p in info.value.problems if p.severity == "error"]


def only(path: Path) -> str:
    found = problems(path)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("title: T\n\tauthor: x\n", ":2:1:", "tab"),
        ('title: "Unclosed\nauthor: x\n', ":1:8:", "never closed"),
        ("title: &t T\n", ":1:8:", "anchors"),
        ("a: T\ntitle: *t\n", ":2:8:", "aliases"),
        ("title: !!python/object/apply:os.system [echo]\n", ":1:8:", "!!python/object/apply"),
        ("title: T\n---\ntitle: U\n", ":2:1:", "more than one YAML document"),
        ("title: Marketing: the basics\n", ":1:17:", "double quotes"),
        ("- just\n- a list\n", ":1:1:", "must be a mapping"),
    ],
)
def test_syntax_errors_point_at_the_mistake(write_article: WriteArticle, text: str, where: str,
                                            words: str) -> None:
    message = only(write_article(text))
    assert where in message and words in message
    assert message.startswith(str(Path(message.split(":")[0])))


def test_an_empty_file_says_how_to_start(write_article: WriteArticle) -> None:
    assert "the file is empty" in only(write_article(""))


def test_a_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    assert "file not found" in only(tmp_path / "nope.yaml")


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"title: Caf\xe9\n")
    message = only(path)
    assert ":1:11:" in message and "UTF-8" in message


def test_a_bom_and_crlf_line_ends_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode())
    assert load(path).title.plain == "A title"


def test_duplicate_keys_are_an_error_naming_the_first(write_article: WriteArticle) -> None:
    message = only(write_article(MINIMAL + "title: Again\n"))
    assert ":9:1:" in message and "given twice (first on line 1)" in message


def test_unknown_keys_suggest_the_right_one(write_article: WriteArticle) -> None:
    message = only(write_article(MINIMAL + "subtitel: Oops\n"))
    assert ":9:1:" in message and "did you mean 'subtitle'?" in message


def test_unknown_block_kinds_suggest_the_right_one(write_article: WriteArticle) -> None:
    message = only(write_article(MINIMAL + "      - qoute: Hi\n"))
    assert ":9:9:" in message and "did you mean 'quote'?" in message


def test_every_problem_is_reported_in_one_run(write_article: WriteArticle) -> None:
    text = MINIMAL.replace("title: A title\n", "").replace("  bio: Ann writes things.\n", "")
    found = problems(write_article(text + "date: 2026-02-30\n"))
    assert len(found) == 3
    assert any("missing 'title'" in m for m in found)
    assert any("missing 'bio'" in m and ":2:3:" in m for m in found)
    assert any("not a day of the calendar" in m and ":7:7:" in m for m in found)


def test_missing_alt_text_explains_why_it_matters(write_article: WriteArticle) -> None:
    from tests.source.images import png_bytes

    path = write_article(MINIMAL + "      - image: {src: pic.png}\n",
                         files={"pic.png": png_bytes(4, 4)})
    message = only(path)
    assert ":9:16:" in message and "missing 'alt'" in message and "screen readers" in message


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                                 "page.html", "ftp://example.com"])
def test_only_web_and_mail_links_are_accepted(write_article: WriteArticle, url: str) -> None:
    message = only(write_article(MINIMAL + f"      - See [this]({url}).\n"))
    assert ":9:9:" in message and "link" in message


def test_control_characters_are_located(write_article: WriteArticle) -> None:
    message = only(write_article(MINIMAL + '      - "Bell \\a here"\n'))
    assert "U+0007" in message and ":9:" in message


@pytest.mark.parametrize("src", ["/etc/passwd.png", "../outside.png", "missing.png"])
def test_asset_paths_stay_inside_the_article_folder(write_article: WriteArticle, src: str) -> None:
    message = only(write_article(MINIMAL + f"      - image: {{src: {src}, alt: A picture}}\n"))
    assert ":9:" in message


def test_a_symlink_out_of_the_folder_is_refused(write_article: WriteArticle, tmp_path: Path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.png"
    outside.write_bytes(b"x")
    path = write_article(MINIMAL + "      - image: {src: link.png, alt: A picture}\n")
    (path.parent / "link.png").symlink_to(outside)
    assert "outside the article's folder" in only(path)


def test_deep_nesting_is_refused_before_python_recursion(write_article: WriteArticle) -> None:
    assert "nesting is deeper" in only(write_article("title: " + "[" * 5000))


def test_a_bad_byte_after_a_byte_order_mark_is_located(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: caf\xe9\n")
    with pytest.raises(DocgenError) as info:
        load(path)
    problem = info.value.problems[0]
    assert problem.message == "byte 0xe9 is not valid UTF-8"
    assert problem.location is not None and (problem.location.line, problem.location.column) == (1, 11)


def test_a_title_too_long_for_the_cover_is_located(write_article: WriteArticle) -> None:
    path = write_article(MINIMAL.replace("title: A title", "title: " + "Word " * 50))
    message = only(path)
    assert message.startswith(f"{path}:1:8: error: too long (249 characters; at most 200)")
    assert "put the rest in 'subtitle'" in message


def test_a_subtitle_too_long_for_the_cover_is_located(write_article: WriteArticle) -> None:
    path = write_article(MINIMAL.replace("title: A title", "title: A title\nsubtitle: " + "x" * 301))
    assert only(path).startswith(f"{path}:2:11: error: too long (301 characters; at most 300)")
