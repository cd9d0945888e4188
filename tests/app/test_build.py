"""Builds: atomic writes, previous artifacts kept on failure, manifest, up-to-date rebuilds."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from docgen.app.build import build, build_many
from docgen.app.output import sha256
from docgen.errors import DocgenError
from tests.conftest import MINIMAL, WriteArticle


def test_a_failed_build_leaves_the_previous_artifacts_untouched(
        write_article: WriteArticle, tmp_path: Path) -> None:
    source = write_article()
    out = tmp_path / "out"
    first = build(source, out)
    before = {a.path: a.path.read_bytes() for a in first.artifacts}
    source.write_text(MINIMAL + "      - qoute: broken\n")
    with pytest.raises(DocgenError):
        build(source, out)
    assert {p: p.read_bytes() for p in before} == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_renderer_failure_writes_nothing(write_article: WriteArticle, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import docgen.app.build as build_module

    out = tmp_path / "out"

    real = build_module.render_target

    def failing(target: str, doc: object, last_pages: object = None) -> object:
        if target == "deck":
            raise DocgenError("deck failed")
        return real(target, doc, last_pages)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "render_target", failing)
    with pytest.raises(DocgenError):
        build(write_article(), out)
    assert sorted(p.name for p in out.iterdir()) == []


def test_the_manifest_lists_size_and_sha256(write_article: WriteArticle, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(write_article(), out)
    manifest = json.loads((out / "manifest.json").read_text())
    for artifact, entry in zip(result.artifacts, manifest["artifacts"], strict=True):
        data = artifact.path.read_bytes()
        assert entry["size"] == len(data) and entry["sha256"] == sha256(data)


def test_an_unchanged_source_is_not_rebuilt(write_article: WriteArticle, tmp_path: Path) -> None:
    source, out = write_article(), tmp_path / "out"
    build(source, out)
    again = build(source, out)
    assert not any(a.fresh for a in again.artifacts)
    source.write_text(MINIMAL.replace("A paragraph.", "A changed paragraph."))
    assert all(a.fresh for a in build(source, out).artifacts)


def test_an_up_to_date_build_reads_each_input_once(write_article: WriteArticle, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Both targets share one hash of the inputs; a brand's own fonts are inputs, docgen's bundled
    fonts belong to its version."""
    import hashlib

    from tests.source.test_brand import QUARTO_BRAND, with_brand

    source, out = Path(with_brand(write_article, QUARTO_BRAND)), tmp_path / "out"
    build(source, out)
    hashed: list[str] = []
    real = hashlib.file_digest

    def counting(handle, digest):  # type: ignore[no-untyped-def]
        hashed.append(handle.name)
        return real(handle, digest)

    monkeypatch.setattr(hashlib, "file_digest", counting)
    assert not any(a.fresh for a in build(source, out).artifacts)
    assert str(source) in hashed
    assert sorted(Path(name).name for name in hashed if name.endswith(".ttf")) == [
        "house-bold.ttf", "house.ttf"]
    assert len(hashed) == len(set(hashed))


def test_editing_a_brands_own_font_file_rebuilds(write_article: WriteArticle,
                                                 tmp_path: Path) -> None:
    from tests.source.test_brand import QUARTO_BRAND, with_brand

    source, out = Path(with_brand(write_article, QUARTO_BRAND)), tmp_path / "out"
    build(source, out)
    assert not any(a.fresh for a in build(source, out).artifacts)
    font = source.parent / "fonts" / "house.ttf"
    font.write_bytes(font.read_bytes() + b"\0")  # still a valid font: a trailing pad byte
    assert all(a.fresh for a in build(source, out).artifacts)


def test_a_damaged_artifact_is_rebuilt(write_article: WriteArticle, tmp_path: Path) -> None:
    source, out = write_article(), tmp_path / "out"
    pdf = next(a.path for a in build(source, out).artifacts if a.target == "pdf")
    pdf.write_bytes(b"damaged")
    again = {a.target: a.fresh for a in build(source, out).artifacts}
    assert again == {"pdf": True, "deck": False}
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_target_built_alone_is_reused_by_a_full_build(write_article: WriteArticle,
                                                        tmp_path: Path) -> None:
    source, out = write_article(), tmp_path / "out"
    build(source, out, ["pdf"])
    assert {a.target: a.fresh for a in build(source, out).artifacts} == {"pdf": False, "deck": True}


def test_an_up_to_date_build_repeats_the_warnings(write_article: WriteArticle,
                                                  tmp_path: Path) -> None:
    brand = "typography:\n  base: Inter\n"
    source = write_article("brand: brand.yml\n" + MINIMAL, files={"brand.yml": brand})
    first = build(source, tmp_path / "out")
    second = build(source, tmp_path / "out")
    assert not any(a.fresh for a in second.artifacts)
    assert [str(w) for w in second.warnings] == [str(w) for w in first.warnings]
    assert any("'Inter' is not available" in str(w) for w in second.warnings)


def test_a_changed_brand_or_asset_triggers_a_rebuild(write_article: WriteArticle,
                                                     tmp_path: Path) -> None:
    source = write_article("brand: brand.yml\n" + MINIMAL,
                           files={"brand.yml": "color:\n  primary: '#112233'\n"})
    build(source, tmp_path / "out")
    (source.parent / "brand.yml").write_text("color:\n  primary: '#332211'\n")
    assert all(a.fresh for a in build(source, tmp_path / "out").artifacts)


def test_an_up_to_date_check_does_not_import_the_renderers(write_article: WriteArticle,
                                                           tmp_path: Path) -> None:
    import subprocess

    source, out = write_article(), tmp_path / "out"
    build(source, out)
    code = ("import sys; from pathlib import Path; from docgen.app.build import build; "
            f"r = build(Path({str(source)!r}), Path({str(out)!r})); "
            "assert not any(a.fresh for a in r.artifacts); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'pptx')))")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_several_sources_build_in_parallel(write_article: WriteArticle, tmp_path: Path) -> None:
    first = write_article()
    second = write_article(MINIMAL.replace("A title", "Another title"), name="second.yaml")
    results = build_many([first, second], tmp_path / "out", ["pdf"], jobs=2)
    assert [r.artifacts[0].path.name for r in results] == ["a-title.pdf",  # type: ignore[union-attr]
                                                            "another-title.pdf"]


def test_same_source_same_bytes(write_article: WriteArticle, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    source = write_article()
    one = build(source, tmp_path / "one").artifacts
    two = build(source, tmp_path / "two", force=True).artifacts
    assert [a.sha256 for a in one] == [a.sha256 for a in two]


def test_a_warning_met_by_the_loader_and_a_renderer_is_reported_once(
        write_article: WriteArticle, tmp_path: Path) -> None:
    template = Path(__file__).resolve().parents[1] / "fixtures" / "templates" / \
        "hcl-16x9-10in-external-link.pptx"
    source = write_article(MINIMAL + "brand: brand.yml\n", files={
        "brand.yml": "meta:\n  name: Acme\ndefaults:\n  docgen:\n    template: corp.pptx\n",
        "corp.pptx": template.read_bytes()})
    result = build(source, tmp_path / "out", ["deck"])
    links = [p for p in result.warnings if "external link" in p.message]
    assert len(links) == 1, links
