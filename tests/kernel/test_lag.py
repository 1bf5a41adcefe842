"""The lag meter the kernel's robustness tests rely on: it sees a loop held by a blocking
call, and leaves out the time the whole process was held."""

from __future__ import annotations

import time

import pytest

from .lag import MAX_LAG, LagMeter, overlap


def test_overlap_counts_only_the_covered_seconds():
    assert overlap(1.0, 2.0, []) == 0.0
    assert overlap(1.0, 2.0, [(0.0, 1.25), (1.5, 1.75), (1.9, 3.0)]) == pytest.approx(0.25 + 0.25 + 0.1)
    assert overlap(1.0, 2.0, [(2.5, 3.0), (0.0, 0.5)]) == 0.0


async def test_a_loop_held_by_a_blocking_call_is_late_by_the_whole_call():
    # time.sleep lets other threads run, as a synchronous read of the child or a wait on its
    # exit does: the meter's thread ticks on while the loop is held.
    async with LagMeter() as meter:
        time.sleep(2 * MAX_LAG)
    assert meter.loop_lag > MAX_LAG, f"a loop held for {2 * MAX_LAG} s was late by {meter.loop_lag:.3f} s"
    assert meter.max_lag >= meter.loop_lag
