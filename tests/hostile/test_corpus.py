"""Run every hostile case through the real command line and check what a user would see.

For every case: the exit code; a located message per problem; no traceback; nothing created or
changed outside the output folder; the previous good artifacts byte-identical after a failure;
nothing executed (no canary file appears).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hostile.cases import CANARY, CASES, HEAD, Case, big_file
from tests.tools import require_tool

GOOD = HEAD + "      - The previous good build.\n"
MESSAGE = re.compile(r"^(?:\S.*?: )?(?:error|warning): .+")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() and not p.is_symlink()
            else b"<link>" for p in sorted(folder.rglob("*")) if "out" not in p.parts
            and (p.is_file() or p.is_symlink())}


def materialise(case: Case, folder: Path) -> Path:
    for name, content in case.files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if content == "TEMPLATE:renamed":
            renamed_layouts_template(target)
            continue
        data = content() if callable(content) else content
        target.write_bytes(data.encode() if isinstance(data, str) else data)
    if case.name == "symlink out":
        outside = folder.parent / "outside.png"
        outside.write_bytes(b"secret")
        (folder / "link.png").symlink_to(outside)
    if case.name == "100 MB image":
        big_file(folder / "big.png")
    path = folder / "article.yaml"
    source = case.source
    if isinstance(source, bytes):
        path.write_bytes(source)
    elif isinstance(source, str):
        path.write_text(source, encoding="utf-8")
    else:
        assert isinstance(source, Callable)  # type: ignore[arg-type]
        source(path)
    return path


def renamed_layouts_template(target: Path) -> None:
    """Write a 16:9 template with no layouts at all (layouts with other names are found by role)."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    for layout in list(prs.slide_layouts):
        prs.slide_layouts.remove(layout)
    prs.save(str(target))


@pytest.fixture(scope="module")
def previous_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return an output folder holding a good build, made once and copied into every case."""
    folder = tmp_path_factory.mktemp("good")
    (folder / "article.yaml").write_text(GOOD)
    good = docgen(folder, "build", "article.yaml", "--out", "out")
    assert good.returncode == 0, good.stderr
    return folder / "out"


def docgen(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "docgen", *args], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case: Case, tmp_path: Path, previous_build: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copytree(previous_build, folder / "out")
    previous = {p.name: p.read_bytes() for p in (folder / "out").iterdir()}

    path = materialise(case, folder)
    before = snapshot(folder)
    result = docgen(folder, "build", path.name, "--out", "out")

    assert "Traceback" not in result.stderr + result.stdout
    assert not list(tmp_path.rglob(f"*{CANARY}*")) and not (folder / CANARY).exists()
    assert snapshot(folder) == before, "a file outside the output folder changed"
    messages = [line for line in result.stderr.splitlines() if line.strip()]
    assert all(MESSAGE.match(m) for m in messages), messages
    if case.outcome == "error":
        assert result.returncode == 1, result.stdout
        errors = [m for m in messages if ": error: " in m or m.startswith("error: ")]
        assert errors, result.stderr
        assert case.expect in result.stderr
        if case.where:
            assert any(m.startswith(f"{case.file}{case.where}") for m in errors), errors
        now = {p.name: p.read_bytes() for p in (folder / "out").iterdir()}
        assert now == previous, "a failed build changed the previous artifacts"
    else:
        assert result.returncode == 0, result.stderr
        assert len(result.stdout.strip().splitlines()) == 2
        if case.warning:
            assert case.warning in result.stderr
        if case.expect:
            require_tool("pdftotext")
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(folder / "out" /
                                   "hostile-input.pdf"), "-"], capture_output=True, text=True,
                                  check=True).stdout
            flat = re.sub(r"\s+", "", text.replace("\u00ad", ""))
            assert re.sub(r"\s+", "", case.expect) in flat


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 40
