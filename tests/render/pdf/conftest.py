"""Fixtures for the PDF renderer: rendered seed and hostile handouts, and ways to read them back."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image as PILImage

from docgen.errors import Location
from docgen.model import (
    Callout,
    Document,
    Image,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    Text,
)
from docgen.render import Rendered
from docgen.render.pdf import render_pdf
from docgen.source.inline import link_problem, parse_inline
from tests.text import printed
from tests.tools import require_tool

HERE = Location("hostile.yaml", 7, 3)
LONG_WORD = "Supercalifragilisticexpialidocious" * 8
LONG_URL = "https://example.com/" + "a-very-long-path-segment/" * 8 + "?q=1&r=2"
LOREM = (
    "Marketing plants the seed and sales brings in the harvest, said one of the many people who "
    "answered, and the others agreed that both teams need each other to grow. "
)


def t(source: str) -> Text:
    """Parse inline markup the way the loader does."""
    return parse_inline(source, link_problem)


def hostile_doc(seed: Document, folder: Path) -> Document:
    """Return the seed with text built to break a careless renderer, and an image with a caption."""
    picture = folder / "picture.png"
    PILImage.new("RGB", (1600, 900), (40, 90, 140)).save(picture)
    tall = folder / "tall.png"
    PILImage.new("RGB", (300, 3000), (200, 120, 40)).save(tall)
    blocks = (
        Paragraph(t("Fish & chips: 5 < 7 > 3, AT&T; &amp; stays, &lt;b&gt; too, [and] stays, "
                    "[x](not a link) as well, <b>not bold</b> and <font color=red>no</font>."),
                  HERE),
        Paragraph(t("“Curly” and ‘single’ quotes – en dash — em dash … café naïve Zürich "
                    "São Paulo Ærø œuvre straße; **bold** *italic* ***both*** and "
                    "[a link](https://example.com/?a=1&b=<2>)."), HERE),
        Paragraph(t("Greek Ωμέγα and Cyrillic Жизнь in a serif that has neither."), HERE),
        Paragraph(t(f"A long word {LONG_WORD} and a long address {LONG_URL} end here."), HERE),
        Callout(t("A callout with <angle> brackets & an ampersand."), HERE),
        ListBlock((t("First & <one>"), t("Second — **two**"), t("Third [and] last")), HERE),
        Image(picture, "a blue rectangle", t("Figure 1: a caption with & and <tags>"),
              1600, 900, HERE),
        Image(tall, "a tall orange bar", None, 300, 3000, HERE),
        Quote(t(LOREM * 40), "Ann & <Bob>", HERE),
        Paragraph(t(LOREM * 60), HERE),
    )
    section = Section(t("A heading with & and <angle>"), blocks, location=HERE)
    author = dataclasses.replace(
        seed.author,
        links=(*seed.author.links, Link("Mail", "mailto:ann@example.com")),
    )
    return dataclasses.replace(
        seed,
        title=t("Fish & Chips <Special> Edition"),
        sections=(*seed.sections[:1], section),
        author=author,
        source=folder / "article.yaml",
    )


@pytest.fixture(scope="session")
def seed_pdf(seed_doc: Document) -> Rendered:
    return render_pdf(seed_doc)


@pytest.fixture(scope="session")
def hostile(seed_doc: Document, tmp_path_factory: pytest.TempPathFactory) -> Document:
    return hostile_doc(seed_doc, tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="session")
def hostile_pdf(hostile: Document) -> Rendered:
    return render_pdf(hostile)


def write(data: bytes, tmp_path: Path, name: str = "out.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def run(*args: str | Path) -> str:
    require_tool(str(args[0]))
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr + done.stdout
    return done.stdout


def body_text(pdf: Path, width: float = 612, height: float = 792, margin: int = 54) -> str:
    """Return the text of every page without the running header and footer (cropped away)."""
    return run("pdftotext", "-raw", "-enc", "UTF-8", "-x", "0", "-y", str(margin), "-W", str(int(width)),
               "-H", str(int(height) - 2 * margin), pdf, "-")


def squash(s: str) -> str:
    """Remove all whitespace (line breaks may fall anywhere, even inside a split long word) and
    undo the typography the handout applies (curly quotes, dashes, no-break spaces)."""
    return re.sub(r"\s+", "", printed(s))


def assert_in_order(expected: list[str], text: str) -> None:
    """Assert each expected string appears, exactly, after the previous one."""
    hay = squash(text)
    pos = 0
    for want in expected:
        needle = squash(want)
        found = hay.find(needle, pos)
        assert found >= 0, f"missing or out of order: {want[:80]!r}"
        pos = found + len(needle)
