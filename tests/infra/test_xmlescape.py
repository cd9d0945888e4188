"""One XML escaping for both renderers: the standard library's results, and lxml's attributes."""

from __future__ import annotations

from xml.sax import saxutils

from lxml import etree

from docgen.infra.xmlescape import escape, escape_attribute, quoteattr

TEXTS = ("a & b < c > d", "say \"hi\"", "it's", "both \" and '", "tab\there\nnew\rline", "", "&amp;")


def test_text_and_quoted_attributes_escape_as_xml_sax_does() -> None:
    for text in TEXTS:
        assert escape(text) == saxutils.escape(text)
        assert quoteattr(text) == saxutils.quoteattr(text)


def test_attributes_escape_as_lxml_writes_them() -> None:
    for text in TEXTS:
        element = etree.Element("e", a=text)
        assert etree.tostring(element).decode() == f'<e a="{escape_attribute(text)}"/>'
