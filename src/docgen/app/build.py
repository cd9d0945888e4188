"""Build artifacts from a source: load, render every target, then write them all at once.

Renderers are imported only when a target needs them, so ``check`` and an up-to-date rebuild never
pay for reportlab or python-pptx. Nothing is written until every target has rendered, so a failure
leaves the previous artifacts exactly as they were.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docgen import __version__
from docgen.app.output import prepare_folder, sha256, write_atomic
from docgen.errors import DocgenError, Problem, display_path

if TYPE_CHECKING:  # the loader and the renderers are imported only when a build needs them
    from collections.abc import Iterable
    from typing import Any

    from docgen.model import Document
    from docgen.render import Rendered

TARGETS = ("pdf", "deck")
SUFFIX = {"pdf": ".pdf", "deck": ".pptx"}
MANIFEST = "manifest.json"
STATE = ".docgen-state.json"


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


@dataclass
class BuildResult:
    """What one source's build produced, and the files it read (``watch`` polls those)."""

    source: Path
    artifacts: list[Artifact]
    warnings: list[Problem]
    inputs: list[Path] = field(default_factory=list)


def render_target(target: str, doc: Document, last_pages: int | None = None) -> Rendered:
    """Return one target's rendering; the renderer is imported on first use.

    ``last_pages``, the handout's page count at the last build, lets the PDF skip its counting
    pass when the count has not changed (the bytes never depend on it).
    """
    if target == "pdf":
        from docgen.render.pdf import render_pdf

        return render_pdf(doc, last_pages)
    from docgen.render.deck import render_deck

    return render_deck(doc)


def input_files(doc: Document) -> list[Path]:
    """Return every file an artifact depends on: the source, the brand and its assets.

    Files docgen ships (the bundled fonts) are left out: they belong to docgen's version, which
    the digest covers like docgen's code, and hashing them was much of an up-to-date build.
    """
    from docgen.model import Image

    files: list[Path] = [doc.source]
    brand = doc.brand
    files += [p for p in (brand.path, brand.logo, brand.logo_on_dark, brand.template) if p]
    files += [face.path for fam in (brand.body_font, brand.heading_font) for face in fam.faces]
    blocks = [*doc.intro, *(b for s in doc.sections for b in s.blocks)]
    files += [b.path for b in blocks if isinstance(b, Image)]
    if doc.author.photo:
        files.append(doc.author.photo.path)
    shipped = Path(__file__).resolve().parents[1]  # the docgen package
    return [p for p in dict.fromkeys(files) if not p.resolve().is_relative_to(shipped)]


def inputs_digest(files: Iterable[Path | str]) -> str | None:
    """Return a hash of the inputs' paths and contents (None if one is gone).

    Computed once per build and shared by every target; ``file_digest`` streams each file through
    one small buffer, cheaper than reading it whole."""
    import hashlib  # not needed by `check`

    digest = hashlib.sha256()
    for path in files:
        try:
            with open(path, "rb") as handle:
                digest.update(f"{path}\0".encode() + hashlib.file_digest(handle, "sha256").digest())
        except OSError:
            return None
    return digest.hexdigest()


def target_digest(contents: str, target: str) -> str:
    """Return the digest recorded for a target: an equal one means the artifact would come out the
    same (same inputs, as hashed by :func:`inputs_digest`, docgen version, target and date)."""
    import hashlib

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if target == "pdf":  # --pdf-standard changes the PDF (see docgen.render.pdf.archive)
        target += " " + os.environ.get("DOCGEN_PDF_STANDARD", "")
    return hashlib.sha256(f"docgen {__version__}\n{target}\n{epoch}\n{contents}".encode()).hexdigest()


