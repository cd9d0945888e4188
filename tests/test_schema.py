"""The committed JSON Schemas match the loader's specs, and the seed validates against them."""

from __future__ import annotations

import json

import jsonschema
import yaml

from docgen.app.schema import schema_files
from tests.conftest import ROOT


def test_committed_schemas_are_in_sync_with_the_loader() -> None:
    for name, text in schema_files().items():
        committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
        assert committed == text, f"schema/{name} is stale: run `invoke schema`"


def test_the_seed_article_and_brand_validate_against_the_schemas() -> None:
    for source, name in (("article.yaml", "article"), ("brand.yml", "brand")):
        data = yaml.load((ROOT / "source" / source).read_text(), Loader=yaml.BaseLoader)
        schema = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text())
        jsonschema.validate(data, schema)


def test_the_schema_rejects_an_unknown_key() -> None:
    schema = json.loads(schema_files()["article.schema.json"])
    bad = {"title": "T", "sections": [], "author": {"name": "A", "bio": "B"}, "subtitel": "x"}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))


def test_the_seed_article_points_editors_at_the_schema() -> None:
    first = (ROOT / "source" / "article.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/article.schema.json"
