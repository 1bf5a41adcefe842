"""A command in a real pseudo-terminal, for the benchmarks that time what reaches the screen.

The clock of a key-to-frame benchmark runs from writing bytes to the terminal until the
terminal receives text that only the awaited frame contains, so `read_until` reports the
moment the marker arrived. Markers are matched in the printed characters, escape
sequences removed, unless `raw` asks for the byte stream as it came.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from contextlib import suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")

KEEP = 1 << 16
"""Bytes of output kept for matching: a marker is looked for in the newest ones."""


def colour_env() -> dict[str, str]:
    """This process's environment as a full-colour terminal would give it (no NO_COLOR)."""
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    env.pop("NO_COLOR", None)
    return env


def visible(data: bytes) -> bytes:
    """The characters a terminal would print, escape sequences removed."""
    return ESCAPES.sub(b"", data)


class Terminal:
    """`command` running in a pseudo-terminal of `size` (columns, rows), read as a byte stream."""

    def __init__(self, command: list[str], env: dict[str, str], size: tuple[int, int] = (80, 24)) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True
        )
        os.close(slave)
        self.seen = b""

    def read_until(self, marker: bytes, timeout: float = 30.0, *, raw: bool = False) -> float:
        """Read until `marker` has arrived; the moment it did (perf_counter)."""
        deadline = time.perf_counter() + timeout
        while marker not in (self.seen if raw else visible(self.seen)):
            remaining = deadline - time.perf_counter()
            ready, _, _ = select.select([self.master], [], [], max(remaining, 0))
            if not ready:
                raise TimeoutError(f"no {marker!r} within {timeout} s; last output {visible(self.seen)[-300:]!r}")
            self.seen = (self.seen + os.read(self.master, 1 << 16))[-KEEP:]
        return time.perf_counter()

    def settle(self, quiet: float = 0.08) -> None:
        """Read and drop output until nothing has arrived for `quiet` seconds."""
        while select.select([self.master], [], [], quiet)[0]:
            os.read(self.master, 1 << 16)
        self.seen = b""

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def press(self, key: bytes, marker: bytes, *, raw: bool = False) -> float:
        """Seconds from writing `key` to `marker` on the terminal (what came before is dropped)."""
        self.seen = b""
        started = time.perf_counter()
        self.write(key)
        return self.read_until(marker, raw=raw) - started

    def close(self) -> None:
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)
