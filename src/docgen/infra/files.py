"""Read an input file whole, refusing anything but a regular file and never more than a limit.

Why not ``Path.read_bytes``: it trusts ``st_size`` and reads to the end, so a source that is
``/dev/zero`` (or a symlink to it) reads until the memory is gone, and one that is a named pipe
blocks ``open`` until some writer appears. Here the file is opened without blocking, checked to
be a regular file on the open descriptor (no race between the check and the read), and read up to
one byte past the limit whatever its size claims.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
          | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


class FileRefused(OSError):
    """The file exists but is not one docgen reads: ``strerror`` says why, in plain words."""


def kind_of(mode: int) -> str:
    """Return what a file of this ``st_mode`` is, as messages name it."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def megabytes(limit: int) -> str:
    """Return ``limit`` as messages show it ("5 MB")."""
    return f"{limit / 1048576:g} MB"


def read_limited(path: Path | str, limit: int, *, follow: bool = True) -> bytes:
    """Return the bytes of the regular file at ``path``; raise IsADirectoryError for a folder,
    :class:`FileRefused` for a pipe, device or socket or a file of more than ``limit`` bytes;
    other OSErrors propagate. With ``follow=False`` a symbolic link is refused too (ELOOP)."""
    try:
        fd = os.open(path, _FLAGS if follow else _FLAGS | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        if exc.errno != errno.ENXIO:  # ENXIO: a socket (or a pipe opened to write) cannot be read
            raise
        kind = kind_of(os.stat(path).st_mode)
        raise FileRefused(errno.EINVAL, f"it is {kind}, not a regular file") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(errno.EINVAL, f"it is {kind_of(info.st_mode)}, not a regular file")
        chunks, total = [], 0
        want = min(info.st_size, limit) + 1  # one read when the size is honest
        while total <= limit:
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            want = min(limit + 1 - total, 1 << 20) or 1
        if total > limit:
            raise FileRefused(errno.EFBIG, f"it is larger than the {megabytes(limit)} limit")
    finally:
        os.close(fd)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
