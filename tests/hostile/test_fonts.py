"""A brand's font file is checked by ``check``: a damaged one is a located error there, never an
internal error in ``build``, and checking it costs time and memory bounded by its size."""

from __future__ import annotations

import random
import struct
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.app.cli import run
from docgen.fonts import FONT_DIR
from docgen.source.fontcheck import FontProblem, check_font
from tests.hostile.cases import article

CARLITO = (FONT_DIR / "Carlito-Regular.ttf").read_bytes()
BRAND = ("typography:\n  fonts:\n    - family: Brand Sans\n      source: file\n"
         "      files: [brand.ttf]\n  base: Brand Sans\n")


def tables(data: bytes) -> dict[str, tuple[int, int, int]]:
    """Return tag -> (offset, length, directory record offset)."""
    (count,) = struct.unpack_from(">H", data, 4)
    out = {}
    for n in range(count):
        tag, _, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * n)
        out[tag.decode("latin-1")] = (offset, length, 12 + 16 * n)
    return out


def patched(tag: str, at: int, fmt: str, value: int) -> bytes:
    data = bytearray(CARLITO)
    struct.pack_into(fmt, data, tables(CARLITO)[tag][0] + at, value)
    return bytes(data)


def huge_cmap() -> bytes:
    """Carlito with its cmap replaced by one format 12 range over all of Unicode (1.1 million
    code points), appended at the end of the file."""
    table = struct.pack(">HHHHL", 0, 1, 3, 10, 12) + struct.pack(">HHLLL", 12, 0, 28, 0, 1) \
        + struct.pack(">LLL", 0, 0x10FFFF, 0)
    data = bytearray(CARLITO)
    _, _, record = tables(CARLITO)["cmap"]
    struct.pack_into(">LL", data, record + 8, len(data), len(table))
    return bytes(data) + table


def bad_postscript_name() -> bytes:
    import io

    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(CARLITO))
    font["name"].setName("Brand(Sans)", 6, 3, 1, 0x409)
    font["name"].setName("Brand(Sans)", 6, 1, 0, 0)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


MALFORMED: dict[str, tuple[Callable[[], bytes], str]] = {
    "truncated": (lambda: CARLITO[: len(CARLITO) // 2], "is cut short: its"),
    "maxp 65535": (lambda: patched("maxp", 4, ">H", 0xFFFF), "has a hmtx table that is cut short"),
    "unitsPerEm 0": (lambda: patched("head", 18, ">H", 0), "has 0 units per em"),
    "1.1 million cmap entries": (huge_cmap, "maps 1,114,112 characters"),
    "no horizontal metrics": (lambda: patched("hhea", 34, ">H", 0), "has no horizontal metrics"),
    "PostScript name with brackets": (bad_postscript_name, "has a PostScript name with characters"),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_damaged_font_is_a_located_error_in_check_and_build(
        name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make, expect = MALFORMED[name]
    (tmp_path / "brand.ttf").write_bytes(make())
    (tmp_path / "brand.yml").write_text(BRAND)
    source = tmp_path / "article.yaml"
    source.write_text("brand: brand.yml\n" + article("Text."))
    for verb in ("check", "build"):
        assert run([verb, str(source), "--out", str(tmp_path / "out")] if verb == "build"
                   else [verb, str(source)]) == 1
        first, *rest = capsys.readouterr().err.splitlines()
        assert f"brand.yml:5:15: error: the font file 'brand.ttf' {expect}" in first
        assert [line for line in rest if "error" in line] == []
    assert not (tmp_path / "out").exists()


def test_a_font_over_the_size_limit_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    from docgen.source.fontcheck import font_problem

    big = tmp_path / "big.ttf"
    with big.open("wb") as handle:
        handle.write(CARLITO)
        handle.truncate(1536 * 1024 * 1024)  # 1.5 GB, sparse
    tracemalloc.start()
    problem = font_problem(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert problem is not None and "larger than the 32 MB limit" in problem.message
    assert peak < 40 * 1024 * 1024


def test_checking_the_huge_cmap_costs_no_more_memory_than_the_file() -> None:
    data = huge_cmap()
    tracemalloc.start()
    with pytest.raises(FontProblem):
        check_font(data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1024 * 1024


def test_every_shipped_font_passes() -> None:
    for path in sorted(FONT_DIR.glob("*.ttf")):
        check_font(path.read_bytes())


def _mutations(seed: int, count: int) -> list[bytes]:
    """Damaged copies of Carlito: bytes changed at the start of a table, a table's length cut, a
    number set to 0 or 65535, the file cut short, a table removed."""
    rng = random.Random(seed)
    found = tables(CARLITO)
    tags = ["name", "head", "post", "hhea", "maxp", "cmap", "hmtx", "loca", "OS/2"]
    out = []
    for _ in range(count):
        data = bytearray(CARLITO)
        offset, length, record = found[rng.choice(tags)]
        kind = rng.randrange(5)
        if kind == 0:
            for _ in range(rng.randint(1, 4)):
                data[offset + rng.randrange(min(length, 64))] = rng.randrange(256)
        elif kind == 1:
            struct.pack_into(">L", data, record + 12, rng.randrange(length))
        elif kind == 2:
            struct.pack_into(">H", data, offset + 2 * rng.randrange(min(length, 64) // 2),
                             rng.choice([0, 1, 0x8000, 0xFFFF]))
        elif kind == 3:
            del data[rng.randrange(len(data)):]
        else:
            data[record:record + 4] = b"zzzz"
        out.append(bytes(data))
    return out


def test_a_font_that_passes_the_check_is_read_by_reportlab_and_fonttools(tmp_path: Path) -> None:
    """The property behind the check: over seeded random damage, whatever it lets through both
    parsers read in full (and most damage is caught)."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    from docgen.fonts.metrics import _parse
    from docgen.source.fontcheck import font_problem

    passed = 0
    for n, data in enumerate(_mutations(seed=13, count=80)):
        path = tmp_path / f"m{n}.ttf"
        path.write_bytes(data)
        if font_problem(path) is not None:
            continue
        passed += 1
        TTFontFace(str(path))
        _parse(data)
    assert 10 < passed < 80
