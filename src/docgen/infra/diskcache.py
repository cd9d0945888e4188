"""A disk cache of what docgen derives from its inputs, shared by every build on the machine.

Parsing a TrueType file (reportlab's tables for the PDF, the cmap and advance widths for the deck),
deflating the logo and choosing a QR code's mask cost every new process the same work again (figures
in docs/performance.md). fontconfig caches font facts for the same reason. Entries are keyed by the
sha256 of what they are derived from (a file's bytes, a link), the kind of entry and the deriving
code's version, so an edited input or an upgraded library never reads a stale entry.

The cache must never change an artifact, so nothing in it is trusted blindly:

- each entry starts with the sha256 of its key and its content, checked on every read: a torn
  write, a copied or renamed entry, or bytes from another program are recomputed, never used;
- the folder must belong to the user and be writable by no one else (nor its parent, unless
  sticky like /tmp): otherwise the cache is off for the process and :func:`folder_warning` says
  why, once;
- only regular files are read (never through a symbolic link), and at most :data:`MAX_ENTRY_BYTES`;
- only docgen's own entries (``<kind>-<40 hex>.docgen``) are ever deleted.

Entries are ``marshal`` data (plain dicts, lists and numbers that load ten times faster than JSON),
checked for shape by each caller. They live in ``$XDG_CACHE_HOME/docgen`` (an absolute
``XDG_CACHE_HOME`` only, as the XDG convention requires) or ``~/.cache/docgen``.
``DOCGEN_CACHE_DIR`` moves the cache; set to an empty string it turns the cache off (release
builds do). A folder that cannot be used only costs speed.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.infra.files import read_limited

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

#: Bump when the layout of any entry changes.
FORMAT = "2"
#: When the folder outgrows this, the oldest entries go until it is under three quarters of it.
MAX_BYTES = 64 * 1024 * 1024
#: An entry larger than this is neither written nor read.
MAX_ENTRY_BYTES = 16 * 1024 * 1024
#: What a file read through :func:`cached` may hold at most (the loader's limits are lower).
MAX_INPUT_BYTES = 64 * 1024 * 1024
_MAGIC = b"docgen-cache\0"
_HEAD = len(_MAGIC) + 32
#: docgen's entries and their temporary files: the only names :func:`_prune` deletes.
#: (Patterns compiled on first use, by ``re``'s own cache: up-to-date builds never prune.)
_ENTRY = r"[a-z0-9-]+-[0-9a-f]{40}\.docgen"
_TEMPORARY = r"\.[a-z0-9-]+-[0-9a-f]{40}\.docgen\.[A-Za-z0-9_]+\.tmp"
_STALE_SECONDS = 3600

_checked: dict[str, tuple[Path | None, str | None]] = {}  # configured folder -> (usable, warning)


def cache_dir() -> Path | None:
    """Return the configured folder for cache entries, or None when the cache is turned off."""
    configured = os.environ.get("DOCGEN_CACHE_DIR")
    if configured is not None:
        return Path(configured).absolute() if configured else None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "docgen"
    home = os.path.expanduser("~")  # a relative XDG_CACHE_HOME is ignored, as the spec says
    return Path(home) / ".cache" / "docgen" if os.path.isabs(home) else None


def usable_dir() -> Path | None:
    """Return the cache folder when it is safe to use (created if missing), else None."""
    try:
        folder = cache_dir()
    except OSError:  # the working folder is gone: no absolute path to make
        return None
    if folder is None:
        return None
    key = str(folder)
    if key not in _checked:
        _checked[key] = _check(folder)
    return _checked[key][0]


def folder_warning() -> str | None:
    """Return why the configured cache folder is not used (for the command line to print once),
    or None when it is used or turned off."""
    usable_dir()
    with contextlib.suppress(OSError):
        folder = cache_dir()
        if folder is not None:
            return _checked.get(str(folder), (None, None))[1]
    return None


def _check(folder: Path) -> tuple[Path | None, str | None]:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info, parent = os.stat(folder), os.stat(folder.parent)
    except OSError as exc:  # HOME is a file, a read-only disk: only slower
        return None, (f"the cache folder {folder} cannot be created ({exc.strerror or exc}), so "
                      "builds are slower; set DOCGEN_CACHE_DIR to a folder of yours, or to "
                      "nothing to turn the cache off")
    why = None
    if not stat.S_ISDIR(info.st_mode):
        why = "is not a folder"
    elif info.st_uid != os.geteuid():
        why = "belongs to another user"
    elif info.st_mode & 0o022:
        why = "is writable by other users"
    elif parent.st_mode & 0o022 and not parent.st_mode & stat.S_ISVTX:
        why = "is in a folder other users can write to"
    if why is None:
        return folder, None
    return None, (f"the cache folder {folder} {why}, so it is not used (builds are slower); "
                  "make it yours and private (chmod 700), or set DOCGEN_CACHE_DIR to another folder")


def cached(kind: str, version: str, path: Path, compute: Callable[[bytes], Any],
           valid: Callable[[Any], bool]) -> tuple[Any, bytes]:
    """Return ``(facts, file bytes)`` for the file at ``path``, from the cache or from ``compute``.

    ``compute`` gets the file's bytes and returns marshal-able data; ``valid`` rejects an entry of
    the wrong shape, which is then recomputed. Errors reading ``path`` (not a regular file, more
    than :data:`MAX_INPUT_BYTES`) propagate as OSError: the caller reports them.
    """
    data = read_limited(path, MAX_INPUT_BYTES)
    return remember(kind, version, data, lambda: compute(data), valid), data


def remember(kind: str, version: str, source: bytes, compute: Callable[[], Any],
             valid: Callable[[Any], bool]) -> Any:
    """Return what ``compute()`` derives from ``source`` (bytes), from the cache when it has it.

    ``compute`` returns marshal-able data; ``valid`` rejects an entry of the wrong shape, which is
    then recomputed.
    """
    folder = usable_dir()
    if folder is None:
        return compute()
    import hashlib  # here: `check` and up-to-date builds never read the cache

    key = hashlib.sha256(f"{kind}\0{version}\0{FORMAT}\0".encode() + source).hexdigest()
    entry = folder / f"{kind}-{key[:40]}.docgen"
    facts = _load(entry, key)
    if facts is not _MISSING and valid(facts):
        return facts
    facts = compute()
    _store(entry, key, facts)
    _prune(folder)
    return facts


_MISSING: Any = object()


def _digest(key: str, payload: bytes | memoryview) -> bytes:
    import hashlib

    return hashlib.sha256(key.encode() + b"\0" + payload).digest()


def _load(entry: Path, key: str) -> Any:
    """Return the entry's data if it is a regular file whose digest matches its key and content."""
    try:
        data = read_limited(entry, MAX_ENTRY_BYTES, follow=False)
    except OSError:
        return _MISSING
    payload = memoryview(data)[_HEAD:]
    if not data.startswith(_MAGIC) or data[len(_MAGIC):_HEAD] != _digest(key, payload):
        return _MISSING
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return _MISSING


