"""What an output folder records about its artifacts: per source and target (the state), and the
manifest, which is made from the state so the two never disagree.

The state (``.docgen-state.json``) says, for every source built into the folder, the files it
read, its warnings, and per target the artifact's name, the digest of its inputs, its size and its
sha256. An artifact counts as up to date only when its inputs hash as recorded, its name is a
plain file name inside the folder, and the file there has the size and sha256 that both the state
and ``manifest.json`` list: a state file planted or left behind can never make docgen keep a file
it did not make, or report a path outside ``--out``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docgen import __version__
from docgen.app.output import MANIFEST, STATE, OutputFolder, is_artifact_name, sha256
from docgen.errors import display_path

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

VERSION = 2


@dataclass(frozen=True, slots=True)
class Artifact:
    """One written (or already up-to-date) output file; ``fresh`` is False when an up-to-date
    build reused it."""

    path: Path
    target: str
    units: int
    unit_name: str
    size: int
    sha256: str
    seconds: float
    fresh: bool = True


def inputs_digest(files: Iterable[Path | str]) -> str | None:
    """Return a hash of the inputs' paths and contents (None if one is gone or is not a regular
    file: a pipe or a device listed in a state file must not hang an up-to-date check).

    Computed once per build and shared by every target; ``file_digest`` streams each file through
    one small buffer, cheaper than reading it whole."""
    import hashlib  # not needed by `check`
    import stat

    digest = hashlib.sha256()
    for path in files:
        try:
            with open(path, "rb", opener=_non_blocking) as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    return None
                digest.update(f"{path}\0".encode() + hashlib.file_digest(handle, "sha256").digest())
        except OSError:
            return None
    return digest.hexdigest()


def _non_blocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def target_digest(contents: str, target: str) -> str:
    """Return the digest recorded for a target: an equal one means the artifact would come out the
    same (same inputs, as hashed by :func:`inputs_digest`, docgen version, target and date)."""
    import hashlib

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if target == "pdf":  # --pdf-standard changes the PDF (see docgen.render.pdf.archive)
        target += " " + os.environ.get("DOCGEN_PDF_STANDARD", "")
    return hashlib.sha256(f"docgen {__version__}\n{target}\n{epoch}\n{contents}".encode()).hexdigest()


class Records:
    """The state and manifest of one output folder, as read (under its lock, to change them)."""

    def __init__(self, folder: OutputFolder) -> None:
        self.folder = folder
        state = folder.read(STATE)
        self.manifest = folder.read(MANIFEST)
        if state.get("version") == VERSION and isinstance(state.get("sources"), dict):
            sources = state["sources"]
        else:  # docgen 0.1's layout: source -> entry, artifacts by path
            sources = {k: _upgrade(v, folder.path) for k, v in state.items() if isinstance(v, dict)}
        self.sources: dict[str, dict[str, Any]] = {
            k: v for k, v in sources.items() if isinstance(k, str) and isinstance(v, dict)}

    def entry(self, key: str) -> dict[str, Any]:
        return self.sources.get(key, {})

    def reusable(self, key: str, targets: list[str], root: Path,
                 contents: str | None = None) -> dict[str, Artifact]:
        """Return the targets of ``key`` that are up to date: inputs as recorded (all inside the
        project folder ``root``), artifact intact and listed so in the manifest.

        ``contents`` is the :func:`inputs_digest` of the entry's files when the caller has it."""
        entry = self.entry(key)
        files, recorded = entry.get("files"), entry.get("targets")
        if not isinstance(files, list) or not isinstance(recorded, dict) or not recorded:
            return {}
        if not all(isinstance(f, str) and Path(f).is_relative_to(root) for f in files):
            return {}
        contents = contents or inputs_digest(files)  # once for all targets
        if contents is None:
            return {}
        listed = self._listed()
        reused = {}
        for target in targets:
            info = recorded.get(target)
            if not isinstance(info, dict) or target_digest(contents, target) != info.get("digest"):
                continue
            name = info.get("name")
            if not is_artifact_name(name) or listed.get(name) != (info.get("sha256"),
                                                                  info.get("size")):
                continue
            path = self.folder.path / name
            if _intact(path, info["sha256"], info["size"]):
                reused[target] = Artifact(path, target, int(info["units"]), str(info["unit_name"]),
                                          int(info["size"]), str(info["sha256"]), 0.0, fresh=False)
        return reused

    def _listed(self) -> dict[str, tuple[Any, Any]]:
        """Return name -> (sha256, size) as the manifest lists them."""
        items = self.manifest.get("artifacts")
        return {e["path"]: (e.get("sha256"), e.get("size")) for e in items
                if isinstance(e, dict) and isinstance(e.get("path"), str)} \
            if isinstance(items, list) else {}

    def owner(self, name: str) -> str | None:
        """Return the source whose artifact has this name, if any."""
        for key, entry in self.sources.items():
            for info in _targets(entry).values():
                if info.get("name") == name:
                    return key
        return None

    def inputs(self) -> set[str]:
        """Return every file any source of this folder read (an artifact must never replace one)."""
        return {f for entry in self.sources.values() for f in entry.get("files", ())
                if isinstance(f, str)}

    def record(self, key: str, shown: str, files: list[Path], warnings: list[dict[str, Any]],
               built: dict[str, tuple[Artifact, str | None]], run: str | None = None
               ) -> dict[str, str]:
        """Record the targets just ``built`` (artifact, inputs digest) for ``key``; return the
        artifacts this replaces under another name (a changed title): name -> recorded sha256."""
        entry = self.entry(key)
        targets = _targets(entry)
        replaced = {}
        for target, (artifact, digest) in built.items():
            old = targets.get(target, {})
            if old.get("name") not in (None, artifact.path.name) and is_artifact_name(old["name"]) \
                    and isinstance(old.get("sha256"), str):
                replaced[old["name"]] = old["sha256"]
            targets[target] = {"name": artifact.path.name, "digest": digest,
                               "units": artifact.units, "unit_name": artifact.unit_name,
                               "size": artifact.size, "sha256": artifact.sha256}
        self.sources[key] = {"shown": shown, "files": [str(p) for p in files],
                             "warnings": warnings, "targets": targets, "run": run}
        return replaced

    def release(self, key: str, name: str) -> None:
        """Forget that ``key`` made ``name`` (its source is gone; another source takes the name)."""
        targets = _targets(self.entry(key))
        for target in [t for t, info in targets.items() if info.get("name") == name]:
            del targets[target]

    def state(self) -> dict[str, Any]:
        return {"version": VERSION, "sources": self.sources}

    def new_manifest(self) -> dict[str, Any]:
        """Return the manifest of every artifact the state records, by name."""
        entries = []
        for key, entry in self.sources.items():
            shown = entry.get("shown") or display_path(Path(key))
            for target, info in _targets(entry).items():
                entries.append({"path": info["name"], "source": shown, "kind": target,
                                info["unit_name"]: info["units"], "size": info["size"],
                                "sha256": info["sha256"]})
        return {"generator": f"docgen {__version__}",
                "artifacts": sorted(entries, key=lambda e: e["path"])}


