"""The ``docgen`` command: the only place (with tasks.py) that prints or exits.

Exit codes: 0 success, 1 invalid source or failed build, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from docgen import __version__
from docgen.errors import DocgenError, Problem, escape

DEFAULT_SOURCE = Path("source/article.yaml")
#: --pdf-standard's values, and the variable that carries the choice to the PDF renderer.
PDF_STANDARDS = ("pdf/ua-1", "pdf/a-2b")
PDF_STANDARD_ENV = "DOCGEN_PDF_STANDARD"
DEFAULT_OUT = Path("build")
VERBS = {
    "build": "build the PDF handout and the deck",
    "pdf": "build the PDF handout",
    "deck": "build the PowerPoint deck",
    "check": "validate the source only (fast, writes nothing)",
    "preview": "build, then write PNGs of every page and slide and a contact sheet",
    "watch": "build, then rebuild whenever the article, the brand or an asset changes",
    "brand": "show what docgen makes of the brand: colours, contrast, fonts, logos, unused keys",
    "serve": "keep docgen loaded so builds start warm, until idle (docs/performance.md)",
}


def parser() -> argparse.ArgumentParser:
    """Return the command line's parser."""
    main = argparse.ArgumentParser(
        prog="docgen", description="Build a branded PDF handout and a deck from a YAML article.")
    main.add_argument("--version", action="version", version=f"docgen {__version__}")
    verbs = main.add_subparsers(dest="verb", required=True, metavar="VERB")
    for verb, help_text in VERBS.items():
        sub = verbs.add_parser(verb, help=help_text, description=help_text)
        if verb == "serve":
            sub.add_argument("--idle", type=float, default=900.0,
                             help="seconds without a build before the server exits (default 900)")
            sub.add_argument("--quiet", "-q", action="store_true", help="print errors only")
            continue
        sub.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                         help=f"article YAML files (default: {DEFAULT_SOURCE})")
        sub.add_argument("--source", "-s", action="append", type=Path, default=[],
                         dest="more_sources", help="an article YAML file (repeatable)")
        sub.add_argument("--quiet", "-q", action="store_true", help="print errors only")
        sub.add_argument("--verbose", "-v", action="store_true",
                         help="print warnings in full and timings")
        if verb not in ("check", "brand"):
            sub.add_argument("--out", "-o", type=Path, default=DEFAULT_OUT,
                             help=f"output folder (default: {DEFAULT_OUT}/)")
            sub.add_argument("--jobs", "-j", type=int, default=1,
                             help="build this many sources in parallel")
            sub.add_argument("--force", action="store_true",
                             help="rebuild even when nothing changed")
            sub.add_argument("--pdf-standard", choices=PDF_STANDARDS, default=None,
                             help="pdf/a-2b: an archival handout (PDF/A-2b, and PDF/UA-1 as "
                             "always); overrides the article's pdf: standard:")
        if verb == "watch":
            sub.add_argument("--interval", type=float, default=0.25,
                             help="seconds between checks for changes (default 0.25)")
    return main


