"""The output folder is a transaction: whatever runs beside a build, kills it, or was planted in
the folder, the manifest lists exactly the artifacts beside it, with their real sizes and sha256.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from docgen.app.build import build, build_many
from docgen.app.output import JOURNAL, MANIFEST, STATE
from docgen.app.output import sha256 as digest
from docgen.errors import DocgenError
from tests.hostile.cases import HEAD, article
from tests.hostile.run import consistent, copy_seed, docgen, spawn


def titled(folder: Path, name: str, title: str, text: str = "Text.", head: str = "") -> Path:
    path = folder / name
    path.write_text(head + article(text, head=HEAD.replace("Hostile input", title)))
    return path


def test_parallel_builds_into_one_folder_keep_the_manifest_true(tmp_path: Path) -> None:
    """Six processes at once, each building two of four sources (two of them with one title,
    built separately): every artifact listed, none unlisted, each pair from one source."""
    sources = [titled(tmp_path, f"s{n}.yaml", title) for n, title in
               enumerate(["Alpha", "Beta", "Same title", "Same title"])]
    runs = [spawn(tmp_path, "build", sources[n % 2].name, sources[2 + n % 2].name, "-o", "out",
                  "--force", "-q") for n in range(6)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in runs]  # type: ignore[union-attr]
    assert all("Traceback" not in err and "internal error" not in err for _, err in results)
    made = consistent(tmp_path / "out")
    assert {made["alpha.pdf"], made["alpha.pptx"]} == {"s0.yaml"}
    assert len({made["same-title.pdf"], made["same-title.pptx"]}) == 1  # one source's pair
    assert set(made) == {f"{s}.{x}" for s in ("alpha", "beta", "same-title")
                         for x in ("pdf", "pptx")}


def test_jobs_keep_every_sources_state(tmp_path: Path) -> None:
    """--jobs: each worker records its source (under the lock), so the next run rebuilds none."""
    sources = [titled(tmp_path, f"a{n}.yaml", f"Article {n}") for n in range(5)]
    first = build_many(sources, tmp_path / "out", jobs=3)
    assert all(not isinstance(r, DocgenError) for r in first)
    assert len(consistent(tmp_path / "out")) == 10
    again = build_many(sources, tmp_path / "out", jobs=3)
    assert [a.fresh for r in again for a in r.artifacts] == [False] * 10  # type: ignore[union-attr]


def test_two_sources_with_one_name_in_one_build_is_a_located_error(tmp_path: Path) -> None:
    titled(tmp_path, "one.yaml", "Same title")
    titled(tmp_path, "two.yaml", "Same title", "Other text.")
    done = docgen(tmp_path, "build", "one.yaml", "two.yaml", "-o", "out")
    assert done.returncode == 1
    assert done.stderr == ("two.yaml:1:8: error: the handout 'same-title.pdf' is also made from "
                           "one.yaml in this build; each article needs its own output name (set a "
                           "different 'slug:' in one of them)\n")
    assert consistent(tmp_path / "out") == {"same-title.pdf": "one.yaml",
                                            "same-title.pptx": "one.yaml"}


def test_a_source_built_alone_takes_a_name_over_with_a_warning(tmp_path: Path) -> None:
    one = titled(tmp_path, "one.yaml", "Same title")
    two = titled(tmp_path, "two.yaml", "Same title", "Other text.")
    build(one, tmp_path / "out")
    result = build(two, tmp_path / "out")
    assert str(result.warnings[0]).endswith(
        "warning: the handout 'same-title.pdf' replaces the one made from "
        f"{one} (set a different 'slug:' to keep both)")
    assert set(consistent(tmp_path / "out").values()) == {str(two)}


def test_non_latin_titles_get_names_of_their_own(tmp_path: Path) -> None:
    sources = [titled(tmp_path, f"{n}.yaml", title, head=f"language: {lang}\n")
               for n, (title, lang) in enumerate([("市场营销与销售", "zh"), ("营销的未来", "zh"),
                                                  ("Маркетинг и продажи", "ru")])]
    results = build_many(sources, tmp_path / "out")
    assert all(not isinstance(r, DocgenError) for r in results), results
    names = sorted(consistent(tmp_path / "out"))
    assert len(names) == 6 and all(n.startswith("article-") for n in names)


def test_a_name_equal_to_an_input_is_refused(tmp_path: Path) -> None:
    """`--out .` with a slug equal to the template's file name must not overwrite the template."""
    copy_seed(tmp_path)
    template = tmp_path / "corporate.pptx"
    template.write_bytes(_template())
    brand = tmp_path / "brand.yml"
    brand.write_text(brand.read_text().replace("    page-size: letter\n",
                                               "    page-size: letter\n    template: corporate.pptx\n"))
    article_path = tmp_path / "article.yaml"
    article_path.write_text("slug: corporate\n" + article_path.read_text())
    before = template.read_bytes()
    done = docgen(tmp_path, "build", "article.yaml", "-o", ".")
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("article.yaml:1:7: error: the deck 'corporate.pptx' would "
                                  "replace corporate.pptx, a file docgen reads"), done.stderr
    assert template.read_bytes() == before
    assert not (tmp_path / "corporate.pdf").exists()


