"""The package's layers depend one way: app -> source, render -> support libraries -> domain.

Read from the source (every ``import``, also those inside functions), so a new upward or sideways
import fails here with its module and line, not in a review.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "docgen"
#: Top-level part of a module name -> its layer; higher layers may import lower ones only.
LAYERS = {
    "app": 3, "__main__": 3,
    "source": 2, "render": 2,  # the two sides of the model: neither imports the other
    "infra": 1, "_compat": 1, "fonts": 1, "svg": 1,
    "errors": 0, "model": 0, "colour": 0, "typography": 0, "labels": 0, "quotes": 0, "scheme": 0, "": 0,
}
SIDEWAYS = {("source", "render"), ("render", "source")}
#: Imports across the loader/renderer line that exist today, each with the reason; a fix removes
#: its line here (the test fails on a listed import that is gone, so the list stays true).
KNOWN = {
    ("docgen.source.brand", "docgen.render.deck.template"):
        "check reads a brand's template with the deck's own reader, so check ok means build works",
}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports() -> list[tuple[str, str, int]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(("docgen", *path.relative_to(PACKAGE).with_suffix("").parts))
        module = module.removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module
                and node.level == 0 else [])
            found += [(module, name, node.lineno) for name in names
                      if name == "docgen" or name.startswith("docgen.")]
    return found


def test_every_top_level_part_of_the_package_has_a_layer() -> None:
    parts = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
             if (p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists()))}
    assert parts - {"__init__"} <= set(LAYERS), sorted(parts - set(LAYERS))


def test_imports_go_down_the_layers_only() -> None:
    wrong = []
    for module, imported, line in _imports():
        mine, theirs = _part(module), _part(imported)
        if mine == theirs:
            continue
        upward = LAYERS[theirs] > LAYERS[mine]
        sideways = (mine, theirs) in SIDEWAYS and (module, imported) not in KNOWN
        if upward or sideways:
            wrong.append(f"{module}:{line} imports {imported}")
    assert not wrong, "\n".join(wrong)


def test_every_known_exception_still_exists() -> None:
    present = {(m, i) for m, i, _ in _imports()}
    assert set(KNOWN) <= present, sorted(set(KNOWN) - present)
