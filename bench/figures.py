"""docgen's own figures for one article: cold and warm builds, up to date, memory, --jobs.

Cold figures run ``python -m docgen`` in a new process per run; when the peers are installed, the
cold build of both artifacts is measured in one loop with the peers' three commands, one after the
other in each round, so the machine's load weighs on both sides alike.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: The benchmark's own disk cache folder (set by run.main), so no figure depends on the user's.
CACHE: list[str] = []
_INSTALLED: list[bool] = []


def _installed_here() -> bool:
    """Whether this interpreter imports docgen from this checkout without PYTHONPATH."""
    if not _INSTALLED:
        probe = "import docgen, pathlib; print(pathlib.Path(docgen.__file__).resolve())"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                              cwd=tempfile.gettempdir())
        _INSTALLED.append(proc.returncode == 0
                          and Path(proc.stdout.strip()) == ROOT / "src" / "docgen" / "__init__.py")
    return _INSTALLED[0]


def _env() -> dict[str, str]:
    """The children's environment: docgen importable from this checkout, the benchmark's cache.

    ``src`` goes on PYTHONPATH only when the interpreter does not import this checkout already:
    an extra path entry costs every import a look-up.
    """
    env = dict(os.environ, DOCGEN_RESIDENT="0")  # a new process: never a resident server's worker
    if CACHE:
        env["DOCGEN_CACHE_DIR"] = CACHE[0]
    if not _installed_here():
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH", ""))
                                            if p)
    return env


def run_process(argv: list[str], cwd: Path = ROOT,
                extra_env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run ``argv``; return (seconds, peak RSS of that child in MB). Raise when it fails."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err,
                                env={**_env(), **(extra_env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status):
            err.seek(0)
            raise RuntimeError(f"{' '.join(argv)} failed: {err.read().decode(errors='replace')[-2000:]}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def median_of(runs: int, fn: Callable[[], float]) -> float:
    return statistics.median(fn() for _ in range(runs))


def interleaved(runs: int, steps: dict[str, Callable[[], float]]) -> dict[str, float]:
    """Run every step once per round, ``runs`` rounds; return each step's median seconds."""
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(runs):
        for name, step in steps.items():
            times[name].append(step())
    return {name: statistics.median(values) for name, values in times.items()}


def docgen(*args: str) -> list[str]:
    return [sys.executable, "-m", "docgen", *args]


def measure_size(article: Path, out: Path, runs: int, peer_steps: dict[str, list[str]] | None,
                 first: bool = False, served: dict[str, str] | None = None) -> dict[str, Any]:
    """Every figure for one article; ``peer_steps`` are the peers' commands, timed beside the cold
    build of both artifacts, and so is a build through a resident server when ``served`` (the
    environment that finds it) is given. ``first`` adds the seed's extras: a first build (empty
    disk cache, new output folder) and ``invoke check``."""
    from docgen.app.build import build, check

    src = ["-s", str(article)]
    build_args = [*src, "-o", str(out), "--force", "-q"]
    row: dict[str, Any] = {"article": article.name}
    rss: list[float] = []
    run_process(docgen("build", *build_args))  # fills the disk cache, as any earlier build did
    if first:
        def empty_cache() -> float:
            with tempfile.TemporaryDirectory(prefix="docgen-first-") as fresh:
                args = [*src, "-o", str(Path(fresh) / "out"), "-q"]
                return run_process(docgen("build", *args),
                                   extra_env={"DOCGEN_CACHE_DIR": str(Path(fresh) / "cache")})[0]

        row["both_cold_first_s"] = median_of(runs, empty_cache)
        invoke = Path(sys.executable).with_name("invoke")
        if invoke.exists():
            row["invoke_check_cold_s"] = median_of(
                runs, lambda: run_process([str(invoke), "check", "--source", str(article)])[0])

    def cold(*args: str) -> float:
        seconds, peak = run_process(docgen(*args))
        rss.append(peak)
        return seconds

    row["check_cold_s"] = median_of(runs, lambda: cold("check", *src, "-q"))
    row["pdf_cold_s"] = median_of(runs, lambda: cold("pdf", *build_args))
    row["deck_cold_s"] = median_of(runs, lambda: cold("deck", *build_args))
    both_rss: list[float] = []

    def cold_both() -> float:
        seconds, peak = run_process(docgen("build", *build_args))
        both_rss.append(peak)
        return seconds

    steps: dict[str, Callable[[], float]] = {"both_cold_s": cold_both}
    if served is not None:
        steps["both_served_s"] = lambda: run_process(docgen("build", *build_args),
                                                     extra_env=served)[0]
    for name, argv in (peer_steps or {}).items():
        steps[f"peer_{name}_s"] = lambda argv=argv: run_process(argv, cwd=article.parent)[0]
    row |= interleaved(runs, steps)
    row["peak_rss_mb"] = max(both_rss)
    row["peak_rss_any_mb"] = max(rss + both_rss)
    result = build(article, out, ("pdf", "deck"), force=True)  # warm-up: imports, caches
    units = {a.target: a.units for a in result.artifacts}
    row["pages"], row["slides"] = units.get("pdf", 0), units.get("deck", 0)

    def warm(targets: tuple[str, ...], parallel: bool = False) -> float:
        start = time.perf_counter()
        build(article, out, targets, force=True, parallel=parallel)
        return time.perf_counter() - start

    def warm_check() -> float:
        start = time.perf_counter()
        check(article)
        return time.perf_counter() - start

    row |= tagging_cost(article, runs, row["pages"])
    row["check_warm_s"] = median_of(runs, warm_check)
    row["pdf_warm_s"] = median_of(runs, lambda: warm(("pdf",)))
    row["deck_warm_s"] = median_of(runs, lambda: warm(("deck",)))
    row["both_warm_s"] = median_of(runs, lambda: warm(("pdf", "deck"), parallel=True))
    row["both_warm_serial_s"] = median_of(runs, lambda: warm(("pdf", "deck")))
    up = [*src, "-o", str(out), "-q"]
    row["up_to_date_s"] = median_of(runs, lambda: run_process(docgen("build", *up))[0])
    row["up_to_date_imports"] = up_to_date_imports(article, out)
    return row