def test_a_renamed_source_leaves_no_old_artifacts(tmp_path: Path) -> None:
    """Issue 15.5: after a title change the old PDF and deck go (they are docgen's, as the state
    lists them) and the manifest lists the new pair only; a file the user changed is kept."""
    source = titled(tmp_path, "a.yaml", "First title")
    other = titled(tmp_path, "b.yaml", "Other article")
    build_many([source, other], tmp_path / "out")
    titled(tmp_path, "a.yaml", "Second title")
    build(source, tmp_path / "out")
    assert consistent(tmp_path / "out") == {
        "second-title.pdf": str(source), "second-title.pptx": str(source),
        "other-article.pdf": str(other), "other-article.pptx": str(other)}
    titled(tmp_path, "a.yaml", "Third title")
    (tmp_path / "out" / "second-title.pdf").write_bytes(b"%PDF- edited by someone")
    build(source, tmp_path / "out")
    assert (tmp_path / "out" / "second-title.pdf").read_bytes() == b"%PDF- edited by someone"
    assert not (tmp_path / "out" / "second-title.pptx").exists()


def test_an_interrupted_commit_is_finished_by_the_next_build(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """Killed after the journal and one rename: the next build (even an up-to-date one) finishes
    the commit first, so the manifest never describes files that are not there."""
    from docgen.app import output

    source = titled(tmp_path, "a.yaml", "A title")
    out = tmp_path / "out"
    build(source, out)
    titled(tmp_path, "a.yaml", "A title", "Changed text.")
    real, calls = os.replace, []

    def killed(src: object, dst: object) -> None:
        calls.append(dst)
        if str(dst).endswith(".pptx"):  # the PDF is in place, the deck not yet
            raise KeyboardInterrupt
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(output.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        build(source, out)
    monkeypatch.setattr(output.os, "replace", real)
    assert (out / JOURNAL).exists()
    again = build(source, out)
    assert [a.fresh for a in again.artifacts] == [False, False]
    consistent(out)


def test_a_kill_at_any_moment_leaves_a_folder_the_next_build_makes_consistent(
        tmp_path: Path) -> None:
    """kill -9 at a few moments of a cold build of two sources (the soak runs 150:
    tests/hostile/soak.py); the next build succeeds and leaves the folder consistent."""
    sources = [titled(tmp_path, f"s{n}.yaml", f"Source {n}", f"Text {n}.") for n in range(2)]
    for delay in (0.3, 0.6, 0.9, 1.2):
        for n, path in enumerate(sources):
            titled(tmp_path, path.name, f"Source {n}", f"Text {n} {delay}.")
        runner = spawn(tmp_path, "build", "s0.yaml", "s1.yaml", "-o", "out", "-q")
        time.sleep(delay)
        runner.send_signal(signal.SIGKILL)
        runner.wait(timeout=60)
        done = docgen(tmp_path, "build", "s0.yaml", "s1.yaml", "-o", "out", "-q")
        assert done.returncode == 0, done.stderr
        assert len(consistent(tmp_path / "out")) == 4


@pytest.mark.parametrize("name", [MANIFEST, STATE])
def test_a_folder_in_place_of_a_record_fails_before_anything_is_replaced(
        name: str, tmp_path: Path) -> None:
    source = titled(tmp_path, "a.yaml", "A title")
    out = tmp_path / "out"
    build(source, out)
    (out / name).unlink()
    (out / name).mkdir()
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    titled(tmp_path, "a.yaml", "A title", "Changed text.")
    with pytest.raises(DocgenError, match="remove it; docgen keeps its own file there"):
        build(source, out)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_a_planted_state_never_keeps_a_foreign_file_or_points_outside(tmp_path: Path) -> None:
    """A state file listing the right digests but a PDF that is not docgen's (or one outside the
    folder): the manifest does not list it, so the artifact is rebuilt inside --out."""
    from docgen.app.records import inputs_digest, target_digest

    source = titled(tmp_path, "a.yaml", "A title")
    out = tmp_path / "out"
    out.mkdir()
    foreign = b"%PDF-1.4 not made by docgen"
    (out / "a-title.pdf").write_bytes(foreign)
    outside = tmp_path / "elsewhere.pdf"
    outside.write_bytes(foreign)
    files = [str(source.resolve())]
    info = {"digest": target_digest(inputs_digest(files) or "", "pdf"), "units": 1,
            "unit_name": "pages", "size": len(foreign), "sha256": digest(foreign)}
    for planted in ({**info, "name": "a-title.pdf"}, {**info, "name": str(outside)},
                    {**info, "path": str(outside)}):
        (out / STATE).write_text(json.dumps({"version": 2, "sources": {str(source.resolve()): {
            "files": files, "targets": {"pdf": planted}}}}))
        (result,) = build(source, out, ["pdf"]).artifacts
        assert result.fresh and result.path == out / "a-title.pdf"
        assert (out / "a-title.pdf").read_bytes() != foreign
        (out / "a-title.pdf").write_bytes(foreign)
    assert outside.read_bytes() == foreign


def test_a_state_listing_a_pipe_as_input_does_not_hang(tmp_path: Path) -> None:
    source = titled(tmp_path, "a.yaml", "A title")
    out = tmp_path / "out"
    build(source, out)
    os.mkfifo(tmp_path / "pipe")
    state = json.loads((out / STATE).read_text())
    entry = state["sources"][str(source.resolve())]
    entry["files"].append(str(tmp_path / "pipe"))
    (out / STATE).write_text(json.dumps(state))
    assert all(a.fresh for a in build(source, out).artifacts)


def test_up_to_date_means_the_manifest_lists_the_file_as_it_is(tmp_path: Path) -> None:
    source = titled(tmp_path, "a.yaml", "A title")
    out = tmp_path / "out"
    build(source, out)
    manifest = json.loads((out / MANIFEST).read_text())
    manifest["artifacts"][0]["sha256"] = "0" * 64
    (out / MANIFEST).write_text(json.dumps(manifest))
    assert [a.fresh for a in build(source, out).artifacts] == [True, False]
    (out / MANIFEST).unlink()
    assert [a.fresh for a in build(source, out).artifacts] == [True, True]
    consistent(out)


def test_only_docgens_temporary_files_are_cleaned_up(tmp_path: Path) -> None:
    source = titled(tmp_path, "a.yaml", "A title")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".a-title.pdf.abcd1234.tmp").write_bytes(b"left by a killed build")
    (out / ".manifest.json.zz_zz_zz.tmp").write_bytes(b"left by a killed build")
    (out / ".notes.tmp").write_bytes(b"the user's")
    (out / "report.pdf.abcd1234.tmp").write_bytes(b"the user's")
    build(source, out)
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp")) == [
        ".notes.tmp", "report.pdf.abcd1234.tmp"]


def _template() -> bytes:
    import io

    from pptx import Presentation
    from pptx.util import Emu

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