def build(source: Path, out_dir: Path, targets: Iterable[str] = TARGETS, *,
          force: bool = False, parallel: bool = False) -> BuildResult:
    """Build the requested targets of one source into ``out_dir``; raise DocgenError on failure.

    A target whose inputs hash as they did at its last build, and whose artifact is still intact,
    is reused without parsing the source or importing a renderer. With ``parallel``, the deck
    renders in a forked child while this process renders the PDF (see :mod:`docgen.app.parallel`).
    The result lists the files the build read, so a caller such as ``watch`` need not load the
    source again to learn them.
    """
    wanted = [t for t in TARGETS if t in set(targets)]
    key = str(source.resolve())
    state = _read_json(out_dir / STATE)
    entry = state.get(key, {}) if isinstance(state.get(key), dict) else {}
    reused: dict[str, Artifact] = {}
    if not force:
        reused = _reuse(entry, wanted)
        if len(reused) == len(wanted):
            return BuildResult(source, list(reused.values()), _problems(entry.get("warnings", [])),
                               [Path(p) for p in entry["files"]])
    from docgen.source import load_with_warnings

    doc, warnings = load_with_warnings(source)
    prepare_folder(out_dir)
    files = input_files(doc)
    contents = inputs_digest(files)
    digests = {t: contents and target_digest(contents, t) for t in wanted}
    reused = ({} if force or entry.get("files") != [str(p) for p in files]
              else _reuse(entry, wanted, contents))
    rendered = _render([t for t in wanted if t not in reused], doc, parallel,
                       _last_units(entry, "pdf"))
    for result, _ in rendered.values():
        warnings.extend(result.warnings)
    artifacts = dict(reused)
    for target, (result, seconds) in rendered.items():
        path = out_dir / f"{doc.slug}{SUFFIX[target]}"
        write_atomic(path, result.data)
        artifacts[target] = Artifact(path, target, result.units, result.unit_name,
                                     len(result.data), sha256(result.data), seconds)
    recorded = entry.get("targets", {}) if entry.get("files") == [str(p) for p in files] else {}
    state[key] = {
        "files": [str(p) for p in files],
        "warnings": [_problem_json(p) for p in warnings],
        "targets": {**recorded, **{t: {
            "digest": digests[t], "path": str(a.path), "units": a.units,
            "unit_name": a.unit_name, "size": a.size, "sha256": a.sha256}
            for t, a in artifacts.items()}},
    }
    write_atomic(out_dir / STATE, json.dumps(state, indent=1, sort_keys=True).encode())
    ordered = [artifacts[t] for t in wanted]
    write_manifest(out_dir, doc, ordered)
    return BuildResult(source, ordered, warnings, files)


def _last_units(entry: dict[str, Any], target: str) -> int | None:
    """Return the pages or slides a target had at its last build, if the state recorded them."""
    recorded = entry.get("targets")
    info = recorded.get(target) if isinstance(recorded, dict) else None
    units = info.get("units") if isinstance(info, dict) else None
    return units if isinstance(units, int) else None


def _render(targets: list[str], doc: Document, parallel: bool,
            last_pages: int | None = None) -> dict[str, tuple[Rendered, float]]:
    """Return each target's rendering and its seconds; with ``parallel``, the last target renders
    in a forked child while this process renders the others (see :mod:`docgen.app.parallel`)."""
    from docgen.app import parallel as fork

    rendered: dict[str, tuple[Rendered, float]] = {}
    started = time.perf_counter()
    child, last = None, targets[-1] if targets else ""
    if parallel and len(targets) > 1 and fork.available():
        try:
            child = fork.start(lambda: render_target(last, doc, last_pages))
            targets = targets[:-1]
        except OSError:  # fork refused (process limit, memory): render them one after the other
            child = None
    try:
        for target in targets:
            began = time.perf_counter()
            rendered[target] = (render_target(target, doc, last_pages), time.perf_counter() - began)
        if child is not None:
            rendered[last] = (child.result(), time.perf_counter() - started)
    finally:
        if child is not None:
            child.cancel()  # nothing left to stop once its result is in
    return rendered


