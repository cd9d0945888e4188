"""The ``docgen`` command: the only place (with tasks.py) that prints or exits.

Exit codes: 0 success, 1 invalid source or failed build, 2 usage error.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import SimpleNamespace

from docgen import __version__
from docgen.errors import DocgenError, Problem

TYPE_CHECKING = False  # not typing's (~6 ms of start-up); type checkers treat this name as true
if TYPE_CHECKING:
    import argparse

    Args = argparse.Namespace | SimpleNamespace

DEFAULT_SOURCE = Path("source/article.yaml")
DEFAULT_OUT = Path("build")
VERBS = {
    "build": "build the PDF handout and the deck",
    "pdf": "build the PDF handout",
    "deck": "build the PowerPoint deck",
    "check": "validate the source only (fast, writes nothing)",
    "preview": "build, then write PNGs of every page and slide and a contact sheet",
    "watch": "build, then rebuild whenever the article, the brand or an asset changes",
}


def parser() -> argparse.ArgumentParser:
    """Return the full parser (help, usage errors, every form argparse accepts)."""
    import argparse
    import functools
    import shutil

    # argparse makes a HelpFormatter per add_argument, and each asks the terminal its width (~8 ms
    # in all): ask once, and give every formatter the width it would have computed itself.
    formatter = functools.partial(argparse.HelpFormatter,
                                  width=shutil.get_terminal_size().columns - 2)
    main = argparse.ArgumentParser(
        prog="docgen", description="Build a branded PDF handout and a deck from a YAML article.",
        formatter_class=formatter)  # type: ignore[arg-type]
    main.add_argument("--version", action="version", version=f"docgen {__version__}")
    verbs = main.add_subparsers(dest="verb", required=True, metavar="VERB")
    for verb, help_text in VERBS.items():
        sub = verbs.add_parser(verb, help=help_text, description=help_text,
                               formatter_class=formatter)
        sub.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                         help=f"article YAML files (default: {DEFAULT_SOURCE})")
        sub.add_argument("--source", "-s", action="append", type=Path, default=[],
                         dest="more_sources", help="an article YAML file (repeatable)")
        sub.add_argument("--quiet", "-q", action="store_true", help="print errors only")
        sub.add_argument("--verbose", "-v", action="store_true",
                         help="print warnings in full and timings")
        if verb != "check":
            sub.add_argument("--out", "-o", type=Path, default=DEFAULT_OUT,
                             help=f"output folder (default: {DEFAULT_OUT}/)")
            sub.add_argument("--jobs", "-j", type=int, default=1,
                             help="build this many sources in parallel")
            sub.add_argument("--force", action="store_true",
                             help="rebuild even when nothing changed")
        if verb == "watch":
            sub.add_argument("--interval", type=float, default=0.25,
                             help="seconds between checks for changes (default 0.25)")
    return main


_FLAGS = {"-q": "quiet", "--quiet": "quiet", "-v": "verbose", "--verbose": "verbose",
          "--force": "force"}
_VALUES = {"-s": "more_sources", "--source": "more_sources", "-o": "out", "--out": "out",
           "-j": "jobs", "--jobs": "jobs"}


def quick_parse(argv: list[str]) -> SimpleNamespace | None:
    """Return the arguments of an everyday command line (``build``, ``pdf a.yaml -q -o out``)
    as :func:`parser` would parse them, or None for anything else (help, ``--out=x``, ``-qv``,
    mistakes), which argparse then handles.

    Importing argparse and building the parser cost ~25 ms, a quarter of an up-to-date build.
    """
    if not argv or argv[0] not in ("build", "pdf", "deck", "check", "preview"):
        return None
    args: dict[str, object] = {"verb": argv[0], "quiet": False, "verbose": False}
    if argv[0] != "check":
        args |= {"out": DEFAULT_OUT, "jobs": 1, "force": False}
    sources: list[Path] = []
    more: list[Path] = []
    runs, after_source, i = 0, False, 1
    while i < len(argv):
        token, i = argv[i], i + 1
        if token and not token.startswith("-"):
            runs += not after_source
            if runs > 1:  # sources split by an option: argparse refuses some such lines
                return None
            sources.append(Path(token))
            after_source = True
            continue
        after_source = False
        name = _FLAGS.get(token)
        if name in args:
            args[name] = True
            continue
        name = _VALUES.get(token)
        if (name not in args and name != "more_sources") or i >= len(argv) or not argv[i] \
                or argv[i].startswith("-"):
            return None
        value, i = argv[i], i + 1
        if name == "more_sources":
            more.append(Path(value))
        elif name == "out":
            args[name] = Path(value)
        else:
            try:
                args[name] = int(value)
            except ValueError:
                return None
    return SimpleNamespace(**args, sources=sources, more_sources=more)


def report(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def run(argv: list[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    args: Args = quick_parse(sys.argv[1:] if argv is None else argv) or parser().parse_args(argv)
    sources = [*args.sources, *args.more_sources] or [DEFAULT_SOURCE]
    started = time.perf_counter()
    try:
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
                    print(f"{source}: ok")
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
        print(f"docgen: internal error: {type(exc).__name__}: {exc} (the previous artifacts are "
              "unchanged; please report this with the source file; --verbose shows details)",
              file=sys.stderr)
        return 1


def _build(args: Args, sources: list[Path], started: float) -> int:
    from docgen.app.build import TARGETS, build_many, describe

    if args.jobs < 1:
        print("docgen: --jobs must be at least 1", file=sys.stderr)
        return 2
    targets = {"pdf": ["pdf"], "deck": ["deck"]}.get(args.verb, list(TARGETS))
    results = build_many(sources, args.out, targets, jobs=args.jobs, force=args.force,
                         parallel=True)
    failed = False
    for result in results:
        if isinstance(result, DocgenError):
            report(result.problems)
            failed = True
            continue
        report(result.warnings)
        if not args.quiet:
            for artifact in result.artifacts:
                print(describe(artifact))
    if failed:
        return 1
    if args.verb == "preview":
        from docgen.app.preview import preview

        built = [a.path for r in results if not isinstance(r, DocgenError) for a in r.artifacts]
        for line in preview(built, args.out):
            if not args.quiet:
                print(line)
    if args.verbose:
        print(f"done in {time.perf_counter() - started:.2f} s")
    return 0


def _watch(args: Args, sources: list[Path]) -> int:
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
            print(f"[{stamp}] {describe(artifact)}", flush=True)

    print(f"watching {', '.join(map(str, sources))} (Ctrl+C stops)", flush=True)
    try:
        watch(sources, args.out, show, interval=args.interval, parallel=True)
    except KeyboardInterrupt:
        print("stopped")
    return 0


def main() -> None:
    sys.exit(run())
