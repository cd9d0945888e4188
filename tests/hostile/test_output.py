"""Output failures: an unusable folder, a full disk, an interrupted build. Nothing half-written."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from docgen.app.build import build
from docgen.app.cli import run
from docgen.errors import DocgenError
from tests.conftest import WriteArticle


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.exists() else {}


def test_an_unwritable_output_folder_is_a_clear_error(write_article: WriteArticle,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["pdf", str(write_article()), "--out", "/proc/docgen-out"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("/proc/docgen-out: error: cannot create the output folder")


def test_a_file_where_the_folder_should_be(write_article: WriteArticle, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "out").write_text("not a folder")
    assert run(["build", str(write_article()), "--out", str(tmp_path / "out")]) == 1
    assert "the output folder is a file" in capsys.readouterr().err
    assert (tmp_path / "out").read_text() == "not a folder"


def test_a_full_disk_keeps_the_previous_artifacts(write_article: WriteArticle, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    source, out = write_article(), tmp_path / "out"
    build(source, out)
    before = files(out)
    source.write_text(source.read_text().replace("A paragraph.", "A changed paragraph."))
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle: object) -> None:
            self.handle = handle

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(DocgenError) as info:
        build(source, out)
    assert "No space left on device" in str(info.value)
    assert files(out) == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_an_interrupted_build_leaves_nothing_half_written(write_article: WriteArticle,
                                                          tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import docgen.app.build as build_module

    source, out = write_article(), tmp_path / "out"
    build(source, out)
    before = files(out)
    source.write_text(source.read_text().replace("A paragraph.", "Another paragraph."))
    real = build_module.render_target

    def interrupted(target: str, doc: object, last_pages: object = None) -> object:
        if target == "deck":
            raise KeyboardInterrupt
        return real(target, doc, last_pages)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "render_target", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(source, out)
    assert files(out) == before


def test_an_interrupt_before_the_commit_changes_nothing(write_article: WriteArticle,
                                                         tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Interrupted while the journal is renamed into place (the commit point): the temporary
    files go, the previous artifacts, state and manifest stay."""
    from docgen.app import output

    source, out = write_article(), tmp_path / "out"
    build(source, out)
    before = files(out)
    source.write_text(source.read_text().replace("A paragraph.", "Another paragraph."))
    real = os.replace

    def interrupt(src: object, dst: object) -> None:
        if str(dst).endswith(output.JOURNAL):
            raise KeyboardInterrupt
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(output.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        build(source, out)
    assert files(out) == before
