"""The kill -9 soak of issue 13: builds killed at random moments never leave the output folder
in a state the next build does not make consistent.

Each round edits two sources (so the build renders), starts ``docgen build`` on both into one
folder, kills it with SIGKILL after a random delay, and checks: the folder is consistent or holds
a journal (the commit point passed; the next build finishes it); then a new build succeeds and
leaves the folder consistent (manifest = files, sizes and sha256 true, no temporary files). Run:

    python -m tests.hostile.soak --rounds 150

(The suite runs four rounds: tests/hostile/test_outfolder.py.) Prints one line per failure and
a summary; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

from docgen.app.output import JOURNAL
from tests.hostile.cases import HEAD, article
from tests.hostile.run import consistent, docgen, spawn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=150)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--longest", type=float, default=2.0, help="latest kill, in seconds")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    failures, journals, started = 0, 0, time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="docgen-soak-") as tmp:
        folder = Path(tmp)
        for n in range(args.rounds):
            for s in range(2):
                (folder / f"s{s}.yaml").write_text(article(
                    f"Round {n}, text {s}." * rng.randint(1, 40),
                    head=HEAD.replace("Hostile input", f"Source {s}")))
            runner = spawn(folder, "build", "s0.yaml", "s1.yaml", "-o", "out", "-q")
            time.sleep(rng.uniform(0, args.longest))
            runner.send_signal(signal.SIGKILL)
            runner.wait(timeout=60)
            out = folder / "out"
            if (out / JOURNAL).exists():
                journals += 1
            elif (out / "manifest.json").exists():
                try:
                    consistent_but_temporaries(out)
                except AssertionError as exc:
                    failures += 1
                    print(f"round {n}: inconsistent after the kill: {exc}", flush=True)
            done = docgen(folder, "build", "s0.yaml", "s1.yaml", "-o", "out", "-q")
            try:
                assert done.returncode == 0, done.stderr
                assert len(consistent(out)) == 4
            except AssertionError as exc:
                failures += 1
                print(f"round {n}: the next build did not recover: {exc}", flush=True)
    print(f"{args.rounds} rounds in {time.perf_counter() - started:.0f} s: {failures} failures; "
          f"{journals} kills left a journal that the next build finished")
    return 1 if failures else 0


def consistent_but_temporaries(out: Path) -> None:
    """Assert the manifest matches the files (a killed build may leave temporary files)."""
    for tmp in out.glob(".*.tmp"):
        tmp.rename(tmp.with_name(tmp.name + "-aside"))
    try:
        consistent(out)
    finally:
        for aside in out.glob(".*.tmp-aside"):
            aside.rename(aside.with_name(aside.name.removesuffix("-aside")))


if __name__ == "__main__":
    sys.exit(main())
