"""``typography:`` of a brand file: font families, their files, and what stands in for the others.

docgen embeds TrueType files in the PDF and measures the deck with them, so a family is usable when
the brand ships its ``.ttf`` files (``source: file``) or docgen ships it. Any other family (Google,
Bunny, an installed system font, a CSS stack with none of these) falls back to a shipped family of
the same kind: sans to Carlito, serif to Caladea, monospace to Liberation Mono; the warning says
which and why. The kind comes from the CSS generic family in a stack, else from the font file's own
classification (OS/2 and post tables), else from the name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docgen.fonts import bundled_family
from docgen.fonts.kinds import FALLBACK, GENERIC, kind_of_name
from docgen.model import FontFace, FontFamily
from docgen.source.assets import resolve_asset
from docgen.source.fontcheck import font_problem
from docgen.source.spec import INVALID, Context, Field, ListOf, Record, Spec, Str
from docgen.source.spec_maps import Unused
from docgen.source.yamlsafe import MappingNode, Node, ScalarNode, SequenceNode

if TYPE_CHECKING:
    from typing import Any

WEIGHTS = {"thin": 100, "extra-light": 200, "ultra-light": 200, "light": 300, "normal": 400,
           "regular": 400, "medium": 500, "semi-bold": 600, "demi-bold": 600, "bold": 700,
           "extra-bold": 800, "ultra-bold": 800, "black": 900}
TWINS = {"calibri": "Carlito", "cambria": "Caladea", "courier new": "Liberation Mono"}


def weight_of(node: Node | None) -> int | Any:
    """Return a CSS weight as a number (``bold`` is 700); ``auto`` and ranges read as 400."""
    if node is None:
        return 400
    if isinstance(node, SequenceNode):  # a variable font's range [400, 700]: its default is used
        return 400
    text = node.value.strip().lower() if isinstance(node, ScalarNode) else ""
    if text.isdigit() and 1 <= int(text) <= 1000:
        return int(text)
    if text in WEIGHTS:
        return WEIGHTS[text]
    if text in ("auto", ""):
        return 400
    return INVALID


class Weight(Spec):
    description = "100..900, or normal, bold, light, ..."

    def read(self, node: Node, ctx: Context) -> Any:
        value = weight_of(node)
        if value is INVALID:
            return ctx.error(node, f"'{getattr(node, 'value', '')}' is not a font weight",
                             "use a number from 100 to 900, or normal, bold, light, semi-bold, ...")
        return value

    def schema(self) -> dict[str, Any]:
        return self._described({"oneOf": [{"type": "integer"}, {"type": "string"},
                                          {"type": "array", "items": {"type": "integer"}}]})


FONT_FILE = Record("a font file", [
    Field("path", Str(description="A .ttf file, relative to the brand file."), required=True),
    Field("weight", Weight()),
    Field("style", Str(description="normal or italic.", pattern="normal|italic|oblique",
                       pattern_hint="use normal or italic")),
], unknown="warn")


class FontFile(Spec):
    """``- path: x.ttf`` with weight and style, or the path alone."""

    description = "A font file: its path, or {path, weight, style}."

    def read(self, node: Node, ctx: Context) -> Any:
        if isinstance(node, ScalarNode):
            return {"path": node.value.strip(), "node": node}
        values = FONT_FILE.read(node, ctx)
        if values is INVALID:
            return INVALID
        path_node = next(v for k, v in node.value if isinstance(k, ScalarNode) and k.value == "path")
        return values | {"node": path_node}

    def schema(self) -> dict[str, Any]:
        return self._described({"oneOf": [{"type": "string"}, FONT_FILE.schema()]})


class FontFiles(Spec):
    description = "The family's font files (one, or a list)."

    def read(self, node: Node, ctx: Context) -> Any:
        if isinstance(node, SequenceNode):
            return ListOf(FontFile(), max_items=64).read(node, ctx)
        value = FontFile().read(node, ctx)
        return INVALID if value is INVALID else (value,)

    def schema(self) -> dict[str, Any]:
        return self._described({"oneOf": [FontFile().schema(), {"type": "array",
                                                                "items": FontFile().schema()}]})


FONT = Record("a font", [
    Field("family", Str(description="The family name the base, headings and link entries use.",
                        max_len=200), required=True),
    Field("source", Str(description="file (the .ttf files here), system, google or bunny.",
                        pattern="file|system|google|bunny", pattern_hint="use file, system, google "
                        "or bunny")),
    Field("files", FontFiles()),
    Field("weight", Unused("typography.fonts weight")),
    Field("style", Unused("typography.fonts style")),
    Field("display", Unused("typography.fonts display")),
], unknown="warn", description="A font family: with its files (source: file) or by name.")


def _options(what: str, unused: tuple[str, ...]) -> Record:
    fields = [Field("family", Str(description="A family name or a CSS stack such as "
                                  "\"'Noto Sans', Aptos, sans-serif\".", max_len=500)),
              Field("weight", Weight()), Field("color", Str(description="A brand colour name "
                                                           "or #RRGGBB."))]
    fields += [Field(k, Unused(f"typography.{what} {k}")) for k in unused]
    return Record(f"typography.{what}", fields, unknown="warn")


class Options(Spec):
    """``base: Open Sans`` or ``base: {family: ..., weight: ..., color: ...}``."""

    def __init__(self, what: str, unused: tuple[str, ...], description: str) -> None:
        super().__init__(description)
        self.record = _options(what, unused)

    def read(self, node: Node, ctx: Context) -> Any:
        if isinstance(node, ScalarNode):
            value = Str(max_len=500).read(node, ctx)
            return INVALID if value is INVALID else {"family": value, "nodes": {"family": node}}
        values = self.record.read(node, ctx)
        if values is INVALID or not isinstance(node, MappingNode):
            return INVALID
        return values | {"nodes": {k.value: v for k, v in node.value if isinstance(k, ScalarNode)}}

    def schema(self) -> dict[str, Any]:
        return self._described({"oneOf": [{"type": "string"}, self.record.schema()]})


_TEXT = ("size", "line-height", "style", "background-color")


def typography_record() -> Record:
    """Return the spec of ``typography:`` (also the source of its JSON Schema)."""
    fonts = ListOf(FONT, "Font families and where their files are.", max_items=64)
    return Record("typography", [
        Field("fonts", fonts), Field("font", fonts), Field("with", fonts),
        Field("base", Options("base", _TEXT, "Body text.")),
        Field("headings", Options("headings", _TEXT, "Headings (weight below 600: not bold).")),
        Field("link", Options("link", ("decoration", "background-color"), "Links (colour).")),
        Field("monospace", Unused("typography.monospace")),
        Field("monospace-inline", Unused("typography.monospace-inline")),
        Field("monospace-block", Unused("typography.monospace-block")),
        Field("emphasis", Unused("typography.emphasis")),
    ], unknown="warn", description="Fonts (brand.yml): base, headings and link are used.")


def kind_of_file(path: Path) -> str | None:
    """Return sans, serif or mono from a font file's own classification, if it says."""
    try:
        from fontTools.ttLib import TTFont  # only for brands with font files docgen cannot use

        with TTFont(str(path), lazy=True, fontNumber=0) as font:
            if "post" in font and font["post"].isFixedPitch:
                return "mono"
            panose = font["OS/2"].panose if "OS/2" in font else None
            if panose is not None and panose.bFamilyType == 2:
                if panose.bProportion == 9:
                    return "mono"
                if panose.bSerifStyle in range(2, 11):
                    return "serif"
                if panose.bSerifStyle in range(11, 14):
                    return "sans"
            family_class = (font["OS/2"].sFamilyClass >> 8) if "OS/2" in font else 0
    except Exception:  # a damaged file: the name decides
        return None
    return {1: "serif", 2: "serif", 3: "serif", 4: "serif", 5: "serif", 7: "serif",
            8: "sans"}.get(family_class)


