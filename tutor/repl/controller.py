"""Running the learner's cells in the session's kernel: what the REPL pane drives.

A :class:`ReplController` belongs to one REPL pane (one lesson screen) and drives the
app's :class:`~tutor.repl.session.ReplSession`:

* it starts the kernel child if none runs and runs the lesson's setup in a child that has
  not run it (a child the previous screen's pane left keeps its variables);
* it runs cells one after another: a cell entered while one runs waits its turn, as a
  typed-ahead line does in Python, and ``interrupt`` drops the waiting ones;
* it notices a child lost between cells (``kill -9`` from outside, say), says so, and has
  the setup run again in the fresh child the kernel started; a child lost while a cell
  runs is that cell's result, and the setup runs again after it;
* it restarts the kernel on request (variables are lost; the setup runs again).

What happens is told to a :class:`ReplView` (the pane's transcript, or a test's list),
and the background jobs are started through a :class:`Spawn`: the pane passes Textual's
``run_worker``; without one the controller runs asyncio tasks of its own
(:class:`~tutor.repl.jobs.Jobs`), ended by :meth:`ReplController.close`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Protocol

from tutor.kernel.client import KernelDied, KernelError, Plotted, Result, Stream
from tutor.lesson.format import Example, Lesson
from tutor.repl.jobs import Jobs
from tutor.repl.session import ReplSession, assigned_names

KEPT_RESULTS = 50
"""Results of the newest cells kept in :attr:`ReplController.results`."""

BUILTIN_NAMES = "np, math, stats, scipy; plot(), scatter(), hist() and bar() draw here"


class ReplView(Protocol):
    """What a controller tells its view, in the order it happens."""

    def echo(self, source: str) -> None:
        """An input is about to run (show it as the prompt showed it)."""

    def output(self, stream: str, text: str) -> None:
        """A cell printed ``text`` on ``stream`` (``stdout``/``stderr``), not always whole lines."""

    def end_output(self) -> None:
        """The cell's output ended: an unfinished last line is complete."""

    def value(self, text: str) -> None:
        """The repr of a cell's final expression."""

    def error(self, text: str) -> None:
        """A traceback or error message."""

    def note(self, text: str) -> None:
        """A sentence from the tutor (Python starting, the setup, a lost child)."""

    def plot(self, plotted: Plotted) -> None:
        """A cell drew something."""

    def busy_changed(self, busy: bool) -> None:
        """A cell started running or waiting, or the last one ended (a restart counts too)."""


class Spawn(Protocol):
    """Starts a background job (Textual's ``run_worker`` is one)."""

    def __call__(self, work: Coroutine[Any, Any, Any], *, group: str, exclusive: bool = False) -> object: ...


@dataclass(frozen=True)
class Cell:
    """An input waiting to run, with the setup to run before it (an example's).

    ``as_script``: numpy prints with its own options, so what the cell prints is what the
    same code prints run as a script (the lesson's examples promise that).
    """

    source: str
    setup: str = ""
    note: str | None = None
    as_script: bool = False
    answered: Callable[[], None] | None = None
    """Called once the answer is written (the pane then paints it with its echo); it may
    be called again when the cell is done, so it must be safe to call twice."""


