"""The invoke tasks: thin, documented, and ending in Exit (never a traceback) on failure."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from invoke import Context, Exit, MockContext, Result

from tests.conftest import MINIMAL, ROOT, WriteArticle


def load_tasks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docgen_tasks", ROOT / "tasks.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tasks = load_tasks()


def invoke(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})


def test_every_task_has_help_and_is_listed() -> None:
    listing = invoke("--list").stdout
    for name in ("pdf", "deck", "build", "check", "brand", "clean", "test", "preview", "watch", "bench"):
        assert f"  {name} " in listing
        assert getattr(tasks, name).__doc__
    assert "--source" in invoke("--help", "pdf").stdout


def test_build_writes_both_artifacts(write_article: WriteArticle, tmp_path: Path) -> None:
    out = tmp_path / "out"
    tasks.build(Context(), source=[str(write_article())], out=str(out), quiet=True)
    assert sorted(p.name for p in out.glob("a-title.*")) == ["a-title.pdf", "a-title.pptx"]


def test_a_bad_source_ends_in_exit_with_code_1(write_article: WriteArticle, tmp_path: Path) -> None:
    bad = write_article(MINIMAL.replace("title:", "titel:"))
    with pytest.raises(Exit) as info:
        tasks.check(Context(), source=[str(bad)])
    assert info.value.code == 1


def test_invoke_check_reports_errors_without_a_traceback(write_article: WriteArticle) -> None:
    bad = write_article(MINIMAL + "      - qoute: x\n")
    result = invoke("check", f"--source={bad}")
    assert result.returncode == 1
    assert "did you mean 'quote'?" in result.stderr and "Traceback" not in result.stderr


def test_check_does_not_import_the_renderers() -> None:
    code = ("import sys, importlib.util as u; s = u.spec_from_file_location('t', 'tasks.py'); "
            "m = u.module_from_spec(s); s.loader.exec_module(m); from invoke import Context; "
            "m.check(Context()); "
            "print(sorted({n.split('.')[0] for n in sys.modules} & {'reportlab', 'pptx'}))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("[]")


def test_the_test_task_lints_and_type_checks_then_runs_pytest_with_tools_required() -> None:
    ctx = MockContext(run={re.compile(r".* -m ruff check src tests tasks\.py.*"): Result(),
                           f"{sys.executable} -m mypy": Result(),
                           f"{sys.executable} -m pytest -q": Result()})
    tasks.test(ctx, require_tools=True)
    assert ctx.run.call_count == 3  # type: ignore[attr-defined]
    assert ctx.run.call_args.kwargs["env"] == {"DOCGEN_REQUIRE_TOOLS": "1"}  # type: ignore[attr-defined]


def test_bench_runs_the_benchmark_script() -> None:
    ctx = MockContext(run={f"{sys.executable} bench/run.py --quick": Result()})
    tasks.bench(ctx, quick=True)


def test_clean_refuses_to_leave_the_project() -> None:
    with pytest.raises(Exit):
        tasks.clean(Context(), out="..")
