"""Checks an exercise by running the learner's code in a checking child of the kernel engine.

:class:`Checker` starts a :class:`~tutor.kernel.client.Kernel` of its own for
each check (never the REPL's, never in the app's process), sends one cell that
calls :func:`tutor.grading.harness.run`, and reads the JSON report back with
``get_array``. The child enforces a time limit per case and a budget for all
of them; if the cell is still running a little after the budget (a loop that
swallows the alarm, a C call that never returns), the checker interrupts it
and the kernel kills the child after its grace period. Whatever happens, the
answer is a :class:`~tutor.grading.report.CheckReport`: a never-returning
solution is reported within about ``budget + margin + grace`` seconds after the
child is ready, whatever the number of cases.

Usage::

    checker = Checker()
    report = await checker.check(exercise, code)

``Checker(reuse_child=True)`` keeps one checking child for several checks
(each still runs in a fresh namespace); call :meth:`Checker.close` after.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tutor.grading.report import CheckReport

if TYPE_CHECKING:
    from tutor.kernel.client import Kernel, Result
    from tutor.lesson.format import Exercise

CASE_LIMIT = 2.0
"""Seconds one call of the learner's function may take."""
BUDGET = 5.0
"""Seconds all the cases of one check may take together, in the child."""
MARGIN = 0.5
"""Seconds past the budget before the checker interrupts the child."""
GRACE = 1.0
"""Seconds after the interrupt before the kernel kills the child."""
MEMORY_CAP = 384 << 20
"""Address space the checking child may add to what it maps at start-up (384 MiB): plenty for
the exercises, and a memory bomb meets MemoryError in well under a second."""
SEED = 20240
"""The default seed of the random inputs: the same inputs every run, so a fix can be seen to work."""

REPORT_NAME = "_tutor_check_report"
CELL = "from tutor.grading.harness import run as _tutor_check_run\n{name} = _tutor_check_run({spec!r})\n"


@dataclass(kw_only=True)
class Checker:
    """Runs exercise checks, each in a checking child (a fresh one unless `reuse_child`)."""

    case_limit: float = CASE_LIMIT
    budget: float = BUDGET
    margin: float = MARGIN
    grace: float = GRACE
    memory_cap: int = MEMORY_CAP
    seed: int = SEED
    reuse_child: bool = False
    _kernel: Kernel | None = field(default=None, init=False, repr=False)

    @property
    def deadline(self) -> float:
        """Seconds after which a running check is interrupted."""
        return self.budget + self.margin

    async def check(self, exercise: Exercise, code: str, *, seed: int | None = None) -> CheckReport:
        """Check `code` against `exercise`'s checks; never raises for anything the code does."""
        from tutor.kernel.client import KernelError

        started = time.monotonic()
        kernel = self._kernel if self.reuse_child and self._kernel is not None else self._new_kernel()
        if self.reuse_child:
            self._kernel = kernel
        try:
            await kernel.start()
            result, stopped = await self._run(kernel, exercise, code, self.seed if seed is None else seed)
            if result.ok:
                data = await kernel.get_array(REPORT_NAME)
                return CheckReport.from_json(bytes(data).decode("utf-8"))
            return self._failure(exercise.id, result, stopped, time.monotonic() - started)
        except (KernelError, ValueError, TypeError) as error:  # a child that could not start or answer
            return CheckReport.failure(
                exercise.id, f"The checking process failed: {error}", elapsed=time.monotonic() - started
            )
        finally:
            if not self.reuse_child:
                await asyncio.shield(kernel.shutdown())

    async def close(self) -> None:
        """Stop a kept checking child."""
        kernel, self._kernel = self._kernel, None
        if kernel is not None:
            await kernel.shutdown()

    # -- internals ------------------------------------------------------------------------

    def _new_kernel(self) -> Kernel:
        from tutor.kernel.client import Kernel

        return Kernel(grace=self.grace, memory_cap=self.memory_cap)

    async def _run(self, kernel: Kernel, exercise: Exercise, code: str, seed: int) -> tuple[Result, bool]:
        """Run the checking cell; interrupt it at the deadline. (result, whether it was stopped)."""
        spec = json.dumps(
            {
                "exercise_id": exercise.id,
                "code": code,
                "check": exercise.checks,
                "seed": seed,
                "case_limit": self.case_limit,
                "budget": self.budget,
            }
        )
        running = asyncio.ensure_future(kernel.run(CELL.format(name=REPORT_NAME, spec=spec)))
        try:
            done, _ = await asyncio.wait({running}, timeout=self.deadline)
            stopped = not done
            if stopped:
                await kernel.interrupt()
            return await running, stopped
        finally:
            running.cancel()

    def _failure(self, exercise_id: str, result: Result, stopped: bool, elapsed: float) -> CheckReport:
        """A report for a checking cell that did not finish normally."""
        if stopped:
            problem = (
                f"Your code was still running after {self.deadline:g} s and was stopped: look for a loop "
                "that never ends (one that catches every exception also swallows the time limit)."
            )
        elif result.died:
            how = f"exit code {result.exit_code}" if result.exit_code is not None else f"{result.exit_signal}"
            problem = (
                f"Your code ended the checking process ({how}). Code that calls os._exit() or crashes "
                "Python cannot be checked; if it was killed, it may have used too much memory."
            )
        elif result.error == "MemoryError":
            problem = "Your code used so much memory that the checks could not finish."
        elif result.error == "KeyboardInterrupt":
            problem = "The checks were interrupted before they finished."
        else:
            problem = f"The checker failed ({result.error}: {result.error_message})."
        return CheckReport.failure(exercise_id, problem, elapsed=elapsed)
