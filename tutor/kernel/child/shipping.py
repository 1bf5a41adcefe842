"""Ships captured output from the kernel child to the client while a cell runs.

A daemon thread sleeps until the sink reports new text, then sends what has queued up
every ``interval`` seconds (50 ms by default) as ``stream`` messages tagged with the
running cell's request id. When the cell ends, the main thread ships the remainder and,
if the cap cut anything, one ``[output truncated: N more characters]`` line, before it
sends the cell's result, so streams always precede their result on the pipe.
"""

from __future__ import annotations

import threading
import time

from tutor.kernel import protocol
from tutor.kernel.child.capture import OutputSink
from tutor.kernel.child.channel import ProtocolChannel
from tutor.kernel.child.interrupts import block_interrupts_in_this_thread


def truncation_notice(dropped: int) -> str:
    return f"[output truncated: {dropped} more characters]\n"


class OutputShipper:
    """Batches captured output into ``stream`` messages for the current request."""

    def __init__(self, sink: OutputSink, channel: ProtocolChannel, interval: float = 0.05) -> None:
        self._sink = sink
        self._channel = channel
        self._interval = interval
        self._lock = threading.Lock()
        self._request_id: int | None = None
        self._thread = threading.Thread(target=self._run, name="kernel-output", daemon=True)
        self._thread.start()

    def begin(self, request_id: int) -> None:
        """A cell starts: its output is tagged with ``request_id`` and capped afresh."""
        with self._lock:
            self._request_id = request_id
            self._sink.reset()
        self._sink.wake_if_pending()

    def finish(self) -> int:
        """A cell ended: ship the rest and return how many characters the cap dropped."""
        with self._lock:
            request_id = self._request_id
            self._ship(request_id)
            dropped = self._sink.dropped_chars()
            if dropped and request_id is not None:
                notice = truncation_notice(dropped)
                if not self._sink.ends_with_newline:
                    notice = "\n" + notice
                self._send(request_id, "stdout", notice)
            self._request_id = None
        return dropped

    def _run(self) -> None:
        block_interrupts_in_this_thread()
        try:
            while True:
                self._sink.wait_for_output()
                while True:
                    time.sleep(self._interval)
                    with self._lock:
                        active = self._request_id is not None
                        if active:
                            self._ship(self._request_id)
                    self._sink.disarm()
                    if not (active and self._sink.has_pending()):
                        break
                    self._sink.rearm()
        except OSError:
            return  # the client went away; the main thread sees EOF and exits

    def _ship(self, request_id: int | None) -> None:
        if request_id is None:
            return
        for name, text in self._sink.drain():
            self._send(request_id, name, text)

    def _send(self, request_id: int, name: str, text: str) -> None:
        self._channel.send({"type": protocol.STREAM, "id": request_id, "name": name, "text": text})
