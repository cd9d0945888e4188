"""The branded slides (title, section, closing) and the chrome on the others (footer, number, logo).

Built-in look: the title, section and closing layouts are set on the brand's primary colour with
the white logo and an accent rule above a small line and the title; light layouts carry the
small logo, and every slide but the bookends (title and closing) shows its number (the
slide-number placeholder) and light ones the brand's footer (the footer placeholder), quietly,
in the bottom margin. The logos and rules are the layouts' own, so a
slide added in PowerPoint has them too. On a corporate template the template's look wins: no
background, bar or rule of docgen's; subtitles, bylines and section numbers go into the layout's
own text placeholder, the footer into its footer placeholder, and the logo only where it covers
none of the template's art or placeholders.
"""

from __future__ import annotations

from dataclasses import replace

from docgen.infra.qr import modules
from docgen.model import Document, Span, Text
from docgen.render import format_date
from docgen.render.deck import design as d
from docgen.render.deck.fit import Para, tokens
from docgen.render.deck.frame import Frame, Rect4
from docgen.render.deck.grid import Kit
from docgen.render.deck.ground import overlaps
from docgen.render.deck.kinds import place
from docgen.render.deck.plan_types import Box, Code, Picture, Rect, SlidePlan
from docgen.render.deck.typeset import display
from docgen.scheme import scheme


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
    title, full = kit.title(display(doc.title, doc.language), "title")
    notes = f"[Full title: {full}]" if full else ""
    name = display(doc.author.name, doc.language).plain
    when = format_date(doc.date, doc.language) if doc.date is not None else ""
    if kit.frame.template:
        byline = [Para(tokens(name, bold=True))] + ([Para(tokens(when))] if when else [])
        subtitle = [Para(tokens(doc.subtitle))] if doc.subtitle is not None else []
        return SlidePlan("title", "title", title, _template_text(kit, "title", [*subtitle, *byline]),
                         _logo(kit, False, logo_small(kit.frame), "r", "title"), (), notes)
    boxes: list[Box] = []
    b = _slot(kit, "title", "byline", [Para(tokens(" · ".join(x for x in (name, when) if x)))],
              (d.META, 18.0, 16.0), max_lines=1)
    boxes += [b] if b else []
    if doc.subtitle is not None:
        b = _slot(kit, "title", "subtitle", [Para(tokens(display(doc.subtitle, doc.language)))],
                  (d.BODY, 24.0, 20.0))
        boxes += [b] if b else []
    return SlidePlan("title", "title", title, tuple(boxes), (), (), notes)


def _slot(kit: Kit, layout: str, name: str, paras: list[Para], sizes: tuple[float, ...],
          color: str | None = None, max_lines: int | None = None) -> Box | None:
    """A box in the built-in layout's placeholder ``name``, in its style, at the first size that
    fits."""
    slot = d.design(kit.brand.palette).layout(layout).slot(name)
    style = slot.style
    rect = place(kit.frame, slot.rect)
    for size in sizes:
        b = kit.box(name, rect, paras, size, size, font=style.font,
                    color=color or style.colour, anchor=style.anchor, align=style.align,
                    placeholder=(slot.type, slot.idx), max_lines=max_lines)
        if b is not None:
            return replace(b, style=style, second=slot.second, home=rect)
    return None


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
    """A section opener: its number ("02 / 05") and the heading, large, on the brand colour."""
    title, full = kit.title(heading, "section")
    notes = f"[Full title: {full}]" if full else ""
    number = [Para(tokens(f"{n:02d} / {total:02d}"))]
    if kit.frame.template:
        label = _in_text_slot(kit, "section", "label", number, 24.0, 14.0)
        return SlidePlan("section", "section", title, (label,) if label else (), (), (), notes)
    label = _slot(kit, "section", "label", number, (d.META,))
    return SlidePlan("section", "section", title, (label,) if label else (), (), (), notes)


