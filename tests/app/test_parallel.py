"""Rendering the deck in a forked child gives the same bytes, and its problems come back located."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen import parallel
from docgen.build import build
from docgen.errors import DocgenError, Location, Problem
from tests.conftest import WriteArticle

pytestmark = pytest.mark.skipif(not parallel.available(), reason="needs fork and two cores")


def test_a_parallel_build_gives_the_same_bytes(write_article: WriteArticle, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    source = write_article()
    one = build(source, tmp_path / "one", parallel=False)
    two = build(source, tmp_path / "two", parallel=True)
    assert [a.sha256 for a in one.artifacts] == [a.sha256 for a in two.artifacts]
    assert [a.units for a in one.artifacts] == [a.units for a in two.artifacts]


def test_a_problem_in_the_child_is_raised_with_its_location() -> None:
    problem = Problem("no layout named 'Title Only'", Location("brand.yml", 3, 5))

    def fails() -> object:
        raise DocgenError(problem)

    with pytest.raises(DocgenError) as info:
        parallel.start(fails)()  # type: ignore[arg-type]
    assert info.value.problems == [problem]


def test_a_crash_in_the_child_is_not_silent() -> None:
    def crashes() -> object:
        raise ValueError("boom")

    with pytest.raises(RuntimeError, match="ValueError: boom"):
        parallel.start(crashes)()  # type: ignore[arg-type]
