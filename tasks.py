"""Invoke tasks: thin shells over docgen's command line (run `invoke --list`)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from invoke import Collection, Context, Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "src"))  # tasks work from a clone before `pip install -e .`

SOURCE_HELP = "article YAML file (default source/article.yaml; repeat for several)"
OUT_HELP = "output folder (default build/)"


def _docgen(verb: str, source: list[str], out: str | None, *extra: str) -> None:
    from docgen.app.cli import run

    argv = [verb, *[f"--source={s}" for s in source]]
    if out is not None:
        argv.append(f"--out={out}")
    code = run([*argv, *extra])
    if code:
        raise Exit(code=code)


def _flags(jobs: int, force: bool, quiet: bool) -> list[str]:
    return [f"--jobs={jobs}", *(["--force"] if force else []), *(["--quiet"] if quiet else [])]


BUILD_HELP = {"source": SOURCE_HELP, "out": OUT_HELP, "jobs": "build sources in parallel",
              "force": "rebuild even when nothing changed", "quiet": "print errors only"}


@task(iterable=["source"], help=BUILD_HELP)
def pdf(c: Context, source: list[str] | None = None, out: str = "build", jobs: int = 1,
        force: bool = False, quiet: bool = False) -> None:
    """Build the branded PDF handout: build/<slug>.pdf."""
    _docgen("pdf", source or [], out, *_flags(jobs, force, quiet))


@task(iterable=["source"], help=BUILD_HELP)
def deck(c: Context, source: list[str] | None = None, out: str = "build", jobs: int = 1,
         force: bool = False, quiet: bool = False) -> None:
    """Build the PowerPoint deck: build/<slug>.pptx."""
    _docgen("deck", source or [], out, *_flags(jobs, force, quiet))


@task(iterable=["source"], help=BUILD_HELP, default=True)
def build(c: Context, source: list[str] | None = None, out: str = "build", jobs: int = 1,
          force: bool = False, quiet: bool = False) -> None:
    """Build the PDF and the deck, and build/manifest.json."""
    _docgen("build", source or [], out, *_flags(jobs, force, quiet))


@task(iterable=["source"], help={"source": SOURCE_HELP})
def check(c: Context, source: list[str] | None = None) -> None:
    """Validate the article and its brand without building (fast)."""
    _docgen("check", source or [], None)


@task(iterable=["source"], help={"source": SOURCE_HELP + ", or a brand file"})
def brand(c: Context, source: list[str] | None = None) -> None:
    """Show what docgen makes of the brand: colours and their contrast, fonts, logos, unused keys."""
    _docgen("brand", source or [], None)


@task(iterable=["source"], help={"source": SOURCE_HELP, "out": OUT_HELP})
def preview(c: Context, source: list[str] | None = None, out: str = "build") -> None:
    """Build, then write PNGs of every page and slide, a contact sheet and the brand sheet."""
    _docgen("preview", source or [], out)


@task(iterable=["source"], help={"source": SOURCE_HELP, "out": OUT_HELP,
                                 "interval": "seconds between checks for changes"})
def watch(c: Context, source: list[str] | None = None, out: str = "build",
          interval: float = 0.25) -> None:
    """Rebuild both outputs whenever the article, the brand or an asset is saved (Ctrl+C stops)."""
    _docgen("watch", source or [], out, f"--interval={interval}")


@task(help={"idle": "seconds without a build before the server exits (default 900)"})
def serve(c: Context, idle: float = 900.0) -> None:
    """Keep docgen loaded so each `docgen build` starts warm, until idle (Ctrl+C stops)."""
    from docgen.app.cli import run

    code = run(["serve", f"--idle={idle}"])
    if code:
        raise Exit(code=code)


@task(help={"out": OUT_HELP})
def clean(c: Context, out: str = "build") -> None:
    """Remove the output folder."""
    target = (ROOT / out).resolve()
    if target == ROOT or ROOT not in target.parents:
        raise Exit(f"refusing to remove {target}: it is not inside the project", code=2)
    shutil.rmtree(target, ignore_errors=True)
    print(f"removed {out}/")


@task(help={"require_tools": "fail (not skip) when poppler, qpdf or LibreOffice is missing",
            "k": "only run tests matching this expression"})
def test(c: Context, require_tools: bool = False, k: str = "") -> None:
    """Run the test suite (ruff and mypy first)."""
    env = {"DOCGEN_REQUIRE_TOOLS": "1"} if require_tools else {}
    paths = " ".join(p for p in ("src", "tests", "tasks.py", "bench") if (ROOT / p).exists())
    c.run(f"{sys.executable} -m ruff check {paths}", pty=False)
    c.run(f"{sys.executable} -m mypy", pty=False)
    select = f" -k {k!r}" if k else ""
    c.run(f"{sys.executable} -m pytest -q{select}", env=env, pty=False)


@task(help={"quick": "fewer runs and sizes, for a smoke test"})
def bench(c: Context, quick: bool = False) -> None:
    """Measure build speed and memory; print a table and write build/bench.json."""
    c.run(f"{sys.executable} bench/run.py{' --quick' if quick else ''}", pty=False)


@task
def schema(c: Context) -> None:
    """Regenerate the JSON Schemas in schema/ from the loader's specs."""
    from docgen.app.schema import write_schemas

    for path in write_schemas(ROOT / "schema"):
        print(f"wrote {path.relative_to(ROOT)}")


ns = Collection(pdf, deck, build, check, brand, preview, watch, serve, clean, test, bench, schema)
