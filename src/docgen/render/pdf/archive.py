"""PDF/A-2b, on request: the sRGB output intent and the identification in the XMP packet.

Everything else PDF/A-2b asks for the handout has anyway (fonts embedded as TrueType subsets
with ToUnicode maps, no encryption, no transparency groups without an output intent, printable
link annotations, metadata matching the information dictionary); ``tests/render/pdf/test_pdfa.py``
checks the file with pikepdf's PDF/A validator, which implements the veraPDF rules.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from docgen._compat import reportlab_tags as rl
from docgen.fonts import FONT_DIR
from docgen.model import Document

#: The standards a handout can claim, and their XMP identification (part, conformance).
PDFA = {"pdf/a-2b": (2, "B")}
SRGB = FONT_DIR.parent / "icc" / "sRGB.icc"


def standard(doc: Document) -> tuple[int, str] | None:
    """Return the PDF/A (part, conformance) to claim: ``docgen --pdf-standard`` (which sets
    ``DOCGEN_PDF_STANDARD``) wins over the article's ``pdf: standard:``, which wins over the
    brand's ``defaults: docgen: pdf-standard:``; None for PDF/UA only."""
    chosen = (os.environ.get("DOCGEN_PDF_STANDARD") or doc.pdf_standard
              or doc.brand.pdf_standard or "")
    return PDFA.get(chosen.strip().lower())


@cache
def _profile() -> bytes:
    return SRGB.read_bytes()


def output_intents() -> Any:
    """Return the catalog's ``/OutputIntents``: sRGB, the colour space the handout is drawn in."""
    profile = rl.stream(_profile(), N=3)
    name = rl.string("sRGB IEC61966-2.1")
    return rl.array([rl.dictionary(
        Type=rl.name("OutputIntent"), S=rl.name("GTS_PDFA1"), OutputConditionIdentifier=name,
        Info=name, DestOutputProfile=profile)])
