"""Read a brand file in the brand.yml convention (Quarto, posit's brand-yml).

docgen reads the subset it uses (meta, logo, color, typography, defaults.docgen) and ignores every
other key without complaint, so an existing Quarto ``_brand.yml`` works as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from docgen.colour import make_palette
from docgen.errors import Location
from docgen.fonts import bundled_family
from docgen.model import Brand, FontFace, FontFamily
from docgen.source.defaults import NAMED_COLOURS, default_brand
from docgen.source.spec import (
    INVALID,
    Asset,
    Context,
    Field,
    Record,
    Spec,
    Str,
    Url,
    mapping_items,
    resolve_asset,
)
from docgen.source.yamlsafe import MappingNode, Node, ScalarNode, SequenceNode, is_null

TYPE_CHECKING = False  # not typing's (~6 ms of start-up); type checkers treat this name as true
if TYPE_CHECKING:
    from typing import Any

_HEX = re.compile(r"#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})")
THEME_COLOURS = ("foreground", "background", "primary", "secondary", "tertiary", "success", "info",
                 "warning", "danger", "light", "dark")


def _mapping(node: Node | None, ctx: Context) -> dict[str, tuple[ScalarNode, Node]]:
    """Return key -> (key node, value node) for a mapping; anything else reads as empty."""
    if node is None or is_null(node):
        return {}
    if not isinstance(node, MappingNode):
        ctx.error(node, "expected a mapping (key: value lines)")
        return {}
    items = mapping_items(node, ctx)
    return {} if items is INVALID else {k: (kn, v) for k, kn, v in items}


def _scalar(node: Node, ctx: Context, what: str) -> str | Any:
    return Str().read(node, ctx) if isinstance(node, ScalarNode) else ctx.error(
        node, f"{what} must be text"
    )


def read_colours(node: Node | None, ctx: Context) -> dict[str, str]:
    """Return every theme colour and palette entry as #RRGGBB; unknown values are errors."""
    colour = _mapping(node, ctx)
    palette: dict[str, str] = {}
    if "palette" in colour:
        for name, (_, value) in _mapping(colour["palette"][1], ctx).items():
            hexed = _colour_value(value, ctx, {})
            if hexed is not INVALID:
                palette[name] = hexed
    out = dict(palette)
    for name in THEME_COLOURS:
        if name in colour:
            hexed = _colour_value(colour[name][1], ctx, palette)
            if hexed is not INVALID:
                out[name] = hexed
    return out


def _colour_value(node: Node, ctx: Context, palette: dict[str, str]) -> str | Any:
    value = _scalar(node, ctx, "a colour")
    if value is INVALID:
        return INVALID
    if _HEX.fullmatch(value):
        digits = value[1:]
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        return "#" + digits.upper()
    if value in palette:
        return palette[value]
    if value.lower() in NAMED_COLOURS:
        return NAMED_COLOURS[value.lower()]
    names = ", ".join(palette) or "none defined"
    return ctx.error(node, f"unknown colour '{value}'",
                     f"use #RRGGBB or a name from color.palette ({names})")


def _font_file(node: Node, ctx: Context) -> FontFace | Any:
    """Return one face of a ``source: file`` family; CFF-flavoured fonts are refused early."""
    fields = {"path": None, "weight": "400", "style": "normal"}
    if isinstance(node, MappingNode):
        entries = _mapping(node, ctx)
        for key in fields:
            if key in entries:
                fields[key] = entries[key][1]  # type: ignore[assignment]
        path_node = fields["path"]
        if path_node is None:
            return ctx.error(node, "a font file needs 'path:'")
    else:
        path_node = node
    path = Asset("font file", (".ttf", ".otf")).read(path_node, ctx)  # type: ignore[arg-type]
    if path is INVALID:
        return INVALID
    magic = path.read_bytes()[:4]
    if magic == b"OTTO":
        return ctx.error(path_node, f"'{path.name}' has PostScript (CFF) outlines, which PDFs made "
                         "by docgen cannot embed", "use the TrueType (.ttf) version of the font")
    if magic not in (b"\x00\x01\x00\x00", b"true"):
        return ctx.error(path_node, f"'{path.name}' is not a TrueType font file")
    weight = _text_of(fields["weight"]).lower()
    style = _text_of(fields["style"]).lower()
    bold = weight in ("bold", "semibold", "extrabold", "black") or (
        weight.isdigit() and int(weight) >= 600)
    return FontFace(path, bold, style in ("italic", "oblique"))