def _targets(entry: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return an entry's well-formed target records (a damaged one is left out)."""
    recorded = entry.get("targets")
    if not isinstance(recorded, dict):
        entry["targets"] = recorded = {}
    for target in [t for t, info in recorded.items() if not _well_formed(info)]:
        del recorded[target]
    return recorded


def _well_formed(info: object) -> bool:
    return (isinstance(info, dict) and is_artifact_name(info.get("name"))
            and isinstance(info.get("sha256"), str) and isinstance(info.get("size"), int)
            and isinstance(info.get("units"), int) and isinstance(info.get("unit_name"), str)
            and info["unit_name"] in ("pages", "slides"))


def _upgrade(entry: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Return a docgen 0.1 state entry with artifact names instead of paths (kept only when the
    path was inside this folder)."""
    recorded = entry.get("targets")
    targets = {}
    for target, info in (recorded.items() if isinstance(recorded, dict) else ()):
        path = info.get("path") if isinstance(info, dict) else None
        if isinstance(path, str) and Path(path).resolve().parent == folder.resolve():
            targets[target] = {**info, "name": Path(path).name}
    return {**entry, "targets": targets}


def _intact(path: Path, digest: str, size: int) -> bool:
    """Return True when ``path`` is a regular file of ``size`` bytes with this sha256."""
    try:
        info = path.lstat()
        import stat

        if not stat.S_ISREG(info.st_mode) or info.st_size != size:
            return False
        return sha256(path.read_bytes()) == digest
    except OSError:
        return False
