"""Keep adding slides cheap for long decks, without forking python-pptx.

python-pptx 1.0.2 makes every new part walk the whole package graph: ``OpcPackage.next_partname``
(used for each notes slide) and ``_ImageParts`` (used for each picture, even the same logo again)
iterate over every part, and ``PresentationPart.relate_to`` scans (and regroups) every slide
relationship looking for one to reuse, so a deck of n slides costs O(n²). During a build docgen is
the only writer of the package, so :func:`fast_slides` shadows those three *instance* methods with
versions that remember what they found (the partnames per prefix, the image part per file) or know
the answer (a brand-new slide part has no relationship yet), and removes the shadows afterwards.
The original methods still do the first look-ups, so the package is the one python-pptx would
have written. The remaining per-slide scans (``CT_SlideIdList._next_id``, an XPath over the slide
list, and ``len()`` of it) are avoided by the writer, which keeps its own counters; see
``writer._SlideWriter``. ``tests/bench/test_deck_linear.py`` checks that the calls and XPath work per
slide stay constant as the deck grows, and that these shadows are removed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.presentation import Presentation as PresentationT


@contextmanager
def fast_slides(prs: PresentationT) -> Iterator[None]:
    """Context in which adding slides and pictures to ``prs`` does not rescan the package."""
    package: Any = prs.part.package
    taken: dict[str, set[str]] = {}
    images: dict[str, Any] = {}
    original_image = package.get_or_add_image_part

    def next_partname(tmpl: str) -> PackURI:
        prefix = tmpl[: (tmpl % 42).find("42")]
        names = taken.get(prefix)
        if names is None:
            names = taken[prefix] = {
                str(p.partname) for p in package.iter_parts() if p.partname.startswith(prefix)
            }
        n = len(names) + 1
        while tmpl % n in names:
            n += 1
        names.add(tmpl % n)
        return PackURI(tmpl % n)

    def get_or_add_image_part(image_file: Any) -> Any:
        if not isinstance(image_file, str | Path):
            return original_image(image_file)
        raw = str(image_file)
        if raw not in images:  # resolve() once per spelling: it is a system call per folder
            key = str(Path(image_file).resolve())
            if key not in images:
                images[key] = original_image(image_file)
            images[raw] = images[key]
        return images[raw]

    part: Any = prs.part
    seen: set[int] = set()
    original_relate = part.relate_to

    def relate_to(target: Any, reltype: str, is_external: bool = False) -> str:
        if reltype == RT.SLIDE and not is_external and id(target) not in seen:
            seen.add(id(target))  # a slide part made just now: nothing to reuse
            return part._rels._add_relationship(reltype, target)
        return original_relate(target, reltype, is_external)

    part.relate_to = relate_to
    package.next_partname = next_partname
    package.get_or_add_image_part = get_or_add_image_part
    try:
        yield
    finally:
        del part.relate_to
        del package.next_partname
        del package.get_or_add_image_part
