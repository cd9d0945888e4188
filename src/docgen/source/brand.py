"""Read a brand file in the brand.yml convention (Quarto, posit's brand-yml) into a :class:`Brand`.

The file is read with the same Record/Field specs as the article, which also generate its JSON
Schema. Everything brand.yml defines is accepted; what docgen draws with is meta (name, link), logo,
color, typography (base, headings, link) and ``defaults.docgen``. Keys brand.yml knows but docgen
does not use are listed by ``docgen brand``; keys brand.yml does not know get a warning (a typo,
or another tool's extension), and nothing a real ``_brand.yml`` holds stops the build.

Every colour docgen draws comes from the file: a theme colour it does not give is derived from those
it does (see :func:`palette_from`), and every text colour is checked for contrast
(:mod:`docgen.scheme`), with a warning at the colour's line when one had to change.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.colour import is_dark, make_palette, mix
from docgen.errors import Location
from docgen.model import Brand, Palette
from docgen.scheme import scheme
from docgen.source.assets import resolve_asset
from docgen.source.brand_colour import Colours, colour_named, colour_record, resolve_colours
from docgen.source.brand_logo import logo_record, resolve_logos
from docgen.source.brand_type import kind_of_file, read_faces, resolve_family, typography_record
from docgen.source.defaults import default_brand
from docgen.source.spec import (
    INVALID,
    Context,
    Field,
    Record,
    Spec,
    Str,
    Url,
)
from docgen.source.spec_maps import Unused
from docgen.source.yamlsafe import MappingNode, Node, ScalarNode, is_null

if TYPE_CHECKING:
    from typing import Any


class NodeOf(Spec):
    """Keep a section's node to read once the colours it depends on are known (the logo)."""

    def __init__(self, record: Record, description: str) -> None:
        super().__init__(description)
        self.record = record

    def read(self, node: Node, ctx: Context) -> Any:
        return node

    def schema(self) -> dict[str, Any]:
        return self._described({"oneOf": [{"type": "string"}, self.record.schema()]})


class OneOrMapping(Spec):
    """``name: Acme`` or ``name: {full: ..., short: ...}``: the first of ``keys`` that is given."""

    def __init__(self, what: str, item: Spec, keys: tuple[str, ...], description: str) -> None:
        super().__init__(description)
        self.what, self.item, self.keys = what, item, keys

    def read(self, node: Node, ctx: Context) -> Any:
        if not isinstance(node, MappingNode):
            return self.item.read(node, ctx)
        values = Record(self.what, [Field(k, self.item) for k in self.keys],
                        unknown="note").read(node, ctx)
        if values is INVALID:
            return INVALID
        return next((values[k] for k in self.keys if values.get(k)), None)

    def schema(self) -> dict[str, Any]:
        return self._described({"oneOf": [self.item.schema(), {
            "type": "object", "properties": {k: self.item.schema() for k in self.keys}}]})


DOCGEN_DEFAULTS = Record("defaults.docgen", [
    Field("footer", Str(description="The footer line of every handout page.", max_len=200)),
    Field("page-size", Str(description="letter or a4.", pattern="letter|a4",
                           pattern_hint="use letter or a4")),
    Field("template", Str(description="A corporate .pptx or .potx whose layouts the deck uses.")),
    Field("pdf-standard", Str(description="pdf/a-2b: every handout of this brand is archival "
                              "(PDF/A-2b) as well as accessible; an article's pdf: standard: wins.",
                              pattern="pdf/ua-1|pdf/a-2b", pattern_hint="use pdf/a-2b or pdf/ua-1")),
], description="docgen's own settings in the brand file.")

META = Record("meta", [
    Field("name", OneOrMapping("meta.name", Str(max_len=200), ("full", "short"), "The brand's name.")),
    Field("link", OneOrMapping("meta.link", Url(), ("home",), "The brand's home page (on the closing slide "
                                                "and as the handout's QR code).")),
], unknown="note", description="The brand's name and links.")


