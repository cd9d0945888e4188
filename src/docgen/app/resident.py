"""A resident build process: ``docgen serve`` keeps docgen imported; builds fork from it.

The trade-off is in docs/performance.md. The server imports the loader and both renderers once
and then only accepts connections: each build runs in a worker forked for it, with the client's
arguments, working folder, environment and standard streams (passed as file descriptors), so it
behaves as a new process would and leaves nothing behind for the next build. The client side
(:func:`forward`) imports nothing heavy; when no server of exactly this code is running, or
anything goes wrong before the build starts, it returns None and the build runs in the client.
"""

from __future__ import annotations

import hashlib
import os
import struct
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: a command with no server running never needs them
    import socket

#: Verbs a server builds; the others (watch, preview, brand, serve, help) always run locally.
FORWARDED = ("build", "pdf", "deck", "check")
#: Set to 0 to never use a server.
SWITCH = "DOCGEN_RESIDENT"
IDLE_SECONDS = 900.0
_PACKAGE = Path(__file__).resolve().parents[1]
_HEADER = struct.Struct("!I")


def code_digest() -> str:
    """Return a digest of the code a server runs: docgen's files (names, sizes, times) and Python.

    A client talks only to a server with the same digest, so an upgrade or an edit of docgen never
    builds with old code."""
    digest = hashlib.sha256(f"{sys.executable}\0{sys.version}\0".encode())
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            info = os.stat(os.path.join(folder, name))
            digest.update(f"{folder}/{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:20]


def socket_folder() -> Path:
    """Return the folder of the user's servers' sockets (only the user may open it)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    base = Path(runtime) if os.path.isabs(runtime) else Path("/tmp")
    return base / f"docgen-{os.getuid()}"


def socket_path() -> Path:
    """Return where a server of this code listens."""
    return socket_folder() / f"{code_digest()}.sock"


def _private_folder(folder: Path) -> bool:
    """Return whether ``folder`` is the user's own and closed to everyone else (made if needed)."""
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return False
    return info.st_uid == os.getuid() and (info.st_mode & 0o077) == 0 and not os.path.islink(folder)


def _send(conn: socket.socket, value: object) -> None:
    import json

    data = json.dumps(value).encode()
    conn.sendall(_HEADER.pack(len(data)) + data)


def _receive(conn: socket.socket) -> object:
    import json
    import socket

    head = conn.recv(_HEADER.size, socket.MSG_WAITALL)
    if len(head) < _HEADER.size:
        raise EOFError("the connection closed")
    (size,) = _HEADER.unpack(head)
    data = conn.recv(size, socket.MSG_WAITALL) if size else b""
    if len(data) < size:
        raise EOFError("the connection closed")
    return json.loads(data)


# -- client ----------------------------------------------------------------------------------------

def forward(argv: list[str]) -> int | None:
    """Run ``docgen ARGV`` in a server's worker and return its exit code; None to build here."""
    if not argv or argv[0] not in FORWARDED or os.environ.get(SWITCH) == "0" or os.name != "posix":
        return None
    if not os.path.isdir(socket_folder()):  # no server ever ran: skip hashing docgen's files
        return None
    path = socket_path()
    if not path.exists() or not _private_folder(path.parent):
        return None
    import json
    import signal
    import socket

    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        try:
            conn.connect(str(path))
            request = {"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}
            data = json.dumps(request).encode()
            socket.send_fds(conn, [_HEADER.pack(len(data)) + data], [0, 1, 2])
            worker = _receive(conn)  # the worker's pid: the build has started
        except (OSError, EOFError, ValueError):
            return None
        try:
            code = _receive(conn)
        except KeyboardInterrupt:
            os.kill(int(worker), signal.SIGINT)  # type: ignore[call-overload]  # as a terminal would
            code = _receive(conn)
        return int(code)  # type: ignore[call-overload]
    except (OSError, EOFError, ValueError):
        print("docgen: the resident build process ended without a result; run the command again "
              f"(or set {SWITCH}=0)", file=sys.stderr)
        return 1
    finally:
        conn.close()


# -- server ----------------------------------------------------------------------------------------

def serve(idle: float = IDLE_SECONDS, log: bool = True) -> None:
    """Listen until ``idle`` seconds pass without a build; fork a worker for each build (``log``:
    print one line per build on this process's output)."""
    import signal
    import socket

    path = socket_path()
    if not _private_folder(path.parent):
        raise OSError(f"{path.parent} is not a folder only you can open")
    import docgen.app.build  # everything a build imports, once
    import docgen.app.cli  # noqa: F401

    _warm_up()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the system
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    path.unlink(missing_ok=True)
    listener.bind(str(path))
    os.chmod(path, 0o600)
    listener.listen(16)
    listener.settimeout(idle)
    try:
        while True:
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                return
            with conn:
                uid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED,
                                                          struct.calcsize("3i")))[1]
                if uid == os.getuid() and os.fork() == 0:
                    listener.close()
                    _work(conn, log)  # never returns
    finally:
        listener.close()
        path.unlink(missing_ok=True)


#: Rendered once when the server starts, with the built-in brand: it registers docgen's own fonts
#: and fills the renderers' first-use state, all of which belong to docgen's code (the socket's
#: digest covers them). Nothing of the user's is read, nothing is written.
WARM_UP = """\
title: Warm-up
author:
  name: docgen
  bio: "A paragraph with *italic*, **bold** and a [link](https://example.com)."
sections:
  - heading: A section
    key_points: [One point, Another point]
    blocks:
      - "A paragraph with *italic*, **bold** and a [link](https://example.com)."
      - quote: {text: A quotation., by: Someone}
      - list: [One, Two]
      - callout: A callout.
"""


def _warm_up() -> None:
    import tempfile

    from docgen.render.deck import render_deck
    from docgen.render.pdf import render_pdf
    from docgen.source import load

    with tempfile.TemporaryDirectory(prefix="docgen-warm-up-") as folder:
        article = Path(folder) / "article.yaml"
        article.write_text(WARM_UP, encoding="utf-8")
        doc = load(article)
        render_pdf(doc)
        render_deck(doc)


def _work(conn: socket.socket, log: bool) -> None:
    """The worker: become the client's process (folder, environment, streams), build, report."""
    import json
    import signal
    import socket

    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the build waits for its own deck child
        signal.signal(signal.SIGINT, signal.default_int_handler)
        head, fds, _, _ = socket.recv_fds(conn, _HEADER.size, 3, socket.MSG_WAITALL)
        (size,) = _HEADER.unpack(head)
        request = json.loads(conn.recv(size, socket.MSG_WAITALL))
        if log:  # on the server's own output, before it becomes the client's
            os.write(1, f"docgen serve: docgen {' '.join(request['argv'])}\n".encode())
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        sys.stdout = open(1, "w", 1 if os.isatty(1) else -1, "utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", 1, "utf-8", closefd=False)  # noqa: SIM115
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        _send(conn, os.getpid())
        from docgen.app.cli import run

        code = run(request["argv"])
        sys.stdout.flush()
        sys.stderr.flush()
        _send(conn, code)
    except BaseException:  # the client reports a worker that ended without a result
        code = 1
    finally:
        os._exit(code)
