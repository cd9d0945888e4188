"""XML escaping for both renderers: reportlab's paragraph markup and the deck's OOXML parts.

Text from YAML is data, never markup: every ``&``, ``<`` and ``>`` is escaped before it goes into
either format. (Written here rather than imported from ``xml.sax.saxutils``: importing the
``xml.sax`` package costs every start-up a few milliseconds; tests compare the results.)
"""

from __future__ import annotations

_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\n": "&#10;", "\t": "&#9;", "\r": "&#13;"})


def escape(text: str) -> str:
    """Return element text with ``&``, ``<`` and ``>`` escaped (``xml.sax.saxutils.escape``)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str) -> str:
    """Return an attribute value for a double-quoted attribute, escaped as lxml writes it."""
    return text.translate(_ATTRIBUTE)


def quoteattr(text: str) -> str:
    """Return an escaped attribute value with the quotes it needs (``xml.sax.saxutils.quoteattr``)."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))
