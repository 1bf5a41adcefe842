"""Benchmark of the REPL kernel: round trip, start, interrupt, restart, memory.

Run with ``python bench/kernel.py`` (works without installing the package). Each figure
is printed beside its target with PASS or MISS.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tutor.kernel.client import Kernel

ROUND_TRIPS = 500
STARTS = 5
INTERRUPTS = 10
RESTARTS = 5

LABEL_WIDTH = 56
MS = 1e-3
MIB = 2**20


def report(label: str, value: float, unit: str, scale: float, target: float | None = None) -> None:
    shown = f"{value / scale:10.3f} {unit:<4}"
    if target is None:
        print(f"{label:<{LABEL_WIDTH}}{shown}".rstrip())
        return
    verdict = "PASS" if value <= target else "MISS"
    print(f"{label:<{LABEL_WIDTH}}{shown}  target <= {target / scale:g} {unit:<4} {verdict}")


def in_process_eval_median(count: int) -> float:
    timings = []
    namespace: dict[str, object] = {}
    for _ in range(count):
        started = time.perf_counter()
        eval(compile("1+1", "<cell>", "eval"), namespace)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


async def round_trip_median(kernel: Kernel, count: int) -> float:
    for _ in range(20):
        await kernel.run("1+1")
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        result = await kernel.run("1+1")
        timings.append(time.perf_counter() - started)
        assert result.value_repr == "2", result
    return statistics.median(timings)


async def start_median(count: int) -> float:
    timings = []
    for _ in range(count):
        kernel = Kernel()
        started = time.perf_counter()
        result = await kernel.run("1+1")
        timings.append(time.perf_counter() - started)
        assert result.value_repr == "2", result
        await kernel.shutdown()
    return statistics.median(timings)


async def interrupt_median(kernel: Kernel, count: int) -> float:
    timings = []
    for _ in range(count):
        cell = asyncio.create_task(kernel.run("while True: pass"))
        await asyncio.sleep(0.1)
        started = time.perf_counter()
        await kernel.interrupt()
        result = await cell
        timings.append(time.perf_counter() - started)
        assert result.error == "KeyboardInterrupt" and not result.restarted, result
    return statistics.median(timings)


async def restart_median(kernel: Kernel, count: int) -> float:
    timings = []
    for _ in range(count):
        await kernel.run("1+1")
        started = time.perf_counter()
        died = await kernel.run("import os; os._exit(1)")
        assert died.died, died
        result = await kernel.run("1+1")
        timings.append(time.perf_counter() - started)
        assert result.value_repr == "2", result
    return statistics.median(timings)


def resident_memory(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")


async def main() -> None:
    print(f"kernel benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    kernel = Kernel()
    await kernel.start()
    try:
        remote = await round_trip_median(kernel, ROUND_TRIPS)
        local = in_process_eval_median(ROUND_TRIPS)
        report(f"round trip of 1+1 (median of {ROUND_TRIPS})", remote, "ms", MS, 1 * MS)
        report(f"same compile+eval in-process (median of {ROUND_TRIPS})", local, "ms", MS)
        print(f"{'  ratio kernel / in-process':<{LABEL_WIDTH}}{remote / local:10.0f} x")
        await asyncio.sleep(0.5)
        assert kernel.pid is not None
        report("child resident memory at rest (VmRSS)", resident_memory(kernel.pid), "MiB", MIB, 80 * MIB)
        interrupt = await interrupt_median(kernel, INTERRUPTS)
        report(f"interrupt of while True: pass (median of {INTERRUPTS})", interrupt, "ms", MS, 50 * MS)
        restart = await restart_median(kernel, RESTARTS)
        report(f"restart after os._exit, to next 1+1 (median of {RESTARTS})", restart, "ms", MS, 500 * MS)
    finally:
        await kernel.shutdown()
    report(f"child start to first 1+1 (median of {STARTS})", await start_median(STARTS), "ms", MS)


if __name__ == "__main__":
    asyncio.run(main())
