"""JSON Schemas for editors, generated from the same specs the loader validates with."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docgen.errors import Report
from docgen.source import article_record
from docgen.source.brand import brand_record
from docgen.source.spec import Context

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def article_schema() -> dict[str, Any]:
    """Return the JSON Schema of an article file."""
    ctx = Context("<schema>", Report(), Path("."), Path("."))
    return {"$schema": SCHEMA_DIALECT, "$id": "https://docgen.dev/schema/article.schema.json",
            "title": "docgen article"} | article_record(ctx).schema()


def brand_schema() -> dict[str, Any]:
    """Return the JSON Schema of the brand subset docgen reads (other keys allowed)."""
    return {"$schema": SCHEMA_DIALECT, "$id": "https://docgen.dev/schema/brand.schema.json",
            "title": "docgen brand (brand.yml)"} | brand_record().schema()


def schema_files() -> dict[str, str]:
    """Return file name -> text of every committed schema."""
    return {
        "article.schema.json": json.dumps(article_schema(), indent=2, ensure_ascii=False) + "\n",
        "brand.schema.json": json.dumps(brand_schema(), indent=2, ensure_ascii=False) + "\n",
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write the schemas into ``folder`` and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
