"""Benchmark docgen (issue 7): cold and warm builds, up-to-date rebuilds, memory, Pandoc, --jobs.

Run ``python bench/run.py`` (or ``invoke bench``); ``--quick`` is a smoke run (one run each, small
articles) for tests and CI. It prints a Markdown table and writes ``build/bench.json``.

What is measured, for the seed article and generated articles 10x and 100x its size (the seed's
sections repeated with varied text, see ``bench/articles.py``), as the median of ``--runs`` runs:

* cold: a new ``python -m docgen`` process per run (``check``, ``pdf``, ``deck``, ``build``), as a
  person or CI runs it after an edit (the output folder keeps the last build's state, e.g. its
  page count); its peak RSS comes from ``os.wait4`` (the child's own ``ru_maxrss``). The font
  cache (``docgen.infra.diskcache``) is the benchmark's own and filled before the first cold run, as on
  any machine after its first build. For the seed, "first build" is ``build`` with an empty font
  cache and a new output folder each run, and ``invoke check`` (Invoke's own import included) is
  timed beside ``docgen check``;
* warm: ``docgen.app.build.build(..., force=True)`` again in this process, as ``docgen watch`` does
  (for both targets with ``parallel=True``: watch renders the deck in a forked child that inherits
  the warm caches; "both warm serial" is the one-process figure);
* up to date: ``docgen build`` in a new process when nothing changed, plus a check that it imported
  neither reportlab nor python-pptx;
* Pandoc, when installed: the same content as Markdown to .pptx, and to PDF with the fastest PDF
  engine installed, and our time divided by Pandoc's;
* growth: time at the largest size divided by time at the one before (linear is the size ratio);
* ``--jobs``: several sources built with one process, then with one per core.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
#: PDF engines Pandoc can drive, fastest first (as measured on small documents; LaTeX is slowest).
PDF_ENGINES = ("pdfroff", "wkhtmltopdf", "weasyprint", "typst", "pdflatex", "xelatex", "lualatex",
               "tectonic", "context")
TARGETS = {"check_cold_ms": 150.0, "warm_both_seed_ms": 150.0, "up_to_date_ms": 100.0,
           "both_100x_s": 5.0, "rss_100x_mb": 300.0, "growth_max": 12.0}


def _env() -> dict[str, str]:
    """The children's environment: docgen importable from this checkout, nothing else changed.

    ``src`` is put on PYTHONPATH only when the interpreter does not already import docgen from this
    checkout (an editable install): an extra path entry costs every import a look-up, which shows
    in start-up figures of 150 ms.
    """
    env = dict(os.environ)
    if FONT_CACHE:
        env["DOCGEN_CACHE_DIR"] = FONT_CACHE[0]
    if not _installed_here():
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p)
    return env


_INSTALLED: list[bool] = []
#: The benchmark's own font cache folder (set by main), so no figure depends on the user's cache.
FONT_CACHE: list[str] = []


def _installed_here() -> bool:
    if not _INSTALLED:
        probe = "import docgen, pathlib; print(pathlib.Path(docgen.__file__).resolve())"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                              cwd=tempfile.gettempdir())
        _INSTALLED.append(proc.returncode == 0
                          and Path(proc.stdout.strip()) == ROOT / "src" / "docgen" / "__init__.py")
    return _INSTALLED[0]


def run_process(argv: list[str], cwd: Path = ROOT,
                extra_env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run ``argv``; return (seconds, peak RSS of that child in MB). Raise when it fails."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err,
                                env={**_env(), **(extra_env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            err.seek(0)
            raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): "
                               f"{err.read().decode(errors='replace')[-2000:]}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def median_of(runs: int, fn: Callable[[], float]) -> float:
    return statistics.median(fn() for _ in range(runs))


def docgen(*args: str) -> list[str]:
    return [sys.executable, "-m", "docgen", *args]


def measure_size(article: Path, out: Path, runs: int, first: bool = False) -> dict[str, Any]:
    """Every figure for one article: cold, warm, up to date, memory.

    ``first`` adds the figures only the seed needs: a build with an empty font cache, and
    ``invoke check``.
    """
    from docgen.app.build import build, check

    src = ["-s", str(article)]
    build_args = [*src, "-o", str(out), "--force", "-q"]
    row: dict[str, Any] = {"article": article.name}
    rss: list[float] = []
    run_process(docgen("build", *build_args))  # fills the font cache, as any earlier build did
    if first:
        def empty_cache() -> float:  # nothing from earlier builds: no font cache, no build state
            with tempfile.TemporaryDirectory(prefix="docgen-first-") as fresh:
                args = [*src, "-o", str(Path(fresh) / "out"), "-q"]
                return run_process(docgen("build", *args),
                                   extra_env={"DOCGEN_CACHE_DIR": str(Path(fresh) / "fonts")})[0]

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

    row["both_cold_s"] = median_of(runs, cold_both)
    row["peak_rss_mb"] = max(both_rss)
    row["peak_rss_any_mb"] = max(rss + both_rss)
    result = build(article, out, ("pdf", "deck"), force=True)  # warm-up: imports, font caches
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

    row["check_warm_s"] = median_of(runs, warm_check)
    row["pdf_warm_s"] = median_of(runs, lambda: warm(("pdf",)))
    row["deck_warm_s"] = median_of(runs, lambda: warm(("deck",)))
    row["both_warm_s"] = median_of(runs, lambda: warm(("pdf", "deck"), parallel=True))
    row["both_warm_serial_s"] = median_of(runs, lambda: warm(("pdf", "deck")))
    up = [*src, "-o", str(out), "-q"]
    row["up_to_date_s"] = median_of(runs, lambda: run_process(docgen("build", *up))[0])
    row["up_to_date_imports"] = up_to_date_imports(article, out)
    return row


_PROBE = """
import json, sys
from pathlib import Path
from docgen.app.build import build
result = build(Path(sys.argv[1]), Path(sys.argv[2]))
print(json.dumps({"fresh": any(a.fresh for a in result.artifacts),
                  "imported": sorted(m for m in ("reportlab", "pptx") if m in sys.modules)}))