def split_stack(stack: str) -> list[str]:
    """Return the families of a CSS font stack, unquoted."""
    return [part.strip().strip("'\"").strip() for part in stack.split(",") if part.strip()]


def read_faces(files: tuple[dict[str, Any], ...], family: str, ctx: Context,
               used: bool) -> tuple[list[FontFace], list[str]]:
    """Return the usable faces of a ``source: file`` family and why others are not usable."""
    faces: list[tuple[int, bool, Path]] = []
    reasons: list[str] = []
    for entry in files:
        node, value = entry["node"], entry["path"]
        if "://" in value:
            reasons.append(f"docgen does not download fonts ({value})")
            continue
        path = resolve_asset(node, ctx, value.lstrip("/"), "font file") if used else _quiet(
            node, ctx, value)
        if path is INVALID or path is None:
            reasons.append(f"the file '{value}' cannot be used")
            continue
        with path.open("rb") as handle:  # a regular file (resolve_asset), maybe a huge one
            magic = handle.read(4)
        if magic == b"OTTO":
            reasons.append(f"'{path.name}' has PostScript (CFF) outlines, which docgen cannot embed "
                           "in a PDF (use the TrueType .ttf version)")
            continue
        if magic in (b"wOFF", b"wOF2"):
            reasons.append(f"'{path.name}' is a web font (.woff); docgen needs the .ttf file")
            continue
        if magic not in (b"\x00\x01\x00\x00", b"true"):
            if used:
                ctx.error(node, f"'{path.name}' is not a TrueType font file",
                          "give the .ttf file of the family")
            reasons.append(f"'{path.name}' is not a TrueType font file")
            continue
        problem = font_problem(path) if used else None  # damaged tables, sizes (fontcheck)
        if problem is not None:
            ctx.error(node, f"the font file '{path.name}' {problem.message}", problem.hint)
            reasons.append(f"the font file '{path.name}' {problem.message}")
            continue
        faces.append((entry.get("weight", 400), entry.get("style", "normal") != "normal", path))
    chosen: list[FontFace] = []
    for bold, italic in ((False, False), (True, False), (False, True), (True, True)):
        target = 700 if bold else 400
        pool = [f for f in faces if f[1] == italic and (f[0] >= 600) == bold]
        if pool:
            best = min(pool, key=lambda f: abs(f[0] - target))
            chosen.append(FontFace(best[2], bold, italic))
    return chosen, reasons


