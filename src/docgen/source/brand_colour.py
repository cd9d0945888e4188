"""``color:`` of a brand file: the palette, the theme colours, and names that refer to names.

brand.yml lets any colour be a name: a theme colour may name a palette entry or another theme colour
(``secondary: dark``), a palette entry another entry (``purple: burgundy``). Names resolve theme
first, then palette, then CSS colour names, as posit's brand_yml does; a loop is reported with
the names in it. A value may be ``{light: ..., dark: ...}``: docgen's outputs are light, so it
takes ``light``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.colour import mix, parse_colour
from docgen.source.spec import INVALID, Context, Field, Record, Spec, suggest
from docgen.source.spec_maps import MapOf, Unused
from docgen.source.yamlsafe import MappingNode, Node, ScalarNode

if TYPE_CHECKING:
    from typing import Any

THEME = ("foreground", "background", "primary", "secondary", "tertiary", "success", "info",
         "warning", "danger", "light", "dark", "emphasis", "link")
#: Theme colours docgen draws with (the others are accepted and listed as unused).
USED_THEME = ("foreground", "background", "primary", "secondary", "tertiary", "light", "dark",
              "link")


class ColourRef(Spec):
    """A colour as written: ``#hex``, a CSS colour, a palette or theme name, or ``{light, dark}``.

    Reading keeps the text and its node; names are resolved once the whole section is read.
    """

    description = "#RRGGBB, a CSS colour, a name from color.palette or a theme colour, or {light, dark}."

    def __init__(self, description: str = "", unused_as: str = "") -> None:
        super().__init__(description)
        self.unused_as = unused_as  # a theme colour docgen reads (others may name it) but never draws

    def read(self, node: Node, ctx: Context) -> Any:
        if self.unused_as:
            ctx.unused.append((self.unused_as, ctx.loc(node)))
        if isinstance(node, MappingNode):
            variants = Record("a light/dark colour", [
                Field("light", ColourRef()), Field("dark", Unused("a dark-mode colour"))],
            ).read(node, ctx)
            return INVALID if variants is INVALID else variants.get("light")
        if not isinstance(node, ScalarNode) or not node.value.strip():
            return ctx.error(node, "a colour must be text such as \"#1D3557\" or a palette name")
        return (node.value.strip(), node)

    def schema(self) -> dict[str, Any]:
        return self._described({"oneOf": [{"type": "string"}, {
            "type": "object", "properties": {"light": {"type": "string"},
                                             "dark": {"type": "string"}}}]})


def colour_record() -> Record:
    """Return the spec of ``color:`` (also the source of its JSON Schema)."""
    described = {"foreground": "Text colour.", "background": "Page and slide background.",
                 "primary": "The main brand colour: cover band, title slides, headings, links.",
                 "secondary": "Quotes and bullets.", "tertiary": "Rules and accent bars.",
                 "light": "Tint behind callouts and the author box.",
                 "link": "Link colour (default: primary)."}
    fields = [Field("palette", MapOf(ColourRef(), "Named colours the other entries may refer to."))]
    for name in THEME:
        fields.append(Field(name, ColourRef(described.get(name, "")) if name in USED_THEME
                            else ColourRef(f"Read and checked; docgen does not draw with {name}.",
                                           f"color.{name}")))
    return Record("color", fields, unknown="warn",
                  description="The brand's colours (brand.yml).")


class Colours:
    """Resolved colours by name (``#RRGGBB``) and the node each came from, for messages."""

    def __init__(self) -> None:
        self.hex: dict[str, str] = {}
        self.nodes: dict[str, Node] = {}


def resolve_colours(values: dict[str, Any], ctx: Context) -> Colours:
    """Return every theme colour and palette entry resolved to ``#RRGGBB``; problems reported."""
    palette: dict[str, tuple[str, Node]] = {}
    for name, (ref, _key) in (values.get("palette") or {}).items():
        if ref:
            palette[name] = ref
    theme = {name: values[name] for name in THEME if values.get(name)}
    for name in THEME:  # "primary:" inside the palette: what the author meant, said out loud
        if name not in theme and name in palette:
            theme[name] = palette[name]
            if name in USED_THEME:
                ctx.report.warn(f"'{name}' is in color.palette, where brand.yml keeps named colours; "
                                f"docgen uses it as the {name} colour", ctx.loc(palette[name][1]),
                                f"move '{name}:' up one level, beside 'palette:'")
    out = Colours()
    done: dict[tuple[str, str], str | None] = {}

    def resolve(kind: str, name: str, chain: tuple[tuple[str, str], ...]) -> str | None:
        key = (kind, name)
        if key in done:
            return done[key]
        text, node = (theme if kind == "theme" else palette)[name]
        if key in chain:
            loop = " -> ".join(n for _, n in (*chain[chain.index(key):], key))
            ctx.error(node, f"the colours {loop} refer to each other in a loop",
                      "give one of them a value such as \"#1D3557\"")
            return None
        result: str | None = None
        targets = [("theme", text)] if text in theme and ("theme", text) != key else []
        targets += [("palette", text)] if text in palette and ("palette", text) != key else []
        if targets:
            result = resolve(*targets[0], (*chain, key))
        else:
            parsed = parse_colour(text)
            if parsed is None:
                names = sorted({*palette, *theme} - {name})
                close = suggest(text, names) if names else ""
                hint = close if close.startswith("did") else (
                    "use #RRGGBB, a CSS colour name or a name from color.palette"
                    + (f" ({', '.join(names[:12])}{', ...' if len(names) > 12 else ''})" if names
                       else " (none defined)"))
                ctx.error(node, f"unknown colour '{text}'", hint)
            else:
                result, alpha = parsed
                if alpha < 1:
                    result = mix("#FFFFFF", result, alpha)
                    ctx.report.warn(f"the colour '{text}' is partly transparent; docgen uses it "
                                    f"as it looks on white ({result})", ctx.loc(node))
        done[key] = result
        return result

    for name in palette:
        value = resolve("palette", name, ())
        if value:
            out.hex[name], out.nodes[name] = value, palette[name][1]
    for name in theme:
        value = resolve("theme", name, ())
        if value:
            out.hex[name], out.nodes[name] = value, theme[name][1]
    return out


def colour_named(text_node: tuple[str, Node] | None, colours: Colours, ctx: Context) -> str:
    """Return a colour used elsewhere in the file (``headings: color: primary``), or "" if unset."""
    if not text_node:
        return ""
    text, node = text_node
    if text in colours.hex:
        return colours.hex[text]
    parsed = parse_colour(text)
    if parsed is None:
        names = ", ".join(sorted(colours.hex)[:12]) or "none defined"
        ctx.error(node, f"unknown colour '{text}'",
                  f"use #RRGGBB, a CSS colour name, a theme colour or a palette name ({names})")
        return ""
    return parsed[0]

