"""The branded slides (title, section, closing) and the chrome on the others (footer, small logo).

Built-in look: dark slides use the brand's primary colour as background with the white logo;
light slides carry the normal logo small in the bottom-right corner and the brand footer, quietly,
in the bottom margin. On a corporate template the template's look wins: no background, bar or
rule of docgen's; subtitles, bylines and section numbers go into the layout's own text
placeholder, the footer into its footer placeholder, and the logo only where it covers none of
the template's art or placeholders.
"""

from __future__ import annotations

from dataclasses import replace

from docgen.model import Document, Span, Text
from docgen.render import format_date
from docgen.render.deck.fit import Para, tokens
from docgen.render.deck.frame import Frame, Rect4
from docgen.render.deck.grid import Kit
from docgen.render.deck.ground import overlaps
from docgen.render.deck.plan_types import Box, Picture, Rect, SlidePlan


def logo_big(f: Frame) -> Rect4:
    return (f.margin, f.len(0.55), f.len(4.0), f.len(0.9))


def logo_small(f: Frame) -> Rect4:
    """0.45 in tall (the wordmark is legible), centred on the footer's line; its left edge stays
    > 0.5 in clear of the longest footer box, its top 0.2 in below the content area (6.55 in)."""
    return (f.width - f.margin - f.len(2.0), f.len(6.775), f.len(2.0), f.len(0.45))


def footer_rect(f: Frame) -> Rect4:
    return (f.margin, f.len(6.86), min(f.len(9.6), f.content_w - f.len(2.5)), f.len(0.3))


def _logo(kit: Kit, dark: bool, rect: Rect4, align: str, role: str = "content") -> tuple[Picture, ...]:
    """The logo in ``rect``; on a template only where it covers nothing of the layout's ``role``."""
    path = kit.brand.logo_on_dark if dark else kit.brand.logo
    roles = kit.frame.roles
    if path is None or (roles is not None and any(overlaps(rect, a) for a in roles[role].art)):
        return ()
    return (Picture(path, kit.brand.logo_alt or f"{kit.brand.name} logo", *rect, align=align, role="logo"),)


def _accent_bar(kit: Kit, y: float) -> tuple[Rect, ...]:
    f = kit.frame
    if f.template:
        return ()
    return (Rect(f.margin, f.len(y), f.len(1.2), f.len(0.08), kit.brand.palette.accent),)


def _in_text_slot(kit: Kit, role: str, kind: str, paras: list[Para], top: float, floor: float
                  ) -> Box | None:
    """A box filling the layout's subtitle or body placeholder, in the template's style; the box
    grows down into free space when the placeholder is too small for the text."""
    roles = kit.frame.roles
    slot = roles[role].text if roles is not None else None
    if slot is None:
        return None
    type_, idx, rect = slot
    rect = kit.frame.inside(rect)
    for box in (rect, _grown(kit, role, rect)):
        b = kit.box(kind, box, paras, top, floor, color="", align="", anchor="",
                    placeholder=(type_, idx))
        if b is not None:
            return b
    return None


def _grown(kit: Kit, role: str, rect: Rect4) -> Rect4:
    """``rect`` made taller, down to the first of the template's shapes or placeholders below it."""
    f = kit.frame
    x, y, w, h = rect
    bottom = f.height - f.margin // 2
    roles = kit.frame.roles
    for ax, ay, aw, _ in roles[role].art if roles is not None else ():
        if ay >= y + h and ax < x + w and x < ax + aw:  # below the box, across its width
            bottom = min(bottom, ay - f.len(0.05))
    return (x, y, w, max(h, bottom - y))


def _below_title(kit: Kit, role: str, h: float) -> Rect4 | None:
    """A box under the template's title, inside the slide, or None when there is no room."""
    f = kit.frame
    x, y, w, th = f.title(role)[0]
    top = y + th + f.len(0.15)
    if top + f.len(h) > f.height - f.margin // 2:
        return None
    return (x, top, w, f.len(h))


def title_slide(kit: Kit, doc: Document) -> SlidePlan:
    """Title, subtitle, author and date on the brand colour, with the large white logo."""
    title, full = kit.title(doc.title, "title")
    notes = f"Full title: {full}" if full else ""
    byline = [Para(tokens(doc.author.name, bold=True))]
    if doc.date is not None:
        byline.append(Para(tokens(format_date(doc.date, doc.language))))
    if kit.frame.template:
        subtitle = [Para(tokens(doc.subtitle))] if doc.subtitle is not None else []
        boxes = _template_text(kit, "title", [*subtitle, *byline])
        return SlidePlan("title", "title", title, boxes, _logo(kit, False, logo_small(kit.frame), "r",
                                                               "title"), (), notes)
    f = kit.frame
    wide = min(f.len(11.0), f.content_w)
    boxes: list[Box] = []
    if doc.subtitle is not None:
        b = kit.box("subtitle", (f.margin, f.len(4.6), wide, f.len(1.05)), [Para(tokens(doc.subtitle))],
                    28.0, 18.0, color=kit.soft_on_dark)
        boxes += [b] if b else []
    b = kit.box("byline", (f.margin, f.len(5.8), wide, f.len(1.0)), byline, 20.0, 16.0,
                color=kit.on_dark)
    boxes += [b] if b else []
    return SlidePlan("title", "title", title, tuple(boxes), _logo(kit, True, logo_big(f), "l"),
                     _accent_bar(kit, 4.38), notes, kit.dark)