"""


def up_to_date_imports(article: Path, out: Path) -> list[str]:
    """Return which renderer libraries an up-to-date rebuild imported (should be none)."""
    proc = subprocess.run([sys.executable, "-c", _PROBE, str(article), str(out)], env=_env(),
                          capture_output=True, text=True, check=True, cwd=ROOT)
    info = json.loads(proc.stdout)
    if info["fresh"]:
        raise RuntimeError("the up-to-date probe rebuilt: the build was not up to date")
    return list(info["imported"])


# -- Pandoc ----------------------------------------------------------------------------------------
def to_markdown(article: Path) -> str:
    """Return the article as Pandoc Markdown: the same text, headings, quotes, lists and images."""
    import yaml

    data = yaml.safe_load(article.read_text(encoding="utf-8"))
    meta = {"title": data["title"], "author": data.get("author", {}).get("name", ""),
            "date": str(data.get("date", ""))}
    out = ["---", yaml.safe_dump(meta, allow_unicode=True).strip(), "---", ""]

    def block(b: Any) -> None:
        if isinstance(b, str):
            out.extend([b, ""])
        elif "quote" in b:
            q = b["quote"]
            text = q if isinstance(q, str) else q["text"]
            out.extend([f"> {text}", ""])
        elif "list" in b:
            out.extend([*(f"- {item}" for item in b["list"]), ""])
        elif "image" in b:
            img = b["image"]
            out.extend([f"![{img.get('caption') or img['alt']}]({img['src']})", ""])
        elif "callout" in b:
            out.extend([f"**{b['callout']}**", ""])

    for b in data.get("intro", []):
        block(b)
    for section in data.get("sections", []):
        out.extend([f"# {section['heading']}", ""])
        for b in section.get("blocks", []):
            block(b)
        if section.get("key_points"):
            out.extend(["## Key points", "", *(f"- {p}" for p in section["key_points"]), ""])
    author = data.get("author", {})
    out.extend(["# About the author", "", author.get("bio", ""), ""])
    return "\n".join(out)


def pdf_engine() -> str | None:
    """Return the first PDF engine Pandoc can use that is installed."""
    return next((e for e in PDF_ENGINES if shutil.which(e)), None)


def measure_pandoc(article: Path, work: Path, runs: int) -> dict[str, Any]:
    """Time Pandoc making the deck and the PDF of the same content (cold: it is a new process)."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return {"installed": False, "note": "pandoc not installed"}
    md = article.with_suffix(".md")
    md.write_text(to_markdown(article), encoding="utf-8")
    row: dict[str, Any] = {"installed": True, "markdown": md.name}
    row["pptx_s"] = median_of(runs, lambda: run_process(
        [pandoc, md.name, "-o", str(work / "pandoc.pptx")], cwd=article.parent)[0])
    import zipfile

    with zipfile.ZipFile(work / "pandoc.pptx") as z:
        row["slides"] = sum(1 for n in z.namelist() if n.startswith("ppt/slides/slide"))
    row["version"] = subprocess.run([pandoc, "--version"], capture_output=True, text=True,
                                    check=False).stdout.split("\n", 1)[0]
    engine = pdf_engine()
    row["pdf_engine"] = engine
    if engine is None:
        row["pdf_s"] = None
        row["note"] = "no PDF engine for Pandoc installed"
    else:
        row["pdf_s"] = median_of(runs, lambda: run_process(
            [pandoc, md.name, "-o", str(work / "pandoc.pdf"), f"--pdf-engine={engine}"],
            cwd=article.parent)[0])
    return row


