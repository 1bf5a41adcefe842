"""The REPL controller's background jobs as asyncio tasks, for when no app runs them.

The pane hands its controller Textual's ``run_worker``, so the jobs are the pane's
workers: they end with the pane, and an error in one is the app's. Tests and scripts
drive a controller with no app; it then runs its jobs with :class:`Jobs`, which keeps
the same rules: a job started in an ``exclusive`` group cancels that group's running
jobs, and :meth:`Jobs.close` cancels them all and raises the first error a job ended
with (so a failing job fails the test that drove it).
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any


class Jobs:
    """Running asyncio tasks, each in a named group."""

    def __init__(self) -> None:
        self._running: dict[asyncio.Task[Any], str] = {}
        self._errors: list[BaseException] = []

    def start(self, work: Coroutine[Any, Any, Any], *, group: str = "default", exclusive: bool = False) -> asyncio.Task[Any]:
        """Run ``work`` as a task (after cancelling the group's running jobs, if ``exclusive``)."""
        if exclusive:
            for task, name in self._running.items():
                if name == group:
                    task.cancel()
        task = asyncio.create_task(work, name=group)
        self._running[task] = group
        task.add_done_callback(self._finished)
        return task

    def running(self, group: str | None = None) -> int:
        """How many jobs run (in ``group``, or in all)."""
        return sum(1 for name in self._running.values() if group is None or name == group)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._running.pop(task, None)
        if not task.cancelled() and task.exception() is not None:
            self._errors.append(task.exception())  # type: ignore[arg-type]

    async def close(self) -> None:
        """Cancel every running job, wait for them, and raise the first error one ended with."""
        tasks = list(self._running)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._errors:
            error, self._errors = self._errors[0], []
            raise error
