"""Write artifacts so a failed or interrupted build never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from docgen.errors import DocgenError, Location, Problem, display_path


def prepare_folder(folder: Path) -> None:
    """Create the output folder, or explain why it cannot be used."""
    shown = display_path(folder)
    if folder.exists() and not folder.is_dir():
        raise DocgenError(Problem(
            "the output folder is a file", Location(shown),
            "remove the file or choose another folder with --out",
        ))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DocgenError(Problem(f"cannot create the output folder: {exc.strerror}",
                                  Location(shown))) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DocgenError(Problem("the output folder is not writable", Location(shown),
                                  "choose another folder with --out"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    import tempfile  # here, not at the top: an up-to-date build writes nothing

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise DocgenError(Problem(f"cannot write the file: {exc.strerror or exc}",
                                  Location(display_path(path)),
                                  "check the free disk space and the folder's permissions")) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def sha256(data: bytes) -> str:
    import hashlib  # not needed by `check`

    return hashlib.sha256(data).hexdigest()
