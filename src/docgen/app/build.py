"""Build artifacts from a source: load, render every target, then write them all at once.

Renderers are imported only when a target needs them, so ``check`` and an up-to-date rebuild never
pay for reportlab or python-pptx. Nothing is written until every target has rendered, so a failure
leaves the previous artifacts exactly as they were.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.app.output import OutputFolder, sha256
from docgen.app.records import Artifact, Records, inputs_digest, target_digest
from docgen.errors import DocgenError, Problem, display_path

if TYPE_CHECKING:  # the loader and the renderers are imported only when a build needs them
    from collections.abc import Iterable
    from typing import Any

    from docgen.model import Document
    from docgen.render import Rendered

TARGETS = ("pdf", "deck")
SUFFIX = {"pdf": ".pdf", "deck": ".pptx"}
WHAT = {"pdf": "handout", "deck": "deck"}
__all__ = ["TARGETS", "Artifact", "BuildResult", "build", "build_many", "check", "describe",
           "input_files", "inputs_digest", "render_target", "target_digest"]


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
    the digest covers like docgen's code, and hashing their 5 MB was a sixth of a cold build's
    work before rendering.
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


def build(source: Path, out_dir: Path, targets: Iterable[str] = TARGETS, *,
          force: bool = False, parallel: bool = False, run: str | None = None) -> BuildResult:
    """Build the requested targets of one source into ``out_dir``; raise DocgenError on failure.

    A target whose inputs hash as they did at its last build, and whose artifact is still intact
    (as the state and the manifest list it), is reused without parsing the source or importing a
    renderer. With ``parallel``, the deck renders in a forked child while this process renders
    the PDF (see :mod:`docgen.app.parallel`). What is written is committed to the output folder
    as one transaction (see :mod:`docgen.app.output`). The result lists the files the build read,
    so a caller such as ``watch`` need not load the source again to learn them.

    ``run`` names one run of several sources (:func:`build_many`, ``watch``): two of its sources
    may not make artifacts of the same name. A source built alone takes a name over from another
    source, with a warning.
    """
    wanted = [t for t in TARGETS if t in set(targets)]
    key = str(source.resolve())
    root = source.absolute().parent.resolve()  # the project folder: inputs must be inside it
    folder = OutputFolder(out_dir)
    entry: dict[str, Any] = {}
    if folder.path.is_dir():
        with folder.locked():
            records = Records(folder)
            entry = records.entry(key)
            reused = {} if force else records.reusable(key, wanted, root)
        if len(reused) == len(wanted):
            return BuildResult(source, list(reused.values()), _problems(entry.get("warnings", [])),
                               [Path(p) for p in entry["files"]])
    from docgen.source import load_with_warnings

    doc, warnings = load_with_warnings(source)
    folder.prepare()
    files = input_files(doc)
    contents = inputs_digest(files)
    reused = ({} if force or entry.get("files") != [str(p) for p in files]
              else records.reusable(key, wanted, root, contents))
    rendered = _render([t for t in wanted if t not in reused], doc, parallel,
                       _last_units(entry, "pdf"))
    seen = set(warnings)  # the loader and a renderer may both meet one thing (a template's link)
    for result, _ in rendered.values():
        for problem in result.warnings:
            if problem not in seen:
                seen.add(problem)
                warnings.append(problem)
    built = {}
    for target, (result, seconds) in rendered.items():
        artifact = Artifact(out_dir / f"{doc.slug}{SUFFIX[target]}", target, result.units,
                            result.unit_name, len(result.data), sha256(result.data), seconds)
        built[target] = (artifact, result.data)
    with folder.locked():
        records = Records(folder)  # as other builds left it since
        warnings += _check_names(doc, records, key, [a for a, _ in built.values()], files, run)
        replaced = records.record(key, display_path(doc.source), files,
                                  [_problem_json(p) for p in warnings],
                                  {t: (a, contents and target_digest(contents, t))
                                   for t, (a, _) in built.items()}, run)
        folder.commit({a.path.name: data for a, data in built.values()}, replaced,
                      records.state(), records.new_manifest())
    artifacts = {**reused, **{t: a for t, (a, _) in built.items()}}
    return BuildResult(source, [artifacts[t] for t in wanted], warnings, files)


def _check_names(doc: Document, records: Records, key: str, artifacts: list[Artifact],
                 files: list[Path], run: str | None) -> list[Problem]:
    """Refuse names of input files (of this build or any other in the folder), and names another
    source of the same run makes; return warnings for names taken over from another source."""
    where = doc.slug_location
    inputs = {Path(f).resolve(): Path(f) for f in [*records.inputs(), *map(str, files)]}
    warnings = []
    for artifact in artifacts:
        name, what = artifact.path.name, WHAT[artifact.target]
        read = inputs.get(artifact.path.resolve())
        if read is not None:
            raise DocgenError(Problem(
                f"the {what} '{name}' would replace {display_path(read)}, a file docgen reads",
                where, "set a different 'slug:' in the article, or build into another folder "
                "with --out"))
        owner = records.owner(name)
        if owner is None or owner == key:
            continue
        other = display_path(Path(owner))
        if run is not None and records.entry(owner).get("run") == run:
            raise DocgenError(Problem(
                f"the {what} '{name}' is also made from {other} in this build; each article "
                "needs its own output name", where, "set a different 'slug:' in one of them"))
        records.release(owner, name)
        if Path(owner).exists():
            warnings.append(Problem(f"the {what} '{name}' replaces the one made from {other}",
                                    where, "set a different 'slug:' to keep both",
                                    severity="warning"))
    return warnings


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


def build_many(sources: list[Path], out_dir: Path, targets: Iterable[str] = TARGETS, *,
               jobs: int = 1, force: bool = False,
               parallel: bool = False) -> list[BuildResult | DocgenError]:
    """Build several sources, across ``jobs`` processes; one failure does not stop the others.

    ``parallel`` (one source at a time) renders each source's PDF and deck side by side.
    """
    targets = list(targets)
    run = new_run() if len(sources) > 1 else None
    if jobs <= 1 or len(sources) <= 1:
        return [_build_one(s, out_dir, targets, force, parallel, run) for s in sources]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(sources))) as pool:
        futures = [pool.submit(_build_one, s, out_dir, targets, force, False, run)
                   for s in sources]
        return [f.result() for f in futures]


def new_run() -> str:
    """Return a name for one run of several sources (see :func:`build`)."""
    return os.urandom(8).hex()


def _build_one(source: Path, out_dir: Path, targets: list[str], force: bool,
               parallel: bool, run: str | None) -> BuildResult | DocgenError:
    try:
        return build(source, out_dir, targets, force=force, parallel=parallel, run=run)
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


