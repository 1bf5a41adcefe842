"""One row per measured target, collected across the benchmark scripts for `bench/table.py`.

A script calls `record(...)` for each figure that has a target. When the
environment variable TUTOR_BENCH_RESULTS names a file (as `make bench` sets
it), the row is appended there as one JSON line; otherwise nothing happens,
so each script still runs on its own.
"""

from __future__ import annotations

import json
import os

ENVIRONMENT = "TUTOR_BENCH_RESULTS"


def record(
    name: str,
    value: float,
    unit: str,
    target: float,
    *,
    baseline: float | None = None,
    kind: str = "ratio",
) -> None:
    """Note one figure: a `kind` "ratio" (value / baseline, both in `unit`) or "absolute" value.

    `target` is the largest ratio (or absolute value) that meets the target.
    """
    path = os.environ.get(ENVIRONMENT)
    if not path:
        return
    judged = value / baseline if kind == "ratio" and baseline else value
    row = {
        "name": name,
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "kind": kind,
        "judged": judged,
        "target": target,
        "met": judged <= target,
    }
    with open(path, "a", encoding="utf-8") as file:
        file.write(json.dumps(row) + "\n")
