"""The output folder as a transaction: a build's artifacts, state and manifest change together.

Several builds may share an output folder (``--jobs``, parallel CI jobs, ``watch`` beside a
manual build) and any of them may be killed. So every change to the folder happens under an
exclusive lock on ``.docgen.lock``, in four steps: each new file is written to a temporary file
and synced; a journal (``.docgen-journal.json``) lists the renames, the removals, and the new
state and manifest, and is itself renamed into place (the commit point); the renames and removals
are applied and the state and then the manifest (last, listing the sha256 of what was renamed)
are written; the journal is removed. Whoever takes the lock next finishes a journal left by a
killed build and removes the temporary files it left, so the manifest always describes the files
beside it.

Only names docgen makes are touched: artifacts (``*.pdf``, ``*.pptx``), ``manifest.json`` and
docgen's dot-files; the journal is checked before anything in it is applied.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from docgen.errors import DocgenError, Location, Problem, display_path

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

LOCK = ".docgen.lock"
JOURNAL = ".docgen-journal.json"
STATE = ".docgen-state.json"
MANIFEST = "manifest.json"
ARTIFACT_SUFFIXES = (".pdf", ".pptx")
#: Temporary files docgen makes (``tempfile.mkstemp``: prefix, 8 random characters, suffix).
_TEMPORARY = r"\.(?P<name>[^/\\]+)\.[a-z0-9_]{8}\.tmp"
_OWN_FILES = (STATE, MANIFEST, JOURNAL)


def is_artifact_name(name: object) -> TypeGuard[str]:
    """Return True for a plain file name (no folder) docgen may write as an artifact."""
    return (isinstance(name, str) and name.endswith(ARTIFACT_SUFFIXES) and "/" not in name
            and "\\" not in name and not name.startswith(".") and "\0" not in name)


class OutputFolder:
    """One output folder: its lock, its JSON records and the commit of a build's files."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.shown = display_path(path)

    def prepare(self) -> None:
        """Create the folder, or explain why it cannot be used."""
        if self.path.exists() and not self.path.is_dir():
            raise DocgenError(Problem("the output folder is a file", Location(self.shown),
                                      "remove the file or choose another folder with --out"))
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DocgenError(Problem(f"cannot create the output folder: {exc.strerror}",
                                      Location(self.shown))) from None
        if not os.access(self.path, os.W_OK | os.X_OK):
            raise DocgenError(Problem("the output folder is not writable", Location(self.shown),
                                      "choose another folder with --out"))

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the folder's lock (waiting for another build to finish its commit), after
        finishing what an interrupted build left. The folder must exist."""
        try:
            fd = os.open(self.path / LOCK, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
                         | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as exc:
            raise self._error(LOCK, exc) from None
        try:
            _lock(fd)
            self._recover()
            yield
        finally:
            os.close(fd)  # releases the lock

    def read(self, name: str) -> dict[str, Any]:
        """Return one of docgen's JSON records ({} when it is missing or damaged); raise when
        something other than a file has its name (a build could never replace it)."""
        path = self.path / name
        try:
            with open(path, "rb", opener=_no_follow) as handle:
                if not _regular(handle.fileno()):
                    raise IsADirectoryError(errno.EISDIR, "it is not a file")
                value = json.loads(handle.read(64 * 1024 * 1024))
        except FileNotFoundError:
            return {}
        except (IsADirectoryError, NotADirectoryError) as exc:
            raise self._error(name, exc, "remove it; docgen keeps its own file there") from None
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # a link where docgen's record should be
                raise self._error(name, exc, "remove it; docgen keeps its own file there") \
                    from None
            return {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def commit(self, files: dict[str, bytes], remove: dict[str, str], state: dict[str, Any],
               manifest: dict[str, Any]) -> None:
        """Replace ``files`` (name -> bytes), remove the artifacts in ``remove`` (name -> the
        sha256 docgen recorded; a file that changed since is left alone), and write the state and
        the manifest, all or nothing. Call it holding the lock."""
        for name in [*files, STATE, MANIFEST]:
            target = self.path / name
            if target.is_dir() and not target.is_symlink():
                raise self._error(name, IsADirectoryError(errno.EISDIR, "a folder has this name"),
                                  "remove or rename the folder")
        written: list[str] = []
        try:
            renames = []
            for name, data in files.items():
                written.append(self._write_temporary(name, data))
                renames.append([written[-1], name, sha256(data)])
            journal = {"renames": renames, "remove": sorted(remove.items()), "state": state,
                       "manifest": manifest}
            written.append(self._write_temporary(JOURNAL, json.dumps(journal).encode()))
            os.replace(self.path / written[-1], self.path / JOURNAL)  # the commit point
            written.pop()
            _sync_folder(self.path)
        except BaseException as exc:  # not committed: the previous files stay as they were
            if not (self.path / JOURNAL).exists():  # (a journal now can only be this one)
                for tmp in written:
                    with contextlib.suppress(OSError):
                        os.unlink(self.path / tmp)
            if isinstance(exc, OSError):
                raise self._error(JOURNAL, exc, "check the free disk space and the folder's "
                                  "permissions") from None
            raise
        self._apply(journal)

    def _write_temporary(self, name: str, data: bytes) -> str:
        """Write ``data`` to a new temporary file beside ``name``, synced; return its name."""
        import tempfile  # here, not at the top: an up-to-date build writes nothing

        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.path)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return os.path.basename(tmp)

    def _apply(self, journal: dict[str, Any]) -> None:
        """Carry out a committed journal (again, after an interruption: every step can be
        repeated), then remove it."""
        try:
            lost = set()
            for tmp, name, digest in journal["renames"]:
                if (self.path / tmp).exists():
                    os.replace(self.path / tmp, self.path / name)
                elif not _has(self.path / name, digest):  # its temporary file was deleted
                    lost.add(name)
            if lost:
                _forget(journal, lost)
            for name, digest in journal["remove"]:
                path = self.path / name
                if _has(path, digest):
                    path.unlink()
            for name in (STATE, MANIFEST):  # the manifest last
                tmp = self._write_temporary(name, _json(journal["state" if name == STATE
                                                                else "manifest"], name))
                os.replace(self.path / tmp, self.path / name)
            _sync_folder(self.path)
            os.unlink(self.path / JOURNAL)
            _sync_folder(self.path)
        except OSError as exc:
            raise self._error(JOURNAL, exc, "the build is finished by the next one once the "
                              "folder can be written") from None

    def _recover(self) -> None:
        """Finish a journal an interrupted build left, and remove the temporary files of builds
        that were killed (no other build writes while this one holds the lock)."""
        journal = _valid_journal(self.read(JOURNAL))
        if journal is not None:
            self._apply(journal)
        elif (self.path / JOURNAL).is_file():
            with contextlib.suppress(OSError):
                os.unlink(self.path / JOURNAL)  # not one docgen wrote: it is never applied
        with contextlib.suppress(OSError), os.scandir(self.path) as listing:
            for item in listing:
                found = re.fullmatch(_TEMPORARY, item.name)
                if found and (is_artifact_name(found["name"]) or found["name"] in _OWN_FILES) \
                        and item.is_file(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        os.unlink(item.path)

    def _error(self, name: str, exc: OSError, hint: str = "") -> DocgenError:
        where = Location(display_path(self.path / name))
        return DocgenError(Problem(f"cannot update the output folder: {exc.strerror or exc}",
                                   where, hint))


def _valid_journal(journal: dict[str, Any]) -> dict[str, Any] | None:
    """Return the journal if it is one docgen wrote: only artifact names inside the folder."""
    try:
        renames, remove = journal["renames"], journal["remove"]
        ok = (all(re.fullmatch(_TEMPORARY, tmp) and is_artifact_name(name)
                  and isinstance(digest, str) for tmp, name, digest in renames)
              and all(is_artifact_name(name) and isinstance(digest, str)
                      for name, digest in remove)
              and isinstance(journal["state"], dict) and isinstance(journal["manifest"], dict)
              and isinstance(journal["state"].get("sources", {}), dict)
              and all(isinstance(e, dict) for e in journal["state"].get("sources", {}).values())
              and isinstance(journal["manifest"].get("artifacts", []), list))
    except (KeyError, TypeError, ValueError):
        return None
    return journal if ok else None


def _has(path: Path, digest: str) -> bool:
    """Return True when ``path`` is a regular file (not a link) with this sha256."""
    try:
        return not path.is_symlink() and path.is_file() and sha256(path.read_bytes()) == digest
    except OSError:
        return False


def _forget(journal: dict[str, Any], names: set[str]) -> None:
    """Drop artifacts from a journal's state and manifest (their files never arrived)."""
    manifest = journal["manifest"]
    manifest["artifacts"] = [e for e in manifest.get("artifacts", [])
                             if not (isinstance(e, dict) and e.get("path") in names)]
    for entry in journal["state"].get("sources", {}).values():
        targets = entry.get("targets", {}) if isinstance(entry, dict) else {}
        for target in [t for t, info in targets.items()
                       if isinstance(info, dict) and info.get("name") in names]:
            del targets[target]


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: builds sharing a folder are not serialised
        return
    fcntl.flock(fd, fcntl.LOCK_EX)


def _no_follow(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))


def _regular(fd: int) -> bool:
    import stat

    return stat.S_ISREG(os.fstat(fd).st_mode)


def _sync_folder(folder: Path) -> None:
    """Make the renames durable (a power cut must not undo a commit the journal says is done)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _json(value: dict[str, Any], name: str) -> bytes:
    if name == MANIFEST:
        return (json.dumps(value, indent=2) + "\n").encode()
    return json.dumps(value, indent=1, sort_keys=True).encode()


def sha256(data: bytes) -> str:
    """Return the hex sha256 of ``data`` (as the manifest lists it)."""
    import hashlib  # not needed by `check`

    return hashlib.sha256(data).hexdigest()
