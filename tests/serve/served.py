"""`tutor serve` as a test runs it: a real process on a free port of 127.0.0.1, and clients for it.

`Served` starts the installed `tutor serve --port 0` with its own TUTOR_DATA_DIR, reads the
URL from its banner, and stops it with a signal. `Tab` is what a browser tab does, without a
browser: it opens the WebSocket (with the page's Origin) and so gets its own tutor, sends
keys as textual.js sends them, and reads the screen the tutor draws (`tests/serve/vt.py`).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp

from tests.helpers import TUTOR
from tests.serve.vt import Screen
from tutor.store import FILENAME, Store

KEYS = {"enter": "\r", "escape": "\x1b", "tab": "\t", "pagedown": "\x1b[6~", "ctrl+q": "\x11"}
"""What a terminal (xterm.js included) sends for a few keys."""


class Served:
    """`tutor serve --port 0 ARGS` running, with `url` (token and all), `base`, `token` and `port`."""

    def __init__(self, data: Path, *args: str, timeout: float = 60, argv: list[str] | None = None) -> None:
        self.data = data
        env = {**os.environ, "TUTOR_DATA_DIR": str(data)}
        env.pop("NO_COLOR", None)
        self.process = subprocess.Popen(
            argv or [str(TUTOR), "serve", "--port", "0", *args], stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        self.out: list[str] = []
        self.err: list[str] = []
        for stream, lines in ((self.process.stdout, self.out), (self.process.stderr, self.err)):
            threading.Thread(target=lambda s=stream, l=lines: l.extend(iter(s.readline, "")), daemon=True).start()
        self.url = self._wait_for_url(timeout)
        parts = urlsplit(self.url)
        self.base = f"{parts.scheme}://{parts.netloc}"
        self.port = parts.port
        self.token = parts.query.removeprefix("token=")

    def _wait_for_url(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.out:
                if "?token=" in line:
                    return line.strip()
            if self.process.poll() is not None:
                time.sleep(0.2)
                raise AssertionError(f"tutor serve exited with {self.process.returncode}:\n{self.output()}")
            time.sleep(0.02)
        raise AssertionError(f"tutor serve printed no URL in {timeout} s:\n{self.output()}")

    def output(self) -> str:
        return "".join(self.out) + "\n--- stderr ---\n" + "".join(self.err)

    def children(self) -> list[int]:
        """The tutor processes the server started (its children)."""
        found: list[int] = []
        for task in Path(f"/proc/{self.process.pid}/task").glob("*"):
            try:
                found += [int(pid) for pid in (task / "children").read_text().split()]
            except OSError:
                pass
        return found

    def stop(self, number: int = signal.SIGINT, timeout: float = 60) -> int:
        """Signal the server and wait for it: its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(number)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
            raise AssertionError(f"tutor serve did not stop within {timeout} s:\n{self.output()}") from None
        finally:
            time.sleep(0.1)  # the reader threads finish the last lines

    def store(self) -> Store:
        """The learner's progress as the tutors wrote it (open it, read, close it)."""
        return Store.open(self.data / FILENAME)

    def read(self, query):
        """`query(store)` on a freshly opened store."""
        store = self.store()
        try:
            return query(store)
        finally:
            store.close()


def alive(pid: int) -> bool:
    """Whether `pid` still runs (a zombie does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def wait_until(condition, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


class Tab:
    """One tab's WebSocket to a served tutor, with the screen it draws. Use `async with`."""

    def __init__(self, served: Served, size: tuple[int, int] = (100, 30)) -> None:
        self.served = served
        self.size = size
        self.screen = Screen()
        self.closed = asyncio.Event()

    async def __aenter__(self) -> "Tab":
        self.session = aiohttp.ClientSession()
        width, height = self.size
        self.socket = await self.session.ws_connect(
            f"{self.served.base}/ws?token={self.served.token}&width={width}&height={height}",
            origin=self.served.base,
        )
        await self.socket.send_str(json.dumps(["resize", {"width": width, "height": height}]))
        self.reader = asyncio.create_task(self._read())
        # As textual.js does when its terminal takes focus (a click): after the first frame, since
        # Textual's web driver starts the app blurred, and a blurred app gives no widget the keys.
        await self.wait_until(lambda: self.screen.grid, "the first frame")
        await self.socket.send_str(json.dumps(["focus"]))
        return self

    async def _read(self) -> None:
        try:
            async for message in self.socket:
                if message.type == aiohttp.WSMsgType.BINARY:
                    self.screen.feed(message.data)
        finally:
            self.closed.set()

    async def __aexit__(self, *exc) -> None:
        await self.socket.close()
        self.reader.cancel()
        await self.session.close()

    async def keys(self, *keys: str) -> None:
        for key in keys:
            await self.socket.send_str(json.dumps(["stdin", KEYS.get(key, key)]))

    async def wait_until(self, condition, what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            shown = self.screen.text()
            if time.monotonic() > deadline:
                raise AssertionError(f"no {what} within {timeout} s; the screen:\n{shown}")
            if self.closed.is_set():
                raise AssertionError(f"the tutor ended before {what}; the screen:\n{shown}")
            await asyncio.sleep(0.05)

    async def wait_for(self, text: str, timeout: float = 60) -> str:
        """Wait until `text` is on the screen; the screen's text."""
        await self.wait_until(lambda: text in self.screen.text(), repr(text), timeout)
        return self.screen.text()
