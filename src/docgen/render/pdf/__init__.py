"""The PDF handout renderer (reportlab): ``render_pdf(doc, expected_pages) -> Rendered``."""

from docgen._compat.reportlab_hooks import seal

seal()  # before reportlab's first import: it would run code from the working folder or HOME

from docgen.infra.lazy import defer  # noqa: E402

defer("uharfbuzz")  # loaded when a run is shaped, not with reportlab

from docgen._compat.reportlab import import_platypus  # noqa: E402

import_platypus()  # before any module below imports reportlab.platypus

from docgen._compat.reportlab_words import install  # noqa: E402

install()  # long words split in linear time

from docgen.render.pdf.document import render_pdf  # noqa: E402

__all__ = ["render_pdf"]
