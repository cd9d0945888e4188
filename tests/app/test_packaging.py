"""Packaging: one version, and the wheel carries the fonts (with licences) docgen needs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import docgen
from tests.conftest import ROOT


def test_the_version_is_defined_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "version" in project["dynamic"] and "version" not in project
    assert docgen.__version__.count(".") == 2


def test_requirements_are_pinned_and_reportlab_has_its_security_fixes() -> None:
    lines = [line for line in (ROOT / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert all("==" in line for line in lines), lines
    reportlab = next(line for line in lines if line.lower().startswith("reportlab=="))
    assert tuple(int(x) for x in reportlab.split("==")[1].split(".")) >= (4, 4, 9)


def test_the_wheel_carries_fonts_and_licences(tmp_path: Path) -> None:
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                             check=True).stdout.decode().split("\0")
    copy = tmp_path / "docgen"
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                             str(tmp_path / "dist"), str(copy)], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    wheel = next((tmp_path / "dist").glob("docgen-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for font in ("Carlito-Regular.ttf", "Caladea-BoldItalic.ttf", "DejaVuSans.ttf",
                 "LICENSE-Carlito.txt", "DejaVuSerifCondensed-Italic.ttf", "LICENSE-DejaVu.txt"):
        assert f"docgen/assets/fonts/{font}" in names
    assert "docgen/py.typed" in names
    entry = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt")))
    assert b"docgen = docgen.app.launch:main" in entry
