"""The REPL pane: ``1+1`` from Enter to ``2`` on screen, the child's start, memory at rest.

Both apps run in a real pseudo-terminal at 80x24, side by side in the same run:

* the tutor, on the lesson screen with the REPL pane open (``r``) and its setup done;
* a bare Textual app with an Input and a Log that echoes the Input into the Log on Enter.

Each round clears the transcript (``ctrl+l``), types ``1+1`` and lets the screen settle,
then writes Enter and starts the clock; it stops when the terminal receives the answer
(the tutor's ``2``, the bare app's echo line), read from the byte stream with the escape
sequences taken out. Rounds alternate between the two apps. Then typing: the keys of a
word, one at a time, each timed from the key to its character on screen. Then, with both
at rest: the resident memory of the tutor and its kernel child together. Finally, the kernel child's
start time (``Kernel.start()``, in this process).

    python bench/repl.py [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from results import record  # noqa: E402
from terminal import Terminal, colour_env  # noqa: E402

RATIO_TARGET = 2.0
TYPING_TARGET = 2.0
"""A key typed at the REPL's prompt, to its character on screen, against a bare app's Input."""
MEMORY_TARGET_MIB = 150
STARTS = 10

BARE_APP = '''
from textual.app import App
from textual.widgets import Input, Log

class BareEcho(App):
    BINDINGS = [("ctrl+l", "clear", "Clear")]
    def compose(self):
        yield Log()
        yield Input()
    def on_mount(self):
        self.query_one(Input).focus()
        self.query_one(Log).write_line("bare echo ready")
    def on_input_submitted(self, event):
        self.query_one(Log).write_line(f"echo: {event.value}")
        event.input.value = ""
    def action_clear(self):
        self.query_one(Log).clear()

BareEcho().run()
'''

def answer_time(terminal: Terminal, marker: bytes) -> float:
    """Seconds from Enter to `marker` on screen, after clearing and typing ``1+1``."""
    terminal.write(b"\x0c")  # ctrl+l
    terminal.settle()
    terminal.write(b"1+1")
    terminal.settle()
    started = time.perf_counter()
    terminal.write(b"\r")
    return terminal.read_until(marker) - started


def typing_times(terminal: Terminal) -> list[float]:
    """Seconds from each key of a word typed at the prompt to its character on screen."""
    times = []
    for key in (b"w", b"x", b"y", b"z"):
        times.append(terminal.press(key, key))
        terminal.settle(0.03)
    terminal.write(b"\x15")  # ctrl+u: the prompt empty again
    terminal.settle()
    return times


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def descendants(pid: int) -> list[int]:
    """Every process started (directly or not) by ``pid``."""
    found: list[int] = []
    stack = [pid]
    while stack:
        parent = stack.pop()
        for task in Path(f"/proc/{parent}/task").iterdir():
            children = (task / "children").read_text().split()
            found.extend(int(child) for child in children)
            stack.extend(int(child) for child in children)
    return found


async def child_start_times(count: int) -> list[float]:
    from tutor.kernel.client import Kernel

    times = []
    for _ in range(count):
        kernel = Kernel()
        started = time.perf_counter()
        await kernel.start()
        times.append(time.perf_counter() - started)
        await kernel.shutdown()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    env = colour_env()

    with tempfile.TemporaryDirectory() as data:
        opened = time.perf_counter()
        tutor = Terminal(
            [sys.executable, "-m", "tutor", "--lesson", "maths_foundations", "--section", "3"],
            {**env, "TUTOR_DATA_DIR": data},
        )
        bare = Terminal([sys.executable, "-c", BARE_APP], env)
        try:
            tutor.read_until(b"Section 3 of")
            first_frame = time.perf_counter() - opened
            tutor.settle(0.3)
            pressed = time.perf_counter()
            tutor.write(b"r")
            tutor.read_until(b"setup ran")
            pane_ready = time.perf_counter() - pressed
            bare.read_until(b"bare echo ready")
            for _ in range(3):  # warm up both
                answer_time(tutor, b"2")
                answer_time(bare, b"echo: 1+1")
            tutor_times: list[float] = []
            bare_times: list[float] = []
            for _ in range(args.rounds):
                tutor_times.append(answer_time(tutor, b"2"))
                bare_times.append(answer_time(bare, b"echo: 1+1"))
            tutor_typing: list[float] = []
            bare_typing: list[float] = []
            for _ in range(max(args.rounds // 4, 5)):
                tutor_typing += typing_times(tutor)
                bare_typing += typing_times(bare)
            time.sleep(1.0)  # at rest
            processes = [tutor.process.pid, *descendants(tutor.process.pid)]
            tutor_rss = sum(rss_kib(pid) for pid in processes) / 1024
            app_rss = rss_kib(tutor.process.pid) / 1024
            bare_rss = rss_kib(bare.process.pid) / 1024
        finally:
            tutor.close()
            bare.close()

    starts = asyncio.run(child_start_times(STARTS))
    tutor_median = statistics.median(tutor_times)
    bare_median = statistics.median(bare_times)
    ratio = tutor_median / bare_median
    print(f"REPL in a pty at 80x24, median of {args.rounds} rounds each, alternating")
    print(f"  bare Textual app, Enter to its echo on screen   {bare_median * 1000:7.2f} ms")
    print(f"  tutor REPL pane, Enter to `2` on screen         {tutor_median * 1000:7.2f} ms")
    print(f"  ratio {ratio:.2f}x   target <= {RATIO_TARGET:g}x   {'PASS' if ratio <= RATIO_TARGET else 'MISS'}")
    print(f"  (tutor p90 {statistics.quantiles(tutor_times, n=10)[-1] * 1000:.2f} ms, "
          f"bare p90 {statistics.quantiles(bare_times, n=10)[-1] * 1000:.2f} ms)")
    tutor_typing_ms = statistics.median(tutor_typing) * 1000
    bare_typing_ms = statistics.median(bare_typing) * 1000
    typing_ratio = tutor_typing_ms / bare_typing_ms
    print(f"  a key typed at the prompt, to its character:  tutor {tutor_typing_ms:.2f} ms, "
          f"bare {bare_typing_ms:.2f} ms, ratio {typing_ratio:.2f}x "
          f"(target <= {TYPING_TARGET:g}x, {'PASS' if typing_ratio <= TYPING_TARGET else 'MISS'})")
    print(f"kernel child start (Kernel.start), median of {STARTS}  {statistics.median(starts) * 1000:7.1f} ms")
    print(f"  first `r` to the lesson setup reported          {pane_ready * 1000:7.1f} ms"
          f"   (tutor first frame {first_frame * 1000:.0f} ms)")
    record("REPL 1+1, Enter to result", tutor_median * 1000, "ms", RATIO_TARGET, baseline=bare_median * 1000)
    record("REPL, a typed key to its character", tutor_typing_ms, "ms", TYPING_TARGET, baseline=bare_typing_ms)
    record("memory, app + REPL child at rest", tutor_rss, "MiB", MEMORY_TARGET_MIB, kind="absolute")
    verdict = "PASS" if tutor_rss <= MEMORY_TARGET_MIB else "MISS"
    print(f"memory at rest: tutor app + kernel child          {tutor_rss:7.1f} MiB"
          f"   target <= {MEMORY_TARGET_MIB} MiB   {verdict}")
    print(f"  (app alone {app_rss:.1f} MiB, child {tutor_rss - app_rss:.1f} MiB, bare echo app {bare_rss:.1f} MiB)")


if __name__ == "__main__":
    main()
