"""How much slower is maths written to be read than maths written to be fast?

Times the from-scratch ``matmul`` (Python loops) against ``np.matmul`` (BLAS),
and the textbook ``normal_equation`` against ``np.linalg.lstsq`` (SVD-based
least squares) on a tall 100 000 × 10 problem.  Each figure is the median of
several runs timed with ``time.perf_counter``; the ratio is first / second.

Run it from anywhere:  python bench/core.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from tutor.core.linalg import matmul  # noqa: E402
from tutor.core.regression import normal_equation  # noqa: E402


def median_seconds(work: Callable[[], object], repeats: int, number: int = 1) -> float:
    """Median over ``repeats`` runs of the time for one call, each run averaging ``number`` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            work()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times)


def milliseconds(seconds: float) -> str:
    """A duration in ms with about three significant figures."""
    ms = seconds * 1e3
    return f"{ms:.3g} ms" if ms >= 0.001 else f"{ms:.2e} ms"


def report(label: str, first: str, t_first: float, second: str, t_second: float) -> None:
    """One line: both timings and how many times slower the first is."""
    ratio = t_first / t_second
    shown = f"{ratio:,.0f}x" if ratio >= 10 else f"{ratio:.2f}x"
    print(f"{label}: {first} {milliseconds(t_first)}, {second} {milliseconds(t_second)}, ratio {shown}")


def bench_matmul(n: int, repeats: int) -> None:
    """From-scratch triple loop against BLAS on random n × n matrices."""
    rng = np.random.default_rng(0)
    A, B = rng.normal(size=(n, n)), rng.normal(size=(n, n))
    assert np.allclose(matmul(A, B), A @ B)
    scratch = median_seconds(lambda: matmul(A, B), repeats)
    blas = median_seconds(lambda: np.matmul(A, B), repeats=7, number=200)
    report(f"matmul {n}x{n}", "scratch", scratch, "numpy", blas)


def bench_least_squares(rows: int, columns: int, repeats: int) -> None:
    """Normal equation (XᵀX w = Xᵀy) against SVD-based lstsq on a tall problem."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(rows, columns))
    y = X @ rng.normal(size=columns) + rng.normal(size=rows)
    assert np.allclose(normal_equation(X, y), np.linalg.lstsq(X, y, rcond=None)[0])
    normal = median_seconds(lambda: normal_equation(X, y), repeats)
    lstsq = median_seconds(lambda: np.linalg.lstsq(X, y, rcond=None), repeats)
    report(f"least squares {rows}x{columns}", "normal_equation", normal, "lstsq", lstsq)


def main() -> None:
    print("median of several runs each; ratio = first time / second time (above 1: first is slower)")
    bench_matmul(32, repeats=15)
    bench_matmul(128, repeats=5)
    bench_least_squares(100_000, 10, repeats=9)


if __name__ == "__main__":
    main()
