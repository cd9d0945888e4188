"""The QR matrix comes from reportlab's public QR code widget, through the disk cache."""

from __future__ import annotations

from docgen.infra import qr

URLS = ["https://www.example.com/some/path?q=1", "https://www.rocketmarketdevelopment.com",
        "mailto:someone@example.com", "https://example.com/" + "long/" * 40]


def _encoder_matrix(url: str) -> qr.Matrix:
    """The matrix straight from the encoder module that the widget draws (not an API docgen uses)."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    return tuple(tuple(bool(dark) for dark in row) for row in code.modules)


def test_the_matrix_read_back_from_the_widget_is_the_encoders() -> None:
    for url in URLS:
        matrix = qr._matrix(url)
        assert matrix == _encoder_matrix(url)
        assert len(matrix) in range(21, 178, 4)  # a QR code version's side


def test_a_matrix_from_the_disk_cache_is_the_computed_one(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(tmp_path))
    url = URLS[0]
    qr.modules.cache_clear()
    computed = qr._matrix(url)
    assert qr.modules(url) == computed  # computed and stored
    (entry,) = tmp_path.glob("qr-*.docgen")
    qr.modules.cache_clear()
    assert qr.modules(url) == computed  # read back
    entry.write_bytes(entry.read_bytes()[:40])  # truncated: recomputed
    qr.modules.cache_clear()
    assert qr.modules(url) == computed
    assert not qr._valid(((True,),)) and not qr._valid("x")
    qr.modules.cache_clear()