def _quiet(node: Node, ctx: Context, value: str) -> Path | None:
    """Resolve a file of a family docgen does not use: a problem is a warning, not an error."""
    from docgen.errors import Report

    probe = Context(ctx.shown, Report(), ctx.root, ctx.base)
    path = resolve_asset(node, probe, value.lstrip("/"), "font file")
    for problem in probe.report.problems:
        ctx.report.warn(problem.message + "; docgen does not use this family", problem.location)
    return None if path is INVALID else path


def resolve_family(stack: str | None, node: Node | None, declared: dict[str, Any],
                   default: FontFamily, ctx: Context, role: str,
                   notes: list[str]) -> FontFamily:
    """Return the family for ``role`` (body, headings): the first usable one of a CSS stack.

    Falls back to a shipped family of the same kind, with a warning saying why.
    """
    if not stack:
        notes.append(f"{role}: {default.name} (the brand names no {role} family: docgen's own)")
        return default
    names = split_stack(stack)
    kind = None
    why: list[str] = []
    for name in names:
        if name.lower() in GENERIC:
            kind = kind or GENERIC[name.lower()]
            continue
        entry = declared.get(name.lower())
        if entry is not None and entry["faces"]:
            notes.append(f"{role}: {name} (the brand's font files)")
            return FontFamily(name, tuple(entry["faces"]))
        bundled = bundled_family(TWINS.get(name.lower(), name))
        if bundled is not None:
            notes.append(f"{role}: {name} (shipped with docgen)")
            return bundled
        if entry is not None:
            why += entry["reasons"] or [f"'{name}' is declared with source: {entry['source']}, "
                                        "and docgen embeds only font files it has"]
            kind = kind or entry["kind"]
        else:
            why.append(f"'{name}' is not declared in typography.fonts")
    first = names[0] if names else stack
    kind = kind or kind_of_name(first)
    fallback = bundled_family(FALLBACK[kind]) or default
    why = list(dict.fromkeys(why))
    reason = "; ".join(why[:1] + ([f"and {len(why) - 1} more like it"] if len(why) > 1 else [])
                       ) or "no family in the stack is available"
    label = {"sans": "a sans-serif", "serif": "a serif", "mono": "a monospace"}[kind]
    message = (f"the {role} font {stack!r} is not available to docgen ({reason}); using "
               f"{fallback.name}, {label} font, instead")
    ctx.report.warn(message, ctx.loc(node) if node is not None else None,
                    "ship its .ttf files under typography.fonts with 'source: file'")
    notes.append(f"{role}: {fallback.name} in place of {first} ({label} like it; {reason})")
    return fallback
