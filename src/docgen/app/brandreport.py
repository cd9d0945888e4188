"""``docgen brand``: what docgen made of a brand file, as a marketer or a designer reads it.

The resolved colours and every text colour with its contrast, the fonts (and what stands in for
the ones docgen cannot embed, and why), the logo on light grounds and on the brand colour, and the
keys docgen does not use. The text is returned; the command line prints it.
"""

from __future__ import annotations

from pathlib import Path

from docgen.colour import contrast
from docgen.errors import DocgenError, Problem, Report, display_path
from docgen.model import Brand
from docgen.scheme import ROLES, colour_of, scheme
from docgen.source import load_with_warnings
from docgen.source.brand import read_brand
from docgen.source.defaults import default_brand
from docgen.source.spec import INVALID, Context
from docgen.source.yamlsafe import parse, read_text

#: What docgen draws with each palette colour.
USES = {"primary": "cover band, title slides, section openers", "secondary": "quotes, bullets",
        "accent": "rules and accent bars (tertiary)", "foreground": "body text",
        "background": "pages and slides", "light": "callouts and the author box",
        "muted": "captions, bylines, running lines (derived)", "heading": "headings",
        "link": "links"}


def brand_file_of(source: Path) -> Path | None:
    """Return the brand file a source uses: the source itself if it is one, else its ``brand:``."""
    shown = display_path(source)
    root = parse(read_text(source, shown), shown)
    keys = {k.value for k, _ in getattr(root, "value", ()) if hasattr(k, "value")}
    if "title" not in keys and keys & {"meta", "color", "logo", "typography", "defaults"}:
        return source.resolve()
    brand = load_with_warnings(source)[0].brand
    return brand.path


def describe(source: Path) -> tuple[str, list[Problem]]:
    """Return the report on the brand ``source`` uses (or is) and the problems met reading it."""
    path = brand_file_of(source)
    if path is None:
        return _text(default_brand(), None, [], []), []
    shown = display_path(path)
    report = Report()
    ctx = Context(shown, report, path.parent, path.parent)
    brand = read_brand(parse(read_text(path, shown), shown), ctx, path)
    if brand is INVALID or report.errors:
        raise DocgenError(report.errors)
    unused = [f"{what} (line {where.line})" for what, where in ctx.unused]
    return _text(brand, shown, ctx.notes, unused), report.warnings


def _text(brand: Brand, shown: str | None, notes: list[str], unused: list[str]) -> str:
    p = brand.palette
    k, changes = scheme(p)
    changed = {c.role: c for c in changes}
    out = [f"Brand: {brand.name or '(no meta.name)'}  ({shown or 'built-in: the article names no brand'})",
           "", "Colours"]
    for name, use in USES.items():
        out.append(f"  {name:<11} {colour_of(p, name)}  {use}")
    out += ["", "Text colours on their grounds (WCAG AA: 4.5:1 text, 3:1 large text and marks)"]
    for role, (element, _, ground_name, ratio) in ROLES.items():
        colour, ground = getattr(k, role), colour_of(p, ground_name)
        line = f"  {element:<42} {colour} on {ground}  {contrast(colour, ground):5.2f}:1"
        if role in changed:
            c = changed[role]
            line += f"  (the {c.name} {c.colour} had {c.ratio:.2f}:1, needs {ratio:g})"
        out.append(line)
    out += ["", "Fonts"]
    out += [f"  {n}" for n in notes if n.startswith(("body", "headings"))] or [
        f"  body: {brand.body_font.name}", f"  headings: {brand.heading_font.name}"]
    out.append(f"  headings are {'bold' if brand.heading_bold else 'regular weight'}")
    out += ["", "Logos"]
    logo_notes = [n for n in notes if not n.startswith(("body", "headings"))]
    out.append(f"  on light grounds:     {_name(brand.logo)}")
    out.append(f"  on the brand colour:  {_name(brand.logo_on_dark)}")
    if brand.logo_alt:
        out.append(f"  alt text:             {brand.logo_alt}")
    out += [f"  ({n})" for n in logo_notes if n.startswith("logos:") or "hardly" in n]
    out += ["", "Not used by docgen"]
    out += [f"  {u}" for u in unused] or ["  (nothing)"]
    return "\n".join(out) + "\n"


def _name(path: Path | None) -> str:
    return path.name if path is not None else "none"
