"""The tutor's handle on the REPL kernel: an asyncio class for Textual's event loop.

:class:`Kernel` runs learner code in a persistent child process (see
:mod:`tutor.kernel.child`) and never blocks the loop: all I/O is asyncio pipes, no
threads. One request runs at a time (an :class:`asyncio.Lock`); cells queue behind
each other.

Usage::

    kernel = Kernel(width=100)
    await kernel.start()                      # optional: every call starts the child if needed
    async for event in kernel.execute("for i in range(3): print(i)"):
        ...                                   # Stream events, a Plotted if it drew, one Result
    result = await kernel.run("1 + 1")       # Result(ok=True, value_repr='2', ...)
    await kernel.interrupt()                  # stop the running cell (from another task)
    await kernel.shutdown()

Failure handling:

* interrupt: SIGINT, so the cell gets KeyboardInterrupt. If it is still running after
  ``grace`` seconds (or at a second interrupt), the child's process group is killed, a
  fresh child is started, and the cell's result says so (``interrupted``, ``restarted``,
  ``namespace_lost``).
* the child dies by itself (``os._exit``, a segfault): the running cell's result has
  ``died=True``, ``error == "KernelDied"``, the exit code or signal name and the last
  stderr lines, and a fresh child is started at once. Any other pending call
  (``get_array``, ``set_variables``, ``config``) raises :class:`KernelDied` instead. If
  the child dies between calls, the next cell's result reports ``restarted`` and
  ``namespace_lost``, unless someone waiting in :meth:`Kernel.replace_when_lost` (the
  REPL pane) has already been told and has had a fresh child started.
* ``complete`` is best effort: it answers no matches while a cell runs, if the kernel
  fails, or (after interrupting it) if completing takes longer than ``complete_timeout``.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import sys
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tutor.kernel import arrays, protocol
from tutor.kernel.completeness import Completeness, is_complete
from tutor.kernel.process import ChildProcess, Reply
from tutor.kernel.reports import cell_result, death_result, start_failure_result
from tutor.kernel.results import (
    Completion,
    ExitInfo,
    KernelDied,
    KernelError,
    Plotted,
    PlotSeries,
    Result,
    Stream,
)

if TYPE_CHECKING:
    import numpy

__all__ = [
    "Completeness",
    "Completion",
    "Kernel",
    "KernelDied",
    "KernelError",
    "PlotSeries",
    "Plotted",
    "Result",
    "Stream",
    "is_complete",
]

Event = Stream | Plotted | Result
_RESPAWNING_REASONS = (None, "interrupt", "protocol error")


class _Inflight:
    """The request the child is working on, for interrupts and their grace timer."""

    def __init__(self, request_id: int, child: ChildProcess) -> None:
        self.request_id = request_id
        self.child = child
        self.interrupted = False
        self.started = False  # the child said it is running the request (SIGINT now safe)
        self.finished = False
        self.grace_timer: asyncio.TimerHandle | None = None

    def close(self) -> None:
        self.finished = True
        if self.grace_timer is not None:
            self.grace_timer.cancel()


class _Ticket:
    """One call of :meth:`Kernel.execute`, so an abandoned cell can be stopped."""

    def __init__(self) -> None:
        self.abandoned = False
        self.interrupt_requested = False  # interrupted while still queued
        self.inflight: _Inflight | None = None


@dataclass(frozen=True, kw_only=True)
class KernelSettings:
    """How a kernel's child is started and limited. `width` and `plot_size` are where it starts:
    `Kernel.configure` changes them while it runs."""

    width: int = 80
    plot_size: tuple[int, int] = (80, 20)
    grace: float = 2.0
    """Seconds after an interrupt before a cell that ignores it is ended by restarting the child."""
    memory_fraction: float | None = protocol.DEFAULT_MEMORY_FRACTION
    memory_cap: int | None = protocol.DEFAULT_MEMORY_CAP
    nice: int = 5
    complete_timeout: float = 1.0
    start_timeout: float = 30.0
    python: str = sys.executable
    cwd: str | None = None
    env: dict[str, str] | None = None


class Kernel:
    """A persistent Python kernel in a child process, driven from an asyncio loop.

    `Kernel(width=100, grace=0.5)` takes any field of `KernelSettings` by name.
    """

    is_complete = staticmethod(is_complete)

    def __init__(self, **settings: Any) -> None:
        self.settings = KernelSettings(**settings)
        self._width = self.settings.width
        self._plot_size = (int(self.settings.plot_size[0]), int(self.settings.plot_size[1]))
        self._lock = asyncio.Lock()
        self._ids = itertools.count(1)
        self._child: ChildProcess | None = None
        self._inflight: _Inflight | None = None
        self._unreported_exit: ExitInfo | None = None
        self._closed = False
        self._cell_tasks: set[asyncio.Task[None]] = set()
        self._queued: list[_Ticket] = []

    # -- state --------------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        """Process id of the live child, if any."""
        child = self._child
        return child.pid if child is not None and child.alive else None

    @property
    def busy(self) -> bool:
        """A request (usually a cell) is running or queued."""
        return self._lock.locked()

    @property
    def memory_limit(self) -> int | None:
        """The child's address-space limit in bytes (``None``: none, or not started)."""
        child = self._child
        if child is None or not child.ready.done():
            return None
        return child.ready.result().get("memory_limit")

    # -- life cycle ---------------------------------------------------------------------

    async def start(self) -> None:
        """Start the child and wait until it is ready (raises KernelDied if it cannot start)."""
        self._closed = False
        async with self._lock:
            await self._ensure_child()

    async def restart(self) -> None:
        """Replace the child with a fresh one (a running cell is stopped; variables are lost)."""
        self._check_open()
        self._kill_current("restart")
        async with self._lock:
            old = self._child
            if old is not None:
                old.death_reported = True
                old.kill("restart")
                await old.exited
            self._unreported_exit = None
            self._child = await self._spawn()
            await self._ensure_child()

    async def replace_when_lost(self) -> ExitInfo:
        """Wait until the child dies between requests (``kill -9`` from outside, say), start a
        fresh one, and return how the old one ended. The next cell then does not report it.

        A death during a request is that request's to report, and a restart or shutdown is
        no death: both are waited past. Raises KernelError when the kernel is shut down or
        has no child (start it first), KernelDied when no fresh child can start.
        """
        while True:
            self._check_open()
            child = self._child
            if child is None:
                raise KernelError("The kernel is not running.")
            if not child.death_reported:  # (else it is being replaced, or failed to be)
                await asyncio.wait({child.exited})  # never cancels the future itself
            async with self._lock:
                self._check_open()
                if child is not self._child:
                    continue  # replaced meanwhile (a restart, a cell that saw it die): watch the new one
                if child.death_reported:
                    raise KernelError("The kernel is not running.")  # its replacement could not start
                child.death_reported = True
                self._unreported_exit = None
                self._child = await self._spawn()
                await self._ensure_child()
                return child.exited.result()

    async def shutdown(self) -> None:
        """Stop the child (and anything it started). Later calls raise until ``start()``."""
        self._closed = True
        self._kill_current("shutdown")
        async with self._lock:
            child, self._child = self._child, None
            if child is not None:
                child.death_reported = True
                child.kill("shutdown")
                await child.exited

    # -- cells --------------------------------------------------------------------------

    async def execute(self, code: str, *, numpy_defaults: bool = False) -> AsyncGenerator[Event, None]:
        """Run a cell: yields :class:`Stream` events as output arrives, a :class:`Plotted`
        if the cell drew something, then one :class:`Result`.

        With ``numpy_defaults`` the cell prints arrays with numpy's own options (line width
        75, summaries past 1,000 values), exactly as the same code run as a script would,
        instead of the REPL's (the pane's width, summaries past 200 values).

        Leaving the loop before the result interrupts the cell.
        """
        events: asyncio.Queue[Event | BaseException] = asyncio.Queue()
        ticket = _Ticket()
        self._queued.append(ticket)
        task = asyncio.create_task(self._run_cell(code, ticket, events.put_nowait, numpy_defaults))
        self._cell_tasks.add(task)  # it runs to completion even if the caller stops listening
        task.add_done_callback(self._cell_tasks.discard)
        finished = False
        try:
            while True:
                event = await events.get()
                if isinstance(event, BaseException):
                    raise event
                if isinstance(event, Result):
                    finished = True
                yield event
                if finished:
                    return
        finally:
            if not finished:
                ticket.abandoned = True
                self._dequeue(ticket)
                if ticket.inflight is not None:
                    self._interrupt_inflight(ticket.inflight)

    async def run(self, code: str, *, numpy_defaults: bool = False) -> Result:
        """Run a cell and return its :class:`Result` (``Result.stdout`` has all its output)."""
        async with contextlib.aclosing(self.execute(code, numpy_defaults=numpy_defaults)) as events:
            async for event in events:
                if isinstance(event, Result):
                    return event
        raise KernelError("the cell ended without a result")

    async def interrupt(self) -> bool:
        """Interrupt the running request; ``False`` if nothing was running or queued.

        With nothing in flight, the next queued cell is interrupted as soon as it starts
        (a stop pressed right after Enter still counts). A second call during the grace
        period kills the child at once.
        """
        inflight = self._inflight
        if inflight is not None and not inflight.finished:
            self._interrupt_inflight(inflight)
            return True
        if self._queued:
            self._queued[0].interrupt_requested = True
            return True
        return False

    # -- other requests -----------------------------------------------------------------

    async def complete(self, text: str, cursor: int | None = None) -> Completion:
        """Completions for the name before ``cursor`` (default: end of ``text``)."""
        cursor = len(text) if cursor is None else max(0, min(cursor, len(text)))
        nothing = Completion(cursor, cursor)
        if self._lock.locked() or self._closed:
            return nothing
        try:
            reply = await self._request(
                {"type": protocol.COMPLETE, "text": text, "cursor": cursor}, timeout=self.settings.complete_timeout
            )
        except KernelError:
            return nothing
        start = int(reply.message["start"])
        return Completion(start, cursor, tuple(str(match) for match in reply.message["matches"]))

    async def get_array(self, name: str, max_points: int | None = None) -> numpy.ndarray:
        """The learner's variable ``name`` as a (read-only) numpy array.

        With ``max_points``, a longer 1-D array is reduced in the child to at most that
        many values (min and max of each bucket, in order) for plotting. Raises
        KernelError (``error_type`` "NameError", "TypeError", ...) when it cannot.
        """
        if max_points is not None and max_points < 2:
            raise ValueError("max_points must be at least 2")
        reply = await self._request({"type": protocol.GET_ARRAY, "name": name, "max_points": max_points})
        return arrays.from_wire(reply.message, reply.payload)

    async def set_variables(self, **variables: Any) -> None:
        """Put lesson variables in the learner's namespace.

        numpy arrays and numpy scalars travel as raw bytes; numbers, strings, ``None``,
        lists and string-keyed dicts of those travel as JSON (tuples arrive as lists).
        """
        values, headers, buffers = arrays.encode_variables(variables)
        await self._request({"type": protocol.SET_VARIABLES, "values": values, "arrays": headers}, buffers)

    async def config(self, *, width: int | None = None, plot_size: tuple[int, int] | None = None) -> None:
        """Set numpy's print width (also for every later child), and the plot size
        (columns, rows) the plotting functions reduce their data for (sent with each cell).

        Never waits behind a running cell: then the width travels with the next cell.
        """
        if plot_size is not None:
            self._plot_size = (int(plot_size[0]), int(plot_size[1]))
        if width is None:
            return
        self._width = int(width)
        child = self._child
        if child is not None and child.alive and not self._closed and not self._lock.locked():
            await self._request({"type": protocol.CONFIG, "width": self._width})

    # -- internals: children ------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise KernelError("The kernel has been shut down; call start() to use it again.")

    async def _spawn(self) -> ChildProcess:
        options = {
            "width": self._width,
            "memory_fraction": self.settings.memory_fraction,
            "memory_cap": self.settings.memory_cap,
            "nice": self.settings.nice,
            "parent_pid": os.getpid(),
        }
        try:
            settings = self.settings
            child = await ChildProcess.spawn(options, python=settings.python, cwd=settings.cwd, environ=settings.env)
        except OSError as error:
            raise KernelDied(ExitInfo(None, str(error)), f"The kernel could not start: {error}") from error
        child.on_started = self._on_started
        return child

    async def _ensure_child(self) -> ChildProcess:
        """The live, ready child, starting one if needed (call with the lock held)."""
        self._check_open()
        child = self._child
        if child is None or not child.alive:
            if child is not None and not child.death_reported:
                child.death_reported = True
                self._unreported_exit = child.exited.result() if child.exited.done() else ExitInfo(None)
            child = self._child = await self._spawn()
        await child.wait_ready(self.settings.start_timeout)
        self._check_open()
        return child

    async def _after_death(self, child: ChildProcess, info: ExitInfo) -> bool:
        """Note a death reported to the caller; start a fresh child unless it was on purpose."""
        child.death_reported = True
        if self._closed or info.kill_reason not in _RESPAWNING_REASONS or self._child is not child:
            return False
        try:
            self._child = await self._spawn()
        except KernelDied:
            self._child = None
            return False
        return True

    def _kill_current(self, reason: str) -> None:
        """Kill a child that is busy (or any child, for shutdown) so the lock frees soon."""
        child = self._child
        if child is not None and (self._inflight is not None or reason == "shutdown"):
            child.kill(reason)

    # -- internals: interrupts ----------------------------------------------------------

    def _dequeue(self, ticket: _Ticket) -> None:
        if ticket in self._queued:
            self._queued.remove(ticket)

    def _interrupt_inflight(self, inflight: _Inflight) -> None:
        if inflight.finished or not inflight.child.alive:
            return
        if inflight.interrupted:
            inflight.child.kill("interrupt")
            return
        inflight.interrupted = True
        if inflight.started:
            inflight.child.interrupt()
        # else: _on_started sends it. The grace runs from now, so a wedged child still dies.
        loop = asyncio.get_running_loop()
        inflight.grace_timer = loop.call_later(self.settings.grace, self._grace_expired, inflight)

    def _on_started(self, request_id: int) -> None:
        inflight = self._inflight
        if inflight is None or inflight.request_id != request_id or inflight.finished:
            return
        inflight.started = True
        if inflight.interrupted:
            inflight.child.interrupt()

    @staticmethod
    def _grace_expired(inflight: _Inflight) -> None:
        if not inflight.finished:
            inflight.child.kill("interrupt")

    # -- internals: requests ------------------------------------------------------------

    async def _request(
        self, message: protocol.Message, payload: list[memoryview] | None = None, *, timeout: float | None = None
    ) -> Reply:
        """Send one non-cell request and wait for its reply (raises KernelDied / KernelError)."""
        async with self._lock:
            child = await self._ensure_child()
            request_id = next(self._ids)
            queue = child.subscribe(request_id)
            inflight = self._inflight = _Inflight(request_id, child)
            waiting = asyncio.ensure_future(queue.get())
            try:
                child.send({**message, "id": request_id}, payload)
                await child.drain()
                done, _ = await asyncio.wait({waiting}, timeout=timeout)
                if not done:
                    self._interrupt_inflight(inflight)
                reply = await waiting
            finally:
                waiting.cancel()
                inflight.close()
                self._inflight = None
                child.unsubscribe(request_id)
            if isinstance(reply, ExitInfo):
                await self._after_death(child, reply)
                raise KernelDied(reply)
            if reply.message["type"] == protocol.ERROR:
                raise KernelError(str(reply.message.get("message", "")), reply.message.get("error_type"))
            return reply

    async def _run_cell(
        self, code: str, ticket: _Ticket, emit: Callable[[Event | BaseException], None], numpy_defaults: bool
    ) -> None:
        try:
            result = await self._run_cell_locked(code, ticket, emit, numpy_defaults)
        except BaseException as error:
            emit(error)
            if isinstance(error, asyncio.CancelledError):
                raise
            return
        finally:
            self._dequeue(ticket)
        if result is not None:
            emit(result)

    async def _run_cell_locked(
        self, code: str, ticket: _Ticket, emit: Callable[[Event | BaseException], None], numpy_defaults: bool
    ) -> Result | None:
        loop = asyncio.get_running_loop()
        async with self._lock:
            if ticket.abandoned:
                return None
            started = loop.time()
            try:
                child = await self._ensure_child()
            except KernelDied as died:
                return start_failure_result(died, loop.time() - started)
            lost, self._unreported_exit = self._unreported_exit, None
            request_id = next(self._ids)
            queue = child.subscribe(request_id)
            inflight = ticket.inflight = self._inflight = _Inflight(request_id, child)
            self._dequeue(ticket)
            output: list[str] = []
            try:
                child.send(
                    {
                        "type": protocol.EXEC,
                        "id": request_id,
                        "code": code,
                        "width": self._width,
                        "plot_size": list(self._plot_size),
                        "numpy_defaults": numpy_defaults,
                    }
                )
                if ticket.interrupt_requested:
                    self._interrupt_inflight(inflight)
                await child.drain()
                while True:
                    reply = await queue.get()
                    if isinstance(reply, ExitInfo):
                        inflight.close()
                        restarted = await self._after_death(child, reply)
                        return death_result(reply, "".join(output), loop.time() - started, restarted, self.settings.grace)
                    kind = reply.message["type"]
                    if kind == protocol.STREAM:
                        stream = Stream(str(reply.message["name"]), str(reply.message["text"]))
                        output.append(stream.text)
                        emit(stream)
                    elif kind == protocol.PLOT:
                        emit(plotted_from_wire(reply.message, reply.payload))
                    elif kind == protocol.RESULT:
                        return cell_result(reply.message, "".join(output), loop.time() - started, lost)
                    elif kind == protocol.ERROR:
                        return Result(
                            ok=False,
                            stdout="".join(output),
                            error=str(reply.message.get("error_type")),
                            error_message=str(reply.message.get("message", "")),
                            elapsed=loop.time() - started,
                        )
            finally:
                inflight.close()
                self._inflight = None
                child.unsubscribe(request_id)


def plotted_from_wire(message: protocol.Message, payload: bytes) -> Plotted:
    """Rebuild a ``plot`` reply: arrays from their headers and the payload's raw bytes."""
    view = memoryview(payload)
    offset = 0
    series = []
    for header in message.get("series", []):
        axes: dict[str, Any] = {}
        for axis in ("x", "y"):
            if axis in header:
                size = int(header[axis]["size"])
                axes[axis] = arrays.from_wire(header[axis], bytes(view[offset : offset + size]))
                offset += size
        x = tuple(str(label) for label in header["labels"]) if "labels" in header else axes.get("x")
        series.append(PlotSeries(str(header["kind"]), x, axes.get("y"), str(header.get("label", ""))))
    return Plotted(tuple(series), str(message.get("title", "")), int(message.get("dropped", 0)))
