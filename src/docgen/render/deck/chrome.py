"""The branded slides (title, section, closing) and the chrome on the others (footer, small logo).

Dark slides use the brand's primary colour as background with the white logo; light slides carry the
normal logo small in the bottom-right corner and the brand footer, quietly, in the bottom margin.
"""

from __future__ import annotations

from dataclasses import replace

from docgen.model import Document, Text
from docgen.render import format_date
from docgen.render.deck.fit import Para, Run, tokens
from docgen.render.deck.grid import CONTENT_W, IN, SLIDE_W, TITLE, Kit, M
from docgen.render.deck.plan_types import Box, Picture, Rect, SlidePlan

LOGO_BIG = (M, int(0.55 * IN), int(4.0 * IN), int(0.9 * IN))
# 0.45 in tall (the wordmark is legible), centred on the footer's line; its left edge stays > 0.5 in
# clear of the longest footer box, its top 0.2 in below the content area (6.55 in).
LOGO_SMALL = (SLIDE_W - M - int(2.0 * IN), int(6.775 * IN), int(2.0 * IN), int(0.45 * IN))
FOOTER = (M, int(6.86 * IN), int(9.6 * IN), int(0.3 * IN))


def _logo(kit: Kit, dark: bool, rect: tuple[int, int, int, int], align: str) -> tuple[Picture, ...]:
    path = kit.brand.logo_on_dark if dark else kit.brand.logo
    if path is None:
        return ()
    return (Picture(path, kit.brand.logo_alt or f"{kit.brand.name} logo", *rect, align=align, role="logo"),)


def _accent_bar(kit: Kit, y: float) -> Rect:
    return Rect(M, int(y * IN), int(1.2 * IN), int(0.08 * IN), kit.brand.palette.accent)


def title_slide(kit: Kit, doc: Document) -> SlidePlan:
    """Title, subtitle, author and date on the brand colour, with the large white logo."""
    title, full = kit.title(doc.title, "title")
    boxes: list[Box] = []
    if doc.subtitle is not None:
        b = kit.box(
            "subtitle",
            (M, int(4.6 * IN), int(11.0 * IN), int(1.05 * IN)),
            [Para(tokens(doc.subtitle))],
            28.0,
            18.0,
            color=kit.soft_on_dark,
        )
        boxes += [b] if b else []
    byline = [Para(tokens(doc.author.name, bold=True))]
    if doc.date is not None:
        byline.append(Para(tokens(format_date(doc.date, doc.language))))
    b = kit.box(
        "byline",
        (M, int(5.8 * IN), int(11.0 * IN), int(1.0 * IN)),
        byline,
        20.0,
        16.0,
        color=kit.on_dark,
    )
    boxes += [b] if b else []
    notes = f"Full title: {full}" if full else ""
    return SlidePlan(
        "title",
        "title",
        title,
        tuple(boxes),
        _logo(kit, True, LOGO_BIG, "l"),
        (_accent_bar(kit, 4.38),),
        notes,
        kit.dark,
    )


def section_slide(kit: Kit, heading: Text, n: int, total: int) -> SlidePlan:
    """A section opener: its number in the accent colour and the heading, large, on the brand."""
    title, full = kit.title(heading, "section")
    y = TITLE["section"][0][1] - int(0.75 * IN)
    label = kit.box(
        "label",
        (M, y, CONTENT_W, int(0.6 * IN)),
        [Para(tokens(f"{n:02d} / {total:02d}", bold=True))],
        24.0,
        24.0,
        font="heading",
        color=kit.label_on_dark,
    )
    notes = f"Full title: {full}" if full else ""
    return SlidePlan("section", "section", title, (label,) if label else (), (), (), notes, kit.dark)


def closing_slide(kit: Kit, doc: Document) -> SlidePlan:
    """Thanks, the brand name and its link, with the large white logo."""
    title, _ = kit.title("Thank you", "title")
    boxes: list[Box] = []
    b = kit.box(
        "subtitle",
        (M, int(4.6 * IN), int(11.0 * IN), int(0.7 * IN)),
        [Para(tokens(kit.brand.name))],
        28.0,
        18.0,
        color=kit.soft_on_dark,
    )
    boxes += [b] if b else []
    if kit.brand.link:
        # Plain text: viewers draw links in the theme's link colour, unreadable on the brand colour.
        link = (Run(kit.brand.link),)
        b = kit.box(
            "link",
            (M, int(5.4 * IN), int(11.0 * IN), int(0.9 * IN)),
            [Para(link)],
            24.0,
            18.0,
            color=kit.on_dark,
        )
        boxes += [b] if b else []
    return SlidePlan(
        "closing",
        "title",
        title,
        tuple(boxes),
        _logo(kit, True, LOGO_BIG, "l"),
        (_accent_bar(kit, 4.38),),
        "",
        kit.dark,
    )


def footer(kit: Kit) -> Box | None:
    """Return the brand's footer line for light slides (the same box on each), or None."""
    if not kit.brand.footer:
        return None
    return kit.box("footer", FOOTER, [Para(tokens(kit.brand.footer))], 12.0, 9.0, font="heading",
                   color=kit.muted, max_lines=1)


def chrome(kit: Kit, slide: SlidePlan, footer_box: Box | None) -> SlidePlan:
    """Add the small logo (and on light slides ``footer_box``) to every slide but title and closing."""
    if slide.kind in ("title", "closing"):
        return slide
    dark = slide.background is not None
    boxes = slide.boxes
    if not dark and footer_box is not None:
        boxes += (footer_box,)
    return replace(slide, boxes=boxes, pictures=slide.pictures + _logo(kit, dark, LOGO_SMALL, "r"))
