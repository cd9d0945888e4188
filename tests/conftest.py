"""Shared fixtures: the seed article, and a way to write small articles next to assets."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from docgen.model import Document
from docgen.source import load

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source" / "article.yaml"
_SHARED_SEED = ROOT.parent / "shared" / "seed" / "marketing-vs-sales.txt"
# The seed text as handed over (a copy is kept so the tests run outside this workplace too).
SEED_TEXT = _SHARED_SEED if _SHARED_SEED.exists() else ROOT / "tests" / "fixtures" / "marketing-vs-sales.txt"

MINIMAL = """\
title: A title
author:
  name: Ann Author
  bio: Ann writes things.
sections:
  - heading: First
    blocks:
      - A paragraph.
"""


# CI (and every landing) runs the property tests on a fixed sequence of examples, so a run's result
# depends on the code only; a developer's plain run draws new examples and may find new bugs.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") or os.environ.get("DOCGEN_REQUIRE_TOOLS"):
    settings.load_profile("ci")

# Tests set SOURCE_DATE_EPOCH where they mean it; without this, CI's exported one (for its release
# build) would stamp every test artifact with the commit's date instead of the article's.
os.environ.pop("SOURCE_DATE_EPOCH", None)


@pytest.fixture(autouse=True)
def environment() -> object:
    """Give every test the environment it started with: the command line, run in-process, sets
    variables for its forked children (``--pdf-standard``), which must not reach the next test."""
    saved = dict(os.environ)
    yield
    if os.environ != saved:
        os.environ.clear()
        os.environ.update(saved)


@pytest.fixture(scope="session", autouse=True)
def font_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Keep the font cache of the whole run (and its subprocesses) out of the user's home."""
    folder = tmp_path_factory.mktemp("font-cache")
    os.environ["DOCGEN_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def seed_doc() -> Document:
    """Return the seed article, loaded once per test session."""
    return load(SEED)


WriteArticle = Callable[..., Path]


@pytest.fixture
def write_article(tmp_path: Path) -> WriteArticle:
    """Return a function writing ``text`` (dedented) as an article in a fresh folder."""

    def write(text: str = MINIMAL, name: str = "article.yaml",
              files: dict[str, bytes | str] | None = None) -> Path:
        for rel, content in (files or {}).items():
            target = tmp_path / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                target.write_text(content, encoding="utf-8")
            else:
                target.write_bytes(content)
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write