def _text_of(node: Any) -> str:
    return node.value if isinstance(node, ScalarNode) else str(node)


def read_fonts(node: Node | None, ctx: Context) -> dict[str, FontFamily]:
    """Return the families a brand declares with files; other sources resolve by name later."""
    families: dict[str, FontFamily] = {}
    if node is None or is_null(node):
        return families
    if not isinstance(node, SequenceNode):
        ctx.error(node, "typography.fonts must be a list of '- family: ...' entries")
        return families
    for entry in node.value:
        spec = _mapping(entry, ctx)
        if "family" not in spec:
            ctx.error(entry, "a font entry needs 'family:'")
            continue
        family = _scalar(spec["family"][1], ctx, "family")
        source = _text_of(spec["source"][1]) if "source" in spec else "file"
        if family is INVALID or source != "file" or "files" not in spec:
            continue
        files = spec["files"][1]
        items = files.value if isinstance(files, SequenceNode) else [files]
        faces = [f for f in (_font_file(item, ctx) for item in items) if f is not INVALID]
        if faces:
            families[family] = FontFamily(family, tuple(faces))
    return families


def _family_name(node: Node | None, ctx: Context) -> tuple[str | None, Node | None]:
    if node is None or is_null(node):
        return None, None
    if isinstance(node, ScalarNode):
        return node.value.strip(), node
    entries = _mapping(node, ctx)
    if "family" in entries:
        return _text_of(entries["family"][1]).strip(), entries["family"][1]
    return None, None


def resolve_family(name: str | None, node: Node | None, declared: dict[str, FontFamily],
                   fallback: FontFamily, ctx: Context) -> FontFamily:
    """Return a declared or bundled family by name, or the default with a warning."""
    if not name:
        return fallback
    if name in declared:
        return declared[name]
    bundled = bundled_family(name)
    if bundled:
        return bundled
    ctx.report.warn(
        f"the font '{name}' is not available to docgen; using {fallback.name} instead",
        ctx.loc(node) if node else None,
        "declare it under typography.fonts with 'source: file' and its .ttf files",
    )
    return fallback


def _logo(node: Node | None, ctx: Context) -> tuple[Path | None, Path | None]:
    """Return (logo for light backgrounds, logo for dark backgrounds)."""
    if node is None or is_null(node):
        return None, None
    if isinstance(node, ScalarNode):
        path = Asset("logo", (".png", ".jpg", ".jpeg")).read(node, ctx)
        return (None, None) if path is INVALID else (path, None)
    logo = _mapping(node, ctx)
    images = {k: v for k, (_, v) in _mapping(logo["images"][1], ctx).items()} if "images" in logo else {}

    def pick(ref: Node) -> Path | None:
        name = _text_of(ref).strip() if isinstance(ref, ScalarNode) else None
        target: Node = ref
        if name and name in images:
            target = images[name]
        if isinstance(target, MappingNode):
            entries = _mapping(target, ctx)
            if "path" not in entries:
                return None
            target = entries["path"][1]
        path = Asset("logo", (".png", ".jpg", ".jpeg")).read(target, ctx)
        return None if path is INVALID else path

    for size in ("medium", "large", "small"):
        if size not in logo:
            continue
        value = logo[size][1]
        if isinstance(value, MappingNode):
            variants = _mapping(value, ctx)
            light = pick(variants["light"][1]) if "light" in variants else None
            dark = pick(variants["dark"][1]) if "dark" in variants else None
            return light or dark, dark
        return pick(value), None
    return None, None


DOCGEN_DEFAULTS = Record("defaults.docgen", [
    Field("footer", Str(description="The footer line of every handout page.", max_len=200)),
    Field("page-size", Str(description="letter or a4.", pattern="letter|a4",
                           pattern_hint="use letter or a4")),
    Field("template", Str(description="A corporate .pptx whose layouts the deck uses.")),
], description="docgen's own settings in the brand file.")


