"""Keep reportlab's per-user and per-folder hooks out of docgen's builds.

When it is first imported, reportlab runs the module ``reportlab_mods`` from anywhere on
``sys.path`` (with ``python -m docgen`` or ``invoke``, that includes the working folder: a pull
request could add one and have it run in CI), or else the file ``~/.reportlab_mods``; its settings
are read the same way (``reportlab_settings``, ``~/.reportlab_settings``). Code from the project
folder must never run, an artifact must depend on its inputs only, and a ``HOME`` that is not a
folder (``HOME=/etc/passwd``) made reportlab's import fail with NotADirectoryError. So both names
are bound to empty modules before reportlab is imported; reportlab then finds nothing to apply.
"""

from __future__ import annotations

import sys
from types import ModuleType

HOOKS = ("reportlab_mods", "reportlab_settings")


def seal() -> None:
    """Bind reportlab's hook modules to empty ones (a caller's own, already imported, stay)."""
    for name in HOOKS:
        sys.modules.setdefault(name, ModuleType(name))
