"""Imports that cost until they are used: reportlab imports uharfbuzz when it is installed.

reportlab's ``ttfonts`` imports HarfBuzz's bindings at its own import, whether or not any text is
shaped: about 19 ms of every handout, which a Latin article never needs. A stand-in module takes
its place in ``sys.modules`` and imports the real one on the first attribute asked of it (when
docgen shapes a run, :mod:`docgen.render.pdf.complex`); reportlab only tests that the name is set.
(``importlib.util.LazyLoader`` does not do here: the import statement itself reads ``__spec__``
from the module, which makes a lazy module load at once.)
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any


class _Deferred(types.ModuleType):
    """Stands in for a module until one of its attributes is used."""

    def __getattr__(self, attr: str) -> Any:
        real = self.__dict__.get("_real")
        if real is None:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
            self.__dict__["_real"] = real
        return getattr(real, attr)


def defer(name: str) -> None:
    """Make ``import name`` cheap until the module is used (nothing when it is not installed)."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    module = _Deferred(name)
    module.__spec__ = spec
    sys.modules[name] = module