def closing_slide(kit: Kit, doc: Document, heading: Text, thanks: str) -> SlidePlan:
    """The call to action (or thanks) under "Thank you", who to ask, the link as words and as a
    QR code, the code centred on the text beside it.

    The link is plain text (viewers draw hyperlinks in the theme's link colour, unreadable on the
    brand colour); the QR code carries the link itself, for a click in the slide show.
    """
    link = doc.cta.link if doc.cta is not None and doc.cta.link else kit.brand.link
    shown = [Para((Span(_words_of(link), bold=not kit.frame.template),))] if link else []
    if kit.frame.template:
        title, _ = kit.title(heading, "title")
        who = [Para(tokens(display(doc.author.name, doc.language)))]
        return SlidePlan("closing", "closing", title, _template_text(kit, "title", [*who, *shown]),
                         _logo(kit, False, logo_small(kit.frame), "r", "title"), (), "")
    title = next(b for b in (_slot(kit, "closing", "title", [Para(tokens(heading, bold=True))],
                                   (size,), max_lines=2) for size in (d.STATEMENT, 40.0, 36.0))
                 if b is not None)
    boxes: list[Box] = []
    if heading.plain.strip().lower() != thanks.strip().lower():  # no "Thank you" twice
        b = _slot(kit, "closing", "label", [Para(tokens(thanks))], (d.META,), max_lines=1)
        boxes += [b] if b else []
    b = _slot(kit, "closing", "body", [Para(tokens(display(doc.author.name, doc.language)))],
              (d.META, 18.0), max_lines=1)
    boxes += [b] if b else []
    if shown:
        b = _slot(kit, "closing", "link", shown, (d.BODY, 24.0, 20.0, 18.0), max_lines=1)
        boxes += [b] if b else []
    codes: tuple[Code, ...] = ()
    rects: tuple[Rect, ...] = ()
    if link:
        top = min(x.y for x in (*boxes, title))
        bottom = max(x.y + x.h for x in (*boxes, title))
        x, _, w, h = place(kit.frame, d.QR_TILE)
        room = (x, (top + bottom - h) // 2, w, h)
        tile, inner = _qr_boxes(room)
        rects = (Rect(*tile, kit.brand.palette.background),)
        ink = scheme(kit.brand.palette)[0].text
        codes = (Code(*inner, modules(link), ink, link, f"QR code: {_words_of(link)}"),)
    return SlidePlan("closing", "closing", title, tuple(boxes), (), rects, "", codes=codes)


def _words_of(link: str) -> str:
    """A link as people say it: no scheme, no trailing slash (``mailto:`` gives the address)."""
    for prefix in ("https://", "http://", "mailto:"):
        if link.lower().startswith(prefix):
            link = link[len(prefix):]
            break
    return link.rstrip("/")


def _qr_boxes(room: Rect4) -> tuple[Rect4, Rect4]:
    """The QR code's light tile, square, at the right of ``room``, and the code inside it (a quiet
    zone of about four modules)."""
    x, y, w, h = room
    side = min(w, h)
    tile = (x + w - side, y + (h - side) // 2, side, side)
    pad = side // 9
    return tile, (tile[0] + pad, tile[1] + pad, side - 2 * pad, side - 2 * pad)


def footer(kit: Kit, layout: str = "bullets") -> Box | None:
    """Return the brand's footer line for light slides (the same box on each), or None.

    Built-in: in the layout's footer placeholder. On a template: in the content layout's footer
    placeholder if it has one; else docgen's footer line where it covers none of the template's
    art, in a colour that reads there.
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
    for size in (10.0, 9.0, 8.0):
        b = _slot(kit, layout, "footer", paras, (size,))
        if b is not None and b.lines == 1:
            return b
    return None


def number(kit: Kit, layout: str, n: int, made: dict[str, Box | None] | None = None) -> Box | None:
    """The slide's number in the layout's slide-number placeholder (built-in template only; not
    on the title and closing slides, the bookends).

    One box per layout is fitted (for a number of four digits) and given each slide's number.
    """
    if kit.frame.template or not d.design(kit.brand.palette).layout(layout).has("number"):
        return None
    made = {} if made is None else made
    if layout not in made:
        made[layout] = _slot(kit, layout, "number", [Para((Span("8888", bold=True),))], (10.0,))
    found = made[layout]
    return None if found is None else replace(found, paras=(Para((Span(str(n), bold=True),)),),
                                              lines=1)


def chrome(kit: Kit, slide: SlidePlan, n: int, footers: dict[str, Box | None],
           numbers: dict[str, Box | None] | None = None) -> SlidePlan:
    """Add the number (all but the title slide) and the footer (light slides); on a template,
    the small logo too (the built-in layouts carry their own). ``footers`` and ``numbers`` keep
    the boxes made for each layout, made once."""
    if slide.kind == "title" or (slide.kind == "closing" and not kit.frame.template):
        return slide
    if not kit.frame.template:
        lay = d.design(kit.brand.palette).layout(slide.layout)
        extra: list[Box] = []
        num = number(kit, slide.layout, n, numbers)
        extra += [num] if num else []
        if lay.has("footer"):
            if slide.layout not in footers:
                footers[slide.layout] = footer(kit, slide.layout)
            found = footers[slide.layout]
            extra += [found] if found else []
        return replace(slide, boxes=slide.boxes + tuple(extra))
    if slide.kind == "closing":
        return slide
    dark = slide.background is not None
    boxes = slide.boxes
    footer_box = footers.setdefault("content", footer(kit))
    if not dark and footer_box is not None and slide.kind != "section":
        boxes += (footer_box,)  # on a template, section layouts keep their own footer
    role = "section" if slide.kind == "section" else "content"
    logo = _logo(kit, dark, logo_small(kit.frame), "r", role)
    return replace(slide, boxes=boxes, pictures=slide.pictures + logo)
