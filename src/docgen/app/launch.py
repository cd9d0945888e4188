"""The ``docgen`` entry point: hand the command to a resident build process if one runs.

Kept apart from :mod:`docgen.app.cli` so a build served by ``docgen serve`` imports nothing but
this and :mod:`docgen.app.resident` in the client.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Run ``docgen`` with the command line's arguments, in a server's worker or here."""
    from docgen.app.resident import forward

    code = forward(sys.argv[1:])
    if code is None:
        from docgen.app.cli import main as run_here

        run_here()
    sys.exit(code)
