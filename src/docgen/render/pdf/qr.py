"""QR code matrices for links, from reportlab's encoder, loaded only when a handout has a link.

reportlab's encoder is one self-contained module, but importing it by name first runs
``reportlab.graphics.barcode/__init__``, which imports every barcode widget and the graphics
library (about 20 ms of every start, also for handouts without a QR code). The module file is
loaded on its own instead, on first use; the code that runs is reportlab's, unchanged.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType

from docgen.infra.diskcache import remember

_NAME = "reportlab.graphics.barcode.qrencoder"


@cache
def _encoder() -> ModuleType:
    if _NAME in sys.modules:  # someone imported the barcode package already
        return sys.modules[_NAME]
    spec = importlib.util.find_spec("reportlab.graphics")
    assert spec is not None and spec.origin is not None
    path = Path(spec.origin).parent / "barcode" / "qrencoder.py"
    module_spec = importlib.util.spec_from_file_location("docgen._qrencoder", path)
    assert module_spec is not None and module_spec.loader is not None
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


@lru_cache(maxsize=16)
def modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The QR matrix for ``url`` (error correction M), computed once per link and kept in the
    disk cache: choosing the mask pattern is ~20 ms of pure Python in every new process."""
    import reportlab

    return remember("qr", reportlab.Version, url.encode(), lambda: _matrix(url), _valid)


def _matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    qrencoder = _encoder()
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(url)
    qr.make()
    return tuple(tuple(bool(dark) for dark in row) for row in qr.modules)


def _valid(matrix: object) -> bool:
    return (isinstance(matrix, tuple) and len(matrix) >= 21
            and all(isinstance(row, tuple) and len(row) == len(matrix)
                    and all(isinstance(dark, bool) for dark in row) for row in matrix))
