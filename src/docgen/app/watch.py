"""Rebuild when the article, its brand or an asset changes (polling: no extra dependency).

The renderers stay imported between rounds, so each rebuild is a warm one. A broken save is
reported and the last good artifacts stay in place, because a build writes nothing until every
target has rendered. A change is built once the files have stopped changing (an editor that
truncates and then writes is never read half-saved), and a save during a build is seen in the
next round, because the stamps kept are the ones taken before the build read the files.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from docgen.app.build import TARGETS, BuildResult, build, new_run
from docgen.errors import DocgenError

Stamp = tuple[int, int] | None


def _stamp(path: Path) -> Stamp:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


#: How long the files must stay unchanged before a change is built, and the longest wait for it.
SETTLE, SETTLE_MOST = 0.05, 2.0


def _settled(paths: set[Path]) -> dict[Path, Stamp]:
    """Return the files' stamps once they read the same twice in a row (or after SETTLE_MOST)."""
    current = {p: _stamp(p) for p in paths}
    deadline = time.monotonic() + SETTLE_MOST
    while time.monotonic() < deadline:
        time.sleep(SETTLE)
        again = {p: _stamp(p) for p in paths}
        if again == current:
            break
        current = again
    return current


def watch(sources: list[Path], out_dir: Path, on_result: Callable[[BuildResult | DocgenError], None],
          *, interval: float = 0.25, should_stop: Callable[[], bool] = lambda: False,
          parallel: bool = False) -> None:
    """Build every source now and again after each change, until ``should_stop()`` is true.

    With ``parallel`` (the command line, single-threaded), rebuilds after the first one render the
    deck in a forked child beside the PDF: the child inherits this process's warm caches.
    """
    warmed = False
    run = new_run() if len(sources) > 1 else None  # its sources may not share output names
    files: dict[Path, set[Path]] = {}
    stamps: dict[Path, dict[Path, Stamp]] = {}
    for source in sources:
        stamps[source] = {}
    while not should_stop():
        for source in sources:
            current = {p: _stamp(p) for p in files.get(source, {source.resolve()})}
            if current == stamps[source]:
                continue
            # The source itself, and every file its last good build read (a broken save keeps
            # watching those, so fixing the brand or a picture also triggers a rebuild).
            watched = files.get(source, set()) | {source.resolve()}
            read = _settled(watched) if stamps[source] else current
            try:
                result = build(source, out_dir, TARGETS, parallel=parallel and warmed, run=run)
                watched |= {p.resolve() for p in result.inputs}
                on_result(result)
                warmed = True
            except DocgenError as exc:
                on_result(exc)
            files[source] = watched
            stamps[source] = {p: read[p] if p in read else _stamp(p) for p in watched}
        time.sleep(interval)
