"""SVG files are hostile until read: entities, references, scripts and sizes are all bounded."""

from __future__ import annotations

import pytest

from docgen.svg import MAX_DEPTH, SvgError, clean_svg

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">{}</svg>'


def test_a_plain_svg_keeps_its_shapes_and_its_size() -> None:
    clean = clean_svg(SVG.format('<rect width="40" height="20" fill="#123456"/>').encode())
    assert (clean.width, clean.height) == (40, 20)
    assert b"#123456" in clean.data and clean.removed == []


def test_width_and_height_with_units_give_the_size() -> None:
    clean = clean_svg(b'<svg xmlns="http://www.w3.org/2000/svg" width="2in" height="1in"/>')
    assert (clean.width, clean.height) == (192, 96)


def test_the_billion_laughs_is_refused() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>&b;</text></svg>')
    with pytest.raises(SvgError, match="nested"):
        clean_svg(bomb)


def test_an_external_entity_is_refused_and_never_read() -> None:
    xxe = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>&x;</text></svg>')
    with pytest.raises(SvgError, match="external entity"):
        clean_svg(xxe)


def test_short_flat_entities_as_illustrator_writes_them_are_kept() -> None:
    svg = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY ns_svg "http://www.w3.org/2000/svg">]>'
           b'<svg xmlns="&ns_svg;" viewBox="0 0 4 2"/>')
    assert clean_svg(svg).width == 4


def test_scripts_events_and_outside_references_are_removed() -> None:
    body = ('<script>alert(1)</script><rect width="1" height="1" onclick="x()"/>'
            '<image href="file:///etc/passwd"/><image href="https://example.com/a.png"/>'
            '<use href="#r"/><style>@import url(https://example.com/x.css); '
            '.a {fill: url(https://example.com/p)}</style>'
            '<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject>')
    clean = clean_svg(SVG.format(body).encode())
    text = clean.data.decode()
    for gone in ("script", "onclick", "passwd", "example.com", "foreignObject"):
        assert gone not in text
    assert 'href="#r"' in text
    assert len(clean.removed) >= 5


def test_embedded_pictures_stay() -> None:
    body = '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'
    assert b"data:image/png" in clean_svg(SVG.format(body).encode()).data


def test_deep_nesting_is_refused() -> None:
    body = "<g>" * (MAX_DEPTH + 5) + "</g>" * (MAX_DEPTH + 5)
    with pytest.raises(SvgError, match="nests deeper"):
        clean_svg(SVG.format(body).encode())


@pytest.mark.parametrize(("data", "match"), [
    (b"<html/>", "not an SVG"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "no size"),
    (b"<svg", "well-formed"),
    (b"\x1f\x8b\x08\x00", "compressed"),
    (b"version https://git-lfs.github.com/spec/v1\noid sha256:abc\n", "well-formed"),
])
def test_what_is_not_a_usable_svg_says_why(data: bytes, match: str) -> None:
    with pytest.raises(SvgError, match=match):
        clean_svg(data)
