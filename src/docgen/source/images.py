"""Check a picture before any renderer opens it: real format, sane size, not a decompression bomb."""

from __future__ import annotations

from pathlib import Path

MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "GIF": "GIF"}


def probe_image(path: Path) -> tuple[int, int, list[str]] | str:
    """Return (width, height, warnings) of a usable picture, or why it cannot be used."""
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return f"is {size / 1048576:.0f} MB; pictures may be at most {MAX_IMAGE_BYTES // 1048576} MB"
    from PIL import Image, UnidentifiedImageError  # only articles with pictures pay for Pillow

    warnings: list[str] = []
    try:
        with Image.open(path) as img:
            if img.format not in FORMATS:
                return f"is a {img.format} image; use PNG, JPEG or GIF"
            width, height = img.size
            if width * height > MAX_IMAGE_PIXELS:
                return (
                    f"is {width:,} x {height:,} pixels; pictures may have at most "
                    f"{MAX_IMAGE_PIXELS // 1_000_000} million pixels (scale it down)"
                )
            if getattr(img, "n_frames", 1) > 1:
                warnings.append("is animated; only its first frame is used")
            if img.mode == "CMYK":
                warnings.append("uses CMYK colours; it is converted to RGB, colours may shift")
            img.verify()
        with Image.open(path) as img:  # verify() leaves the image unusable: decode it for real
            img.load()
    except UnidentifiedImageError:
        return "is not a picture docgen can read (PNG, JPEG or GIF)"
    except (OSError, SyntaxError, ValueError) as exc:
        return f"is damaged or truncated ({exc})"
    except Image.DecompressionBombError:
        return "is too large when decoded (a decompression bomb?)"
    return width, height, warnings
