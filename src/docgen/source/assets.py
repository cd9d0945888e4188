"""Asset paths in a source: resolved, and refused when they would leave the article's folder.

A source may arrive in a pull request, so every path it names (a picture, a brand file, a font, a
template) must stay inside the folder of the article being built, symlinks and ``..`` included.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from docgen.source.spec import INVALID, Context, Spec, Str
from docgen.source.yamlsafe import Node

TYPE_CHECKING = False  # not typing's (~6 ms of start-up); type checkers treat this name as true
if TYPE_CHECKING:
    from typing import Any


def resolve_asset(node: Node, ctx: Context, value: str, what: str) -> Path | Any:
    """Return the asset's real path, refusing anything outside the article's folder."""
    if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", value) or "://" in value:
        return ctx.error(
            node, f"the {what} path '{value}' is absolute",
            "use a path relative to the article, e.g. images/photo.png",
        )
    candidate = ctx.base / value
    root = ctx.root.resolve()
    if not Path(os.path.normpath(candidate.absolute())).is_relative_to(root):
        return ctx.error(
            node, f"the {what} '{value}' is outside the article's folder",
            "copy the file next to the article; '..' may not leave the folder",
        )
    try:
        real = candidate.resolve(strict=True)
    except FileNotFoundError:
        return ctx.error(node, f"the {what} '{value}' does not exist", f"looked for {candidate}")
    except (OSError, RuntimeError) as exc:
        return ctx.error(node, f"the {what} '{value}' cannot be read: {exc}")
    if not real.is_relative_to(root):
        return ctx.error(
            node, f"the {what} '{value}' is outside the article's folder",
            "copy the file next to the article; symlinks and '..' may not leave the folder",
        )
    if not real.is_file():
        return ctx.error(node, f"the {what} '{value}' is not a file")
    return real


class Asset(Spec):
    def __init__(self, what: str, suffixes: tuple[str, ...], description: str = "") -> None:
        super().__init__(description)
        self.what, self.suffixes = what, suffixes

    def read(self, node: Node, ctx: Context) -> Any:
        value = Str().read(node, ctx)
        if value is INVALID:
            return INVALID
        if not value.lower().endswith(self.suffixes):
            return ctx.error(
                node, f"the {self.what} '{value}' must be a {' or '.join(self.suffixes)} file"
            )
        return resolve_asset(node, ctx, value, self.what)

    def schema(self) -> dict[str, Any]:
        return self._described({"type": "string", "minLength": 1})

