"""Property-based: generated valid articles load with their text intact; garbage only ever
produces docgen's own error, with a location."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen.errors import DocgenError
from docgen.model import Paragraph
from docgen.source import load

TEXT = st.text(
    st.characters(categories=("L", "N", "P", "Zs", "S", "M"), exclude_characters="*_[]\\`<"),  # inline markup
    min_size=1, max_size=40,
).filter(lambda s: s.strip() != "")

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def expected(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


@st.composite
def articles(draw: st.DrawFn) -> dict[str, object]:
    sections = draw(st.lists(st.fixed_dictionaries({
        "heading": TEXT,
        "blocks": st.lists(st.one_of(
            TEXT,
            st.fixed_dictionaries({"quote": TEXT}),
            st.fixed_dictionaries({"list": st.lists(TEXT, min_size=1, max_size=4)}),
            st.fixed_dictionaries({"callout": TEXT}),
        ), min_size=1, max_size=5),
    }), min_size=1, max_size=4))
    return {"title": draw(TEXT), "author": {"name": draw(TEXT), "bio": draw(TEXT)},
            "sections": sections}


@SETTINGS
@given(article=articles())
def test_generated_articles_load_with_their_text(tmp_path: Path, article: dict) -> None:  # type: ignore[type-arg]
    path = tmp_path / "gen.yaml"
    path.write_text(yaml.safe_dump(article, allow_unicode=True), encoding="utf-8")
    doc = load(path)
    assert doc.title.plain == expected(article["title"])  # type: ignore[arg-type]
    for section, data in zip(doc.sections, article["sections"], strict=True):  # type: ignore[call-overload]
        assert section.heading.plain == expected(data["heading"])
        for block, raw in zip(section.blocks, data["blocks"], strict=True):
            if isinstance(raw, str):
                assert isinstance(block, Paragraph) and block.text.plain == expected(raw)


@SETTINGS
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_garbage_only_raises_docgen_errors_with_a_location(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "garbage.yaml"
    path.write_bytes(data)
    try:
        load(path)
    except DocgenError as exc:
        assert exc.problems and all(p.location is not None for p in exc.problems)


YAMLISH = st.lists(st.sampled_from([*"ab:- \n\t'\"[]{}&*!#|>%@`,?", "title", "sections", "author"]),
                   max_size=60).map("".join)


@SETTINGS
@given(text=YAMLISH)
def test_yaml_shaped_garbage_only_raises_docgen_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "garbage.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load(path)
    except DocgenError as exc:
        assert exc.problems and all(p.location is not None for p in exc.problems)
