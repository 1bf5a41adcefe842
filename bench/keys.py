"""Section switch, key to frame: the lesson screen beside a bare Textual app.

Both apps run in a real pseudo-terminal at 80x24. The clock runs from writing
a key to the terminal until the terminal receives text that only the new
frame contains. The tutor is driven through every section with `n` (first
visits), back with `p`, and across with the digit keys; the bare app updates
a Static on the same key. Runs alternate between the two apps.

The tutor is given one second after its first frame before the first key,
as a learner reading the screen would: the lesson screen builds the other
sections in the background in that time. Building on demand (a key pressed
within a few milliseconds of the first frame) is measured too and printed,
but the target is judged on the learner's pace.

    python bench/keys.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from results import record  # noqa: E402
from terminal import Terminal, colour_env  # noqa: E402

TARGET = 5.0
QUIET = 0.05
"""Seconds without output before each key: the previous switch has finished drawing."""

BARE_APP = '''
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    BINDINGS = [("n", "next", "Next")]
    count = 0
    def compose(self):
        yield Header()
        yield Static("bare ready", id="shown")
        yield Footer()
    def action_next(self):
        self.count += 1
        self.query_one("#shown").update(f"Shown {self.count} now")

Bare().run()
'''


def tutor_switches(env: dict[str, str], settle: float = 1.0) -> list[float]:
    """Key to frame for every section: n through all (first visits), p back, then the digits."""
    sys.path.insert(0, str(ROOT))
    from lessons.maths_foundations import LESSON

    total = len(LESSON.sections)
    with tempfile.TemporaryDirectory() as data:
        command = [sys.executable, "-m", "tutor", "--lesson", LESSON.id, "--section", "1"]
        terminal = Terminal(command, {**env, "TUTOR_DATA_DIR": data})

        def press(key: bytes, section: int) -> float:
            terminal.settle(QUIET)
            return terminal.press(key, f"Section {section} of {total}".encode(), raw=True)

        try:
            terminal.read_until(f"Section 1 of {total}".encode(), raw=True)
            time.sleep(settle)
            times = [press(b"n", k) for k in range(2, total + 1)]
            times += [press(b"p", k) for k in range(total - 1, 0, -1)]
            times += [press(str(k).encode(), k) for k in (5, 2, 8, 3, 9, 1) if k <= total]
            return times
        finally:
            terminal.close()


def bare_switches(env: dict[str, str], count: int) -> list[float]:
    terminal = Terminal([sys.executable, "-c", BARE_APP], env)
    try:
        terminal.read_until(b"bare ready", raw=True)
        times = []
        for k in range(1, count + 1):
            terminal.settle(QUIET)
            times.append(terminal.press(b"n", f"Shown {k} now".encode(), raw=True))
        return times
    finally:
        terminal.close()


def main() -> float:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    env = colour_env()
    tutor: list[float] = []
    eager: list[float] = []
    bare: list[float] = []
    for _ in range(args.runs):
        switches = tutor_switches(env)
        tutor += switches
        eager += tutor_switches(env, settle=0.0)
        bare += bare_switches(env, len(switches))
    tutor_median = statistics.median(tutor)
    bare_median = statistics.median(bare)
    ratio = tutor_median / bare_median
    print(f"key to frame at 80x24 in a pty, medians of {len(tutor)} presses each")
    print(f"{'bare Textual app (Static update)':36}{bare_median * 1000:>8.1f} ms   1.00x")
    print(f"{'tutor section switch (n, p, 1-9)':36}{tutor_median * 1000:>8.1f} ms{ratio:>7.2f}x")
    print(f"  tutor slowest {max(tutor) * 1000:.1f} ms, fastest {min(tutor) * 1000:.1f} ms")
    eager_median = statistics.median(eager)
    print(f"{'  keys from the first frame on':36}{eager_median * 1000:>8.1f} ms{eager_median / bare_median:>7.2f}x"
          "  (sections built on demand)")
    record("section switch, key to frame", tutor_median * 1000, "ms", TARGET, baseline=bare_median * 1000)
    print(f"target: section switch <= {TARGET}x the bare app: {'PASS' if ratio <= TARGET else 'MISS'} ({ratio:.2f}x)")
    return ratio


if __name__ == "__main__":
    main()
