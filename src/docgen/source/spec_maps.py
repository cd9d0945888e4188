"""Specs for the parts of other tools' formats: mappings with free keys, keys docgen leaves alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.source.spec import INVALID, Context, Spec, _kind, mapping_items
from docgen.source.yamlsafe import MappingNode, Node, ScalarNode

if TYPE_CHECKING:
    from typing import Any


class MapOf(Spec):
    """A mapping whose keys the author chooses (a colour palette, named logo images)."""

    def __init__(self, value: Spec, description: str = "", key_pattern: str | None = None,
                 max_items: int = 10_000) -> None:
        super().__init__(description)
        self.value, self.key_pattern, self.max_items = value, key_pattern, max_items

    def read(self, node: Node, ctx: Context) -> Any:
        if not isinstance(node, MappingNode):
            return ctx.error(node, f"expected a mapping (name: value lines), found {_kind(node)}")
        if len(node.value) > self.max_items:
            return ctx.error(node, f"{len(node.value):,} entries; at most {self.max_items:,}")
        items = mapping_items(node, ctx)
        if items is INVALID:
            return INVALID
        out: dict[str, tuple[Any, ScalarNode]] = {}
        for key, key_node, value_node in items:
            value = self.value.read(value_node, ctx)
            if value is not INVALID:
                out[key] = (value, key_node)
        return out

    def schema(self) -> dict[str, Any]:
        s: dict[str, Any] = {"type": "object", "additionalProperties": self.value.schema()}
        if self.key_pattern:
            s["propertyNames"] = {"pattern": self.key_pattern}
        return self._described(s)


class Unused(Spec):
    """A key of someone else's format that docgen accepts and leaves alone (listed, not read)."""

    def __init__(self, what: str, description: str = "") -> None:
        super().__init__(description or "Not used by docgen.")
        self.what = what

    def read(self, node: Node, ctx: Context) -> Any:
        ctx.unused.append((self.what, ctx.loc(node)))
        return None

    def schema(self) -> dict[str, Any]:
        return self._described({})
