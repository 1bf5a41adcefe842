"""Debian's Chromium driven by Playwright, for the browser tests of `tutor serve`.

Playwright's own browser download is not used: `chromium()` launches /usr/bin/chromium (which
`.ci/run` installs with apt) with a fresh profile. `BrowserTab` is one page on a served tutor:
it logs every request the page makes, rebuilds the screen from the WebSocket's frames
(`tests/serve/vt.py`: the page draws on a canvas, where no text can be read), presses keys
as a learner does, and judges screenshots by their pixels.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from tests.serve.vt import Screen

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"chromium is not installed at {CHROMIUM} (.ci/run installs it: apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (it is in the test extra: pip install -e '.[test]')"
    return None


@contextmanager
def chromium(profile: Path, size: tuple[int, int] = (1100, 700)) -> Iterator:
    """A Chromium browser context with a fresh profile in `profile`, `size` pixels a page."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=FLAGS, headless=True,
            viewport={"width": size[0], "height": size[1]},
        )
        try:
            yield context
        finally:
            context.close()


class BrowserTab:
    """A page of `context`: what it requested, the tutor's screen as text, keys, pixels."""

    def __init__(self, context) -> None:
        self.context = context
        self.page = context.pages[0] if context.pages else context.new_page()
        self.requests: list[str] = []
        self.sockets: list[str] = []
        self.screen = Screen()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("websocket", self._socket)

    def _socket(self, socket) -> None:
        self.sockets.append(socket.url)
        self.screen = Screen()  # a new connection is a new tutor: its own screen

        def frame(payload) -> None:
            if isinstance(payload, bytes):
                self.screen.feed(payload)

        socket.on("framereceived", frame)

    # -- waiting ----------------------------------------------------------------------------

    def wait_until(self, condition, what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"no {what} within {timeout} s; the screen:\n{self.screen.text()}")
            self.page.wait_for_timeout(50)  # Playwright delivers the frames while it waits

    def wait_for(self, text: str, timeout: float = 60) -> str:
        self.wait_until(lambda: text in self.screen.text(), repr(text), timeout)
        return self.screen.text()

    def last_line(self) -> str:
        lines = [line for line in self.screen.lines() if line.strip()]
        return lines[-1] if lines else ""

    # -- acting -----------------------------------------------------------------------------

    def focus(self) -> None:
        """Put the keyboard in the terminal, as a click does (textual.js tells the tutor)."""
        self.page.focus("textarea.xterm-helper-textarea")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def paste(self, text: str) -> None:
        """Paste `text` into the terminal, as ctrl+v does (xterm.js sends it as a bracketed paste)."""
        self.page.evaluate(
            """text => {
                const data = new DataTransfer();
                data.setData("text/plain", text);
                const target = document.querySelector("textarea.xterm-helper-textarea");
                target.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
            }""",
            text,
        )

    # -- judging ----------------------------------------------------------------------------

    def outside(self, base: str) -> list[str]:
        """Every URL the page requested (WebSockets too) that is not on the served host."""
        served = urlsplit(base).netloc
        return [url for url in self.requests + self.sockets if urlsplit(url).netloc != served]

    def screenshot(self, path: Path) -> dict[str, float]:
        """Save a PNG of the page and return the share of its pixels in each colour (#rrggbb)."""
        png = self.page.screenshot(path=str(path))
        return colour_shares(self.context, png)


def colour_shares(context, png: bytes) -> dict[str, float]:
    """The share of the pixels of `png` in each colour, most common first (decoded by Chromium)."""
    page = context.new_page()
    try:
        counts = page.evaluate(
            """async data => {
                const image = new Image();
                image.src = "data:image/png;base64," + data;
                await image.decode();
                const canvas = new OffscreenCanvas(image.width, image.height);
                const context = canvas.getContext("2d");
                context.drawImage(image, 0, 0);
                const pixels = context.getImageData(0, 0, image.width, image.height).data;
                const counts = {};
                for (let i = 0; i < pixels.length; i += 4) {
                    const key = "#" + ((1 << 24) | (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]).toString(16).slice(1);
                    counts[key] = (counts[key] || 0) + 1;
                }
                return counts;
            }""",
            base64.b64encode(png).decode("ascii"),
        )
    finally:
        page.close()
    total = sum(counts.values())
    return dict(sorted(((colour, count / total) for colour, count in counts.items()), key=lambda item: -item[1]))
