"""A large real brand with an SVG logo: ``check``, a cold build and the up-to-date path.

The brand is the Dell file from the brand fixtures (its 100-colour palette and SVG logo), grown to
about 2,000 palette entries, a third of them names of other entries, as a design system's export
would be. The seed article uses it. Figures go beside the seed's (same article, docgen's own brand).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from figures import docgen, median_of, run_process

ROOT = Path(__file__).resolve().parents[1]
DELL = ROOT / "tests" / "fixtures" / "brands" / "dell"
EXTRA = 2000


def write_brand_article(folder: Path) -> tuple[Path, int]:
    """Write the seed article using the grown Dell brand into ``folder``; return it and the size."""
    shutil.copytree(ROOT / "source" / "images", folder / "images")
    shutil.copytree(DELL, folder / "brand")
    brand = folder / "brand" / "_brand-dell.yml"
    lines = brand.read_text(encoding="utf-8").splitlines()
    at = lines.index("    # Bootstrap color aliases")
    grown = [f'    extra-{i}: "#{(i * 2654435761) % 0xFFFFFF:06X}"' if i % 3 else
             f"    extra-{i}: extra-{i - 1}" for i in range(1, EXTRA + 1)]
    brand.write_text("\n".join(lines[:at] + grown + lines[at:]) + "\n", encoding="utf-8")
    seed = (ROOT / "source" / "article.yaml").read_text(encoding="utf-8")
    article = folder / "article.yaml"
    article.write_text(seed.replace("brand: brand.yml", "brand: brand/_brand-dell.yml"),
                       encoding="utf-8")
    return article, brand.stat().st_size


def measure_brand(runs: int, work: Path) -> dict[str, Any]:
    """Return the figures for the seed article with a large brand file and an SVG logo."""
    article, size = write_brand_article(work / "big-brand")
    out = work / "out-big-brand"
    src = ["-s", str(article)]
    run_process(docgen("build", *src, "-o", str(out), "-q"))  # fills the disk cache
    row: dict[str, Any] = {"brand_bytes": size, "palette_entries": EXTRA + 100}

    def first_check() -> float:
        with tempfile.TemporaryDirectory(prefix="docgen-brand-") as fresh:
            return run_process(docgen("check", *src, "-q"),
                               extra_env={"DOCGEN_CACHE_DIR": fresh})[0]

    row["check_first_s"] = median_of(runs, first_check)  # empty cache: the SVG logo is drawn
    row["check_cold_s"] = median_of(runs, lambda: run_process(docgen("check", *src, "-q"))[0])
    row["both_cold_s"] = median_of(runs, lambda: run_process(
        docgen("build", *src, "-o", str(out), "--force", "-q"))[0])
    row["up_to_date_s"] = median_of(runs, lambda: run_process(
        docgen("build", *src, "-o", str(out), "-q"))[0])
    return row