def _reuse(entry: dict[str, Any], targets: list[str],
           contents: str | None = None) -> dict[str, Artifact]:
    """Return the targets whose inputs are unchanged and whose artifact is intact, byte for byte.

    ``contents`` is the :func:`inputs_digest` of the entry's files when the caller has it."""
    files = entry.get("files")
    recorded = entry.get("targets", {})
    if not isinstance(files, list) or not isinstance(recorded, dict) or not recorded:
        return {}
    contents = contents or inputs_digest(files)  # once for all targets
    if contents is None:
        return {}
    reused = {}
    for target in targets:
        info = recorded.get(target)
        if not isinstance(info, dict) or target_digest(contents, target) != info.get("digest"):
            continue
        path = Path(str(info.get("path")))
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if sha256(data) == info.get("sha256"):
            reused[target] = Artifact(path, target, int(info["units"]), str(info["unit_name"]),
                                      len(data), str(info["sha256"]), 0.0, fresh=False)
    return reused


def _problem_json(problem: Problem) -> dict[str, Any]:
    loc = problem.location
    return {"message": problem.message, "hint": problem.hint, "severity": problem.severity,
            "location": [loc.path, loc.line, loc.column] if loc else None}


def _problems(items: list[dict[str, Any]]) -> list[Problem]:
    """Return the warnings recorded at the last build, so an up-to-date build repeats them."""
    from docgen.errors import Location

    out = []
    for item in items:
        loc = item.get("location")
        out.append(Problem(item["message"], Location(*loc) if loc else None, item.get("hint", ""),
                           item.get("severity", "warning")))
    return out


def write_manifest(out_dir: Path, doc: Document, artifacts: list[Artifact]) -> None:
    """Record each artifact's size and sha256 in ``manifest.json`` (other sources' entries kept)."""
    manifest = _read_json(out_dir / MANIFEST)
    entries = {e["path"]: e for e in manifest.get("artifacts", []) if isinstance(e, dict)
               and "path" in e}
    for a in artifacts:
        entries[a.path.name] = {"path": a.path.name, "source": display_path(doc.source),
                                "kind": a.target, a.unit_name: a.units, "size": a.size,
                                "sha256": a.sha256}
    data = {"generator": f"docgen {__version__}",
            "artifacts": [entries[k] for k in sorted(entries)]}
    write_atomic(out_dir / MANIFEST, (json.dumps(data, indent=2) + "\n").encode())


def _read_json(path: Path) -> dict:  # type: ignore[type-arg]
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def build_many(sources: list[Path], out_dir: Path, targets: Iterable[str] = TARGETS, *,
               jobs: int = 1, force: bool = False,
               parallel: bool = False) -> list[BuildResult | DocgenError]:
    """Build several sources, across ``jobs`` processes; one failure does not stop the others.

    ``parallel`` (one source at a time) renders each source's PDF and deck side by side.
    """
    targets = list(targets)
    if jobs <= 1 or len(sources) <= 1:
        return [_build_one(s, out_dir, targets, force, parallel) for s in sources]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(sources))) as pool:
        futures = [pool.submit(_build_one, s, out_dir, targets, force, False) for s in sources]
        return [f.result() for f in futures]


def _build_one(source: Path, out_dir: Path, targets: list[str], force: bool,
               parallel: bool) -> BuildResult | DocgenError:
    try:
        return build(source, out_dir, targets, force=force, parallel=parallel)
    except DocgenError as exc:
        return exc


def check(source: Path) -> list[Problem]:
    """Validate a source without rendering; return its warnings, raise on errors."""
    from docgen.source import load_with_warnings

    return load_with_warnings(source)[1]


def describe(artifact: Artifact) -> str:
    """Return the one line the CLI and tasks print for an artifact."""
    size = artifact.size / 1024
    size_text = f"{size:.0f} KB" if size < 1024 else f"{size / 1024:.1f} MB"
    when = f"in {artifact.seconds:.2f} s" if artifact.fresh else "up to date"
    return (f"{display_path(artifact.path)}: {artifact.units} {artifact.unit_name}, {size_text}, "
            f"{when}")


