"""The deck's package as docgen writes it: a clean zip, every part typed and every target there."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree

from docgen.render.deck.opc.names import rels_name, resolve
from docgen.render.deck.opc.writer import PackageWriter, Packed, zip_members

MEMBERS = [
    ("[Content_Types].xml", b"<Types/>"),
    ("empty.xml", b""),
    ("ppt/media/noise.bin", os.urandom(5000)),  # stored bigger than it was: deflate's worst case
    ("ppt/slides/slide1.xml", b"<p:sld>" + b"<a:t>text</a:t>" * 2000 + b"</p:sld>"),
    ("ppt/slides/slide2.xml", "“Unicode” ✓".encode() * 50),
    ("ppt/media/caf\u00e9.png", b"x"),
]


def test_zip_reads_back_in_order_with_fixed_dates() -> None:
    data = zip_members(MEMBERS)
    assert zip_members(MEMBERS) == data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        assert [(i.filename, z.read(i)) for i in z.infolist()] == MEMBERS
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in z.infolist()} == {0o644}


def test_parts_are_held_deflated_until_the_package_is_written() -> None:
    writer = PackageWriter()
    slide = b"<p:sld>" + b"<a:t>the same words again</a:t>" * 40_000 + b"</p:sld>"  # ~1.2 MB
    writer.add("/ppt/slides/slide1.xml", "application/xml", slide)
    (_, held), = writer.parts.values()
    assert len(held.data) < len(slide) / 50
    with zipfile.ZipFile(io.BytesIO(writer.to_bytes())) as z:
        assert z.read("ppt/slides/slide1.xml") == slide


def test_packed_and_plain_members_give_the_same_zip() -> None:
    packed = [(name, Packed.of(data)) for name, data in MEMBERS]
    assert zip_members(packed) == zip_members(MEMBERS)
    from docgen.render.deck.opc.writer import _zip_with_zipfile  # the zip64 path (65,535 members)

    with zipfile.ZipFile(io.BytesIO(_zip_with_zipfile(packed))) as z:
        assert [(i.filename, z.read(i)) for i in z.infolist()] == MEMBERS


def check_package(data: bytes) -> dict[str, str]:
    """Assert the package is whole: each member typed, each internal target present, no external
    target but hyperlinks on slides; return the content type of each part."""
    z = zipfile.ZipFile(io.BytesIO(data))
    names = z.namelist()
    assert names[0] == "[Content_Types].xml" and len(set(n.lower() for n in names)) == len(names)
    types = etree.fromstring(z.read("[Content_Types].xml"))
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    defaults = {e.get("Extension").lower(): e.get("ContentType") for e in types.iter(f"{ns}Default")}
    overrides = {e.get("PartName"): e.get("ContentType") for e in types.iter(f"{ns}Override")}
    typed = {}
    for name in names[1:]:
        part = "/" + name
        ext = name.rsplit(".", 1)[-1].lower()
        typed[part] = overrides.get(part) or defaults[ext]
        if name.endswith(".xml") or name.endswith(".rels"):
            etree.fromstring(z.read(name))  # well-formed
    for name in names:
        if not name.endswith(".rels"):
            continue
        source = "/.rels" if name == "_rels/.rels" else "/" + name.replace("_rels/", "")[: -len(".rels")]
        assert rels_name(source) == "/" + name or name == "_rels/.rels"
        for rel in etree.fromstring(z.read(name)):
            if rel.get("TargetMode") == "External":
                assert rel.get("Type").endswith("/hyperlink") and "/slides/" in source, (name, rel.attrib)
                assert re.match(r"(https?|mailto):", rel.get("Target")), rel.get("Target")
                continue
            assert resolve(source, rel.get("Target")) in typed, (name, rel.get("Target"))
    return typed


def test_the_seed_deck_is_a_whole_package(seed_deck) -> None:
    typed = check_package(seed_deck.data)
    assert not [p for p in typed if "thumbnail" in p]
    assert typed["/ppt/presentation.xml"].endswith("presentation.main+xml")


def test_the_stress_deck_is_a_whole_package(stress_deck) -> None:
    check_package(stress_deck.data)


def test_writing_the_built_in_deck_imports_no_python_pptx(tmp_path: Path) -> None:
    """The deck is docgen's own package: python-pptx is neither imported nor needed (issue 11)."""
    root = Path(__file__).resolve().parents[3]
    code = ("import sys; from pathlib import Path; from docgen.source import load; "
            "from docgen.render.deck import render_deck; "
            f"r = render_deck(load(Path({str(root / 'source' / 'article.yaml')!r}))); "
            "assert r.units > 10; print(sorted(m for m in sys.modules if m.split('.')[0] == 'pptx'))")
    for _ in range(2):  # the cache is filled, then used
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={**os.environ, "DOCGEN_CACHE_DIR": str(tmp_path)})
        assert out.stdout.strip() == "[]"


def test_no_python_pptx_in_the_package() -> None:
    src = Path(__file__).resolve().parents[3] / "src" / "docgen"
    for path in src.rglob("*.py"):
        text = path.read_text()
        assert not re.search(r"^\s*(from|import)\s+pptx\b", text, re.M), path
