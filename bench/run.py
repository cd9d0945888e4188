"""Benchmark docgen against its fastest peers: cold and warm builds, up to date, memory, --jobs.

Run ``python bench/run.py`` (or ``invoke bench``); ``--quick`` is a smoke run (one run each, small
articles, peers only if already installed) for tests. It prints a Markdown table and writes
``build/bench.json``.

For the seed article and generated articles 10x and 100x its size (``bench/articles.py``), as the
median of ``--runs`` runs (``bench/figures.py``): cold builds (a new ``python -m docgen`` process
per run, with the disk cache filled and the last build's state, as after any earlier build), warm
builds (``build(..., force=True)`` again in this process, as ``docgen watch`` does), up-to-date
builds, peak RSS, and ``--jobs``. Beside every cold build of both artifacts, in the same loop, the
peers make the same content's deck and PDF (``bench/peers.py``: Pandoc 3 and typst from PyPI, in
the benchmark's own environment). The load average is recorded before and after.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT / "src"), str(BENCH)]

import brand  # noqa: E402
import figures  # noqa: E402
import peers  # noqa: E402
import report  # noqa: E402
from articles import write_articles  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: 1 run each, articles 1x/2x/4x, peers only if installed")
    ap.add_argument("--runs", type=int, default=None, help="runs per figure (default 7; quick 1)")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "bench.json", help="JSON output")
    ap.add_argument("--no-peers", action="store_true", help="skip the Pandoc and typst comparison")
    ap.add_argument("--peers-env", type=Path, default=ROOT / "build" / "bench-peers",
                    help="the peers' virtual environment (made on first use)")
    args = ap.parse_args(argv)
    runs = args.runs or (1 if args.quick else 7)
    scales = [1, 2, 4] if args.quick else [1, 10, 100]
    # Byte-compile docgen as an install would: under PYTHONDONTWRITEBYTECODE (set on some machines
    # and CI images) every cold run would otherwise measure compiling docgen's modules.
    compileall.compile_dir(str(ROOT / "src" / "docgen"), quiet=1)
    started = time.perf_counter()
    found = "skipped (--no-peers)" if args.no_peers else peers.prepare(args.peers_env,
                                                                        install=not args.quick)
    note = found if isinstance(found, str) else ""
    result: dict[str, Any] = {"quick": args.quick, "runs": runs, "machine": report.machine(),
                              "scales": scales, "docgen_installed_editable": figures._installed_here(),
                              "peers": {"note": note} if note else {"versions": found.versions()}}
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as tmp:
        work = Path(tmp)
        figures.CACHE[:] = [str(work / "cache")]
        os.environ["DOCGEN_CACHE_DIR"] = figures.CACHE[0]  # the warm builds in this process too
        articles = write_articles(work / "src", scales)
        server, served = _start_server(work)
        try:
            labels = {s: ("seed" if s == 1 else f"{s}x") for s in scales}
            sizes: dict[str, dict[str, Any]] = {}
            for scale in scales:
                label, article = labels[scale], articles[scale]
                print(f"measuring {label} ...", file=sys.stderr, flush=True)
                steps = None
                if not isinstance(found, str):
                    md = peers.write_markdown(article)
                    steps = found.commands(md, work)
                sizes[label] = figures.measure_size(article, work / f"out-{scale}", runs, steps,
                                                    first=scale == 1, served=served)
                sizes[label]["scale"] = scale
                if steps is not None:
                    sizes[label]["peer_outputs"] = peers.outputs(md, work)
            a, b = labels[scales[-2]], labels[scales[-1]]
            growth: dict[str, Any] = {"from": a, "to": b, "linear": scales[-1] / scales[-2]}
            for key in ("pdf_cold", "deck_cold", "both_cold", "pdf_warm", "deck_warm", "both_warm"):
                growth[key] = sizes[b][f"{key}_s"] / sizes[a][f"{key}_s"]
            print("measuring a large brand with an SVG logo ...", file=sys.stderr, flush=True)
            result["big_brand"] = brand.measure_brand(runs, work)
        finally:  # never leave a server behind, whatever failed
            server.terminate()
            server.wait(timeout=60)
        print("measuring --jobs ...", file=sys.stderr, flush=True)
        result["jobs"] = figures.measure_jobs(figures.copies(articles[scales[1]], 4),
                                              work / "out-jobs", runs)
    result |= {"sizes": sizes, "growth": growth,
               "targets": report.targets(sizes, labels[scales[-1]], growth, note),
               "table": report.table(sizes), "seconds": time.perf_counter() - started,
               "load_average_after": list(os.getloadavg())}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    _print(result)
    return 0


def _start_server(work: Path) -> tuple[subprocess.Popen[bytes], dict[str, str]]:
    """Start ``docgen serve`` for the cold builds through a resident process; return it and the
    environment in which ``docgen build`` finds it."""
    runtime = work / "run"
    runtime.mkdir(mode=0o700)
    served = {"XDG_RUNTIME_DIR": str(runtime), "DOCGEN_RESIDENT": "1"}
    env = {**figures._env(), **served}
    server = subprocess.Popen(figures.docgen("serve", "--idle", "3600", "-q"), cwd=ROOT, env=env)
    probe = ("import sys; from docgen.app.resident import socket_path; "
             "sys.exit(0 if socket_path().exists() else 1)")
    deadline = time.monotonic() + 60
    while subprocess.run([sys.executable, "-c", probe], env=env, check=False).returncode:
        if time.monotonic() > deadline or server.poll() is not None:
            raise RuntimeError("docgen serve did not start")
        time.sleep(0.2)
    return server, served


def _print(result: dict[str, Any]) -> None:
    ms = report.ms
    print(result["table"])
    print()
    peers_info = result["peers"]
    versions = peers_info.get("versions", {})
    print("peers:", peers_info.get("note") or f"{versions['pandoc']}, typst {versions['typst']}")
    g = result["growth"]
    print(f"growth {g['from']} -> {g['to']} (linear {g['linear']:.0f}): both cold {g['both_cold']:.1f}, "
          f"both warm {g['both_warm']:.1f}, deck warm {g['deck_warm']:.1f}, pdf warm {g['pdf_warm']:.1f}")
    seed = result["sizes"]["seed"]
    print(f"seed, first build on a machine (empty disk cache, new output folder): "
          f"{ms(seed['both_cold_first_s'])}; `invoke check`: "
          f"{ms(seed.get('invoke_check_cold_s', 0.0))} (`docgen check`: {ms(seed['check_cold_s'])})")
    tags = ", ".join(f"{label} {ms(row['pdf_render_untagged_s'])} -> "
                     f"{ms(row['pdf_render_tagged_s'])} ({row['tagging_cost_pct']:+.1f} %)"
                     for label, row in result["sizes"].items() if "tagging_cost_pct" in row)
    print(f"tagged PDF (PDF/UA-1) vs untagged, warm render: {tags}")
    b = result["big_brand"]
    print(f"large brand ({b['brand_bytes'] // 1024} KB, {b['palette_entries']} colours, SVG logo), seed "
          f"article: check {ms(b['check_cold_s'])} (first on a machine {ms(b['check_first_s'])}), "
          f"cold build {ms(b['both_cold_s'])}, up to date {ms(b['up_to_date_s'])}")
    j = result["jobs"]
    print(f"--jobs: {j['sources']} sources ({j['article']}): 1 job {ms(j['jobs1_s'])}, "
          f"{j['jobs']} jobs {ms(j['jobsN_s'])}, speed-up {j['speedup']:.2f}x")
    for name, t in result["targets"].items():
        shown = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in t.items()}
        print(f"target {name}: {shown}")
    before, after = result["machine"]["load_average"], result["load_average_after"]
    print(f"load average before {before[0]:.2f} {before[1]:.2f} {before[2]:.2f}, "
          f"after {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}")
    print(f"wrote the figures in {result['seconds']:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
