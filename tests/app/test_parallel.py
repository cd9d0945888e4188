"""Rendering the deck in a forked child gives the same bytes, and its problems come back located."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.app import parallel
from docgen.app.build import build
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
        parallel.start(fails).result()  # type: ignore[arg-type]
    assert info.value.problems == [problem]


def test_a_crash_in_the_child_is_not_silent() -> None:
    def crashes() -> object:
        raise ValueError("boom")

    with pytest.raises(RuntimeError, match="ValueError: boom"):
        parallel.start(crashes).result()  # type: ignore[arg-type]


_COLD = """
import os, sys
from pathlib import Path
from docgen.app.build import build
from docgen.errors import DocgenError
try:
    result = build(Path(sys.argv[1]), Path(sys.argv[2]), force=True, parallel=True)
    print(" ".join(a.sha256 for a in result.artifacts))
except DocgenError as exc:
    print("error", len(exc.problems))
try:
    os.waitpid(-1, os.WNOHANG)
    print("a child is left")
except ChildProcessError:
    print("no child left")
"""


def _cold(source: Path, out: Path) -> list[str]:
    import os
    import subprocess
    import sys

    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    proc = subprocess.run([sys.executable, "-c", _COLD, str(source), str(out)], capture_output=True,
                          text=True, env=env, check=True, cwd=Path(__file__).resolve().parents[2])
    return proc.stdout.splitlines()


def test_a_cold_parallel_build_gives_the_serial_bytes_and_leaves_no_child(
        write_article: WriteArticle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    source = write_article()
    serial = build(source, tmp_path / "serial", parallel=False)
    lines = _cold(source, tmp_path / "cold")
    assert lines == [" ".join(a.sha256 for a in serial.artifacts), "no child left"]


def test_a_source_that_fails_to_load_forks_nothing(write_article: WriteArticle,
                                                    tmp_path: Path) -> None:
    source = write_article("title: [unclosed\n")
    assert _cold(source, tmp_path / "out") == ["error 1", "no child left"]


def test_a_failing_pdf_stops_the_deck_child(write_article: WriteArticle, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import docgen.app.build as build_module

    real = build_module.render_target

    def pdf_fails(target: str, doc: object, last_pages: object = None) -> object:
        if target == "pdf":
            raise DocgenError("the PDF failed")
        return real(target, doc, last_pages)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "render_target", pdf_fails)
    with pytest.raises(DocgenError, match="the PDF failed"):
        build(write_article(), tmp_path / "out", parallel=True)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_a_refused_fork_builds_both_targets_here(write_article: WriteArticle, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    source = write_article()
    serial = build(source, tmp_path / "serial", parallel=False)

    def refuse() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    forked = build(source, tmp_path / "forked", force=True, parallel=True)
    assert [a.sha256 for a in forked.artifacts] == [a.sha256 for a in serial.artifacts]
