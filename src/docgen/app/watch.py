"""Rebuild when the article, its brand or an asset changes (polling: no extra dependency).

The renderers stay imported between rounds, so each rebuild is a warm one. A broken save is
reported and the last good artifacts stay in place, because a build writes nothing until every
target has rendered.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from docgen.app.build import TARGETS, BuildResult, build, input_files
from docgen.errors import DocgenError
from docgen.source import load

Stamp = tuple[int, int] | None


def _stamp(path: Path) -> Stamp:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def watched_files(source: Path) -> set[Path]:
    """Return the files whose change should trigger a rebuild of ``source``."""
    try:
        return {source.resolve(), *input_files(load(source))}
    except DocgenError:
        return {source.resolve()}


def watch(sources: list[Path], out_dir: Path, on_result: Callable[[BuildResult | DocgenError], None],
          *, interval: float = 0.25, should_stop: Callable[[], bool] = lambda: False,
          parallel: bool = False) -> None:
    """Build every source now and again after each change, until ``should_stop()`` is true.

    With ``parallel`` (the command line, single-threaded), rebuilds after the first one render the
    deck in a forked child beside the PDF: the child inherits this process's warm caches.
    """
    warmed = False
    files: dict[Path, set[Path]] = {}
    stamps: dict[Path, dict[Path, Stamp]] = {}
    for source in sources:
        stamps[source] = {}
    while not should_stop():
        for source in sources:
            current = {p: _stamp(p) for p in files.get(source, {source.resolve()})}
            if current == stamps[source]:
                continue
            try:
                on_result(build(source, out_dir, TARGETS, parallel=parallel and warmed))
                warmed = True
            except DocgenError as exc:
                on_result(exc)
            files[source] = files.get(source, set()) | watched_files(source)
            stamps[source] = {p: _stamp(p) for p in files[source]}
        time.sleep(interval)