def brand_record() -> Record:
    """Return the spec of a brand file (also the source of ``schema/brand.schema.json``)."""
    return Record("the brand file", [
        Field("meta", META),
        Field("logo", NodeOf(logo_record(), "A logo path, or images and sizes.")),
        Field("color", colour_record()),
        Field("typography", typography_record()),
        Field("defaults", Record("defaults", [Field("docgen", DOCGEN_DEFAULTS)], unknown="note",
                                 description="Settings of tools (quarto, bootstrap, docgen).")),
        Field("template", Unused("template")),
    ], unknown="warn", description="A brand in the brand.yml convention.")


#: Palette field -> the brand.yml colour it comes from.
_FIELDS = {"primary": "primary", "secondary": "secondary", "accent": "tertiary",
           "foreground": "foreground", "background": "background", "light": "light",
           "link": "link"}


def palette_from(colours: Colours, base: Palette, heading: str, link: str) -> Palette:
    """Return the palette docgen draws with, every colour taken or derived from the brand's.

    Without ``primary`` the brand is drawn in its foreground colour; without ``secondary`` or
    ``tertiary`` docgen uses shades of the primary colour, never colours of its own.
    """
    named = colours.hex
    if not named:
        return base
    foreground = named.get("foreground", "#000000")  # brand.yml's defaults
    background = named.get("background", "#FFFFFF")
    primary = named.get("primary") or named.get("dark") or foreground
    secondary = named.get("secondary") or mix(primary, foreground, 0.25)
    tertiary = named.get("tertiary") or mix(primary, background, 0.45)
    light = named.get("light")
    if light is None or is_dark(light) or light == background:
        light = None
    return make_palette(primary, secondary, tertiary, foreground, background, light,
                        heading, link or named.get("link", ""))


def read_brand(root_node: Node | None, ctx: Context, brand_path: Path) -> Brand | Any:
    """Return the Brand described by a brand file's root node (problems go to ``ctx.report``)."""
    base = default_brand()
    if root_node is None or is_null(root_node):
        return replace(base, path=brand_path)
    if not isinstance(root_node, MappingNode):
        return ctx.error(root_node, "a brand file must be a mapping (meta:, color:, ...)")
    values = brand_record().read(root_node, ctx)
    if values is INVALID:
        return INVALID
    meta = values.get("meta") or {}
    name = meta.get("name") or ""  # never docgen's own name on someone else's brand
    colours = resolve_colours(values.get("color") or {}, ctx)
    typo = values.get("typography") or {}
    options = {k: typo.get(k) or {} for k in ("base", "headings", "link")}

    def colour_of(what: str) -> str:
        found = options[what].get("color")
        return colour_named((found, options[what]["nodes"]["color"]), colours, ctx) if found else ""

    palette = palette_from(colours, base.palette, colour_of("headings"), colour_of("link"))
    if options["base"].get("color"):
        palette = replace(palette, foreground=colour_of("base"))
    if colours.hex and "primary" not in colours.hex:
        ctx.report.warn("the brand names no primary colour; docgen draws the cover band and "
                        "headings in its " + ("dark" if "dark" in colours.hex else "foreground")
                        + f" colour {palette.primary}", ctx.loc(root_node),
                        "add 'primary:' under color:")
    given = {field: colours.nodes[name] for field, name in _FIELDS.items() if name in colours.nodes}
    for what, field in (("headings", "heading"), ("link", "link"), ("base", "foreground")):
        if options[what].get("color"):
            given[field] = options[what]["nodes"]["color"]
    for message, node in _report_contrast(palette, given):
        ctx.report.warn(message, ctx.loc(node),
                        "choose a darker or lighter brand colour to keep it unchanged")
    notes: list[str] = []
    declared = _declared(typo, ctx, options)
    body = resolve_family(options["base"].get("family"), options["base"].get("nodes", {}).get(
        "family"), declared, base.body_font, ctx, "body", notes)
    heading_from = "headings" if options["headings"].get("family") else "base"  # CSS inheritance
    heading = resolve_family(options[heading_from].get("family"), options[heading_from].get(
        "nodes", {}).get("family"), declared, base.heading_font, ctx, "headings", notes)
    logos = resolve_logos(values["logo"], ctx, name, palette.background, palette.primary) if (
        values.get("logo") is not None and not is_null(values["logo"])) else None
    ctx.notes += notes + (logos.notes if logos else ["logos: the brand names none"])
    settings = (values.get("defaults") or {}).get("docgen") or {}
    template, template_at = None, ctx.loc(root_node)
    if settings.get("template"):
        node = _find(root_node, "defaults", "docgen", "template")
        template_at = ctx.loc(node)
        template = resolve_asset(node, ctx, settings["template"], "template")
        if template is not INVALID and template.suffix.lower() not in (".pptx", ".potx"):
            template = ctx.error(node, "the template must be a PowerPoint .pptx or .potx file")
        template = None if template is INVALID else template
        if template is not None:
            _inspect_template(template, template_at, ctx)
    return Brand(
        name=name, palette=palette, body_font=body, heading_font=heading,
        link=meta.get("link") or None, footer=settings.get("footer"),
        logo=logos.on_light if logos else None, logo_on_dark=logos.on_band if logos else None,
        logo_alt=logos.alt if logos else "",
        heading_bold=options["headings"].get("weight", 700) >= 600,
        page_size=settings.get("page-size", "letter"), template=template, path=brand_path,
        pdf_standard=settings.get("pdf-standard"),
        location=ctx.loc(root_node), template_location=template_at,
    )


