"""External tools for tests: skip when absent, fail instead when ``DOCGEN_REQUIRE_TOOLS=1`` (CI)."""

from __future__ import annotations

import os
import shutil

import pytest


def require_tool(name: str) -> str:
    """Return the path of the executable ``name``, or skip (fail in CI) when it is not installed."""
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} is not installed"
    if os.environ.get("DOCGEN_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{message} (required because DOCGEN_REQUIRE_TOOLS=1)")
    pytest.skip(message)
    raise AssertionError  # unreachable: skip raises
