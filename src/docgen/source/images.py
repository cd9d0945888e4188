"""Check a picture before any renderer opens it: real format, sane size, not a decompression bomb."""

from __future__ import annotations

import warnings
from collections import OrderedDict
from pathlib import Path

from docgen.infra.files import read_limited

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "GIF": "GIF"}


#: Pictures probed lately, by (path, inode, size, modification time): an article that shows one
#: picture 300 times decodes it once, and all its Image blocks share one copy of its bytes.
_probed: OrderedDict[tuple[str, int, int, int], tuple[int, int, list[str], bytes] | str] = \
    OrderedDict()
MAX_PROBED = 8


def probe_image(path: Path) -> tuple[int, int, list[str], bytes] | str:
    """Return (width, height, warnings, the file's bytes) of a usable picture, or why it cannot be
    used. A raster's bytes go into the model, so the renderers never read the file again; an SVG's
    are empty (the renderers read it through :mod:`docgen.svg`)."""
    try:
        info = path.stat()
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    key = (str(path), info.st_ino, info.st_size, info.st_mtime_ns)
    found = _probed.get(key)
    if found is None:
        found = _probed[key] = _probe(path, info.st_size)
        while len(_probed) > MAX_PROBED:
            _probed.popitem(last=False)
    _probed.move_to_end(key)
    return found if isinstance(found, str) else (found[0], found[1], list(found[2]), found[3])


def _probe(path: Path, size: int) -> tuple[int, int, list[str], bytes] | str:
    if path.suffix.lower() == ".svg":
        return _probe_svg(path)
    if size > MAX_IMAGE_BYTES:
        return f"is {size / 1048576:.0f} MB; pictures may be at most {MAX_IMAGE_BYTES // 1048576} MB"
    import io

    from PIL import Image, UnidentifiedImageError  # only articles with pictures pay for Pillow

    try:
        data = read_limited(path, MAX_IMAGE_BYTES)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS  # Pillow refuses twice this before decoding

    notes: list[str] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
        with img:
            if img.format not in FORMATS:
                return f"is a {img.format} image; use PNG, JPEG or GIF"
            width, height = img.size
            if width * height > MAX_IMAGE_PIXELS:
                return (
                    f"is {width:,} x {height:,} pixels; pictures may have at most "
                    f"{MAX_IMAGE_PIXELS // 1_000_000} million pixels (scale it down)"
                )
            if getattr(img, "n_frames", 1) > 1:
                notes.append("is animated; only its first frame is used")
            if img.mode == "CMYK":
                notes.append("uses CMYK colours; it is converted to RGB, colours may shift")
            img.verify()
        with Image.open(io.BytesIO(data)) as img:  # verify() leaves it unusable: decode for real
            img.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return (f"has more than {2 * MAX_IMAGE_PIXELS // 1_000_000} million pixels; pictures may "
                f"have at most {MAX_IMAGE_PIXELS // 1_000_000} million pixels (scale it down)")
    except UnidentifiedImageError:
        return "is not a picture docgen can read (PNG, JPEG or GIF)"
    except (OSError, SyntaxError, ValueError) as exc:
        return f"is damaged or truncated ({exc})"
    return width, height, notes, data


def _probe_svg(path: Path) -> tuple[int, int, list[str], bytes] | str:
    """An SVG is checked as the renderers will read it (:mod:`docgen.svg`), and what was
    removed from it (scripts, references to other files) is said."""
    from docgen.svg import SvgError, read_svg

    try:
        clean = read_svg(path)
    except SvgError as exc:
        return str(exc)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    notes = [f"has {', '.join(dict.fromkeys(clean.removed))}, which docgen leaves out"
             ] if clean.removed else []
    return max(1, round(clean.width)), max(1, round(clean.height)), notes, b""
