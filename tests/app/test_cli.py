"""The command line: exit codes, one line per artifact, errors without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from docgen import __version__
from docgen.app.cli import run
from tests.conftest import MINIMAL, ROOT, SEED, WriteArticle


def docgen(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "docgen", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_version() -> None:
    result = docgen("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"docgen {__version__}"


def test_check_of_the_seed_succeeds_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(SEED), "--quiet"]) == 0
    assert capsys.readouterr().out == ""


def test_invalid_source_exits_1_with_located_errors_and_no_traceback(
        write_article: WriteArticle) -> None:
    path = write_article(MINIMAL.replace("title: A title", "titel: A title"))
    result = docgen("check", str(path))
    assert result.returncode == 1
    assert f"{path}:1:1: error: unknown key 'titel' in the article (did you mean 'title'?)" \
        in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_usage_errors_exit_2() -> None:
    assert docgen("frobnicate").returncode == 2
    assert docgen("build", "--jobs", "many").returncode == 2


def test_build_prints_one_line_per_artifact(write_article: WriteArticle, tmp_path: Path) -> None:
    path = write_article()
    out = tmp_path / "out"
    result = docgen("build", str(path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(str(out / "a-title.pdf")) and " pages, " in lines[0]
    assert lines[1].startswith(str(out / "a-title.pptx")) and " slides, " in lines[1]
    manifest = json.loads((out / "manifest.json").read_text())
    assert [a["path"] for a in manifest["artifacts"]] == ["a-title.pdf", "a-title.pptx"]


def test_quiet_prints_nothing_on_success(write_article: WriteArticle, tmp_path: Path) -> None:
    assert run(["pdf", str(write_article()), "--out", str(tmp_path / "o"), "--quiet"]) == 0


def test_an_output_folder_that_is_a_file_is_a_clear_error(write_article: WriteArticle,
                                                          tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    result = docgen("pdf", str(write_article()), "--out", str(blocker))
    assert result.returncode == 1 and "the output folder is a file" in result.stderr


def _imports_after(args: list[str], cwd: Path) -> list[str]:
    """Return which heavy modules ``docgen ARGS`` imported (the command must succeed)."""
    code = ("import sys; from docgen.app.cli import run; code = run(sys.argv[1:]); "
            "print(code, *sorted(m for m in ('reportlab', 'pptx', 'PIL', 'yaml', 'tempfile') "
            "if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    code, *modules = result.stdout.split()
    assert code == "0", result.stdout + result.stderr
    return modules


def test_start_up_imports_only_what_the_command_needs(write_article: WriteArticle,
                                                      tmp_path: Path) -> None:
    """Up-to-date builds and checks must stay fast: no renderer library, and an up-to-date build
    does not even parse the YAML."""
    source, out = write_article(), str(tmp_path / "out")
    assert docgen("build", str(source), "-o", out, "-q").returncode == 0
    assert _imports_after(["build", str(source), "-o", out, "-q"], tmp_path) == []
    assert _imports_after(["check", str(source), "-q"], tmp_path) == ["yaml"]
