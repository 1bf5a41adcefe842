"""Time to first frame and peak memory: the tutor beside a bare Textual app.

Each app is started in a real pseudo-terminal at 80x24. The clock runs from
just before the process is spawned until the terminal receives text that only
the first full frame contains. Peak resident memory (VmHWM) is read once the
frame is up. Runs alternate between the two apps so both see the same machine.

    python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from results import record  # noqa: E402
from terminal import Terminal, colour_env  # noqa: E402

TIME_TARGET = 1.25
LESSON_TARGET = 1.5
MEMORY_TARGET = 1.5


def first_frame(command: list[str], marker: bytes, env: dict[str, str]) -> tuple[float, int]:
    """Seconds from spawn to `marker` on the terminal, and peak RSS in KiB."""
    started = time.perf_counter()
    terminal = Terminal(command, env)
    try:
        elapsed = terminal.read_until(marker, timeout=10, raw=True) - started
        time.sleep(0.3)  # let it settle before reading the peak
        return elapsed, peak_rss_kib(terminal.process.pid)
    finally:
        terminal.close()


def peak_rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc status")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=12)
    args = parser.parse_args()
    env = colour_env()
    cases = {
        "bare Textual app": ([sys.executable, str(ROOT / "bench" / "bare_app.py")], b"bare app ready", None),
        "tutor (home)": ([sys.executable, "-m", "tutor"], b"Maths Foundations for ML", "fresh"),
        "tutor (resuming a lesson)": (
            [sys.executable, "-m", "tutor"], b"Section 7 of", "resume"
        ),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    peaks: dict[str, list[int]] = {name: [] for name in cases}
    with tempfile.TemporaryDirectory() as resume_dir:
        # A learner who stopped at section 7: the next start opens the lesson there.
        subprocess.run(
            [sys.executable, "-c",
             "from tutor.store import Store; Store.open().set_position('maths_foundations', "
             "__import__('lessons.maths_foundations').maths_foundations.LESSON.sections[6].id)"],
            env={**env, "TUTOR_DATA_DIR": resume_dir}, check=True, cwd=ROOT,
        )
        for _ in range(args.runs):
            for name, (command, marker, data) in cases.items():
                with tempfile.TemporaryDirectory() as fresh_dir:
                    folder = resume_dir if data == "resume" else fresh_dir
                    elapsed, peak = first_frame(command, marker, {**env, "TUTOR_DATA_DIR": folder})
                times[name].append(elapsed)
                peaks[name].append(peak)

    base_time = statistics.median(times["bare Textual app"])
    base_peak = statistics.median(peaks["bare Textual app"])
    print(f"first frame at 80x24 in a pty, median of {args.runs} runs each")
    print(f"{'':28}{'first frame':>12}{'ratio':>8}{'peak RSS':>11}{'ratio':>8}")
    for name in cases:
        median_time = statistics.median(times[name])
        median_peak = statistics.median(peaks[name])
        print(
            f"{name:28}{median_time * 1000:>9.0f} ms{median_time / base_time:>7.2f}x"
            f"{median_peak / 1024:>7.1f} MiB{median_peak / base_peak:>7.2f}x"
        )
    home_ms = statistics.median(times["tutor (home)"]) * 1000
    lesson_ms = statistics.median(times["tutor (resuming a lesson)"]) * 1000
    record("home first frame", home_ms, "ms", TIME_TARGET, baseline=base_time * 1000)
    record("lesson first frame (resuming)", lesson_ms, "ms", LESSON_TARGET, baseline=base_time * 1000)
    home_time = statistics.median(times["tutor (home)"]) / base_time
    home_peak = statistics.median(peaks["tutor (home)"]) / base_peak
    print(f"target: time ratio <= {TIME_TARGET}: {'PASS' if home_time <= TIME_TARGET else 'MISS'} ({home_time:.2f}x)")
    lesson_ratio = lesson_ms / 1000 / base_time
    print(f"target: lesson first frame <= {LESSON_TARGET}x: {'PASS' if lesson_ratio <= LESSON_TARGET else 'MISS'} "
          f"({lesson_ratio:.2f}x)")
    print(f"target: memory ratio <= {MEMORY_TARGET}: {'PASS' if home_peak <= MEMORY_TARGET else 'MISS'} ({home_peak:.2f}x)")


if __name__ == "__main__":
    main()
