"""The fastest tools a user would pick instead: Pandoc 3 for the deck, Pandoc + typst for the PDF.

Both come from PyPI (``bench/peers-requirements.txt``: ``pypandoc_binary`` ships a Pandoc binary,
``typst`` is the Typst compiler as a Python extension, the one Quarto's Typst format also builds
on) and are installed into the benchmark's own virtual environment (``build/bench-peers/``), never
into docgen's. Without network access or with ``--no-peers`` the comparison is skipped with a note.

The same content goes in: the article as Pandoc Markdown (:func:`to_markdown`). The deck is
``pandoc x.md -o x.pptx``; the PDF is ``pandoc x.md -s -t typst -o x.typ`` then typst compiling
``x.typ`` in a new Python process (``typst.compile``), as a script using the PyPI package runs it.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
REQUIREMENTS = BENCH / "peers-requirements.txt"
_COMPILE = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2])"
_PANDOC_PATH = "import pypandoc; print(pypandoc.get_pandoc_path())"


class Peers:
    """The peers' programs, ready to run: Pandoc's binary and the environment's Python."""

    def __init__(self, python: Path, pandoc: Path) -> None:
        self.python, self.pandoc = python, pandoc

    def versions(self) -> dict[str, str]:
        pandoc = subprocess.run([str(self.pandoc), "--version"], capture_output=True, text=True,
                                check=True).stdout.split("\n", 1)[0]
        typst = subprocess.run([str(self.python), "-c", "import importlib.metadata as m; "
                                "print(m.version('typst'))"], capture_output=True, text=True,
                               check=True).stdout.strip()
        return {"pandoc": pandoc, "typst": typst}

    def commands(self, md: Path, work: Path) -> dict[str, list[str]]:
        """Return the three commands, by step: the deck, Markdown to Typst, Typst to PDF."""
        typ = work / f"{md.stem}.typ"
        return {
            "pptx": [str(self.pandoc), md.name, "-o", str(work / f"{md.stem}-pandoc.pptx")],
            "typ": [str(self.pandoc), md.name, "-s", "-t", "typst", "-o", str(typ)],
            "typst_pdf": [str(self.python), "-c", _COMPILE, str(typ),
                          str(work / f"{md.stem}-typst.pdf")],
        }


def prepare(folder: Path, install: bool) -> Peers | str:
    """Return the peers, installing them into ``folder`` first when needed and ``install`` allows;
    else a note saying why they are not measured."""
    python = folder / "bin" / "python"
    stamp = folder / "requirements.sha256"
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    ready = python.exists() and stamp.exists() and stamp.read_text().strip() == wanted
    if not ready:
        if not install:
            return f"peers not installed in {folder} (run the full benchmark once to install them)"
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(folder)
            subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)],
                           check=True, capture_output=True, text=True, timeout=900)
        except (OSError, subprocess.SubprocessError) as exc:
            detail = getattr(exc, "stderr", "") or str(exc)
            return f"peers could not be installed from PyPI: {detail.strip()[-300:]}"
        stamp.write_text(wanted + "\n")
    try:
        found = subprocess.run([str(python), "-c", _PANDOC_PATH], capture_output=True, text=True,
                               check=True, timeout=120).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Pandoc from pypandoc_binary not found: {exc}"
    return Peers(python, Path(found))


def to_markdown(article: Path) -> str:
    """Return the article as Pandoc Markdown: the same text, headings, quotes, lists and images."""
    data = yaml.safe_load(article.read_text(encoding="utf-8"))
    meta = {"title": data["title"], "author": data.get("author", {}).get("name", ""),
            "date": str(data.get("date", ""))}
    out = ["---", yaml.safe_dump(meta, allow_unicode=True).strip(), "---", ""]

    def block(b: Any) -> None:
        if isinstance(b, str):
            out.extend([b, ""])
        elif "quote" in b:
            q = b["quote"]
            text = q if isinstance(q, str) else q["text"]
            out.extend([f"> {text}", ""])
        elif "list" in b:
            out.extend([*(f"- {item}" for item in b["list"]), ""])
        elif "image" in b:
            img = b["image"]
            out.extend([f"![{img.get('caption') or img['alt']}]({img['src']})", ""])
        elif "callout" in b:
            out.extend([f"**{b['callout']}**", ""])

    for b in data.get("intro", []):
        block(b)
    for section in data.get("sections", []):
        out.extend([f"# {section['heading']}", ""])
        for b in section.get("blocks", []):
            block(b)
        if section.get("key_points"):
            out.extend(["## Key points", "", *(f"- {p}" for p in section["key_points"]), ""])
    author = data.get("author", {})
    out.extend(["# About the author", "", author.get("bio", ""), ""])
    return "\n".join(out)


def write_markdown(article: Path) -> Path:
    """Write the article's Markdown next to it (its pictures' paths stay valid); return its path."""
    md = article.with_suffix(".md")
    md.write_text(to_markdown(article), encoding="utf-8")
    return md


def outputs(md: Path, work: Path) -> dict[str, Any]:
    """Return what the peers made: the deck's slide count and the PDF's page count."""
    import zipfile

    with zipfile.ZipFile(work / f"{md.stem}-pandoc.pptx") as z:
        slides = sum(1 for n in z.namelist() if n.startswith("ppt/slides/slide"))
    from pypdf import PdfReader

    return {"slides": slides, "pages": len(PdfReader(work / f"{md.stem}-typst.pdf").pages)}


if __name__ == "__main__":  # python bench/peers.py FOLDER: install the peers there
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else BENCH.parent / "build" / "bench-peers"
    found = prepare(target, install=True)
    print(found if isinstance(found, str) else f"peers ready in {target}: {found.versions()}")
