"""The font cache: entries are found again, bad entries are recomputed, a bad folder costs nothing."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from docgen.fonts import FONT_DIR as FONTS
from docgen.fonts.metrics import _parse, advance_widths
from docgen.infra import diskcache
from docgen.infra.diskcache import cache_dir, cached


def _counting(calls: list[bytes]):  # type: ignore[no-untyped-def]
    def compute(data: bytes) -> dict[str, int]:
        calls.append(data)
        return {"size": len(data)}
    return compute


def _valid(facts: object) -> bool:
    return isinstance(facts, dict) and isinstance(facts.get("size"), int)


def test_an_entry_is_computed_once_and_then_read_back(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path / "cache"))
    font = tmp_path / "a.ttf"
    font.write_bytes(b"font bytes")
    calls: list[bytes] = []
    first = cached("kind", "1", font, _counting(calls), _valid)
    second = cached("kind", "1", font, _counting(calls), _valid)
    assert first == second == ({"size": 10}, b"font bytes")
    assert len(calls) == 1
    assert len(list((tmp_path / "cache").glob("kind-*.docgen"))) == 1


def test_changed_content_or_version_never_reads_a_stale_entry(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path / "cache"))
    font = tmp_path / "a.ttf"
    font.write_bytes(b"one")
    calls: list[bytes] = []
    cached("kind", "1", font, _counting(calls), _valid)
    font.write_bytes(b"three")
    assert cached("kind", "1", font, _counting(calls), _valid)[0] == {"size": 5}
    assert cached("kind", "2", font, _counting(calls), _valid)[0] == {"size": 5}
    assert len(calls) == 3


@pytest.mark.parametrize("payload", [b"", b"\x00garbage", marshal.dumps([1, 2]),
                                     marshal.dumps({"size": "big"})])
def test_a_corrupt_or_foreign_entry_is_recomputed_and_replaced(tmp_path: Path, monkeypatch,
                                                               payload: bytes) -> None:
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path / "cache"))
    font = tmp_path / "a.ttf"
    font.write_bytes(b"font")
    calls: list[bytes] = []
    cached("kind", "1", font, _counting(calls), _valid)
    (entry,) = (tmp_path / "cache").glob("kind-*.docgen")
    entry.write_bytes(payload)
    assert cached("kind", "1", font, _counting(calls), _valid)[0] == {"size": 4}
    assert len(calls) == 2
    assert marshal.loads(entry.read_bytes()[diskcache._HEAD:]) == {"size": 4}


def test_an_unwritable_cache_folder_only_costs_speed(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(blocker / "cache"))
    font = tmp_path / "a.ttf"
    font.write_bytes(b"font")
    calls: list[bytes] = []
    assert cached("kind", "1", font, _counting(calls), _valid)[0] == {"size": 4}
    assert cached("kind", "1", font, _counting(calls), _valid)[0] == {"size": 4}
    assert len(calls) == 2
    assert not list(tmp_path.glob("**/.*.tmp"))


def test_an_empty_cache_setting_turns_the_cache_off(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DOCGEN_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    assert cache_dir() is None
    font = tmp_path / "a.ttf"
    font.write_bytes(b"font")
    cached("kind", "1", font, _counting([]), _valid)
    assert [p.name for p in tmp_path.iterdir()] == ["a.ttf"]


def test_the_default_folder_follows_the_xdg_convention(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DOCGEN_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "docgen"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "docgen"


@pytest.mark.parametrize("name", ["Carlito-Regular.ttf", "Caladea-BoldItalic.ttf", "DejaVuSans.ttf"])
def test_advance_widths_agree_with_reportlabs_own_parser(name: str) -> None:
    from reportlab.pdfbase.ttfonts import TTFontFace

    widths, units = advance_widths(FONTS / name)
    face = TTFontFace(str(FONTS / name))
    assert units == face.unitsPerEm
    # reportlab also maps the cmap's 0xFFFF end marker, and U+00A0 to the space glyph when a
    # font lacks it; otherwise the two parsers agree on every character.
    assert set(widths) <= set(face.charToGlyph)
    assert set(face.charToGlyph) - set(widths) <= {0xA0, 0xFFFF}
    for cp, width in widths.items():
        assert width * 1000 / units == pytest.approx(face.charWidths[cp])
    assert widths[ord("A")] > 0 and ord("\u4e00") not in widths


def test_cached_widths_equal_a_fresh_parse() -> None:
    path = FONTS / "Carlito-Bold.ttf"
    advance_widths.cache_clear()
    cached_widths = advance_widths(path)
    fresh = _parse(path.read_bytes())
    assert cached_widths == (fresh["widths"], fresh["units_per_em"])
    assert diskcache.cache_dir() is not None


def test_the_folder_stays_bounded_by_dropping_the_oldest_entries(tmp_path: Path,
                                                                 monkeypatch) -> None:
    import os

    folder = tmp_path / "cache"
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(folder))
    for n in range(8):
        diskcache.remember("kind", "1", f"source {n}".encode(), lambda: b"x" * 1000, _bytes)
    entries = {e.name: e for e in folder.glob("*.docgen")}
    for age, entry in enumerate(sorted(entries.values())):
        os.utime(entry, ns=(age * 10**9, age * 10**9))
    oldest_first = sorted(entries.values(), key=lambda e: e.stat().st_mtime_ns)
    monkeypatch.setattr(diskcache, "MAX_BYTES", 6000)
    diskcache.remember("kind", "1", b"one more", lambda: b"y" * 1000, _bytes)  # 9 entries: pruned
    left = list(folder.glob("*.docgen"))
    assert sum(e.stat().st_size for e in left) <= 6000 * 3 // 4
    assert not oldest_first[0].exists() and oldest_first[-1].exists()
    assert diskcache.remember("kind", "1", b"one more", lambda: b"z", _bytes) == b"y" * 1000


def _bytes(value: object) -> bool:
    return isinstance(value, bytes)
