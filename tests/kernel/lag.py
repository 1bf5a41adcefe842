"""Measures how late a 10 ms ticker runs while the kernel handles a case (event-loop health)."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from types import TracebackType

TICK = 0.01
MAX_LAG = 0.25
"""The most a tick may be late while the kernel handles a hostile cell. A loop that blocks on
the child (a synchronous read, a wait on its exit) is late by the whole case, seconds; a loop
that stays free is late by a scheduling hiccup, tens of milliseconds on a busy machine (the
suite runs on both cores at once), so a quarter of a second tells the two apart."""


class LagMeter:
    """``async with LagMeter() as meter: ...`` then ``meter.max_lag`` (seconds)."""

    def __init__(self, tick: float = TICK) -> None:
        self.tick = tick
        self.max_lag = 0.0
        self.ticks = 0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            before = loop.time()
            await asyncio.sleep(self.tick)
            self.max_lag = max(self.max_lag, loop.time() - before - self.tick)
            self.ticks += 1

    async def __aenter__(self) -> LagMeter:
        # What earlier tests left for the collector is collected now, not in the middle of the
        # case: a full collection of a long-running test worker is a pause of a tenth of a
        # second and more in this process, which has nothing to do with the kernel.
        gc.collect()
        self._task = asyncio.create_task(self._run())
        await asyncio.sleep(0)
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        assert self._task is not None
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