# -- --jobs ----------------------------------------------------------------------------------------
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


# -- report ----------------------------------------------------------------------------------------
def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "platform": platform.platform(), "executable": sys.executable,
            "load_average": list(os.getloadavg())}


def targets(sizes: dict[str, dict[str, Any]], pandoc: dict[str, Any], growth: dict[str, float],
            largest: str) -> dict[str, dict[str, Any]]:
    """Each issue-7 target: the figure, the limit and whether it is met."""
    seed, big = sizes["seed"], sizes[largest]
    out: dict[str, dict[str, Any]] = {
        "warm_both_seed": {"value_ms": seed["both_warm_s"] * 1000, "limit_ms": TARGETS["warm_both_seed_ms"]},
        "up_to_date": {"value_ms": seed["up_to_date_s"] * 1000, "limit_ms": TARGETS["up_to_date_ms"],
                       "imports": seed["up_to_date_imports"]},
        "check_cold": {"value_ms": seed["check_cold_s"] * 1000, "limit_ms": TARGETS["check_cold_ms"],
                       "invoke_check_ms": seed.get("invoke_check_cold_s", 0.0) * 1000},
        "both_largest": {"size": largest, "value_s": big["both_cold_s"], "warm_s": big["both_warm_s"],
                         "limit_s": TARGETS["both_100x_s"]},
        "rss_largest": {"size": largest, "value_mb": big["peak_rss_mb"], "limit_mb": TARGETS["rss_100x_mb"]},
        # Warm, so Python's start-up (the same at every size) does not flatter the ratio.
        "growth": {"value": growth["both_warm"], "cold": growth["both_cold"],
                   "limit": growth["linear"] * 1.2},
    }
    for key in ("warm_both_seed", "check_cold"):
        out[key]["met"] = out[key]["value_ms"] <= out[key]["limit_ms"]
    out["up_to_date"]["met"] = (out["up_to_date"]["value_ms"] <= out["up_to_date"]["limit_ms"]
                                and not seed["up_to_date_imports"])
    out["both_largest"]["met"] = big["both_cold_s"] <= TARGETS["both_100x_s"]
    out["rss_largest"]["met"] = big["peak_rss_mb"] <= TARGETS["rss_100x_mb"]
    out["growth"]["met"] = growth["both_warm"] <= growth["linear"] * 1.2
    p = pandoc.get("seed", {})
    if not p.get("installed"):
        out["vs_pandoc_seed"] = {"met": None, "note": "pandoc not installed"}
    else:
        theirs = p["pptx_s"] + (p["pdf_s"] or 0.0)
        out["vs_pandoc_seed"] = {"ours_s": seed["both_cold_s"], "pandoc_s": theirs,
                                 "ours_empty_font_cache_s": seed.get("both_cold_first_s"),
                                 "ratio": seed["both_cold_s"] / theirs, "met": seed["both_cold_s"] <= theirs,
                                 "note": "" if p["pdf_s"] is not None else "Pandoc deck only (no PDF engine)"}
    return out


