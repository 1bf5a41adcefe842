"""Captures what learner code prints inside the kernel child, with a per-cell cap.

``sys.stdout`` and ``sys.stderr`` become :class:`CapturedStream` objects that feed one
:class:`OutputSink`. The sink keeps at most ``max_chars`` characters / ``max_lines`` lines
per cell in a queue for the shipper thread. Past the cap the streams' ``write`` is
rebound to a C-level text wrapper over a byte counter, so a runaway ``print`` loop costs
almost nothing and the number of characters left out is still counted exactly (UTF-8
bytes are written, and characters are counted as the bytes that are not continuation
bytes).

The write path takes no locks (a deque and plain attributes only): a KeyboardInterrupt
can land anywhere in learner code, including inside ``write``, and must never leave a
lock held that the shipper thread then waits on forever.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections import deque
from collections.abc import Callable

MAX_CHARS = 64 * 1024
MAX_LINES = 2000

_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))


class _CharCounter(io.RawIOBase):
    """A write-only raw stream that counts the characters in the UTF-8 written to it."""

    def __init__(self) -> None:
        super().__init__()
        self.chars = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = bytes(data)
        self.chars += len(chunk.translate(None, _CONTINUATION_BYTES))
        return len(chunk)


class CapturedStream(io.TextIOBase):
    """A text stream standing in for ``sys.stdout`` or ``sys.stderr`` in the child."""

    def __init__(self, sink: OutputSink, name: str) -> None:
        super().__init__()
        self._sink = sink
        self.name = name

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    @property
    def errors(self) -> str:  # type: ignore[override]
        return "surrogatepass"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._sink.accept(self.name, text)
        return len(text)

    def divert(self, write: Callable[[str], int]) -> None:
        """Send further writes straight to ``write`` (the over-the-cap counter)."""
        self.__dict__["write"] = write

    def undivert(self) -> None:
        self.__dict__.pop("write", None)


class OutputSink:
    """Collects captured text for shipping and enforces the per-cell output cap."""

    def __init__(self, max_chars: int = MAX_CHARS, max_lines: int = MAX_LINES) -> None:
        self.max_chars = max_chars
        self.max_lines = max_lines
        self._pending: deque[tuple[str, str]] = deque()
        self._streams: list[CapturedStream] = []
        self._shown_chars = 0
        self._shown_lines = 0
        self._cut_chars = 0
        self.ends_with_newline = True
        self._counter = _CharCounter()
        self._overflow = io.TextIOWrapper(
            io.BufferedWriter(self._counter, 1 << 16),  # type: ignore[type-var]  # a RawIOBase is fine
            encoding="utf-8",
            errors="surrogatepass",
        )
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_write, False)
        self._armed = False

    def stream(self, name: str) -> CapturedStream:
        """A new text stream whose writes land in this sink under ``name``."""
        stream = CapturedStream(self, name)
        self._streams.append(stream)
        return stream

    def reset(self) -> None:
        """Start a new cell: the cap counts from zero again."""
        for stream in self._streams:
            stream.undivert()
        self._overflow.flush()
        self._counter.chars = 0
        self._cut_chars = 0
        self._shown_chars = 0
        self._shown_lines = 0

    def accept(self, name: str, text: str) -> None:
        """Queue ``text`` for shipping, as much of it as the cap still allows."""
        if not text:
            return
        newlines = text.count("\n")
        end = min(len(text), self.max_chars - self._shown_chars)
        lines_left = self.max_lines - self._shown_lines
        if newlines >= lines_left:
            end = min(end, _end_of_line(text, lines_left))
        end = max(end, 0)
        if end:
            kept = text[:end]
            self._pending.append((name, kept))
            self._shown_chars += end
            self._shown_lines += kept.count("\n")
            self.ends_with_newline = kept.endswith("\n")
        if end < len(text) or self._shown_chars >= self.max_chars or self._shown_lines >= self.max_lines:
            self._cut_chars += len(text) - end
            for stream in self._streams:
                stream.divert(self._overflow.write)
        self._wake()

    def dropped_chars(self) -> int:
        """Characters written since :meth:`reset` that the cap kept back."""
        self._overflow.flush()
        return self._cut_chars + self._counter.chars

    def drain(self) -> list[tuple[str, str]]:
        """Take everything queued, merging neighbouring pieces of the same stream."""
        merged: list[tuple[str, list[str]]] = []
        while True:
            try:
                name, text = self._pending.popleft()
            except IndexError:
                break
            if merged and merged[-1][0] == name:
                merged[-1][1].append(text)
            else:
                merged.append((name, [text]))
        return [(name, "".join(parts)) for name, parts in merged]

    def has_pending(self) -> bool:
        return bool(self._pending)

    # -- waking the shipper thread -------------------------------------------------------

    def wait_for_output(self) -> None:
        """Block (shipper thread) until something was queued since the last disarm."""
        os.read(self._wake_read, 4096)

    def disarm(self) -> None:
        """The shipper caught up; the next write must wake it again."""
        self._armed = False

    def rearm(self) -> None:
        self._armed = True

    def wake_if_pending(self) -> None:
        if self._pending:
            self._armed = False
            self._wake()

    def _wake(self) -> None:
        if not self._armed:
            self._armed = True
            with contextlib.suppress(BlockingIOError):  # already full of wake-ups
                os.write(self._wake_write, b"\0")


def _end_of_line(text: str, count: int) -> int:
    """Index just past the ``count``-th newline of ``text`` (0 for ``count`` <= 0)."""
    if count <= 0:
        return 0
    position = -1
    for _ in range(count):
        position = text.find("\n", position + 1)
        if position < 0:
            return len(text)
    return position + 1
