"""A disk cache of what docgen derives from its inputs, shared by every build on the machine.

Parsing a TrueType file (reportlab's tables for the PDF, the cmap and advance widths for the deck)
costs 7-35 ms per face in every new process: for the seed article that was a quarter of a cold
build; deflating the logo and choosing a QR code's mask cost 20 ms each. fontconfig caches font
facts for the same reason. Entries are keyed by the sha256 of what they are derived from (a file's
bytes, a link), the kind of entry and the deriving code's version, so an edited input or an
upgraded library never reads a stale entry; they are written atomically; anything unreadable is
recomputed and rewritten.

Entries are ``marshal`` data: plain dicts, lists and numbers that load ten times faster than JSON.
They live in the user's cache folder (``$XDG_CACHE_HOME/docgen`` or ``~/.cache/docgen``), trusted
like the ``__pycache__`` files Python itself loads with marshal. ``DOCGEN_CACHE_DIR`` moves the
cache; set to an empty string it turns the cache off. A folder that cannot be written only costs
speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from pathlib import Path

TYPE_CHECKING = False  # not typing's: `docgen check` probes logos through this cache
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

#: Bump when the layout of any entry changes.
FORMAT = "1"
#: When the folder outgrows this, the oldest entries go until it is under three quarters of it.
MAX_BYTES = 64 * 1024 * 1024


def cache_dir() -> Path | None:
    """Return the folder for cache entries, or None when the cache is turned off."""
    configured = os.environ.get("DOCGEN_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "docgen"


def cached(kind: str, version: str, path: Path, compute: Callable[[bytes], Any],
           valid: Callable[[Any], bool]) -> tuple[Any, bytes]:
    """Return ``(facts, file bytes)`` for the file at ``path``, from the cache or from ``compute``.

    ``compute`` gets the file's bytes and returns marshal-able data; ``valid`` rejects an entry of
    the wrong shape (a truncated or foreign file), which is then recomputed. Errors reading
    ``path`` propagate: the caller reports them.
    """
    data = Path(path).read_bytes()
    return remember(kind, version, data, lambda: compute(data), valid), data


def remember(kind: str, version: str, source: bytes, compute: Callable[[], Any],
             valid: Callable[[Any], bool]) -> Any:
    """Return what ``compute()`` derives from ``source`` (bytes), from the cache when it has it.

    ``compute`` returns marshal-able data; ``valid`` rejects an entry of the wrong shape (a
    truncated or foreign file), which is then recomputed.
    """
    folder = cache_dir()
    if folder is None:
        return compute()
    key = hashlib.sha256(f"{kind}\0{version}\0{FORMAT}\0".encode() + source).hexdigest()
    entry = folder / f"{kind}-{key[:40]}.marshal"
    try:
        facts = marshal.loads(entry.read_bytes())
        if valid(facts):
            return facts
    except (OSError, ValueError, EOFError, TypeError):
        pass
    facts = compute()
    _store(entry, facts)
    _prune(folder)
    return facts


def _store(entry: Path, facts: Any) -> None:
    """Write an entry atomically; a read-only or full disk only means no cache."""
    tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    try:
        payload = marshal.dumps(facts)
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(payload)
        os.replace(tmp, entry)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            tmp.unlink()


def _prune(folder: Path) -> None:
    """Keep the folder bounded: entries of fonts, logos and templates no longer used would
    otherwise pile up (a deleted entry is only made again when needed)."""
    try:
        entries = [(e.stat(), e) for e in folder.glob("*.marshal")]
    except OSError:
        return
    total = sum(st.st_size for st, _ in entries)
    if total <= MAX_BYTES:
        return
    for st, entry in sorted(entries, key=lambda pair: pair[0].st_mtime_ns):
        with contextlib.suppress(OSError):
            entry.unlink()
            total -= st.st_size
        if total <= MAX_BYTES * 3 // 4:
            break
