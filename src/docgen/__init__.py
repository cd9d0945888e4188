"""docgen: one YAML article in, a branded PDF handout and a PowerPoint deck out."""

__version__ = "0.1.0"
