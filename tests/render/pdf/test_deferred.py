"""reportlab's platypus imported with two unused patterns deferred: same behaviour, re restored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

_PROBE = r"""
import json, re, sys
original = re.compile
import docgen.render.pdf
from docgen.render.pdf._deferred import Deferred
import reportlab.platypus.paragraph as paragraph
import reportlab.lib.textsplit as textsplit
deferred = sorted(f"{m.__name__}.{k}" for m in list(sys.modules.values()) if m
                  and m.__name__.startswith("reportlab") for k, v in vars(m).items()
                  if isinstance(v, Deferred))
uris = ["https://example.com/a/b/", "mailto:x@example.com", "http://10.0.0.1:8080/x?y#z",
        "ftp://ünïcode.example/päth", "not a uri", "www.example.com/a"]
lazy = [paragraph._uri_split_pairs(u) for u in uris]
cjk = textsplit.rx.sub(r"\1\0 ", "ab漢字cd")
paragraph.uri_pat, textsplit.rx = (re.compile(d._args[0], d._args[1]) for d in
                                   (paragraph.uri_pat, textsplit.rx))
real = [paragraph._uri_split_pairs(u) for u in uris]
print(json.dumps({"deferred": deferred, "same": lazy == real, "restored": re.compile is original,
                  "cjk": cjk == textsplit.rx.sub(r"\1\0 ", "ab漢字cd")}))
"""


def test_exactly_the_two_unused_patterns_are_deferred_and_behave_the_same() -> None:
    proc = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    result = json.loads(proc.stdout)
    assert result == {"deferred": ["reportlab.lib.textsplit.rx",
                                   "reportlab.platypus.paragraph.uri_pat"],
                      "same": True, "restored": True, "cjk": True}
