"""Render one target in a forked child while the parent renders another (cold builds on 2+ cores).

A fork shares everything already loaded (the document, imported modules), so the child starts
instantly; it sends back the rendered bytes or its problems through a pipe. Only the command line
uses this: library callers, threads and process pools render in-process.
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
    from docgen.model import Document
    from docgen.render import Rendered

Render = Callable[["Document"], "Rendered"]


def available() -> bool:
    """Return True where forking helps: a POSIX system with more than one core."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def start(render: Callable[[], Rendered]) -> Callable[[], Rendered]:
    """Start ``render()`` in a child process; return a function that waits for its result."""
    read_end, write_end = os.pipe()
    pid = os.fork()
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
    done = False

    def wait() -> Rendered:
        nonlocal done
        try:
            with os.fdopen(read_end, "rb") as pipe:
                data = pipe.read()
        finally:
            done = True
            os.waitpid(pid, 0)
        if not data:
            raise DocgenError(Problem("the renderer's process ended without a result"))
        kind, value = pickle.loads(data)  # our own child's bytes
        if kind == "problems":
            raise DocgenError(value)
        if kind == "crash":
            raise RuntimeError(value)
        return value  # type: ignore[no-any-return]

    def cancel() -> None:
        if not done:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
                os.close(read_end)
                os.waitpid(pid, 0)

    wait.cancel = cancel  # type: ignore[attr-defined]
    return wait
