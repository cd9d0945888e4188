"""``logo:`` of a brand file: which picture goes on light grounds and which on the brand colour.

brand.yml names logos by size (small, medium, large), each a path, a name from ``logo.images``, or
``{light, dark}`` variants (``light`` is the logo *for* light backgrounds). docgen shows one logo
size: medium, else large, else small. The page and slides take the variant for light backgrounds;
the cover band and title slides (the primary colour) the one for the band's tone. A single logo
with no variants serves both where it can be seen: each candidate's average tone is checked against
the ground, and a logo is never left out without a warning saying why. Every file the section names
is opened with the build's probes: a broken logo docgen draws is an error, any other a warning.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docgen.colour import contrast, is_dark, rgb_to_hex
from docgen.errors import Report
from docgen.source.assets import resolve_asset
from docgen.source.images import probe_image
from docgen.source.spec import INVALID, Context, Field, Record, Spec, Str
from docgen.source.spec_maps import MapOf, Unused
from docgen.source.yamlsafe import MappingNode, Node, ScalarNode

if TYPE_CHECKING:
    from typing import Any

SIZES = ("medium", "large", "small")
SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg")
#: Below this contrast between a logo's average tone and its ground, the logo is hard to see.
VISIBLE = 1.5

RESOURCE = Record("a logo image", [
    Field("path", Str(description="A .svg, .png or .jpg file, relative to the brand file."),
          required=True),
    Field("alt", Str(description="What the logo shows, for screen readers.", max_len=300)),
    Field("attrs", Unused("logo attrs")),
], unknown="warn")


class Resource(Spec):
    """A path (or a name from ``logo.images``), or ``{path, alt}``; read as (text, node, alt)."""

    description = "A path or an image name, or {path, alt}."

    def read(self, node: Node, ctx: Context) -> Any:
        if isinstance(node, ScalarNode):
            value = Str().read(node, ctx)
            return INVALID if value is INVALID else (value, node, "")
        values = RESOURCE.read(node, ctx)
        if values is INVALID:
            return INVALID
        path_node = next(v for k, v in node.value if isinstance(k, ScalarNode) and k.value == "path")
        return (values["path"], path_node, values.get("alt", ""))

    def schema(self) -> dict[str, Any]:
        return self._described({"oneOf": [{"type": "string"}, RESOURCE.schema()]})


class Variants(Spec):
    """A size: one resource, or ``{light, dark}``; read as {"plain"|"light"|"dark": resource}."""

    description = "A path or image name, {path, alt}, or {light, dark} variants."

    def read(self, node: Node, ctx: Context) -> Any:
        keys = {k.value for k, _ in node.value if isinstance(k, ScalarNode)} if isinstance(
            node, MappingNode) else set()
        if keys & {"light", "dark"}:
            values = Record("a logo size", [Field("light", Resource()), Field("dark", Resource())],
                            unknown="warn").read(node, ctx)
            return INVALID if values is INVALID else values
        value = Resource().read(node, ctx)
        return INVALID if value is INVALID else {"plain": value}

    def schema(self) -> dict[str, Any]:
        return self._described({"oneOf": [Resource().schema(), {
            "type": "object", "properties": {"light": Resource().schema(),
                                             "dark": Resource().schema()}}]})


def logo_record() -> Record:
    """Return the spec of ``logo:`` as a mapping (a plain path is read before this)."""
    return Record("logo", [
        Field("images", MapOf(Resource(), "Named logo files the sizes may refer to.")),
        Field("small", Variants("An icon.")),
        Field("medium", Variants("The logo docgen shows (else large, else small).")),
        Field("large", Variants("A large logo.")),
    ], unknown="warn", description="The brand's logos (brand.yml).")


class Logos:
    """The logos docgen draws: on light grounds and on the band colour, with their alt text."""

    def __init__(self) -> None:
        self.on_light: Path | None = None
        self.on_band: Path | None = None
        self.alt = ""
        self.notes: list[str] = []


def probe_logo(path: Path) -> tuple[float, float, list[tuple[int, int, int]]] | str:
    """Return (width, height, pixel sample) of a logo file, or why it cannot be drawn.

    The answer is kept in the disk cache, keyed by the file's bytes: ``docgen check`` then
    costs a hash, not a decode, for a logo it has seen (the probe that ran is the same).
    """
    svg = path.suffix.lower() == ".svg"
    from docgen.source.images import MAX_IMAGE_BYTES

    try:
        size = path.stat().st_size
        if size > (5 * 1024 * 1024 if svg else MAX_IMAGE_BYTES):  # docgen.svg's MAX_SVG_BYTES
            return _probe(path, svg)  # the probe words the refusal; nothing is read
        data = path.read_bytes()
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    from docgen.infra.diskcache import remember

    found = remember("logo-probe", "1", data, lambda: _probe(path, svg), _valid_probe)
    return found if isinstance(found, str) else (found[0], found[1], [tuple(s) for s in found[2]])


def _valid_probe(value: object) -> bool:
    return isinstance(value, str) or (isinstance(value, tuple | list) and len(value) == 3)


def _probe(path: Path, svg: bool) -> Any:
    if svg:
        from docgen.svg import SvgError, read_svg

        try:
            clean = read_svg(path)
        except SvgError as exc:
            return str(exc)
        from docgen.svg.raster import svg_png

        try:
            png = svg_png(clean.data, clean.width, clean.height, longest=48)
        except ValueError as exc:
            return f"cannot be drawn ({exc})"
        return clean.width, clean.height, _tone(png)
    probed = probe_image(path)
    if isinstance(probed, str):
        return probed
    return probed[0], probed[1], _tone(probed[3])


def _tone(data: bytes) -> list[tuple[int, int, int]]:
    """Return a sample of a picture's visible pixels (transparent ones do not count)."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        img.draft("RGB", (64, 64))
        small = img.convert("RGBA").resize((24, 24))
    raw = small.tobytes()
    return [(raw[i], raw[i + 1], raw[i + 2]) for i in range(0, len(raw), 4) if raw[i + 3] > 128]


