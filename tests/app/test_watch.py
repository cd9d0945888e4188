"""Watch: a saved change is rebuilt; a broken save keeps the last good artifacts."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from docgen.app.build import BuildResult
from docgen.app.watch import watch
from docgen.errors import DocgenError
from tests.conftest import MINIMAL, WriteArticle


def test_watch_rebuilds_on_save_and_survives_a_broken_save(write_article: WriteArticle,
                                                           tmp_path: Path) -> None:
    source, out = write_article(), tmp_path / "out"
    results: list[BuildResult | DocgenError] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=([source], out, results.append),
                              kwargs={"interval": 0.05, "should_stop": stop.is_set}, daemon=True)
    thread.start()

    def wait_for(count: int) -> None:
        deadline = time.monotonic() + 60
        while len(results) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(results) >= count

    try:
        wait_for(1)
        pdf = out / "a-title.pdf"
        good = pdf.read_bytes()
        time.sleep(0.05)
        source.write_text(MINIMAL + "      - qoute: broken\n")
        wait_for(2)
        assert isinstance(results[1], DocgenError)
        assert pdf.read_bytes() == good
        source.write_text(MINIMAL.replace("A paragraph.", "A new paragraph."))
        started = time.monotonic()
        wait_for(3)
        assert isinstance(results[2], BuildResult)
        assert time.monotonic() - started < 10
        assert pdf.read_bytes() != good
    finally:
        stop.set()
        thread.join(timeout=10)


def test_watch_loads_the_source_once_per_build_and_watches_what_the_build_read(
        write_article: WriteArticle, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import docgen.source

    source = write_article("brand: brand.yml\n" + MINIMAL,
                           files={"brand.yml": "color:\n  primary: '#112233'\n"})
    loads: list[Path] = []
    real = docgen.source.load_with_warnings

    def counting(path: Path):  # type: ignore[no-untyped-def]
        loads.append(path)
        return real(path)

    monkeypatch.setattr(docgen.source, "load_with_warnings", counting)
    results: list[BuildResult | DocgenError] = []
    rounds = iter(range(3))

    def stop_after_three_rounds() -> bool:
        if len(results) == 1 and not loads[1:]:  # after the first build: edit the brand
            time.sleep(0.02)
            (source.parent / "brand.yml").write_text("color:\n  primary: '#332211'\n")
        return next(rounds, None) is None

    watch([source], tmp_path / "out", results.append, interval=0.01,
          should_stop=stop_after_three_rounds)
    assert len(results) == 2 and all(isinstance(r, BuildResult) for r in results)
    assert loads == [source, source]  # one load per build, none to learn the files
    first = results[0]
    assert isinstance(first, BuildResult)
    assert (source.parent / "brand.yml").resolve() in {p.resolve() for p in first.inputs}


def test_a_change_is_built_once_the_file_has_stopped_changing(tmp_path: Path,
                                                              monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import types

    import docgen.app.watch as watching

    source = tmp_path / "article.yaml"
    source.write_text("")  # an editor has truncated the file and not yet written it
    rest = iter(["title: A", "title: A Title\n"])

    def sleep(_: float) -> None:  # each pause sees the editor write a little more
        text = next(rest, None)
        if text is not None:
            source.write_text(text)

    monkeypatch.setattr(watching, "time", types.SimpleNamespace(sleep=sleep,
                                                                monotonic=time.monotonic))
    stamps = watching._settled({source})
    assert source.read_text() == "title: A Title\n"
    assert stamps == {source: watching._stamp(source)}


def test_a_save_during_a_build_is_built_in_the_next_round(write_article: WriteArticle,
                                                         tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import docgen.app.watch as watching

    source = write_article()
    real = watching.build
    builds: list[str] = []

    def build_then_save(path: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        result = real(path, *args, **kwargs)
        builds.append(path.read_text())
        if len(builds) == 1:  # saved after the build read it, before it finished
            path.write_text(MINIMAL.replace("A paragraph.", "A saved paragraph."))
        return result

    monkeypatch.setattr(watching, "build", build_then_save)
    results: list[BuildResult | DocgenError] = []
    rounds = iter(range(3))
    watch([source], tmp_path / "out", results.append, interval=0.01,
          should_stop=lambda: next(rounds, None) is None)
    assert len(results) == 2 and all(isinstance(r, BuildResult) for r in results)
    assert "A saved paragraph." in builds[1]