def read_brand(root_node: Node | None, ctx: Context, brand_path: Path) -> Brand | Any:
    """Return the Brand described by a brand file's root node (errors go to ``ctx.report``)."""
    base = default_brand()
    if root_node is None or is_null(root_node):
        return replace(base, path=brand_path)
    if not isinstance(root_node, MappingNode):
        return ctx.error(root_node, "a brand file must be a mapping (meta:, color:, ...)")
    top = _mapping(root_node, ctx)
    meta = _mapping(top["meta"][1], ctx) if "meta" in top else {}
    name, link = base.name, None
    if "name" in meta:
        value = meta["name"][1]
        if isinstance(value, MappingNode):
            names = _mapping(value, ctx)
            value = (names.get("full") or names.get("short") or (None, value))[1]
        name = Str().read(value, ctx) or base.name
    if "link" in meta:
        value = meta["link"][1]
        if isinstance(value, MappingNode):
            links = _mapping(value, ctx)
            value = (links.get("home") or next(iter(links.values()), (None, None)))[1]
        link = Url().read(value, ctx) if value is not None else None
    colours = read_colours(top["color"][1] if "color" in top else None, ctx)
    dp = base.palette
    palette = make_palette(
        colours.get("primary", dp.primary), colours.get("secondary", dp.secondary),
        colours.get("tertiary", colours.get("accent", dp.accent)),
        colours.get("foreground", dp.foreground), colours.get("background", dp.background),
    )
    typo = _mapping(top["typography"][1], ctx) if "typography" in top else {}
    declared = read_fonts(typo["fonts"][1] if "fonts" in typo else None, ctx)
    body = resolve_family(*_family_name(typo.get("base", (None, None))[1], ctx), declared,
                          base.body_font, ctx)
    heading = resolve_family(*_family_name(typo.get("headings", (None, None))[1], ctx), declared,
                             base.heading_font, ctx)
    logo, logo_dark = _logo(top["logo"][1] if "logo" in top else None, ctx)
    defaults = _mapping(top["defaults"][1], ctx) if "defaults" in top else {}
    settings: dict[str, Any] = {}
    if "docgen" in defaults:
        settings = DOCGEN_DEFAULTS.read(defaults["docgen"][1], ctx) or {}
    template, template_at = None, ctx.loc(root_node)
    if settings.get("template"):
        node = _mapping(defaults["docgen"][1], ctx)["template"][1]
        template_at = ctx.loc(node)
        template = resolve_asset(node, ctx, settings["template"], "template")
        if template is not INVALID and template.suffix.lower() not in (".pptx", ".potx"):
            template = ctx.error(node, "the template must be a PowerPoint .pptx or .potx file")
        template = None if template is INVALID else template
        if template is not None:
            _inspect_template(template, template_at, ctx)
    return Brand(
        name=name if isinstance(name, str) else base.name, palette=palette, body_font=body,
        heading_font=heading, link=link or None, footer=settings.get("footer"), logo=logo,
        logo_on_dark=logo_dark, page_size=settings.get("page-size", "letter"),
        template=template, path=brand_path, location=ctx.loc(root_node),
        template_location=template_at,
    )


def _inspect_template(path: Path, where: Location, ctx: Context) -> None:
    """Read the template as ``build`` will (the same reader and rules), so check ok means build works."""
    from docgen.errors import DocgenError
    from docgen.render.deck.template import inspect_template

    try:
        ctx.report.problems.extend(inspect_template(path, where))
    except DocgenError as exc:
        ctx.report.problems.extend(exc.problems)


class BrandSchema(Spec):
    """The JSON Schema of the brand subset docgen reads (other keys are allowed and ignored)."""

    def schema(self) -> dict[str, Any]:
        colour = {"type": "string", "description": "#RRGGBB or a palette name."}
        family = {"oneOf": [{"type": "string"}, {"type": "object",
                                                  "properties": {"family": {"type": "string"}}}]}
        return {
            "type": "object",
            "properties": {
                "meta": {"type": "object", "properties": {
                    "name": {"oneOf": [{"type": "string"}, {"type": "object"}]},
                    "link": {"oneOf": [Url().schema(), {"type": "object"}]}}},
                "logo": {"oneOf": [{"type": "string"}, {"type": "object"}]},
                "color": {"type": "object", "properties": {
                    "palette": {"type": "object", "additionalProperties": colour},
                    **{name: colour for name in THEME_COLOURS}}},
                "typography": {"type": "object", "properties": {
                    "fonts": {"type": "array", "items": {"type": "object",
                                                         "required": ["family"]}},
                    "base": family, "headings": family}},
                "defaults": {"type": "object", "properties": {"docgen": DOCGEN_DEFAULTS.schema()}},
            },
        }
