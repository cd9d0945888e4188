"""Run docgen as CI does: a new process, in a project folder, with a chosen environment."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from docgen.app.output import JOURNAL, MANIFEST, STATE, sha256
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


def spawn(folder: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "docgen", *args], cwd=folder, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def consistent(out: Path) -> dict[str, str]:
    """Assert the folder is as a finished build leaves it; return artifact name -> source."""
    manifest = json.loads((out / MANIFEST).read_text())
    listed = {e["path"]: e for e in manifest["artifacts"]}
    on_disk = {p.name for p in out.iterdir() if p.suffix in (".pdf", ".pptx")}
    assert set(listed) == on_disk, (sorted(listed), sorted(on_disk))
    for name, entry in listed.items():
        data = (out / name).read_bytes()
        assert (entry["size"], entry["sha256"]) == (len(data), sha256(data)), name
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert not (out / JOURNAL).exists()
    state = json.loads((out / STATE).read_text())
    recorded = {info["name"]: info["sha256"] for entry in state["sources"].values()
                for info in entry["targets"].values()}
    assert recorded == {name: e["sha256"] for name, e in listed.items()}
    return {name: e["source"] for name, e in listed.items()}


def copy_seed(folder: Path) -> Path:
    """Copy the seed article with its brand and pictures into ``folder``; return the article."""
    shutil.copytree(SEED_FOLDER, folder, dirs_exist_ok=True)
    return folder / "article.yaml"


def outputs(folder: Path) -> dict[str, bytes]:
    """Return the artifacts in an output folder, by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.suffix in (".pdf", ".pptx")}