def _template_text(kit: Kit, role: str, paras: list[Para]) -> tuple[Box, ...]:
    """Subtitle lines on a template: in its subtitle placeholder, else under its title."""
    if not paras:
        return ()
    for some in (paras, paras[:-1], paras[-2:-1]):  # without the date, then the name alone
        b = _in_text_slot(kit, role, "subtitle", some, 28.0, 14.0) if some else None
        if b is not None:
            return (b,)
    rect = _below_title(kit, role, 1.6)
    if rect is None:
        return ()
    ink = kit.frame.ink(role, rect, kit.brand.palette.foreground)
    b = kit.box("subtitle", rect, paras, 24.0, 14.0, color=ink or "")
    return (b,) if b else ()


def section_slide(kit: Kit, heading: Text, n: int, total: int) -> SlidePlan:
    """A section opener: its number in the accent colour and the heading, large, on the brand."""
    title, full = kit.title(heading, "section")
    notes = f"Full title: {full}" if full else ""
    number = [Para(tokens(f"{n:02d} / {total:02d}", bold=True))]
    if kit.frame.template:
        label = _in_text_slot(kit, "section", "label", number, 24.0, 14.0)
        return SlidePlan("section", "section", title, (label,) if label else (), (), (), notes)
    f = kit.frame
    y = f.title("section")[0][1] - f.len(0.75)
    label = kit.box("label", (f.margin, y, f.content_w, f.len(0.6)), number, 24.0, 24.0,
                    font="heading", color=kit.label_on_dark)
    return SlidePlan("section", "section", title, (label,) if label else (), (), (), notes, kit.dark)


def closing_slide(kit: Kit, doc: Document) -> SlidePlan:
    """Thanks, the brand name and its link, with the large white logo."""
    title, _ = kit.title("Thank you", "title")
    # Plain text: viewers draw links in the theme's link colour, unreadable on the brand colour.
    link = [Para((Span(kit.brand.link),))] if kit.brand.link else []
    if kit.frame.template:
        boxes = _template_text(kit, "title", [Para(tokens(kit.brand.name)), *link])
        return SlidePlan("closing", "title", title, boxes,
                         _logo(kit, False, logo_small(kit.frame), "r", "title"), (), "")
    f = kit.frame
    wide = min(f.len(11.0), f.content_w)
    boxes_: list[Box] = []
    b = kit.box("subtitle", (f.margin, f.len(4.6), wide, f.len(0.7)), [Para(tokens(kit.brand.name))],
                28.0, 18.0, color=kit.soft_on_dark)
    boxes_ += [b] if b else []
    if link:
        b = kit.box("link", (f.margin, f.len(5.4), wide, f.len(0.9)), link, 24.0, 18.0,
                    color=kit.on_dark)
        boxes_ += [b] if b else []
    return SlidePlan("closing", "title", title, tuple(boxes_), _logo(kit, True, logo_big(f), "l"),
                     _accent_bar(kit, 4.38), "", kit.dark)


def footer(kit: Kit) -> Box | None:
    """Return the brand's footer line for light slides (the same box on each), or None.

    On a template: in the content layout's footer placeholder if it has one; else docgen's
    footer line where it covers none of the template's art, in a colour that reads there.
    """
    if not kit.brand.footer:
        return None
    paras = [Para(tokens(kit.brand.footer))]
    roles = kit.frame.roles
    if roles is not None:
        slot = roles["content"].footer
        if slot is not None:
            type_, idx, rect = slot
            return kit.box("footer", kit.frame.inside(rect), paras, 12.0, 8.0, color="", align="",
                           anchor="", max_lines=1, placeholder=(type_, idx))
        rect = footer_rect(kit.frame)
        if any(overlaps(rect, a) for a in roles["content"].art) or kit.muted is None:
            return None
    return kit.box("footer", footer_rect(kit.frame), paras, 12.0, 9.0, font="heading",
                   color=kit.muted, max_lines=1)


def chrome(kit: Kit, slide: SlidePlan, footer_box: Box | None) -> SlidePlan:
    """Add the small logo (and on light slides ``footer_box``) to every slide but title and closing."""
    if slide.kind in ("title", "closing"):
        return slide
    dark = slide.background is not None
    boxes = slide.boxes
    if not dark and footer_box is not None and not (kit.frame.template and slide.kind == "section"):
        boxes += (footer_box,)  # on a template, section layouts keep their own footer
    role = "section" if slide.kind == "section" else "content"
    logo = _logo(kit, dark, logo_small(kit.frame), "r", role)
    return replace(slide, boxes=boxes, pictures=slide.pictures + logo)