def report(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _cache_warning() -> None:
    """Say once per run why the disk cache is not used, when it is unsafe (see diskcache)."""
    from docgen.infra.diskcache import folder_warning

    message = folder_warning()
    if message:
        report([Problem(message, severity="warning")])


def run(argv: list[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    args = parser().parse_args(argv)
    try:
        os.getcwd()
    except OSError:  # deleted under the shell: every relative path (and reportlab) needs it
        print("docgen: error: the working folder no longer exists (cd to an existing folder and "
              "run docgen again)", file=sys.stderr)
        return 1
    if args.verb == "serve":
        return _serve(args)
    if getattr(args, "pdf_standard", None):
        os.environ[PDF_STANDARD_ENV] = args.pdf_standard  # read by the renderer, forked children too
    sources = [*args.sources, *args.more_sources] or [DEFAULT_SOURCE]
    started = time.perf_counter()
    try:
        if args.verb == "brand":
            return _brand(args, sources)
        if args.verb == "check":
            from docgen.source import load_with_warnings  # not docgen.app.build: its imports are not needed

            failed = False
            for source in sources:
                try:
                    warnings = load_with_warnings(source)[1]
                except DocgenError as exc:
                    report(exc.problems)
                    failed = True
                    continue
                report(warnings)
                if not args.quiet:
                    print(escape(f"{source}: ok"))
            return 1 if failed else 0
        if args.verb == "watch":
            return _watch(args, sources)
        return _build(args, sources, started)
    except DocgenError as exc:
        report(exc.problems)
        return 1
    except KeyboardInterrupt:
        print("docgen: interrupted; the previous artifacts are unchanged", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in docgen: say so plainly, never dump a traceback by default
        if args.verbose:
            import traceback  # only on this path: keeps start-up short

            traceback.print_exc()
        print(escape(f"docgen: internal error: {type(exc).__name__}: {exc} (the previous artifacts "
                     "are unchanged; please report this with the source file; --verbose shows "
                     "details)"), file=sys.stderr)
        return 1


def _serve(args: argparse.Namespace) -> int:
    from docgen.app.resident import serve, socket_path

    if not args.quiet:
        print(f"docgen: serving builds at {socket_path()} (Ctrl+C stops; idle after "
              f"{args.idle:g} s)", flush=True)
    try:
        serve(args.idle, log=not args.quiet)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(escape(f"docgen: error: cannot serve builds: {exc}"), file=sys.stderr)
        return 1
    return 0


def _brand(args: argparse.Namespace, sources: list[Path]) -> int:
    from docgen.app.brandreport import describe

    failed = False
    for source in sources:
        try:
            text, warnings = describe(source)
        except DocgenError as exc:
            report(exc.problems)
            failed = True
            continue
        if args.verbose:
            report(warnings)
        print(text, end="")
    return 1 if failed else 0


def _build(args: argparse.Namespace, sources: list[Path], started: float) -> int:
    from docgen.app.build import TARGETS, build_many, describe

    if args.jobs < 1:
        print("docgen: --jobs must be at least 1", file=sys.stderr)
        return 2
    targets = {"pdf": ["pdf"], "deck": ["deck"]}.get(args.verb, list(TARGETS))
    results = build_many(sources, args.out, targets, jobs=args.jobs, force=args.force,
                         parallel=True)
    if any(isinstance(r, DocgenError) or any(a.fresh for a in r.artifacts) for r in results):
        _cache_warning()  # only when something was rendered: up-to-date builds never import it
    failed = False
    for result in results:
        if isinstance(result, DocgenError):
            report(result.problems)
            failed = True
            continue
        report(result.warnings)
        if not args.quiet:
            for artifact in result.artifacts:
                print(escape(describe(artifact)))
    if failed:
        return 1
    if args.verb == "preview":
        from docgen.app.preview import brand_sheets, preview

        built = [a.path for r in results if not isinstance(r, DocgenError) for a in r.artifacts]
        for line in [*preview(built, args.out), *brand_sheets(sources, args.out)]:
            if not args.quiet:
                print(escape(line))
    if args.verbose:
        print(f"done in {time.perf_counter() - started:.2f} s")
    return 0


def _watch(args: argparse.Namespace, sources: list[Path]) -> int:
    from docgen.app.build import BuildResult, describe
    from docgen.app.watch import watch

    def show(result: BuildResult | DocgenError) -> None:
        stamp = time.strftime("%H:%M:%S")
        if isinstance(result, DocgenError):
            report(result.problems)
            print(f"[{stamp}] build failed; the last good artifacts are unchanged", file=sys.stderr)
            return
        report(result.warnings)
        for artifact in result.artifacts:
            print(escape(f"[{stamp}] {describe(artifact)}"), flush=True)

    _cache_warning()
    print(escape(f"watching {', '.join(map(str, sources))} (Ctrl+C stops)"), flush=True)
    try:
        watch(sources, args.out, show, interval=args.interval, parallel=True)
    except KeyboardInterrupt:
        print("stopped")
    return 0


def main() -> None:
    sys.exit(run())