def tagging_cost(article: Path, runs: int, pages: int) -> dict[str, float]:
    """The PDF renderer with and without tagging (structure tree, marked content), warm and
    interleaved so that the machine's load falls on both alike; issue 17 keeps it within 10 %."""
    from docgen.render.pdf import render_pdf
    from docgen.source import load

    doc = load(article)

    def render(tagged: bool) -> float:
        start = time.perf_counter()
        render_pdf(doc, pages, tagged=tagged)
        return time.perf_counter() - start

    times = interleaved(max(runs, 3), {"pdf_render_untagged_s": lambda: render(False),
                                       "pdf_render_tagged_s": lambda: render(True)})
    times["tagging_cost_pct"] = (times["pdf_render_tagged_s"] / times["pdf_render_untagged_s"]
                                 - 1) * 100
    return times


_PROBE = """
import json, sys
from pathlib import Path
from docgen.app.build import build
result = build(Path(sys.argv[1]), Path(sys.argv[2]))
print(json.dumps({"fresh": any(a.fresh for a in result.artifacts),
                  "imported": sorted(m for m in ("reportlab", "pptx", "yaml") if m in sys.modules)}))
"""


def up_to_date_imports(article: Path, out: Path) -> list[str]:
    """Return which heavy libraries an up-to-date rebuild imported (should be none)."""
    proc = subprocess.run([sys.executable, "-c", _PROBE, str(article), str(out)], env=_env(),
                          capture_output=True, text=True, check=True, cwd=ROOT)
    info = json.loads(proc.stdout)
    if info["fresh"]:
        raise RuntimeError("the up-to-date probe rebuilt: the build was not up to date")
    return list(info["imported"])


def measure_jobs(articles: list[Path], out: Path, runs: int) -> dict[str, Any]:
    """Build several sources with ``--jobs 1`` and ``--jobs <cores>``; report the speed-up."""
    cores = os.cpu_count() or 1
    args = [a for p in articles for a in ("-s", str(p))]

    def timed(jobs: int) -> float:
        return run_process(docgen("build", *args, "-o", str(out), "--force", "-q", f"--jobs={jobs}"))[0]

    one = median_of(runs, lambda: timed(1))
    many = median_of(runs, lambda: timed(cores))
    return {"sources": len(articles), "article": articles[0].name, "jobs": cores,
            "jobs1_s": one, "jobsN_s": many, "speedup": one / many}


def copies(article: Path, n: int) -> list[Path]:
    """Write ``n`` copies of ``article`` with distinct titles (so distinct output files)."""
    import yaml

    data = yaml.safe_load(article.read_text(encoding="utf-8"))
    out = []
    for i in range(n):
        path = article.with_name(f"{article.stem}-copy{i + 1}.yaml")
        path.write_text(yaml.safe_dump({**data, "title": f"{data['title']} copy {i + 1}"},
                                       allow_unicode=True, sort_keys=False), encoding="utf-8")
        out.append(path)
    return out
