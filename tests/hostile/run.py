"""Run docgen as CI does: a new process, in a project folder, with a chosen environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SEED_FOLDER = ROOT / "source"


def docgen(folder: Path, *args: str, env: dict[str, str] | None = None,
           timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Return the finished ``python -m docgen ARGS`` run in ``folder`` (``env`` entries added to
    this process's environment; a value of None removes the variable)."""
    merged = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for key, value in (env or {}).items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return subprocess.run([sys.executable, "-m", "docgen", *args], cwd=folder, env=merged,
                          capture_output=True, text=True, timeout=timeout)


def copy_seed(folder: Path) -> Path:
    """Copy the seed article with its brand and pictures into ``folder``; return the article."""
    shutil.copytree(SEED_FOLDER, folder, dirs_exist_ok=True)
    return folder / "article.yaml"


def outputs(folder: Path) -> dict[str, bytes]:
    """Return the artifacts in an output folder, by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.suffix in (".pdf", ".pptx")}
