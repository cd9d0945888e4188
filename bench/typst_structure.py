"""Compare docgen's tagged PDF with typst's (PDF/UA-1) for the same article: element counts.

Run ``python bench/typst_structure.py [article.yaml]`` with the benchmark's peers installed
(``pip install -r bench/peers-requirements.txt``). The article becomes Typst markup with the same
content (title, subtitle, introduction, sections, quotes with their attribution, lists, key
points as a list, the author box), typst compiles it with ``pdf_standards=["ua-1"]``, and both
structure trees are read back with pikepdf. docs/pdf-standards.md reports the result.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

import pikepdf

ROOT = Path(__file__).resolve().parents[1]


def _s(text: str) -> str:
    """A Typst string literal: the text is data, never markup."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typst_source(doc: object) -> str:
    """Return Typst markup for the article ``doc`` (a docgen Document)."""
    from docgen.model import Callout, ListBlock, Paragraph, Quote

    d = doc  # type: ignore[assignment]
    out = [f'#set document(title: {_s(d.title.plain)}, author: {_s(d.author.name)})',  # type: ignore[attr-defined]
           f'#set text(lang: {_s(d.language)})',  # type: ignore[attr-defined]
           f"#heading(level: 1)[#{_s(d.title.plain)}]"]  # type: ignore[attr-defined]
    if d.subtitle is not None:  # type: ignore[attr-defined]
        out.append(f"#{_s(d.subtitle.plain)}")  # type: ignore[attr-defined]
    blocks = list(d.intro)  # type: ignore[attr-defined]
    out += [f"#{_s(b.text.plain)}" for b in blocks if isinstance(b, Paragraph)]
    for section in d.sections:  # type: ignore[attr-defined]
        out.append(f"#heading(level: 2)[#{_s(section.heading.plain)}]")
        if section.key_points:
            out.append("#list(" + ", ".join(f"[#{_s(p.plain)}]" for p in section.key_points)
                       + ")")
        for b in section.blocks:
            if isinstance(b, Quote):
                by = f", attribution: [#{_s(b.by)}]" if b.by else ""
                out.append(f"#quote(block: true{by})[#{_s(b.text.plain)}]")
            elif isinstance(b, ListBlock):
                out.append("#list(" + ", ".join(f"[#{_s(i.plain)}]" for i in b.items) + ")")
            elif isinstance(b, (Paragraph, Callout)):
                out.append(f"#{_s(b.text.plain)}")
    a = d.author  # type: ignore[attr-defined]
    out.append("#heading(level: 2)[About the Author]")
    out += [f"#{_s(a.name)}", *([f"#{_s(a.role)}"] if a.role else []), f"#{_s(a.bio.plain)}"]
    if d.brand.link:  # type: ignore[attr-defined]
        out.append(f"#link({_s(d.brand.link)})[#{_s(d.brand.link)}]")  # type: ignore[attr-defined]
    return "\n\n".join(out) + "\n"


def roles(pdf_bytes: bytes) -> Counter[str]:
    """Return how many structure elements of each type the PDF has."""
    found: Counter[str] = Counter()
    with pikepdf.open(__import__("io").BytesIO(pdf_bytes)) as pdf:
        stack = [pdf.Root.StructTreeRoot.K]
        seen = set()
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend(node)
                continue
            if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
                continue
            if node.objgen in seen and node.objgen != (0, 0):
                continue
            seen.add(node.objgen)
            found[str(node.S)[1:]] += 1
            if "/K" in node:
                stack.append(node.K)
    return found


def main(argv: list[str]) -> int:
    import typst

    from docgen.render.pdf import render_pdf
    from docgen.source import load

    article = Path(argv[0]) if argv else ROOT / "source" / "article.yaml"
    doc = load(article)
    ours = roles(render_pdf(doc).data)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "article.typ"
        src.write_text(typst_source(doc), encoding="utf-8")
        theirs = roles(typst.compile(str(src), pdf_standards=["ua-1"]))
    print(f"| element | docgen | typst {typst.__version__ if hasattr(typst, '__version__') else ''} |")
    print("|---|---|---|")
    for role in sorted(set(ours) | set(theirs)):
        print(f"| {role} | {ours.get(role, 0)} | {theirs.get(role, 0)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
