"""Render one target in a forked child while the parent renders another (cold builds on 2+ cores).

The fork comes after the source is loaded: the child shares everything already in memory (the
document, imported modules), so it needs nothing handed over; it sends back the rendered bytes or
its problems through a pipe. Only the command line uses this: library callers, threads and process
pools render in-process.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from docgen.errors import DocgenError, Problem

if TYPE_CHECKING:
    from docgen.render import Rendered


def available() -> bool:
    """Return True where forking helps: a POSIX system with more than one core."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


class Child:
    """A forked process rendering one target; :meth:`result` waits for it, :meth:`cancel` stops it."""

    def __init__(self, pid: int, pipe: int) -> None:
        self._pid, self._pipe, self._done = pid, pipe, False

    def result(self) -> Rendered:
        """Return the child's rendering; raise its DocgenError, or RuntimeError for a crash."""
        try:
            with os.fdopen(self._pipe, "rb") as pipe:
                data = pipe.read()
        finally:
            self._done = True
            os.waitpid(self._pid, 0)
        if not data:
            raise DocgenError(Problem("the renderer's process ended without a result"))
        kind, value = pickle.loads(data)  # our own child's bytes
        if kind == "problems":
            raise DocgenError(value)
        if kind == "crash":
            raise RuntimeError(value)
        return value

    def cancel(self) -> None:
        """Stop the child and reap it, unless :meth:`result` already did."""
        if self._done:
            return
        self._done = True
        with contextlib.suppress(OSError):
            os.kill(self._pid, signal.SIGTERM)
            os.close(self._pipe)
            os.waitpid(self._pid, 0)


def start(render: Callable[[], Rendered]) -> Child:
    """Start ``render()`` in a child process; raise OSError when the system refuses the fork."""
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        raise
    if pid == 0:  # the child: render, report, and leave without running the parent's exit hooks
        code = 0
        try:
            os.close(read_end)
            outcome: tuple[str, Any]
            try:
                outcome = ("ok", render())
            except DocgenError as exc:
                outcome = ("problems", exc.problems)
            except BaseException as exc:  # reported by the parent as an internal error
                outcome = ("crash", f"{type(exc).__name__}: {exc}")
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    return Child(pid, read_end)
