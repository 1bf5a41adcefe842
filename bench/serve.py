"""The tutor's first frame in a web browser: `tutor serve` beside a bare Textual app served the same way.

Both are served by `tutor.serve` (the same token, page, textual-serve handlers and aiohttp
server; only the command each WebSocket starts differs: the tutor, or bench/bare_app.py) and
opened in one Chromium (Debian's /usr/bin/chromium, through Playwright). Each run opens a
fresh tab on the served address and reads the page's own clock (`performance.now()`, which
starts with the navigation): the moment the text only the first full frame contains arrives
on the WebSocket, and the moment the browser has painted after it. That second figure is
"URL to first frame". Runs alternate between the two apps so both see the same machine.

    python bench/serve.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from results import record  # noqa: E402

TARGET = 1.5
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# Notes, on the page's clock, when `window.__marker` first arrives on the WebSocket (escape
# sequences removed) and when the browser has painted after that (two animation frames).
TIMING = r"""
(() => {
  const Native = window.WebSocket;
  const escapes = /\x1b\[[0-?]*[ -\/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]/g;
  window.__frame = null;
  window.__opened = null;
  function Timed(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    const decoder = new TextDecoder();
    let text = "";
    let seen = false;
    socket.addEventListener("open", () => { window.__opened = performance.now(); });
    socket.addEventListener("message", (event) => {
      if (seen || typeof event.data === "string") return;
      text = (text + decoder.decode(new Uint8Array(event.data), {stream: true})).slice(-65536);
      if (!text.replace(escapes, "").includes(window.__marker)) return;
      seen = true;
      const arrived = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => {
        window.__frame = {arrived: arrived, painted: performance.now(), opened: window.__opened};
      }));
    });
    return socket;
  }
  Timed.prototype = Native.prototype;
  Object.assign(Timed, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
  window.WebSocket = Timed;
})();
"""


class Server:
    """`tutor.serve.serve(port=0, command=…)` in a process of its own; `url` is the printed address."""

    def __init__(self, command: str | None, data: str) -> None:
        code = f"import sys; from tutor.serve import serve; sys.exit(serve(port=0, command={command!r}))"
        self.process = subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            env={**os.environ, "TUTOR_DATA_DIR": data}, cwd=ROOT, stdin=subprocess.DEVNULL,
        )
        self.url = ""
        deadline = time.monotonic() + 60
        while not self.url and time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the server exited before printing its address")
            if "?token=" in line:
                self.url = line.strip()
        threading.Thread(target=lambda: self.process.stdout.read(), daemon=True).start()  # keep the pipe drained
        self.base = self.url.split("/?", 1)[0]

    def idle(self, timeout: float = 15) -> None:
        """Wait until the tutor of the last tab has quit (the machine is quiet for the next run)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            children = []
            for task in Path(f"/proc/{self.process.pid}/task").glob("*"):
                try:
                    children += (task / "children").read_text().split()
                except OSError:
                    pass
            if not children:
                return
            time.sleep(0.05)

    def stop(self) -> None:
        self.process.send_signal(2)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def first_frame(context, server: Server, marker: str) -> dict[str, float]:
    page = context.new_page()
    try:
        page.add_init_script(f"window.__marker = {marker!r};" + TIMING)
        page.goto(server.base + "/")
        deadline = time.monotonic() + 30
        while page.evaluate("window.__frame") is None:  # (wait_for_function evals: the page's CSP forbids it)
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {marker!r} on the WebSocket within 30 s")
            page.wait_for_timeout(20)
        timing = page.evaluate(
            "() => { const n = performance.getEntriesByType('navigation')[0];"
            " return {...window.__frame, page: n ? n.responseEnd : 0}; }"
        )
    finally:
        page.close()
    server.idle()
    return timing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=12)
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("bench/serve.py needs playwright (pip install -e '.[test]')")
        return 1
    if not Path(CHROMIUM).exists():
        print(f"bench/serve.py needs Debian's chromium at {CHROMIUM} (apt-get install chromium)")
        return 1
    bare_command = "exec " + " ".join([sys.executable, "-P", str(ROOT / "bench" / "bare_app.py")])
    cases = {"bare Textual app": (bare_command, "bare app ready"), "tutor (home)": (None, "Maths Foundations for ML")}
    times: dict[str, list[dict[str, float]]] = {name: [] for name in cases}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        servers = {name: Server(command, str(Path(folder) / name.split()[0])) for name, (command, _) in cases.items()}
        context = playwright.chromium.launch_persistent_context(
            str(Path(folder) / "profile"), executable_path=CHROMIUM, args=FLAGS, headless=True,
            viewport={"width": 1100, "height": 700},
        )
        try:
            for name, server in servers.items():  # each tab trades the token for its cookie; a run to warm up
                page = context.new_page()
                page.goto(server.url)
                page.close()
                first_frame(context, server, cases[name][1])
            for _ in range(args.runs):
                for name, (_, marker) in cases.items():
                    times[name].append(first_frame(context, servers[name], marker))
        finally:
            context.close()
            for server in servers.values():
                server.stop()

    def median(name: str, key: str) -> float:
        return statistics.median(run[key] for run in times[name])

    base = median("bare Textual app", "painted")
    print(f"URL to first frame in Chromium (tutor serve, 1100x700 px), median of {args.runs} runs each")
    print(f"{'':20}{'page':>9}{'socket':>9}{'frame in':>10}{'painted':>10}{'ratio':>8}")
    for name in cases:
        painted = median(name, "painted")
        print(f"{name:20}{median(name, 'page'):>6.0f} ms{median(name, 'opened'):>6.0f} ms"
              f"{median(name, 'arrived'):>7.0f} ms{painted:>7.0f} ms{painted / base:>7.2f}x")
    tutor = median("tutor (home)", "painted")
    record("browser first frame (tutor serve)", tutor, "ms", TARGET, baseline=base)
    ratio = tutor / base
    print(f"target: URL to first frame <= {TARGET}x a bare app served the same way: "
          f"{'PASS' if ratio <= TARGET else 'MISS'} ({ratio:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