def _declared(typo: dict[str, Any], ctx: Context, options: dict[str, Any]) -> dict[str, Any]:
    """Return the declared families by lower-case name: faces, why not usable, kind, source."""
    wanted = " ".join(str(options[k].get("family", "")) for k in ("base", "headings")).lower()
    declared: dict[str, Any] = {}
    for entry in (*(typo.get("fonts") or ()), *(typo.get("font") or ()), *(typo.get("with") or ())):
        family = entry["family"]
        source = entry.get("source") or ("file" if entry.get("files") else "system")
        faces: list[Any] = []
        reasons: list[str] = []
        used = family.lower() in wanted
        if source == "file" and entry.get("files"):
            faces, reasons = read_faces(entry["files"], family, ctx, used)
        kind = None
        if not faces and entry.get("files"):
            first = next((f["path"] for f in entry["files"] if "://" not in f["path"]), None)
            path = ctx.base / first.lstrip("/") if first else None
            kind = kind_of_file(path) if path is not None and path.is_file() else None
        declared[family.lower()] = {"faces": faces, "reasons": reasons, "kind": kind,
                                    "source": source}
    return declared


def _report_contrast(palette: Palette, given: dict[str, Node]) -> list[tuple[str, Node]]:
    """Return a warning for each colour the brand gave that docgen had to darken or lighten.

    Colours docgen derived (a missing tertiary, the muted grey) change silently: they are docgen's.
    """
    seen: set[tuple[str, str, str]] = set()
    out = []
    for change in scheme(palette)[1]:
        key = (change.name, change.ground, change.used)
        if change.name in given and key not in seen:
            seen.add(key)
            out.append((change.message(), given[change.name]))
    return out


def _inspect_template(path: Path, where: Location, ctx: Context) -> None:
    """Read the template as ``build`` will (the same reader and rules), so check ok means build works."""
    from docgen.errors import DocgenError
    from docgen.render.deck.template import inspect_template

    try:
        ctx.report.problems.extend(inspect_template(path, where))
    except DocgenError as exc:
        ctx.report.problems.extend(exc.problems)


def _find(node: Node, *keys: str) -> Node:
    for key in keys:
        assert isinstance(node, MappingNode)
        node = next(v for k, v in node.value if isinstance(k, ScalarNode) and k.value == key)
    return node
