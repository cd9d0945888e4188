"""The brand sheet: one landscape page showing what docgen made of a brand, for a designer's review.

Swatches of the palette, every text colour on its ground with its contrast ratio (as the outputs
use them), a type specimen in the resolved fonts, and the logos on a light ground and on the brand
colour. ``docgen preview`` turns it into ``build/preview/<slug>-brand.png``.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from docgen.colour import contrast
from docgen.model import Brand
from docgen.render.pdf.fonts import register
from docgen.render.pdf.images import draw_image, size
from docgen.scheme import ROLES, colour_of, scheme

W, H = 792.0, 612.0
M = 36.0
SWATCHES = ("primary", "secondary", "accent", "foreground", "background", "light", "muted",
            "heading", "link")


def brand_sheet(brand: Brand) -> bytes:
    """Return the PDF bytes of the brand sheet of ``brand``."""
    out = io.BytesIO()
    body, heading = register(brand.body_font), register(brand.heading_font)
    canv = Canvas(out, pagesize=(W, H), invariant=1, initialFontName=body.name())
    p = brand.palette
    k, changes = scheme(p)
    changed = {c.role for c in changes}
    ink, muted = k.text, k.muted
    canv.setFillColor(HexColor(p.background))
    canv.rect(0, 0, W, H, stroke=0, fill=1)

    def text(x: float, y: float, s: str, font: str, sz: float, colour: str) -> None:
        canv.setFillColor(HexColor(colour))
        canv.setFont(font, sz)
        canv.drawString(x, y, s)

    text(M, H - M - 20, brand.name or "(this brand has no name)", heading.name(brand.heading_bold),
         22, k.heading)
    text(M, H - M - 36, f"{brand.path.name if brand.path else 'built-in brand'} · body "
         f"{brand.body_font.name} · headings {brand.heading_font.name}", body.name(), 9, muted)
    y = H - M - 60
    sw = (W - 2 * M) / len(SWATCHES)
    for i, name in enumerate(SWATCHES):  # the palette
        colour = colour_of(p, name)
        x = M + i * sw
        canv.setFillColor(HexColor(colour))
        canv.setStrokeColor(HexColor(muted))
        canv.rect(x, y - 44, sw - 8, 44, stroke=1, fill=1)
        text(x, y - 56, name, body.name(True), 8, ink)
        text(x, y - 66, colour, body.name(), 8, muted)
    y -= 90
    text(M, y, "Text on its ground (WCAG AA)", heading.name(True), 11, k.heading)
    y -= 8
    col_w = (W - 2 * M) / 2
    for i, (role, (element, _, ground_name, ratio)) in enumerate(ROLES.items()):
        x = M + (i % 2) * col_w
        row_y = y - 22 - (i // 2) * 24
        colour, ground = getattr(k, role), colour_of(p, ground_name)
        canv.setFillColor(HexColor(ground))
        canv.setStrokeColor(HexColor(muted))
        canv.rect(x, row_y - 4, 214, 20, stroke=1, fill=1)
        text(x + 6, row_y + 2, element, body.name(), 9, colour)
        mark = " (adjusted)" if role in changed else ""
        text(x + 222, row_y + 2, f"{contrast(colour, ground):.2f}:1, needs {ratio:g}:1{mark}",
             body.name(), 8, muted)
    y -= 22 + 24 * ((len(ROLES) + 1) // 2) + 10
    text(M, y, "The Difference Between Marketing and Sales", heading.name(brand.heading_bold), 20,
         k.heading)
    text(M, y - 18, "Marketing plants the seed and sales brings in the harvest: both teams need "
         "each other to grow.", body.name(), 11, ink)
    text(M, y - 32, "Italic, bold and links: ", body.name(False, True), 11, ink)
    text(M + 130, y - 32, "brand.example.com", body.name(True), 11, k.link)
    _logos(canv, brand, y - 52, body.name(), muted)
    canv.showPage()
    canv.save()
    return out.getvalue()


def _logos(canv: Canvas, brand: Brand, top: float, font: str, muted: str) -> None:
    """The logo on the page's ground and on the brand colour, side by side."""
    p = brand.palette
    box_w, box_h = (W - 2 * M - 12) / 2, top - M
    for i, (ground, logo, label) in enumerate(((p.background, brand.logo, "on light grounds"),
                                               (p.primary, brand.logo_on_dark,
                                                "on the brand colour"))):
        x = M + i * (box_w + 12)
        canv.setFillColor(HexColor(ground))
        canv.setStrokeColor(HexColor(muted))
        canv.rect(x, M, box_w, box_h, stroke=1, fill=1)
        canv.setFont(font, 8)
        canv.setFillColor(HexColor(scheme(p)[0].muted if i == 0 else scheme(p)[0].soft_on_primary))
        canv.drawString(x + 8, M + box_h - 14, label + ("" if logo else ": none"))
        if logo is None:
            continue
        lw, lh = _size(logo)
        scale = min((box_w - 40) / lw, (box_h - 40) / lh)
        w, h = lw * scale, lh * scale
        lx, ly = x + (box_w - w) / 2, M + (box_h - 14 - h) / 2
        if logo.suffix.lower() == ".svg":
            from docgen.render.pdf.svgdraw import draw_svg

            draw_svg(canv, logo, lx, ly, w, h)
        else:
            draw_image(canv, logo, lx, ly, w, h, mask="auto", preserveAspectRatio=True)


def _size(path: Path) -> tuple[float, float]:
    if path.suffix.lower() == ".svg":
        from docgen.render.pdf.svgdraw import svg_size

        return svg_size(path)
    return size(path)