class ReplController:
    """Runs cells in ``session``'s kernel, with ``lesson``'s setup, telling ``view`` what happens."""

    def __init__(
        self,
        session: ReplSession,
        lesson: Lesson | None,
        view: ReplView,
        *,
        spawn: Spawn | None = None,
    ) -> None:
        self.session = session
        self.lesson = lesson
        self.view = view
        self.results: deque[Result] = deque(maxlen=KEPT_RESULTS)
        self.finished = 0
        """Cells that have ended since the pane opened (`results` keeps only the newest)."""
        """The newest cells' results, newest last."""
        self.ready = asyncio.Event()
        """Set once :meth:`start` has started the kernel and run the setup (or failed to)."""
        self._jobs: Jobs | None = None if spawn is not None else Jobs()
        self._spawn: Spawn = spawn if spawn is not None else self._jobs.start  # type: ignore[union-attr]
        self._queue: deque[Cell] = deque()
        self._draining = False
        self._restarts = 0
        self._stop_before_start = False
        self._watching = False

    # -- state ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A cell runs or waits, or the kernel restarts."""
        return self._draining or self._restarts > 0

    @property
    def running_cells(self) -> bool:
        """A cell runs, or waits for the kernel (a newly entered one then waits its turn)."""
        return self._draining

    @property
    def waiting(self) -> int:
        """Cells waiting behind the running one."""
        return len(self._queue)

    # -- start-up and setup --------------------------------------------------------------

    def start(self) -> None:
        """Start the kernel if needed and run the lesson's setup, in the background."""
        self._spawn(self._prepare(), group="repl-prepare")

    async def _prepare(self) -> None:
        """Start the kernel and run the lesson's setup, unless this child already has it."""
        kernel = self.session.kernel
        try:
            if kernel.pid is None:
                self.view.note("Starting Python…")
                await kernel.start()
            self.view.note(f"Ready: {BUILTIN_NAMES}.")
            self._watch_for_loss()
            await self._run_setup(restored=False)
        except KernelError as error:  # the pane stays; the next cell tries again
            self.view.error(f"Python could not start: {error}")
        finally:
            self.ready.set()

    def _watch_for_loss(self) -> None:
        """Say so when Python dies between cells (``kill -9`` from outside, say): the kernel
        has started a fresh child by then, and the lesson's setup runs again in it.

        A death while a cell runs is that cell's result, reported by :meth:`_report`.
        """
        if not self._watching:
            self._watching = True
            self._spawn(self._watch(), group="repl-watch")

    async def _watch(self) -> None:
        try:
            while True:
                try:
                    info = await self.session.kernel.replace_when_lost()
                    self.session.setup_for = None
                    self.view.note(
                        f"Python stopped unexpectedly ({info.describe()}) while waiting for input. "
                        "A fresh one has started; your variables were lost."
                    )
                    await self._run_setup(restored=True)
                except KernelDied as error:
                    self.view.error(f"Python stopped and could not start again: {error}")
                    return
                except KernelError:  # shut down, or no child now: the next cell starts one
                    return
        finally:
            self._watching = False

    async def _run_setup(self, *, restored: bool) -> None:
        """Run the lesson's setup in the kernel if the current child has not run it."""
        lesson = self.lesson
        if lesson is None or not lesson.repl_setup.strip():
            return
        if self.session.setup_for == lesson.id:
            if not restored:
                self.view.note("Your variables from before are still here.")
            return
        result = await self.session.kernel.run(lesson.repl_setup)
        names = ", ".join(name for name in assigned_names(lesson.repl_setup) if name != "np")
        if not result.ok:
            self.view.error(result.traceback or f"{result.error}: {result.error_message}")
            self.view.note("The lesson's setup failed; its variables may be missing.")
            return
        self.session.setup_for = lesson.id
        if restored:
            self.view.note(f"The lesson's setup ran again, so its variables are back: {names}.")
        else:
            self.view.note(f"The lesson's setup ran: {names}.")

    # -- what the learner enters ---------------------------------------------------------

    def enter(self, source: str, answered: Callable[[], None] | None = None) -> None:
        """The learner finished an input at the prompt: remember it and run it.

        A blank input is only echoed. ``answered`` is the cell's (see :class:`Cell`); a
        cell that must wait its turn calls it at once, so its echo shows it waiting.
        """
        if not source.strip():
            self.view.echo(source)
            if answered is not None:
                answered()
            return
        self.session.remember(source.rstrip())
        if self._draining and answered is not None:
            answered()  # it waits behind the running cell: show it waiting now
            answered = None
        self.run_source(source, answered=answered)

    def discard(self, source: str) -> None:
        """ctrl+c at an idle prompt: the input is dropped, as Python drops it."""
        if source.strip():
            self.view.echo(source)
        self.view.error("KeyboardInterrupt")
        self.session.history.reset()

    def run_example(self, example: Example) -> None:
        """Run a lesson example with its setup, as if the learner had pasted it."""
        code = example.code.strip("\n")
        note = None
        if example.setup.strip():
            count = len(example.setup.strip("\n").split("\n"))
            note = f"(the example's setup ran first: {count} lines)"
        self.session.remember(code)
        self.run_source(code, setup=example.setup, note=note, as_script=True)

    # -- running cells -------------------------------------------------------------------

    def run_source(
        self,
        source: str,
        *,
        setup: str = "",
        note: str | None = None,
        as_script: bool = False,
        answered: Callable[[], None] | None = None,
    ) -> None:
        """Echo ``source`` and run it, after ``setup`` (run without an echo) when given.

        Cells entered while one runs wait their turn, as typed-ahead lines do in Python.
        """
        self._queue.append(Cell(source, setup, note, as_script, answered))
        if not self._draining:
            self._draining = True
            self.view.busy_changed(self.busy)
            self._spawn(self._drain(), group="repl-cell")

    async def _drain(self) -> None:
        """Run queued cells one after another."""
        try:
            await self.ready.wait()
            while self._queue:
                cell = self._queue.popleft()
                try:
                    await self._run(cell)
                except KernelError as error:  # the kernel was shut down (the app is closing)
                    self.view.error(f"Python is not running: {error}")
                finally:
                    if cell.answered is not None:
                        cell.answered()
        finally:
            self._draining = False
            self.view.busy_changed(self.busy)
            if self.session.kernel.pid is not None:
                self._watch_for_loss()  # again, if a failed start had ended the watch

    async def _run(self, cell: Cell) -> None:
        if cell.setup.strip() and not self._stop_before_start:
            setup_result = await self._execute(cell.setup, as_script=cell.as_script)
            if cell.note:
                self.view.note(cell.note)
            if setup_result is not None and not setup_result.ok:
                return
        self.view.echo(cell.source)
        if self._stop_before_start:
            self._stop_before_start = False
            self.view.error("KeyboardInterrupt")
            return
        result = await self._execute(cell.source, as_script=cell.as_script)
        if cell.answered is not None:
            cell.answered()  # the answer is written: paint it with its echo
        if result is not None and result.namespace_lost and result.error != "KernelRestarted":
            self.session.setup_for = None
            await self._run_setup(restored=True)

    async def _execute(self, source: str, *, as_script: bool = False) -> Result | None:
        """Run one cell, telling its output as it comes and then how it ended."""
        result: Result | None = None
        events = self.session.kernel.execute(source, numpy_defaults=as_script)
        async with contextlib.aclosing(events):
            async for event in events:
                if isinstance(event, Stream):
                    self.view.output(event.name, event.text)
                elif isinstance(event, Plotted):
                    self.view.plot(event)
                else:
                    result = event
        if result is not None:
            self.results.append(result)
            self.finished += 1
            self._report(result)
        return result

    def _report(self, result: Result) -> None:
        view = self.view
        view.end_output()
        if result.value_repr is not None:
            view.value(result.value_repr)
        if result.error is not None:
            if result.traceback:
                view.error(result.traceback)
            elif result.error == "KeyboardInterrupt":
                view.error("KeyboardInterrupt")
            elif not result.message:
                view.error(f"{result.error}: {result.error_message}")
        if result.message:
            view.note(result.message)

    # -- stopping ------------------------------------------------------------------------

    def interrupt(self) -> None:
        """Interrupt the running cell and drop the ones waiting, in the background."""
        self._spawn(self._interrupt(), group="repl-interrupt")

    async def _interrupt(self) -> None:
        """Interrupt the running cell and drop the ones waiting; one not started yet will not."""
        dropped = len(self._queue)
        self._queue.clear()
        if dropped:
            self.view.note(f"({dropped} waiting input{'s' if dropped > 1 else ''} dropped)")
        if not await self.session.kernel.interrupt():
            self._stop_before_start = self._draining

    def restart(self) -> None:
        """Start a fresh kernel (variables are lost) and run the lesson's setup again, in the
        background (a restart asked for while one runs replaces it)."""
        self._spawn(self._restart(), group="repl-restart", exclusive=True)

    async def _restart(self) -> None:
        self.view.note("Restarting Python…")
        self._restarts += 1
        self.view.busy_changed(self.busy)
        try:
            await self.session.kernel.restart()
            self.session.setup_for = None
            self.view.note("Python restarted with a fresh namespace.")
            await self._run_setup(restored=True)
        except KernelError as error:  # a fresh child could not start: the next cell tries again
            self.view.error(f"Python could not restart: {error}")
        finally:
            self._restarts -= 1
            self.view.busy_changed(self.busy)

    async def close(self) -> None:
        """End the controller's own background jobs (none when the pane's workers run them:
        those end with the pane). The session and its kernel live on."""
        if self._jobs is not None:
            await self._jobs.close()
