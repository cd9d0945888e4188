"""The XMP metadata packet: the document information again, in the form PDF/UA and PDF/A read.

Every value mirrors an entry of the PDF's information dictionary exactly (PDF/A requires them to
be equivalent), and the packet declares PDF/UA-1 (``pdfuaid:part``) and, for an archival build,
PDF/A (``pdfaid:part`` and ``pdfaid:conformance``). PDF/A-2 knows the pdfuaid schema only from an
extension-schema description, which is included whenever PDF/A is claimed.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from docgen.infra.xmlescape import escape_attribute


@dataclass(frozen=True)
class Info:
    """What the information dictionary holds, as plain text."""

    title: str
    author: str
    subject: str
    keywords: str
    creator: str
    producer: str
    created: _dt.datetime
    language: str


def _x(text: str) -> str:
    """Escape text for XML character data and attribute values; drop what XML cannot carry."""
    return escape_attribute("".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20))


def _date(when: _dt.datetime) -> str:
    return when.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


_PDFUA_EXTENSION = """
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Part of ISO 14289 followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>"""


_PDFA_NAMESPACES = (
    '\n    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"'
    '\n    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"'
    '\n    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"'
    '\n    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"')


def packet(info: Info, pdfa: tuple[int, str] | None = None) -> bytes:
    """Return the XMP packet; ``pdfa`` is (part, conformance), e.g. (2, "B"), to claim PDF/A."""
    when = _date(info.created)
    archive = ""
    extension = ""
    namespaces = ""
    if pdfa is not None:
        namespaces = _PDFA_NAMESPACES
        archive = (f"\n   <pdfaid:part>{pdfa[0]}</pdfaid:part>"
                   f"\n   <pdfaid:conformance>{pdfa[1]}</pdfaid:conformance>")
        extension = _PDFUA_EXTENSION
    lang = _x(info.language)
    text = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"{namespaces}>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_x(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{_x(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{_x(info.subject)}</rdf:li></rdf:Alt>
   </dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{_x(info.keywords)}</pdf:Keywords>
   <pdf:Producer>{_x(info.producer)}</pdf:Producer>
   <xmp:CreatorTool>{_x(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
   <pdfuaid:part>1</pdfuaid:part>{archive}{extension}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""
    return text.encode("utf-8")
