"""Read an article's YAML (and its brand file) into one :class:`~docgen.model.Document`.

Every problem in either file is collected with its line and column and raised together as one
:class:`~docgen.errors.DocgenError`; warnings come back beside the document.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docgen.errors import DocgenError, Location, Problem, Report, display_path
from docgen.model import Document
from docgen.source.article import article_fields
from docgen.source.assets import resolve_asset
from docgen.source.brand import read_brand
from docgen.source.defaults import default_brand
from docgen.source.slug import make_slug
from docgen.source.spec import INVALID, Context, Record, Spec, Str
from docgen.source.yamlsafe import MappingNode, Node, parse, read_text

if TYPE_CHECKING:
    from typing import Any


class BrandRef(Spec):
    """``brand: brand.yml``: the path is checked, then the brand file is read in place."""

    description = "Path of a brand file (brand.yml convention), relative to the article."

    def read(self, node: Node, ctx: Context) -> Any:
        value = Str().read(node, ctx)
        if value is INVALID:
            return INVALID
        if not value.lower().endswith((".yml", ".yaml")):
            return ctx.error(node, f"the brand file '{value}' must be a .yml or .yaml file")
        path = resolve_asset(node, ctx, value, "brand file")
        if path is INVALID:
            return INVALID
        shown = display_path(path)
        try:
            root = parse(read_text(path, shown), shown, ctx.report)
        except DocgenError as exc:
            ctx.report.problems.extend(exc.problems)
            return INVALID
        brand_ctx = Context(shown, ctx.report, ctx.root, path.parent)
        return read_brand(root, brand_ctx, path)

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "description": self.description}


def article_record(ctx: Context) -> Record:
    """Return the spec of a whole article (also the source of the JSON Schema)."""
    return Record("the article", article_fields(ctx, BrandRef()),
                  description="A docgen article: one YAML file, rendered as a PDF and a deck.")


def load_with_warnings(path: Path) -> tuple[Document, list[Problem]]:
    """Return the document and the warnings met while reading it; raise on any error."""
    shown = display_path(path)
    report = Report()
    folder, real = _project_folder(path, shown)
    root = parse(read_text(real, shown), shown, report)
    ctx = Context(shown, report, folder, real.parent)
    if root is None:
        raise DocgenError(Problem(
            "the file is empty", Location(shown, 1, 1),
            "start from the example in docs/source-format.md: title:, author:, sections:",
        ))
    if not isinstance(root, MappingNode):
        report.error("an article must be a mapping of keys (title:, author:, sections:)",
                     ctx.loc(root), "see docs/source-format.md for the layout")
        report.raise_if_errors()
    values = article_record(ctx).read(root, ctx)
    report.raise_if_errors()
    assert values is not INVALID
    doc = Document(
        title=values["title"], slug=values.get("slug") or make_slug(values["title"]),
        author=values["author"], sections=values["sections"],
        brand=values.get("brand") or default_brand(), source=real,
        subtitle=values.get("subtitle"), date=values.get("date"),
        language=values.get("language", "en"), summary=values.get("summary"),
        keywords=values.get("keywords", ()), intro=values.get("intro", ()), location=ctx.loc(root),
        cta=values.get("cta"), slug_location=_slug_location(root, ctx),
        pdf_standard=(values.get("pdf") or {}).get("standard"),
    )
    return doc, report.warnings


def _slug_location(root: MappingNode, ctx: Context) -> Location:
    """Return where the output name comes from: the ``slug:`` value, else the ``title:`` one."""
    values = {key.value: value for key, value in root.value}
    node = values.get("slug") or values.get("title")
    return ctx.loc(node) if node is not None else ctx.loc(root)


def _project_folder(path: Path, shown: str) -> tuple[Path, Path]:
    """Return (the article's folder, its real path), refusing an article that is a symbolic link
    to a file outside that folder: its text would be read and echoed in messages (a pull request
    could print a CI secret into the log this way)."""
    try:
        folder = path.absolute().parent.resolve()
        real = path.resolve()
    except (OSError, RuntimeError) as exc:  # a loop of links; a folder we may not enter
        raise DocgenError(Problem(f"cannot read the file: {getattr(exc, 'strerror', None) or exc}",
                                  Location(shown))) from None
    if not real.is_relative_to(folder):
        raise DocgenError(Problem(
            "the article is a link to a file outside its folder", Location(shown),
            "copy the file into the folder instead of linking to it"))
    return folder, real


def load(path: Path) -> Document:
    """Return the document read from ``path``; raise DocgenError listing every problem."""
    return load_with_warnings(path)[0]
