"""Measures how late a 10 ms ticker runs while the kernel handles a case (event-loop health)."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import threading
import time
from types import TracebackType

TICK = 0.01
LATE = 0.001
"""A tick this much behind its time is noted as late (seconds); less is the clock's grain."""
MAX_LAG = 0.25
"""The most the loop's ticks may be late, beyond the whole process (`LagMeter.loop_lag`), while
the kernel handles a hostile cell. A loop that blocks on the child (a synchronous read, a wait
on its exit) is late by the whole case, seconds; a loop that stays free is late by a hiccup,
tens of milliseconds, so a quarter of a second tells the two apart."""


def overlap(start: float, end: float, spans: list[tuple[float, float]]) -> float:
    """Seconds of [start, end] that `spans` (not overlapping each other) cover."""
    return sum(max(0.0, min(end, stop) - max(start, begin)) for begin, stop in spans)


class LagMeter:
    """``async with LagMeter() as meter: ...`` then ``meter.max_lag`` (seconds), or
    ``meter.loop_lag``: the lag beyond what the whole process shared.

    A ticker in the event loop and another in a thread of its own both note when they wake
    late. `max_lag` is how late the loop's ticks came; `loop_lag` is how late they came beyond
    the moments the thread's were late too. When both are late the whole process was held
    up: by the machine, busy with the rest of the suite, or by a long call in C that keeps the
    GIL. (Before the thread, full runs of the suite on two busy cores now and then saw the loop
    0.25-0.6 s late in cases where the kernel did nothing slow.) When only the loop is late,
    something in the loop held it while other threads could run: a synchronous read of the
    child or a wait on its exit, what the kernel's tests look for. The collector is held off while measuring, after a collection of what earlier tests left:
    a worker holding the whole suite pauses for a tenth of a second and more to walk it.
    """

    def __init__(self, tick: float = TICK) -> None:
        self.tick = tick
        self.max_lag = 0.0
        self.loop_lag = 0.0
        self.loop_late: list[tuple[float, float]] = []
        """(when the loop's tick was due, when it came), for its late ticks."""
        self.thread_late: list[tuple[float, float]] = []
        """The same for the thread's ticks."""
        self._task: asyncio.Task[None] | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._collecting = True
        self._due: float | None = None
        """When the loop's tick now waiting is due."""

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()  # its clock is time.monotonic, as the thread's
        while True:
            self._due = due = loop.time() + self.tick
            await asyncio.sleep(self.tick)
            if (now := loop.time()) > due + LATE:
                self.loop_late.append((due, now))

    def _watch(self) -> None:
        while True:
            due = time.monotonic() + self.tick
            if self._stop.wait(self.tick):
                return
            if (now := time.monotonic()) > due + LATE:
                self.thread_late.append((due, now))

    async def __aenter__(self) -> LagMeter:
        gc.collect()
        self._collecting = gc.isenabled()
        gc.disable()
        self._thread = threading.Thread(target=self._watch, name="lag-meter", daemon=True)
        self._thread.start()
        self._task = asyncio.create_task(self._run())
        await asyncio.sleep(0)
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        assert self._task is not None and self._thread is not None
        now = asyncio.get_running_loop().time()
        if self._due is not None and now > self._due + LATE:  # the last tick, held up to the end
            self.loop_late.append((self._due, now))
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._stop.set()
        self._thread.join()
        if self._collecting:
            gc.enable()
        self.max_lag = max((end - due for due, end in self.loop_late), default=0.0)
        self.loop_lag = max(
            (end - due - overlap(due, end, self.thread_late) for due, end in self.loop_late), default=0.0
        )
