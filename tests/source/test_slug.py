"""The article's file name is a slug of its title, safe on every file system."""

from docgen.model import Span, Text
from docgen.source.slug import make_slug


def slug(title: str) -> str:
    return make_slug(Text((Span(title),)))


def test_latin_letters_lose_their_accents() -> None:
    assert slug("Café Straße & Søren") == "cafe-strasse-soren"


def test_a_title_in_another_script_gets_a_stable_hash() -> None:
    first, again = slug("市场营销与销售"), slug("市场营销与销售")
    assert first == again
    assert first.startswith("article-") and len(first) == len("article-") + 8


def test_two_greek_titles_never_share_a_name() -> None:
    assert slug("Μάρκετινγκ") != slug("Πωλήσεις")
