"""brand.yml as posit specifies it: colour names, logos and their probes, fonts by kind."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image as PILImage

from docgen.errors import DocgenError
from docgen.source import load, load_with_warnings
from tests.conftest import MINIMAL, WriteArticle


def brand(write_article: WriteArticle, text: str, **files: bytes | str) -> Path:
    return write_article("brand: brand.yml\n" + MINIMAL, files={"brand.yml": text, **files})


def png(width: int = 40, height: int = 20, colour: str = "#FFFFFF") -> bytes:
    out = io.BytesIO()
    PILImage.new("RGBA", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def test_names_resolve_through_the_palette_and_the_theme(write_article: WriteArticle) -> None:
    text = ('color:\n  palette:\n    aubergine: "#4A154B"\n    purple: aubergine\n'
            '    ozark: "#041E42"\n  dark: ozark\n  secondary: dark\n  primary: purple\n'
            '  background: "#fff"\n')
    doc, warnings = load_with_warnings(brand(write_article, text))
    p = doc.brand.palette
    assert (p.primary, p.secondary, p.background) == ("#4A154B", "#041E42", "#FFFFFF")
    assert not [w for w in warnings if "colour" in str(w) and "unknown" in str(w)]


def test_a_loop_of_names_is_a_located_error(write_article: WriteArticle) -> None:
    text = "color:\n  primary: secondary\n  secondary: primary\n"
    with pytest.raises(DocgenError) as info:
        load(brand(write_article, text))
    assert ":2:12: error: the colours primary -> secondary -> primary refer to each other" in str(
        info.value)


def test_css_colours_rgb_and_hsl_are_colours(write_article: WriteArticle) -> None:
    text = "color:\n  primary: rebeccapurple\n  secondary: rgb(0, 128, 0)\n  tertiary: hsl(0, 100%, 25%)\n"
    p = load(brand(write_article, text)).brand.palette
    assert (p.primary, p.secondary, p.accent) == ("#663399", "#008000", "#800000")


def test_a_theme_colour_inside_the_palette_is_used_and_said(write_article: WriteArticle) -> None:
    doc, warnings = load_with_warnings(brand(write_article, 'color:\n  palette:\n    primary: "#08312A"\n'))
    assert doc.brand.palette.primary == "#08312A"
    assert any(":3:14: warning: 'primary' is in color.palette" in str(w) for w in warnings)


def test_light_and_dark_values_take_the_light_one(write_article: WriteArticle) -> None:
    text = 'color:\n  primary:\n    light: "#1B3264"\n    dark: "#6B9FD4"\n  background:\n    dark: "#000"\n'
    p = load(brand(write_article, text)).brand.palette
    assert (p.primary, p.background) == ("#1B3264", "#FFFFFF")


def test_without_secondary_and_tertiary_only_brand_colours_appear(write_article: WriteArticle) -> None:
    p = load(brand(write_article, 'color:\n  primary: "#8A1538"\n')).brand.palette
    for colour in (p.secondary, p.accent, p.light):
        assert colour not in ("#2A7F8E", "#E76F51")  # docgen's own
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        assert r >= g and r >= b  # a shade or tint of the brand's red


def test_headings_and_links_take_their_colours(write_article: WriteArticle) -> None:
    text = ('color:\n  primary: "#1D3557"\ntypography:\n  headings:\n    color: "#FF0000"\n'
            '  link:\n    color: primary\n')
    p = load(brand(write_article, text)).brand.palette
    assert (p.heading, p.link) == ("#FF0000", "#1D3557")


@pytest.mark.parametrize(("content", "reason"), [
    (png()[:60], "damaged or truncated"),
    (b"version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 1\n", "not a picture"),
])
def test_a_broken_logo_is_a_located_error_at_check_time(write_article: WriteArticle, content: bytes,
                                                        reason: str) -> None:
    with pytest.raises(DocgenError) as info:
        load(brand(write_article, "logo: logo.png\n", **{"logo.png": content}))
    assert reason in str(info.value) and "brand.yml:1:7:" in str(info.value)


def test_an_svg_logo_with_an_external_entity_is_refused(write_article: WriteArticle) -> None:
    svg = ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>&x;</text></svg>')
    with pytest.raises(DocgenError) as info:
        load(brand(write_article, "logo: logo.svg\n", **{"logo.svg": svg}))
    assert "brand.yml:1:7: error: the logo 'logo.svg' declares an external entity" in str(info.value)


def test_a_light_only_logo_is_not_left_off_the_band_silently(write_article: WriteArticle) -> None:
    text = ('color:\n  primary: "#101820"\nlogo:\n  medium:\n    light: dark-mark.png\n')
    doc, warnings = load_with_warnings(brand(write_article, text,
                                             **{"dark-mark.png": png(colour="#111111")}))
    assert doc.brand.logo is not None and doc.brand.logo_on_dark is None
    assert any("no logo on the cover band and title slides" in str(w) and "logo.medium.dark" in str(w)
               for w in warnings)


def test_logo_alt_text_comes_from_the_brand(write_article: WriteArticle) -> None:
    text = "logo:\n  images:\n    mark:\n      path: m.png\n      alt: The Acme anvil\n  small: mark\n"
    doc = load(brand(write_article, text, **{"m.png": png(colour="#336699")}))
    assert doc.brand.logo_alt == "The Acme anvil"


def test_keys_brand_yml_does_not_know_are_warnings_with_a_suggestion(
        write_article: WriteArticle) -> None:
    _, warnings = load_with_warnings(brand(write_article, "colour:\n  primary: red\n"))
    assert any("'colour' is not a key of the brand file; docgen ignores it (did you mean 'color'?)"
               in str(w) for w in warnings)

