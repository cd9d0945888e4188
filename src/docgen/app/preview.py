"""PNG previews of every page and slide, and one contact sheet, for review without PowerPoint."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docgen.errors import DocgenError, Problem

INSTALL = {
    "pdftoppm": "install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; "
                "macOS: brew install poppler)",
    "soffice": "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-impress; "
               "macOS: brew install --cask libreoffice)",
}


def require(tool: str) -> str:
    """Return the tool's path, or raise an error saying what to install."""
    path = shutil.which(tool)
    if path is None:
        raise DocgenError(Problem(f"'{tool}' is needed for previews but is not installed",
                                  hint=INSTALL[tool]))
    return path


def pdf_to_pngs(pdf: Path, folder: Path, stem: str, dpi: int = 60) -> list[Path]:
    """Render every page of ``pdf`` to ``folder/stem-N.png`` and return the files in order."""
    for old in folder.glob(f"{stem}-*.png"):
        old.unlink()
    subprocess.run([require("pdftoppm"), "-png", "-r", str(dpi), str(pdf), str(folder / stem)],
                   check=True, capture_output=True, timeout=300)
    return sorted(folder.glob(f"{stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def deck_to_pdf(deck: Path, workdir: Path) -> Path:
    """Convert a deck to PDF with LibreOffice, as people who open it there will see it."""
    profile = workdir / "profile"
    subprocess.run(
        [require("soffice"), f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(workdir), str(deck)],
        check=True, capture_output=True, timeout=600,
    )
    result = workdir / f"{deck.stem}.pdf"
    if not result.exists():
        raise DocgenError(Problem(f"LibreOffice could not convert {deck.name}"))
    return result


def contact_sheet(images: list[Path], target: Path, columns: int = 6, width: int = 260) -> Path:
    """Write one PNG with every image as a thumbnail, in order, and return its path."""
    from PIL import Image

    thumbs = []
    for path in images:
        with Image.open(path) as opened:
            img = opened.convert("RGB")
            img.thumbnail((width, width * 2))
            thumbs.append(img.copy())
    if not thumbs:
        raise DocgenError(Problem("nothing to preview: build the artifacts first"))
    gap = 12
    row_height = max(t.height for t in thumbs)
    rows = (len(thumbs) + columns - 1) // columns
    sheet = Image.new("RGB", (gap + columns * (width + gap), gap + rows * (row_height + gap)),
                      (230, 232, 235))
    for i, thumb in enumerate(thumbs):
        x = gap + (i % columns) * (width + gap)
        y = gap + (i // columns) * (row_height + gap)
        sheet.paste(thumb, (x, y))
    sheet.save(target, optimize=True)
    return target


def preview(artifacts: list[Path], out_dir: Path) -> list[str]:
    """Write PNGs of every page and slide of ``artifacts`` into ``out_dir/preview``; return lines."""
    folder = out_dir / "preview"
    folder.mkdir(parents=True, exist_ok=True)
    images: list[Path] = []
    lines = []
    for artifact in artifacts:
        if artifact.suffix == ".pdf":
            pages = pdf_to_pngs(artifact, folder, f"{artifact.stem}-page")
        else:
            with tempfile.TemporaryDirectory() as tmp:
                pages = pdf_to_pngs(deck_to_pdf(artifact, Path(tmp)), folder,
                                    f"{artifact.stem}-slide")
        images.extend(pages)
        lines.append(f"{folder}/{artifact.stem}-{'page' if artifact.suffix == '.pdf' else 'slide'}"
                     f"-*.png: {len(pages)} images")
    sheet = contact_sheet(images, folder / "contact-sheet.png")
    lines.append(f"{sheet}: contact sheet of {len(images)} pages and slides")
    return lines


def brand_sheets(sources: list[Path], out_dir: Path, dpi: int = 100) -> list[str]:
    """Write one brand sheet PNG per brand the sources use (``<slug>-brand.png``); return lines."""
    from docgen.render.pdf.brandsheet import brand_sheet
    from docgen.source import load

    folder = out_dir / "preview"
    folder.mkdir(parents=True, exist_ok=True)
    lines, seen = [], set()
    for source in sources:
        doc = load(source)
        key = doc.brand.path or "built-in"
        if key in seen:
            continue
        seen.add(key)
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "brand.pdf"
            pdf.write_bytes(brand_sheet(doc.brand))
            target = folder / f"{doc.slug}-brand"
            subprocess.run([require("pdftoppm"), "-png", "-singlefile", "-r", str(dpi), str(pdf),
                            str(target)], check=True, capture_output=True, timeout=300)
        lines.append(f"{target}.png: brand sheet (colours and contrast, type, logos)")
    return lines
