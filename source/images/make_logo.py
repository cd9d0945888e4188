"""Draw the Rocket Market Development logo.

Writes, next to this script:

* ``logo.png``: navy/orange mark, navy and teal wordmark, for light backgrounds;
* ``logo-white.png``: white/orange version of the same lockup, for dark navy backgrounds.

The mark is a navy disc with a rocket knocked out of it (flying up and to the right) and an
orange exhaust flame. Everything is drawn at ``SCALE`` times the final size and downsampled, so
edges are smooth; the output is deterministic. ``logo.svg`` is the hand-written vector twin and
uses the same geometry (the mark lives in a 100 x 100 box there too).

Run: ``python source/images/make_logo.py`` (needs Pillow only).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
FONT_PATH = REPO / "src" / "docgen" / "assets" / "fonts" / "Carlito-Bold.ttf"

NAVY = "#16324F"
TEAL = "#1F7A8C"
ORANGE = "#E4572E"
WHITE = "#FFFFFF"

SCALE = 4  # supersampling factor
MARK = 280  # final diameter of the mark, px
UNIT = MARK / 100  # the mark is designed in a 100 x 100 box
ANGLE = 45.0  # rocket tilt, degrees clockwise from upright

# Wordmark, in final px.
SIZE_1 = 114  # "ROCKET MARKET"
SIZE_2 = 84  # "DEVELOPMENT"
TRACK_1 = 0.03  # letter spacing of line 1, in em
LINE_GAP = 26  # from the baseline of line 1 to the cap height of line 2
MARK_GAP = 62  # from the mark to the wordmark
MARGIN = 2  # a hair of clear space so antialiased edges never touch the border

Point = tuple[float, float]


@dataclass(frozen=True)
class Variant:
    filename: str
    mark: str  # disc colour
    line_1: str
    line_2: str


VARIANTS = (
    Variant("logo.png", mark=NAVY, line_1=NAVY, line_2=TEAL),
    Variant("logo-white.png", mark=WHITE, line_1=WHITE, line_2=WHITE),
)


# --- geometry ---------------------------------------------------------------------------------


def cubic(p0: Point, p1: Point, p2: Point, p3: Point, steps: int = 48) -> list[Point]:
    """Points along a cubic Bezier curve, excluding ``p0``."""
    out: list[Point] = []
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        out.append(
            (
                u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return out


# Upright rocket in the 100-unit mark box (y grows downwards): one outline for body, fins and
# nozzle, a porthole and a flame. logo.svg has the same paths, rotated the same way.
ROCKET: list[Point] = [
    (50, 8),
    *cubic((50, 8), (56, 14), (61, 26), (61, 40)),  # nose, right
    (60.5, 48),
    *cubic((60.5, 48), (67, 51), (72, 57), (72, 72)),  # right fin
    (59.5, 64),
    (56, 64),
    (54.5, 68),  # nozzle
    (45.5, 68),
    (44, 64),
    (40.5, 64),
    (28, 72),
    *cubic((28, 72), (28, 57), (33, 51), (39.5, 48)),  # left fin
    (39, 40),
    *cubic((39, 40), (39, 26), (44, 14), (50, 8))[:-1],  # nose, left
]
WINDOW = ((50, 34), 6)  # centre, radius
FLAME: list[Point] = [
    (45.5, 72),
    (54.5, 72),
    *cubic((54.5, 72), (57, 78), (54, 85), (50, 93)),
    *cubic((50, 93), (46, 85), (43, 78), (45.5, 72))[:-1],
]


def place(points: Sequence[Point], origin: Point) -> list[Point]:
    """Rotate mark-box points about the box centre and map them to supersampled pixels."""
    a = math.radians(ANGLE)
    cos, sin = math.cos(a), math.sin(a)
    out: list[Point] = []
    for x, y in points:
        dx, dy = x - 50, y - 50
        rx, ry = 50 + dx * cos - dy * sin, 50 + dx * sin + dy * cos
        out.append(((origin[0] + rx * UNIT) * SCALE, (origin[1] + ry * UNIT) * SCALE))
    return out


# --- drawing ------------------------------------------------------------------------------------


def font(size: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_PATH), round(size * SCALE))


def tracked_width(text: str, face: ImageFont.FreeTypeFont, tracking: float) -> float:
    """Width of ``text`` with ``tracking`` px added between letters (supersampled px)."""
    return sum(face.getlength(c) for c in text) + tracking * (len(text) - 1)


def draw_tracked(
    draw: ImageDraw.ImageDraw,
    baseline: Point,
    text: str,
    face: ImageFont.FreeTypeFont,
    tracking: float,
) -> None:
    x, y = baseline
    for c in text:
        draw.text((x, y), c, font=face, fill=255, anchor="ls")
        x += face.getlength(c) + tracking


def solid(size: tuple[int, int], colour: str, alpha: Image.Image) -> Image.Image:
    layer = Image.new("RGBA", size, colour)
    layer.putalpha(alpha)
    return layer


@dataclass(frozen=True)
class Layout:
    size: tuple[int, int]  # final px
    mark_origin: Point
    baseline_1: Point
    baseline_2: Point
    tracking_1: float  # supersampled px
    tracking_2: float


def layout() -> Layout:
    face_1, face_2 = font(SIZE_1), font(SIZE_2)
    cap_1 = -face_1.getbbox("H", anchor="ls")[1] / SCALE
    cap_2 = -face_2.getbbox("H", anchor="ls")[1] / SCALE
    tracking_1 = TRACK_1 * SIZE_1 * SCALE
    width_1 = tracked_width("ROCKET MARKET", face_1, tracking_1)
    # Line 2 is letter-spaced to the width of line 1.
    bare_2 = tracked_width("DEVELOPMENT", face_2, 0)
    tracking_2 = (width_1 - bare_2) / (len("DEVELOPMENT") - 1)

    height = MARK + 2 * MARGIN
    block = cap_1 + LINE_GAP + cap_2
    top = (height - block) / 2
    left = MARGIN + MARK + MARK_GAP
    width = math.ceil(left + width_1 / SCALE + MARGIN)
    return Layout(
        size=(width, height),
        mark_origin=(MARGIN, MARGIN),
        baseline_1=(left * SCALE, (top + cap_1) * SCALE),
        baseline_2=(left * SCALE, (top + block) * SCALE),
        tracking_1=tracking_1,
        tracking_2=tracking_2,
    )


def render(variant: Variant, lay: Layout) -> Image.Image:
    big = (lay.size[0] * SCALE, lay.size[1] * SCALE)

    def mask() -> tuple[Image.Image, ImageDraw.ImageDraw]:
        image = Image.new("L", big, 0)
        return image, ImageDraw.Draw(image)

    # Disc, with the rocket silhouette knocked out and the porthole left in.
    disc, d = mask()
    ox, oy = lay.mark_origin
    d.ellipse([ox * SCALE, oy * SCALE, (ox + MARK) * SCALE - 1, (oy + MARK) * SCALE - 1], fill=255)
    rocket, r = mask()
    r.polygon(place(ROCKET, lay.mark_origin), fill=255)
    centre, radius = WINDOW
    ((px, py),) = place([centre], lay.mark_origin)
    rad = radius * UNIT * SCALE
    r.ellipse([px - rad, py - rad, px + rad, py + rad], fill=0)
    disc = ImageChops.subtract(disc, rocket)

    flame, f = mask()  # lies on the disc, so no seam where the two meet
    f.polygon(place(FLAME, lay.mark_origin), fill=255)

    line_1, t1 = mask()
    draw_tracked(t1, lay.baseline_1, "ROCKET MARKET", font(SIZE_1), lay.tracking_1)
    line_2, t2 = mask()
    draw_tracked(t2, lay.baseline_2, "DEVELOPMENT", font(SIZE_2), lay.tracking_2)

    # Downsample the coverage masks (a box filter averages each SCALE x SCALE block, which is
    # exact area coverage), then paint flat colours through them: every pixel keeps the exact
    # brand colour and only its alpha varies, which also keeps the PNG small.
    image = Image.new("RGBA", lay.size, (0, 0, 0, 0))
    for colour, coverage in (
        (variant.mark, disc),
        (ORANGE, flame),
        (variant.line_1, line_1),
        (variant.line_2, line_2),
    ):
        small = coverage.resize(lay.size, Image.Resampling.BOX)
        image = Image.alpha_composite(image, solid(lay.size, colour, small))
    return image


def main() -> None:
    lay = layout()
    for variant in VARIANTS:
        path = HERE / variant.filename
        render(variant, lay).save(path, optimize=True)
        print(
            f"{path.relative_to(REPO)}: {lay.size[0]} x {lay.size[1]} px, "
            f"{path.stat().st_size / 1024:.1f} KB"
        )


if __name__ == "__main__":
    main()
