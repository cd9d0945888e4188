"""QR code matrices for links, from reportlab's QR code widget, kept in the disk cache.

Shared by both renderers: the handout draws the matrix with reportlab, the deck as one vector
shape, so a link's code is the same in both.

The widget's public interface draws the code as a group of rectangles (one per run of dark
modules); the matrix is read back from them. Choosing the mask pattern is slow pure Python, so each
link's matrix is computed once per machine and kept in :mod:`docgen.infra.diskcache`.
"""

from __future__ import annotations

from functools import lru_cache

from docgen.infra.diskcache import remember

Matrix = tuple[tuple[bool, ...], ...]
#: The widget's drawing size: any size works, a round one keeps the arithmetic exact.
_SIDE = 1000.0


@lru_cache(maxsize=16)
def modules(url: str) -> Matrix:
    """Return the QR matrix for ``url`` (error correction M), rows top to bottom, True for dark."""
    from docgen._compat.reportlab_hooks import seal

    seal()  # the deck imports reportlab only here: no hook of the working folder or HOME may run
    import reportlab

    return remember("qr", reportlab.Version, url.encode(), lambda: _matrix(url), _valid)


def _matrix(url: str) -> Matrix:
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Rect

    widget = QrCodeWidget(url, barLevel="M", barBorder=0, barWidth=_SIDE, barHeight=_SIDE)
    runs = [s for s in widget.draw().contents if isinstance(s, Rect) and s.fillColor is not None]
    cell = min(r.height for r in runs)  # every run is one module tall
    n = round(_SIDE / cell)
    dark = [[False] * n for _ in range(n)]
    for r in runs:
        row, first = round((_SIDE - r.y) / cell) - 1, round(r.x / cell)
        for column in range(first, first + round(r.width / cell)):
            dark[row][column] = True
    return tuple(tuple(row) for row in dark)


def _valid(matrix: object) -> bool:
    return (isinstance(matrix, tuple) and len(matrix) >= 21
            and all(isinstance(row, tuple) and len(row) == len(matrix)
                    and all(isinstance(dark, bool) for dark in row) for row in matrix))
