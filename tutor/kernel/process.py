"""One kernel child process, seen from the client's event loop.

Starts ``python -m tutor.kernel.child`` in its own session (own process group, no
controlling terminal) with pipes for requests (its stdin), replies (its stdout) and
diagnostics (its stderr). Two tasks read, never blocking the loop: one parses replies
and routes them by request id to per-request queues; one keeps the last lines of
stderr. End of file on the reply pipe means the child is gone: the process is reaped,
and an :class:`ExitInfo` is put on every pending queue and on :attr:`exited`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tutor.kernel import protocol
from tutor.kernel.protocol import Message
from tutor.kernel.results import ExitInfo, KernelDied

STDERR_TAIL_LINES = 30
_STDERR_LINE_CHARS = 2000
_STDERR_GRACE = 0.2
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


class Reply:
    """A reply message and its raw payload."""

    __slots__ = ("message", "payload")

    def __init__(self, message: Message, payload: bytes) -> None:
        self.message = message
        self.payload = payload


ReplyOrExit = Reply | ExitInfo


def child_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The child's environment: ours, with this package importable."""
    environ = dict(os.environ if base is None else base)
    paths = [_PACKAGE_ROOT] + [p for p in environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return environ


class ChildProcess:
    """A running kernel child and the tasks that read from it."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        loop = asyncio.get_running_loop()
        self._process = process
        self.pid: int = process.pid
        self.ready: asyncio.Future[Message] = loop.create_future()
        self.exited: asyncio.Future[ExitInfo] = loop.create_future()
        self.kill_reason: str | None = None
        self.death_reported = False
        self.on_started: Callable[[int], None] | None = None
        self._queues: dict[int, asyncio.Queue[ReplyOrExit]] = {}
        self._stderr_lines: deque[str] = deque(maxlen=STDERR_TAIL_LINES)
        self._stderr_task = loop.create_task(self._collect_stderr())
        self._reader_task = loop.create_task(self._read_replies())

    @classmethod
    async def spawn(
        cls,
        options: dict[str, Any],
        *,
        python: str = sys.executable,
        cwd: str | None = None,
        environ: dict[str, str] | None = None,
    ) -> ChildProcess:
        process = await asyncio.create_subprocess_exec(
            python,
            "-m",
            "tutor.kernel.child",
            json.dumps(options),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            start_new_session=True,
            cwd=cwd,
            env=child_environment(environ),
            limit=protocol.MAX_LINE_BYTES,
        )
        return cls(process)

    @property
    def alive(self) -> bool:
        return not self.exited.done()

    @property
    def stderr_tail(self) -> str:
        return "\n".join(self._stderr_lines)

    async def wait_ready(self, timeout: float) -> Message:
        """Wait for the child's ``ready`` message; raise :class:`KernelDied` if it never comes."""
        if not self.ready.done():
            either: set[asyncio.Future[Any]] = {self.ready, self.exited}
            await asyncio.wait(either, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        if self.ready.done():
            return self.ready.result()
        if not self.exited.done():
            self.kill("start-up timeout")
        info = await self.exited
        self.death_reported = True
        raise KernelDied(info, f"The kernel could not start ({info.describe()}).")

    # -- requests -----------------------------------------------------------------------

    def subscribe(self, request_id: int) -> asyncio.Queue[ReplyOrExit]:
        queue: asyncio.Queue[ReplyOrExit] = asyncio.Queue()
        if self.exited.done():
            queue.put_nowait(self.exited.result())
        self._queues[request_id] = queue
        return queue

    def unsubscribe(self, request_id: int) -> None:
        self._queues.pop(request_id, None)

    def send(self, message: Message, payload: list[memoryview] | None = None) -> None:
        """Queue a request (and its raw payload buffers) on the pipe; never blocks."""
        size = sum(part.nbytes for part in payload or ())
        stdin = self._process.stdin
        if stdin is None or stdin.is_closing():
            return  # the reader will report the death to the subscriber
        stdin.write(protocol.encode(message, size))
        for part in payload or ():
            stdin.write(part)

    async def drain(self) -> None:
        stdin = self._process.stdin
        if stdin is not None:
            with contextlib.suppress(ConnectionError):
                await stdin.drain()

    # -- signals ------------------------------------------------------------------------

    def interrupt(self) -> None:
        if self.alive and self._process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGINT)

    def kill(self, reason: str) -> None:
        """SIGKILL the child's whole process group (its own children too), noting why."""
        if not self.alive or self._process.returncode is not None:
            return  # once reaped, its pid (and group id) may belong to someone else
        if self.kill_reason is None:
            self.kill_reason = reason
        self._kill_group()

    def _kill_group(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)

    # -- reading ------------------------------------------------------------------------

    async def _read_replies(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        try:
            while True:
                line = await stdout.readline()
                if not line.endswith(b"\n"):
                    break  # end of file: the child is gone
                message = protocol.decode(line)
                size = protocol.payload_size(message)
                payload = await stdout.readexactly(size) if size else b""
                self._dispatch(message, payload)
        except (protocol.ProtocolError, asyncio.IncompleteReadError, ValueError, ConnectionError):
            self.kill("protocol error")
        # No more replies can come. If the child still lives (learner code closed the pipe),
        # it is useless: end it. Either way this also ends anything it started.
        self._kill_group()
        await self._report_exit()

    def _dispatch(self, message: Message, payload: bytes) -> None:
        if message["type"] == protocol.READY:
            if not self.ready.done():
                self.ready.set_result(message)
            return
        if message["type"] == protocol.STARTED:
            if self.on_started is not None:
                self.on_started(message.get("id"))  # type: ignore[arg-type]
            return
        queue = self._queues.get(message.get("id"))  # type: ignore[arg-type]
        if queue is not None:
            queue.put_nowait(Reply(message, payload))

    async def _report_exit(self) -> None:
        returncode = await self._process.wait()
        # Let the stderr reader catch the last words (a faulthandler dump, say).
        done, _ = await asyncio.wait({self._stderr_task}, timeout=_STDERR_GRACE)
        if not done:
            self._stderr_task.cancel()
        stdin = self._process.stdin
        if stdin is not None:
            stdin.close()
        info = ExitInfo(returncode, self.stderr_tail, self.kill_reason)
        self.exited.set_result(info)
        for queue in self._queues.values():
            queue.put_nowait(info)

    async def _collect_stderr(self) -> None:
        stderr = self._process.stderr
        assert stderr is not None
        partial = b""
        while True:
            chunk = await stderr.read(1 << 16)
            if not chunk:
                break
            lines = (partial + chunk).split(b"\n")
            partial = lines.pop()[-_STDERR_LINE_CHARS:]
            for line in lines:
                self._stderr_lines.append(line[-_STDERR_LINE_CHARS:].decode("utf-8", "replace"))
        if partial:
            self._stderr_lines.append(partial.decode("utf-8", "replace"))
