"""Static faces cut from variable font files: one weight, only the characters a document uses.

reportlab and the PDF format know nothing of font variations: a variable file draws its default
outlines (Thin, for the CJK files). fontTools' instancer makes a static face at the weight asked
for; subsetting first to the document's characters (with every glyph the shaper can reach from them)
makes that fast (docs/performance.md has the figures). The result is written as a file in the cache
folder (``faces/``, bounded), named by the hash of the file's identity, the weight and the
characters, so that everything that reads fonts by path (reportlab, the metrics and their disk
cache) reads it like any other font.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import io
import logging
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from docgen.infra.diskcache import cache_dir

#: Bump when what :func:`_cut` makes changes (it is part of every face's name).
VERSION = "3"
#: Cut faces kept at most (a CJK face of a long article is a few hundred kB).
MAX_BYTES = 32 * 1024 * 1024


def static_face(path: Path, weight: int, chars: frozenset[str]) -> Path:
    """Return the path of a static TrueType face of ``path`` at ``weight``, covering ``chars``."""
    text = "".join(sorted(chars))
    st = path.stat()  # the fonts cut are installed package files: their size and time identify them
    key = f"{VERSION}\0{path.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\0{weight}\0{text}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:20]
    target = _folder() / f"{path.stem.split('[')[0]}-{weight}-{digest}.ttf"
    if target.is_file():
        return target
    font = _cut(path.read_bytes(), weight, text, digest[:8])
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(font)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    _prune(target.parent)
    return target


def _prune(folder: Path) -> None:
    """Keep the folder under :data:`MAX_BYTES`, oldest faces first (a face is cut again if needed)."""
    try:
        faces = sorted(((f.stat(), f) for f in folder.glob("*.ttf")), key=lambda p: p[0].st_mtime_ns)
    except OSError:
        return
    total = sum(st.st_size for st, _ in faces)
    for st, face in faces:
        if total <= MAX_BYTES:
            break
        with contextlib.suppress(OSError):
            face.unlink()
            total -= st.st_size


def _cut(data: bytes, weight: int, text: str, tag: str) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    logging.getLogger("fontTools").setLevel(logging.CRITICAL + 1)  # docgen reports itself
    font = TTFont(io.BytesIO(data))
    options = subset.Options()
    options.layout_features = ["*"]
    options.layout_scripts = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + " ")
    subsetter.subset(font)
    if "fvar" in font:
        axes = {a.axisTag: a for a in font["fvar"].axes}
        limits = {}
        if "wght" in axes:
            a = axes["wght"]
            limits["wght"] = max(a.minValue, min(a.maxValue, weight))
        for axis, a in axes.items():
            limits.setdefault(axis, a.defaultValue)
        font = instancer.instantiateVariableFont(font, limits, updateFontNames=False)
    _rename(font, weight, tag)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _rename(font: Any, weight: int, tag: str) -> None:
    """Name the cut face for its weight, uniquely: reportlab takes two faces with one PostScript
    name for the same face (and the variable file's names are those of its default, Thin)."""
    names = font["name"]
    family = names.getDebugName(16) or names.getDebugName(1) or "Font"
    style = "Bold" if weight >= 700 else "Regular"
    postscript = "".join(c for c in family if c.isalnum()) + f"-{style}-{tag}"
    for name_id, value in ((1, family), (2, style), (4, f"{family} {style}"), (6, postscript),
                           (16, family), (17, style)):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    font["OS/2"].usWeightClass = weight


@cache
def _folder() -> Path:
    """Return where cut faces are written: the cache folder, or a temporary one without it."""
    base = cache_dir()
    if base is not None:
        folder = base / "faces"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return folder
        except OSError:
            pass
    folder = Path(tempfile.mkdtemp(prefix="docgen-faces-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder
