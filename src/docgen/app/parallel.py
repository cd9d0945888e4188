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


class Handoff:
    """Hands one object from the parent to a child forked before the object existed.

    A cold build forks the deck's child before the source is loaded, so the child imports
    python-pptx while the parent parses the YAML (two cores, no waiting); the parent then hands
    over the document. The pickled bytes go into an anonymous in-memory file and only their length
    through a pipe, so the parent never blocks on a child that is still importing.
    """

    def __init__(self) -> None:
        if hasattr(os, "memfd_create"):
            self._fd = os.memfd_create("docgen-handoff", 0)
        else:  # pragma: no cover - macOS and BSD
            import tempfile

            with tempfile.TemporaryFile() as unlinked:
                self._fd = os.dup(unlinked.fileno())
        self._read, self._write = os.pipe()

    def send(self, value: Any) -> None:
        """Parent: hand ``value`` over (call once, after the fork)."""
        data = memoryview(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        done = 0
        while done < len(data):
            done += os.pwrite(self._fd, data[done:], done)
        os.write(self._write, len(data).to_bytes(8, "little"))
        self.close()

    def receive(self) -> Any:
        """Child: wait for the value; raise EOFError when the parent gave up without one."""
        os.close(self._write)
        head = os.read(self._read, 8)
        os.close(self._read)
        if len(head) != 8:
            raise EOFError("the build stopped before the document was loaded")
        size = int.from_bytes(head, "little")
        chunks, done = [], 0
        while done < size:
            chunk = os.pread(self._fd, size - done, done)
            if not chunk:
                raise EOFError("the document was cut short")
            chunks.append(chunk)
            done += len(chunk)
        return pickle.loads(b"".join(chunks))  # our own parent's bytes

    def close(self) -> None:
        """Parent: release the hand-off's files (the child sees the pipe close)."""
        for fd in (self._read, self._write, self._fd):
            with contextlib.suppress(OSError):
                os.close(fd)
