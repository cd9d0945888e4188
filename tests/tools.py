"""External tools for tests (poppler-utils, qpdf, LibreOffice): skip locally, fail in CI.

A test that needs ``pdftotext`` calls ``require_tool("pdftotext")``. Without the tool the test is
skipped, unless ``DOCGEN_REQUIRE_TOOLS=1`` (set by CI), where a missing tool is a failure: a green
CI run must mean the outputs were really checked.
"""

from __future__ import annotations

import os
import shutil

import pytest


def require_tool(name: str) -> str:
    """Return the path of the executable ``name``; skip (or fail in CI) when it is not installed."""
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} is not installed"
    if os.environ.get("DOCGEN_REQUIRE_TOOLS", "").strip() == "1":
        pytest.fail(f"{message} (DOCGEN_REQUIRE_TOOLS=1)")
    pytest.skip(message)
    raise AssertionError("unreachable")  # pragma: no cover
