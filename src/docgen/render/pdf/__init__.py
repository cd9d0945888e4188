"""The PDF handout renderer (reportlab): ``render_pdf(doc) -> Rendered``."""

from docgen.render.pdf.document import render_pdf

__all__ = ["render_pdf"]