def visible_on(samples: list[tuple[int, int, int]], ground: str) -> float:
    """Return how well a logo stands out on ``ground``: the contrast most of its marks reach.

    The 75th percentile of its visible pixels' contrast: an opaque white box shows as a box, a
    dark mark on a dark band does not.
    """
    if not samples:
        return 1.0
    ratios = sorted(contrast(rgb_to_hex(s), ground) for s in samples)
    return ratios[int(len(ratios) * 0.75)]


def resolve_logos(node: Node, ctx: Context, name: str, ground: str, band: str) -> Logos:
    """Return the logos to draw; every file the section names is probed, problems reported."""
    logos = Logos()
    if isinstance(node, ScalarNode):
        values: Any = {"medium": Variants().read(node, ctx)}
    else:
        values = logo_record().read(node, ctx)
    if values is INVALID:
        return logos
    images = values.get("images") or {}
    chosen = next((s for s in SIZES if values.get(s) not in (None, INVALID)), None)
    probes: dict[str, tuple[Path, str] | None] = {}

    def probe(resource: tuple[str, Node, str], used: bool
              ) -> tuple[Path, str, list[tuple[int, int, int]]] | None:
        text, where, alt = resource
        if text in images and text not in probes:
            image_text, where, image_alt = images[text][0]
            text, alt = image_text, alt or image_alt
        if "://" in text:
            ctx.report.warn(f"the logo '{text}' is a link; docgen uses only files next to the "
                            "brand file", ctx.loc(where), "download it and give its path")
            return None
        report = ctx.report if used else Report()
        local = Context(ctx.shown, report, ctx.root, ctx.base)
        if not text.lower().endswith(SUFFIXES):
            local.error(where, f"the logo '{text}' must be an .svg, .png or .jpg file")
            path = INVALID
        else:
            path = resolve_asset(where, local, text.lstrip("/"), "logo")
        if path is not INVALID:
            probed = probe_logo(path)
            if isinstance(probed, str):
                local.error(where, f"the logo '{Path(text).name}' {probed}")
                path = INVALID
        if not used:
            for problem in report.problems:
                ctx.report.warn(f"{problem.message} (docgen does not draw this one)",
                                problem.location, problem.hint)
        if path is INVALID:
            return None
        assert not isinstance(probed, str)  # a refusal made the path INVALID above
        return path, alt, probed[2]

    for key, (resource, _) in images.items():  # names the chosen size does not use: warnings only
        if chosen is None or not any(r[0] == key for r in (values[chosen] or {}).values()):
            probe(resource, False)
    for size in SIZES:
        if size != chosen and values.get(size):
            for resource in values[size].values():
                if resource[0] not in images:
                    probe(resource, False)
    if chosen is None:
        return logos
    variants = {k: probe(v, True) for k, v in values[chosen].items() if v}
    dark_band = is_dark(band)
    band_order = ("dark", "plain", "light") if dark_band else ("light", "plain", "dark")
    places = (("the page", ("light", "plain", "dark"), ground, "light", "light"),
              ("the cover band and title slides", band_order, band, band_order[0],
               "dark" if dark_band else "light"))
    for where, order, colour, designated, variant in places:
        path, note = _pick(variants, order, colour, designated, where)
        logos.notes.append(note)
        if path is None and any(variants.values()):
            ctx.report.warn(f"no logo on {where}: {note}", ctx.loc(node),
                            f"add a logo for {variant} backgrounds under logo.{chosen}.{variant}")
        if where == "the page":
            logos.on_light = path
        else:
            logos.on_band = path
    alts = [v[1] for v in variants.values() if v and v[1]]
    logos.alt = alts[0] if alts else f"{name} logo" if name else "Logo"
    return logos


def _pick(variants: dict[str, Any], order: tuple[str, ...], ground: str, designated: str,
          where: str) -> tuple[Path | None, str]:
    """Return the first variant that shows on ``ground`` (the designated one always does)."""
    why = []
    for key in order:
        found = variants.get(key)
        if found is None:
            continue
        path, _, samples = found
        ratio = visible_on(samples, ground)
        if key == designated or ratio >= VISIBLE:
            return path, f"{where}: {path.name}"
        why.append(f"{path.name} hardly shows on {ground} ({ratio:.1f}:1)")
    return None, "; ".join(why) or "no logo fits"