def _store(entry: Path, key: str, facts: Any) -> None:
    """Write an entry atomically (private to the user); a read-only or full disk only means no
    cache."""
    import tempfile

    try:
        payload = marshal.dumps(facts)
    except ValueError:
        return
    if len(payload) + _HEAD > MAX_ENTRY_BYTES:
        return
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{entry.name}.", suffix=".tmp", dir=entry.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + _digest(key, payload) + payload)
        os.replace(tmp, entry)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _prune(folder: Path) -> None:
    """Keep the folder bounded: entries of fonts, logos and templates no longer used would
    otherwise pile up (a deleted entry is only made again when needed). Only docgen's own
    regular files are counted and deleted; temporary files left by a killed process go after an
    hour."""
    entries = []
    now = time.time()
    try:
        with os.scandir(folder) as listing:
            for item in listing:
                ours = re.fullmatch(_ENTRY, item.name)
                if not ours and not re.fullmatch(_TEMPORARY, item.name):
                    continue
                info = item.stat(follow_symlinks=False)
                if not stat.S_ISREG(info.st_mode):
                    continue
                if ours:
                    entries.append((info, item.path))
                elif now - info.st_mtime > _STALE_SECONDS:
                    with contextlib.suppress(OSError):
                        os.unlink(item.path)
    except OSError:
        return
    total = sum(info.st_size for info, _ in entries)
    if total <= MAX_BYTES:
        return
    for info, path in sorted(entries, key=lambda pair: pair[0].st_mtime_ns):
        with contextlib.suppress(OSError):
            os.unlink(path)
            total -= info.st_size
        if total <= MAX_BYTES * 3 // 4:
            break