def table(sizes: dict[str, dict[str, Any]], pandoc: dict[str, dict[str, Any]]) -> str:
    """The Markdown table printed and copied into docs/performance.md."""
    cols = [("check", "check_cold_s", "check_warm_s"), ("PDF", "pdf_cold_s", "pdf_warm_s"),
            ("deck", "deck_cold_s", "deck_warm_s"), ("both", "both_cold_s", "both_warm_s")]
    head = ["article", "pages/slides", *[f"{c} cold / warm" for c, _, _ in cols], "up to date",
            "peak RSS", "Pandoc pptx / PDF", "ours / Pandoc"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, row in sizes.items():
        cells = [label, f"{row['pages']} / {row['slides']}"]
        cells += [f"{_ms(row[c])} / {_ms(row[w])}" for _, c, w in cols]
        cells += [_ms(row["up_to_date_s"]), f"{row['peak_rss_mb']:.0f} MB"]
        p = pandoc.get(label, {})
        if not p.get("installed"):
            cells += ["not installed", "n/a"]
        else:
            pdf = _ms(p["pdf_s"]) if p["pdf_s"] is not None else "no engine"
            theirs = p["pptx_s"] + (p["pdf_s"] or 0.0)
            cells += [f"{_ms(p['pptx_s'])} / {pdf}", f"{row['both_cold_s'] / theirs:.2f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--quick", action="store_true", help="smoke run: 1 run each, articles 1x/2x/4x")
    ap.add_argument("--runs", type=int, default=None, help="runs per figure (default 5; quick 1)")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "bench.json", help="JSON output")
    ap.add_argument("--no-pandoc", action="store_true", help="skip the Pandoc comparison")
    args = ap.parse_args(argv)
    runs = args.runs or (1 if args.quick else 5)
    scales = [1, 2, 4] if args.quick else [1, 10, 100]
    sys.path[:0] = [str(ROOT / "src"), str(BENCH)]
    from articles import write_articles

    # Byte-compile docgen as an install would: under PYTHONDONTWRITEBYTECODE (set on some machines
    # and CI images) every cold run would otherwise measure compiling our modules, 10-30 ms.
    compileall.compile_dir(str(ROOT / "src" / "docgen"), quiet=1)
    started = time.perf_counter()
    report: dict[str, Any] = {"quick": args.quick, "runs": runs, "machine": machine(), "scales": scales,
                              "docgen_installed_editable": _installed_here()}
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as tmp:
        work = Path(tmp)
        FONT_CACHE[:] = [str(work / "font-cache")]
        os.environ["DOCGEN_CACHE_DIR"] = FONT_CACHE[0]  # the warm builds in this process too
        articles = write_articles(work / "src", scales)
        labels = {s: ("seed" if s == 1 else f"{s}x") for s in scales}
        sizes: dict[str, dict[str, Any]] = {}
        pandoc: dict[str, dict[str, Any]] = {}
        for scale in scales:
            label = labels[scale]
            print(f"measuring {label} ...", file=sys.stderr, flush=True)
            sizes[label] = measure_size(articles[scale], work / f"out-{scale}", runs, first=scale == 1)
            sizes[label]["scale"] = scale
            pandoc[label] = ({"installed": False, "note": "skipped (--no-pandoc)"} if args.no_pandoc
                             else measure_pandoc(articles[scale], work, runs))
        a, b = labels[scales[-2]], labels[scales[-1]]
        growth = {"from": a, "to": b, "linear": scales[-1] / scales[-2]}
        for key in ("pdf_cold", "deck_cold", "both_cold", "pdf_warm", "deck_warm", "both_warm"):
            growth[key] = sizes[b][f"{key}_s"] / sizes[a][f"{key}_s"]
        print("measuring --jobs ...", file=sys.stderr, flush=True)
        jobs_src = articles[scales[1]]
        report["jobs"] = measure_jobs(copies(jobs_src, 4), work / "out-jobs", runs)
    report["sizes"] = sizes
    report["pandoc"] = pandoc
    report["growth"] = growth
    report["targets"] = targets(sizes, pandoc, growth, labels[scales[-1]])
    report["table"] = table(sizes, pandoc)
    report["seconds"] = time.perf_counter() - started
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(report["table"])
    print()
    g = growth
    print(f"growth {g['from']} -> {g['to']} (linear {g['linear']:.0f}): both cold {g['both_cold']:.1f}, "
          f"both warm {g['both_warm']:.1f}, deck warm {g['deck_warm']:.1f}, pdf warm {g['pdf_warm']:.1f}")
    seed = sizes[labels[1]]
    print("seed, first build on a machine (empty font cache, new output folder): "
          f"{_ms(seed['both_cold_first_s'])}; "
          f"`invoke check`: {_ms(seed.get('invoke_check_cold_s', 0.0))} "
          f"(`docgen check`: {_ms(seed['check_cold_s'])})")
    j = report["jobs"]
    print(f"--jobs: {j['sources']} sources ({j['article']}): 1 job {_ms(j['jobs1_s'])}, "
          f"{j['jobs']} jobs {_ms(j['jobsN_s'])}, speed-up {j['speedup']:.2f}x")
    for name, t in report["targets"].items():
        shown = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in t.items()}
        print(f"target {name}: {shown}")
    print(f"wrote {args.out} in {report['seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
