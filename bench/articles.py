"""Generated benchmark articles: the seed article with its sections repeated, text varied.

The benchmark needs articles 10x and 100x the seed's size that exercise the same code paths
(quotes, lists, key points, paragraphs, continuation slides) without being byte-identical copies,
so per-copy caches cannot hide real work. Each copy rotates the words of every plain text (word
lengths, and so line breaks and slide counts, stay realistic) and numbers its heading. Text with
inline markup is kept as typed so the markup stays valid.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "source" / "article.yaml"


def _vary(text: str, copy: int) -> str:
    """Return ``text`` with its words rotated by ``copy`` places (markup left alone)."""
    if copy == 0 or any(ch in text for ch in "*[]\\"):
        return text
    words = text.split()
    if len(words) < 3:
        return text
    k = copy % len(words)
    rotated = words[k:] + words[:k]
    return " ".join(rotated)


def _vary_block(block: Any, copy: int) -> Any:
    if isinstance(block, str):
        return _vary(block, copy)
    if isinstance(block, list):
        return [_vary_block(b, copy) for b in block]
    if isinstance(block, dict):
        return {k: (v if k in ("src", "alt", "by") else _vary_block(v, copy)) for k, v in block.items()}
    return block


def scaled(seed: dict[str, Any], scale: int) -> dict[str, Any]:
    """Return the seed article with its sections repeated ``scale`` times, each copy varied."""
    if scale <= 1:
        return seed
    sections = []
    for copy in range(scale):
        for section in seed["sections"]:
            s = dict(section)
            s["heading"] = f"{section['heading']} {copy + 1}" if copy else section["heading"]
            s["blocks"] = _vary_block(section.get("blocks", []), copy)
            if "key_points" in section:
                s["key_points"] = _vary_block(section["key_points"], copy)
            sections.append(s)
    return {**seed, "sections": sections}


def write_articles(folder: Path, scales: list[int], seed: Path = SEED) -> dict[int, Path]:
    """Write ``article-<scale>x.yaml`` for each scale into ``folder`` (with the brand and images)."""
    folder.mkdir(parents=True, exist_ok=True)
    for item in seed.parent.iterdir():  # brand.yml and images/, which the article refers to
        if item.name == seed.name:
            continue
        target = folder / item.name
        if item.is_dir():
            shutil.copytree(item, target, dirs_exist_ok=True)
        else:
            shutil.copy2(item, target)
    data = yaml.safe_load(seed.read_text(encoding="utf-8"))
    out: dict[int, Path] = {}
    for scale in scales:
        path = folder / f"article-{scale}x.yaml"
        article = scaled(data, scale)
        if scale > 1:
            article = {**article, "title": f"{data['title']} ({scale}x)"}
        path.write_text(yaml.safe_dump(article, allow_unicode=True, sort_keys=False, width=100),
                        encoding="utf-8")
        out[scale] = path
    return out
