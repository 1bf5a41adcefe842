"""The last word of `make bench`: every target of every benchmark in one table.

Reads the JSON lines the benchmark scripts wrote (see `bench/results.py`) and
prints one row each: the figure, its baseline from the same run, the ratio or
absolute value judged, the target and whether it is met. A benchmark that
wrote nothing (it failed, or was not run) shows as missing.

    python bench/table.py RESULTS_FILE
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

EXPECTED = (
    "home first frame",
    "lesson first frame (resuming)",
    "section switch, key to frame",
    "explorable redraw, slowest of",  # … of however many explorables the lesson has
    "REPL 1+1, Enter to result",
    "memory, app + REPL child at rest",
    "check a correct matmul (fresh child)",
    "drill variant, slowest of",
    "review, r to the first question",
    "home first frame, 2,000 answers logged",
)


def number(value: float, unit: str) -> str:
    return f"{value:.1f} {unit}" if value >= 10 else f"{value:.2f} {unit}"


def main(path: str) -> int:
    rows: dict[str, dict] = {}
    file = Path(path)
    if file.exists():
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["name"]] = row
    def reported(expected: str) -> str:
        """The reported name for `expected`: itself, or the one it begins (a count may follow)."""
        return next((name for name in rows if name == expected or name.startswith(expected + " ")), expected)

    wanted = [reported(name) for name in EXPECTED]
    names = wanted + [name for name in rows if name not in wanted]
    header = f"{'benchmark':<38}{'measured':>12}{'baseline':>12}{'judged':>10}{'target':>12}  met"
    print()
    print("== every benchmark against its target (ratios are to a baseline measured in the same run)")
    print(header)
    print("-" * len(header))
    met = 0
    for name in names:
        row = rows.get(name)
        if row is None:
            print(f"{name:<38}{'missing: its benchmark did not report':>52}")
            continue
        baseline = number(row["baseline"], row["unit"]) if row["baseline"] else "-"
        if row["kind"] == "ratio":
            judged, target = f"{row['judged']:.2f}x", f"<= {row['target']:g}x"
        else:
            judged, target = number(row["judged"], row["unit"]), f"<= {row['target']:g} {row['unit']}"
        met += row["met"]
        print(f"{name:<38}{number(row['value'], row['unit']):>12}{baseline:>12}{judged:>10}{target:>12}  "
              f"{'yes' if row['met'] else 'NO'}")
    print(f"{met} of {len(names)} targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
