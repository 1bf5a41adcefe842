"""Benchmark of exercise checking: a correct `matmul` checked end to end, fresh child included.

Run with ``python bench/checks.py`` (works without installing the package). The
baseline, measured in the same run, is the least a check can cost: start a
fresh kernel child, run one cell, shut it down. The check adds the harness, the
lesson's checks and the report's trip back as JSON. Medians of RUNS runs.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import record  # noqa: E402

from lessons.maths_foundations.exercises import MATMUL
from tutor.grading.runner import Checker
from tutor.kernel.client import Kernel

RUNS = 7
TARGET_SECONDS = 1.0
"""A check should answer within a second of ctrl+s, child start included."""
TARGET_RATIO = 3.0
"""…and cost at most this many bare child starts."""

LABEL_WIDTH = 52


async def bare_child() -> float:
    started = time.perf_counter()
    kernel = Kernel()
    result = await kernel.run("1 + 1")
    await kernel.shutdown()
    assert result.value_repr == "2", result
    return time.perf_counter() - started


async def fresh_check() -> float:
    started = time.perf_counter()
    report = await Checker().check(MATMUL, MATMUL.solution)
    assert report.passed, report.summary()
    return time.perf_counter() - started


async def kept_child_checks(runs: int) -> float:
    checker = Checker(reuse_child=True)
    await checker.check(MATMUL, MATMUL.solution)  # start the child and import the checks once
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        report = await checker.check(MATMUL, MATMUL.solution)
        timings.append(time.perf_counter() - started)
        assert report.passed, report.summary()
    await checker.close()
    return statistics.median(timings)


async def median_of(measure, runs: int) -> float:
    await measure()  # warm the file cache
    return statistics.median([await measure() for _ in range(runs)])


def line(label: str, seconds: float, target: str = "") -> None:
    print(f"{label:<{LABEL_WIDTH}}{seconds * 1000:9.1f} ms  {target}".rstrip())


async def main() -> int:
    baseline = await median_of(bare_child, RUNS)
    check = await median_of(fresh_check, RUNS)
    harness = await kept_child_checks(RUNS)
    ratio = check / baseline
    line("baseline: fresh kernel child, one cell, shut down", baseline)
    line("check a correct matmul, fresh child (ctrl+s)", check,
         f"target <= {TARGET_SECONDS * 1000:g} ms {'PASS' if check <= TARGET_SECONDS else 'MISS'}")
    line("check a correct matmul, child already running", harness)
    record("check a correct matmul (fresh child)", check * 1000, "ms", TARGET_SECONDS * 1000, kind="absolute")
    verdict = "PASS" if ratio <= TARGET_RATIO else "MISS"
    print(f"{'ratio check / baseline':<{LABEL_WIDTH}}{ratio:9.2f} x   target <= {TARGET_RATIO:g} x {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
