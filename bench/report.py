"""The benchmark's report: the machine, the targets (issue 12) and the Markdown table."""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path
from typing import Any

#: Issue 12's targets, and the earlier ones still watched.
LIMITS = {"vs_peers_ratio": 1.0, "both_100x_s": 2.0, "warm_both_seed_ms": 100.0,
          "up_to_date_ms": 100.0, "check_cold_ms": 150.0, "rss_100x_mb": 300.0}
#: The peers' steps, in the order they run: Pandoc's deck, Pandoc to Typst, Typst to PDF.
PEER_STEPS = ("pptx", "typ", "typst_pdf")


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "platform": platform.platform(), "executable": sys.executable,
            "load_average": list(os.getloadavg())}


def peers_seconds(row: dict[str, Any]) -> float | None:
    """Return the peers' deck + PDF seconds measured beside this row, if they ran."""
    steps = [row.get(f"peer_{name}_s") for name in PEER_STEPS]
    return sum(steps) if all(s is not None for s in steps) else None  # type: ignore[misc]


def targets(sizes: dict[str, dict[str, Any]], largest: str, growth: dict[str, float],
            peers_note: str) -> dict[str, dict[str, Any]]:
    """Each target: the figure, the limit and whether it is met."""
    seed, big = sizes["seed"], sizes[largest]
    out: dict[str, dict[str, Any]] = {}
    theirs = peers_seconds(seed)
    if theirs is None:
        out["vs_peers_seed"] = {"met": None, "note": peers_note}
    else:
        ratio = seed["both_cold_s"] / theirs
        served = seed.get("both_served_s")
        best = min(seed["both_cold_s"], served) if served else seed["both_cold_s"]
        out["vs_peers_seed"] = {"ours_s": seed["both_cold_s"], "peers_s": theirs, "ratio": ratio,
                                "served_s": served, "served_ratio": served / theirs if served else None,
                                "limit": LIMITS["vs_peers_ratio"],
                                "met_new_process": ratio <= LIMITS["vs_peers_ratio"],
                                "met": best / theirs <= LIMITS["vs_peers_ratio"]}
    out["both_largest"] = {"size": largest, "value_s": big["both_cold_s"],
                           "warm_s": big["both_warm_s"], "limit_s": LIMITS["both_100x_s"],
                           "met": big["both_cold_s"] <= LIMITS["both_100x_s"]}
    for key, value, limit in (("warm_both_seed", seed["both_warm_s"], "warm_both_seed_ms"),
                              ("up_to_date", seed["up_to_date_s"], "up_to_date_ms"),
                              ("check_cold", seed["check_cold_s"], "check_cold_ms")):
        out[key] = {"value_ms": value * 1000, "limit_ms": LIMITS[limit],
                    "met": value * 1000 <= LIMITS[limit]}
    out["up_to_date"]["imports"] = seed["up_to_date_imports"]
    out["up_to_date"]["met"] &= not seed["up_to_date_imports"]
    out["rss_largest"] = {"size": largest, "value_mb": big["peak_rss_mb"],
                          "limit_mb": LIMITS["rss_100x_mb"],
                          "met": big["peak_rss_mb"] <= LIMITS["rss_100x_mb"]}
    # Warm, so Python's start-up (the same at every size) does not flatter the ratio.
    out["growth"] = {"value": growth["both_warm"], "cold": growth["both_cold"],
                     "limit": growth["linear"] * 1.2,
                     "met": growth["both_warm"] <= growth["linear"] * 1.2}
    return out


def table(sizes: dict[str, dict[str, Any]]) -> str:
    """The Markdown table printed and copied into docs/performance.md."""
    cols = [("check", "check_cold_s", "check_warm_s"), ("PDF", "pdf_cold_s", "pdf_warm_s"),
            ("deck", "deck_cold_s", "deck_warm_s"), ("both", "both_cold_s", "both_warm_s")]
    head = ["article", "pages/slides", *[f"{c} cold / warm" for c, _, _ in cols], "up to date",
            "peak RSS", "both via `docgen serve`", "peers: pptx + typ + PDF", "ours / peers (served)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, row in sizes.items():
        cells = [label, f"{row['pages']} / {row['slides']}"]
        cells += [f"{ms(row[c])} / {ms(row[w])}" for _, c, w in cols]
        cells += [ms(row["up_to_date_s"]), f"{row['peak_rss_mb']:.0f} MB"]
        served = row.get("both_served_s")
        cells.append(ms(served) if served else "n/a")
        theirs = peers_seconds(row)
        if theirs is None:
            cells += ["not measured", "n/a"]
        else:
            steps = " + ".join(ms(row[f"peer_{name}_s"]) for name in PEER_STEPS)
            shown = f"{row['both_cold_s'] / theirs:.2f}"
            if served:
                shown += f" ({served / theirs:.2f})"
            cells += [f"{steps} = {ms(theirs)}", shown]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"
