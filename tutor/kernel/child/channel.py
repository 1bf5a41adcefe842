"""Blocking protocol I/O inside the kernel child: read requests, write replies.

The child reads on its main thread (between cells) and writes from two threads (the
main thread's replies and the output shipper's ``stream`` messages), so writes are
serialised by a lock and each message goes out whole.
"""

from __future__ import annotations

import os
import threading

from tutor.kernel import protocol
from tutor.kernel.protocol import Message

_READ_CHUNK = 1 << 16


class ProtocolChannel:
    """Messages over a pair of raw file descriptors (requests in, replies out)."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self._read_fd = read_fd
        self._write_fd = write_fd
        self._buffer = bytearray()
        self._scanned = 0
        self._write_lock = threading.Lock()

    def receive(self) -> tuple[Message, bytearray] | None:
        """Block until the next request; ``None`` once the client has closed the pipe."""
        line = self._read_line()
        if line is None:
            return None
        message = protocol.decode(line)
        size = protocol.payload_size(message)
        payload = self._read_exact(size) if size else bytearray()
        return message, payload

    def send(self, message: Message, payload: bytes | bytearray | memoryview = b"") -> None:
        """Write one message (and its raw payload) atomically with respect to other senders."""
        body = memoryview(payload).cast("B") if payload else memoryview(b"")
        header = protocol.encode(message, body.nbytes)
        with self._write_lock:
            if body.nbytes and body.nbytes < _READ_CHUNK:
                self._write_all(memoryview(header + body.tobytes()))
            else:
                self._write_all(memoryview(header))
                if body.nbytes:
                    self._write_all(body)

    def _write_all(self, data: memoryview) -> None:
        while data:
            written = os.write(self._write_fd, data)
            data = data[written:]

    def _read_line(self) -> bytearray | None:
        while True:
            end = self._buffer.find(b"\n", self._scanned)
            if end >= 0:
                line = self._buffer[: end + 1]
                del self._buffer[: end + 1]
                self._scanned = 0
                return line
            self._scanned = len(self._buffer)
            if self._scanned > protocol.MAX_LINE_BYTES:
                raise protocol.ProtocolError("request line too long")
            chunk = os.read(self._read_fd, _READ_CHUNK)
            if not chunk:
                return None
            self._buffer += chunk

    def _read_exact(self, size: int) -> bytearray:
        result = bytearray(size)
        view = memoryview(result)
        filled = min(size, len(self._buffer))
        view[:filled] = self._buffer[:filled]
        del self._buffer[:filled]
        while filled < size:
            count = os.readv(self._read_fd, [view[filled:]])
            if count == 0:
                raise EOFError("pipe closed in the middle of a payload")
            filled += count
        return result
