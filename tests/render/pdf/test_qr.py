"""The QR matrix comes from reportlab's encoder, loaded without the barcode package."""

from __future__ import annotations

import os
import subprocess
import sys

from docgen.render.pdf import qr

URL = "https://www.example.com/some/path?q=1"


def test_same_matrix_as_reportlabs_barcode_package() -> None:
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(URL)
    code.make()
    expected = tuple(tuple(bool(dark) for dark in row) for row in code.modules)
    qr._encoder.cache_clear()
    qr.modules.cache_clear()
    saved = sys.modules.pop("reportlab.graphics.barcode.qrencoder")
    try:
        assert qr.modules(URL) == expected
        assert qr._encoder().__name__ == "docgen._qrencoder"
    finally:
        sys.modules["reportlab.graphics.barcode.qrencoder"] = saved
        qr._encoder.cache_clear()


def test_importing_the_renderer_skips_the_barcode_package() -> None:
    code = ("import sys, docgen.render.pdf.qr as q; q.modules('https://x.example');"
            "print('reportlab.graphics.barcode' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=env)
    assert out.stdout.strip() == "False"


def test_a_matrix_from_the_disk_cache_is_the_computed_one(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path))
    qr.modules.cache_clear()
    computed = qr._matrix(URL)
    assert qr.modules(URL) == computed  # computed and stored
    (entry,) = tmp_path.glob("qr-*.marshal")
    qr.modules.cache_clear()
    assert qr.modules(URL) == computed  # read back
    entry.write_bytes(entry.read_bytes()[:40])  # truncated: recomputed
    qr.modules.cache_clear()
    assert qr.modules(URL) == computed
    assert not qr._valid(((True,),)) and not qr._valid("x")
    qr.modules.cache_clear()
