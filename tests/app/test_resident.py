"""``docgen serve``: builds forked from a resident process behave as builds in a new process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from docgen.app import resident
from tests.conftest import ROOT, WriteArticle

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Unix sockets and fork")


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """An environment with a runtime folder of its own (short: socket paths are limited)."""
    folder = tempfile.mkdtemp(prefix="dg-", dir="/tmp")
    monkeypatch.setenv("XDG_RUNTIME_DIR", folder)
    env = {**os.environ, "XDG_RUNTIME_DIR": folder, "SOURCE_DATE_EPOCH": "1700000000"}
    env.pop(resident.SWITCH, None)
    yield env
    shutil.rmtree(folder, ignore_errors=True)


def _docgen(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docgen", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def server(runtime: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen([sys.executable, "-m", "docgen", "serve", "--idle", "120"],
                            cwd=ROOT, env=runtime, stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not resident.socket_path().exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert resident.socket_path().exists()
    yield proc
    proc.terminate()
    proc.wait(timeout=30)


def test_a_served_build_gives_the_bytes_output_and_exit_code_of_a_local_one(
        server: subprocess.Popen[str], runtime: dict[str, str], write_article: WriteArticle,
        tmp_path: Path) -> None:
    source = write_article()
    served = _docgen(["build", str(source), "-o", "served"], runtime, tmp_path)
    local = _docgen(["build", str(source), "-o", "local"], {**runtime, resident.SWITCH: "0"},
                    tmp_path)
    assert served.returncode == local.returncode == 0
    assert served.stdout.replace("served", "local").split(" in ")[0] == local.stdout.split(" in ")[0]
    for name in ("a-title.pdf", "a-title.pptx"):
        assert (tmp_path / "served" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    bad = write_article("title: [unclosed\n", name="bad.yaml")
    failed = _docgen(["check", str(bad)], runtime, tmp_path)
    assert failed.returncode == 1 and failed.stderr.startswith("bad.yaml:2:1: error:")
    assert failed.stdout == ""
    server.terminate()
    assert server.communicate(timeout=30)[0].count("docgen serve: docgen ") == 2  # served both


def test_without_a_live_server_the_build_runs_here(runtime: dict[str, str],
                                                   write_article: WriteArticle,
                                                   tmp_path: Path) -> None:
    path = resident.socket_path()
    path.parent.mkdir(mode=0o700, parents=True)
    path.write_text("")  # a socket file left by a server that is gone
    result = _docgen(["build", str(write_article()), "-o", "out"], runtime, tmp_path)
    assert result.returncode == 0 and (tmp_path / "out" / "a-title.pdf").exists()


def test_a_server_exits_when_idle_and_removes_its_socket(runtime: dict[str, str]) -> None:
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "docgen", "serve", "--idle", "1", "-q"], cwd=ROOT,
                          env=runtime, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and time.monotonic() - started < 60
    assert not resident.socket_path().exists()


def test_the_socket_name_changes_with_docgens_code(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "docgen"
    package.mkdir()
    (package / "a.py").write_text("x = 1\n")
    monkeypatch.setattr(resident, "_PACKAGE", package)
    before = resident.code_digest()
    (package / "a.py").write_text("x = 22\n")
    assert resident.code_digest() != before


def test_a_folder_others_can_open_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    assert not resident._private_folder(folder)
    folder.chmod(0o700)
    assert resident._private_folder(folder)
