"""``bench/run.py --quick`` runs and its JSON has every figure issues 7 and 12 ask for (nothing is
timed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIZE_FIGURES = {
    "check_cold_s", "pdf_cold_s", "deck_cold_s", "both_cold_s",
    "check_warm_s", "pdf_warm_s", "deck_warm_s", "both_warm_s",
    "up_to_date_s", "up_to_date_imports", "peak_rss_mb", "pages", "slides", "both_served_s",
}
TARGETS = {"warm_both_seed", "up_to_date", "check_cold", "both_largest", "rss_largest", "growth",
           "vs_peers_seed"}
PEER_FIGURES = {"peer_pptx_s", "peer_typ_s", "peer_typst_pdf_s"}


@pytest.mark.slow
def test_quick_bench_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", f"--out={out}"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "| article |" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["quick"] is True
    assert {"nproc", "cpu", "python"} <= set(data["machine"])
    assert list(data["sizes"]) == ["seed", "2x", "4x"]
    for label, row in data["sizes"].items():
        assert set(row) >= SIZE_FIGURES, label
        for key in SIZE_FIGURES - {"up_to_date_imports", "pages", "slides"}:
            assert isinstance(row[key], float) and row[key] > 0, (label, key)
        assert row["pages"] > 0 and row["slides"] > 0
        assert row["up_to_date_imports"] == []  # an up-to-date rebuild needs no renderer
    assert data["sizes"]["seed"]["both_cold_first_s"] > 0  # a build with an empty font cache
    assert data["sizes"]["seed"]["invoke_check_cold_s"] > data["sizes"]["seed"]["check_cold_s"] * 0.5
    assert data["sizes"]["4x"]["slides"] > data["sizes"]["seed"]["slides"] * 3
    peers = data["peers"]
    if "note" in peers:  # not installed: --quick never installs them
        assert peers["note"] and data["targets"]["vs_peers_seed"]["met"] is None
        assert not any(PEER_FIGURES & set(row) for row in data["sizes"].values())
    else:
        assert peers["versions"]["pandoc"].startswith("pandoc 3.")
        for row in data["sizes"].values():
            assert all(row[k] > 0 for k in PEER_FIGURES)
            assert row["peer_outputs"]["slides"] > 0 and row["peer_outputs"]["pages"] > 0
        assert data["targets"]["vs_peers_seed"]["peers_s"] > 0
    assert data["load_average_after"]
    growth = data["growth"]
    assert growth["linear"] == 2
    assert all(growth[k] > 0 for k in ("pdf_cold", "deck_cold", "both_cold", "both_warm"))
    jobs = data["jobs"]
    assert jobs["sources"] >= 2 and jobs["jobs1_s"] > 0 and jobs["jobsN_s"] > 0 and jobs["speedup"] > 0
    assert set(data["targets"]) == TARGETS
    for name, target in data["targets"].items():
        assert "met" in target, name
    assert data["table"].startswith("| article |")
