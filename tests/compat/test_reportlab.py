"""The reportlab shortcuts give what reportlab's public API gives, and are skipped on other versions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import reportlab
from reportlab.pdfbase.ttfonts import TTFont

from docgen._compat import reportlab as compat
from docgen.fonts import FONT_DIR
from tests.conftest import ROOT, WriteArticle


def _plain(value: object) -> object:
    """Compare names by their text and closures by what they compute."""
    if callable(value):
        return [value(x) for x in (1, 512, 2048)]
    return (bytes(value), value.ustr) if hasattr(value, "ustr") else value


def test_the_pinned_reportlab_is_a_tested_one() -> None:
    pins = dict(line.split("==") for line in (ROOT / "requirements.txt").read_text().split()
                if "==" in line)
    assert pins["reportlab"] in compat.TESTED
    assert compat.use_internals == (reportlab.Version in compat.TESTED)


@pytest.mark.parametrize("name", sorted(p.name for p in FONT_DIR.glob("*.ttf")))
def test_a_cached_font_has_every_attribute_of_a_parsed_one(name: str) -> None:
    path = FONT_DIR / name
    compat.load_font("first", path)  # fills the cache
    cached = compat.load_font("X", path)
    parsed = TTFont("X", str(path))
    assert set(vars(cached)) == set(vars(parsed))
    assert cached.shapable == parsed.shapable and cached._asciiReadable == parsed._asciiReadable
    assert type(cached.face) is type(parsed.face)
    assert set(vars(cached.face)) == set(vars(parsed.face))
    for key, value in vars(parsed.face).items():
        assert _plain(getattr(cached.face, key)) == _plain(value), key


def test_on_an_untested_version_fonts_are_parsed_by_reportlab(monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    monkeypatch.setattr(compat, "use_internals", False)
    font = compat.load_font("Y", FONT_DIR / "Carlito-Regular.ttf")
    assert type(font) is TTFont and font.face.filename.endswith("Carlito-Regular.ttf")


_BUILD = """
import sys
import docgen._compat.reportlab as compat
compat.use_internals = sys.argv[1] == "on"
from docgen.app.cli import run
sys.exit(run(["pdf", "--quiet", "--force", "--out", sys.argv[2], *sys.argv[3:]]))
"""


def _pdf(tmp_path: Path, internals: str, cache: str, sources: list[Path]) -> list[bytes]:
    out = tmp_path / "out"
    out = out.with_name(f"out{len(list(tmp_path.glob('out*')))}")
    env = {**os.environ, "DOCGEN_CACHE_DIR": cache, "SOURCE_DATE_EPOCH": "1700000000"}
    subprocess.run([sys.executable, "-c", _BUILD, internals, str(out), *map(str, sources)],
                   cwd=ROOT, env=env, check=True)
    return [p.read_bytes() for p in sorted(out.glob("*.pdf"))]


def test_the_handout_is_byte_identical_with_and_without_the_shortcuts(
        tmp_path: Path, write_article: WriteArticle) -> None:
    """The seed (logo, QR code, bundled fonts) and an article with a picture and a photo."""
    import io

    from PIL import Image

    def png(mode: str, size: tuple[int, int]) -> bytes:
        buffer = io.BytesIO()
        Image.frombytes(mode, size, bytes(range(256)) * (size[0] * size[1] * len(mode) // 256 + 1)
                        ).save(buffer, "PNG")
        return buffer.getvalue()

    article = write_article(
        "title: Pictures\nauthor:\n  name: Ann\n  bio: Ann writes.\n  photo: photo.png\n"
        "sections:\n  - heading: One\n    blocks:\n      - A paragraph.\n"
        "      - image: {src: chart.png, alt: A chart}\n",
        files={"photo.png": png("RGBA", (40, 50)), "chart.png": png("RGB", (120, 60))})
    sources = [ROOT / "source" / "article.yaml", article]
    cache = str(tmp_path / "cache")
    plain = _pdf(tmp_path, "off", "", sources)
    assert len(plain) == 2
    assert _pdf(tmp_path, "on", "", sources) == plain  # shortcuts, no disk cache
    assert _pdf(tmp_path, "on", cache, sources) == plain  # fills the cache
    assert _pdf(tmp_path, "on", cache, sources) == plain  # from the cache
    assert list((tmp_path / "cache").glob("reportlab-face-*.docgen"))
    assert list((tmp_path / "cache").glob("pdf-image-*.docgen"))


_PROBE = r"""
import json, re, sys
original = re.compile
import docgen.render.pdf
from docgen._compat.reportlab import Deferred
import reportlab.platypus.paragraph as paragraph
import reportlab.lib.textsplit as textsplit
deferred = sorted(f"{m.__name__}.{k}" for m in list(sys.modules.values()) if m
                  and m.__name__.startswith("reportlab") for k, v in vars(m).items()
                  if isinstance(v, Deferred))
uris = ["https://example.com/a/b/", "mailto:x@example.com", "http://10.0.0.1:8080/x?y#z",
        "ftp://ünïcode.example/päth", "not a uri", "www.example.com/a"]
lazy = [paragraph._uri_split_pairs(u) for u in uris]
cjk = textsplit.rx.sub(r"\1\0 ", "ab漢字cd")
paragraph.uri_pat, textsplit.rx = (re.compile(d._args[0], d._args[1]) for d in
                                   (paragraph.uri_pat, textsplit.rx))
real = [paragraph._uri_split_pairs(u) for u in uris]
print(json.dumps({"deferred": deferred, "same": lazy == real, "restored": re.compile is original,
                  "cjk": cjk == textsplit.rx.sub(r"\1\0 ", "ab漢字cd")}))
"""


def test_exactly_the_two_unused_patterns_are_deferred_and_behave_the_same() -> None:
    proc = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert json.loads(proc.stdout) == {"deferred": ["reportlab.lib.textsplit.rx",
                                                    "reportlab.platypus.paragraph.uri_pat"],
                                       "same": True, "restored": True, "cjk": True}


def test_on_an_untested_version_platypus_is_imported_plainly() -> None:
    code = ("import re, sys; import docgen._compat.reportlab as c; c.use_internals = False; "
            "c.import_platypus(); import reportlab.platypus.paragraph as p; "
            "print(type(p.uri_pat) is re.Pattern)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert proc.stdout.strip() == "True"


def test_subset_tags_are_taken_over_only_on_tested_reportlab_versions(monkeypatch) -> None:
    import reportlab
    from reportlab.pdfbase import ttfonts

    from docgen._compat import reportlab_subsets

    assert reportlab_subsets.install()
    assert ttfonts.SUBSETN is reportlab_subsets._tag
    monkeypatch.setattr(reportlab, "Version", "99.0.0")
    assert not reportlab_subsets.install()
