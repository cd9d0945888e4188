"""docgen's own OOXML package layer: read a template through an allow-list, write the deck's zip.

:mod:`.reader` keeps what may cross from a template (bounded by :mod:`.limits`, parsed by
:mod:`.xmlsafe`); :mod:`.writer` zips the parts docgen decided on. Neither imports python-pptx.
"""
