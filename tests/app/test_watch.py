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
