"""The application layer: the command line, builds, watching, previews and the output folder."""
