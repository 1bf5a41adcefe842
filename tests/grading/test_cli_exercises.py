"""`tutor exercises` and `tutor check [--watch]`, run as a learner runs them: real processes."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time

from lessons.maths_foundations import LESSON
from lessons.maths_foundations.exercises import DOT, MATMUL
from tutor.store import Store


def tutor(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tutor", *args],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )


def test_exercises_lists_every_id_with_its_status():
    result = tutor("exercises")
    assert result.returncode == 0
    for exercise in LESSON.exercises():
        line = next(line for line in result.stdout.splitlines() if line.split()[:1] == [exercise.id])
        assert "not started" in line


def test_a_passing_file_exits_0_and_is_recorded(tmp_path):
    solution = tmp_path / "matmul.py"
    solution.write_text(MATMUL.solution)
    result = tutor("check", "matmul", str(solution))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "✓ all 15 checks passed" in result.stdout
    assert "matmul(): 15 of 15 passed" in result.stdout
    store = Store.open()
    assert store.attempts("maths_foundations", "matmul")[-1][:2] == (True, "all 15 checks passed")
    store.close()
    listing = tutor("exercises").stdout
    assert any(line.split()[:2] == ["matmul", "passed"] for line in listing.splitlines())


def test_a_failing_file_exits_1_and_prints_each_result(tmp_path):
    attempt = tmp_path / "dot.py"
    attempt.write_text("def dot(a, b):\n    return sum(x * y for x, y in zip(a, b))\n")
    result = tutor("check", "dot", str(attempt))
    assert result.returncode == 1
    out = result.stdout
    assert "✗ 11 of 14 checks passed" in out
    assert "  ✓ the example: 1·4 + 2·5 + 3·6" in out
    assert "  ✗ different lengths" in out
    for field in ("input:    list [1, 2, 3], list [1, 2]", "expected: raises ValueError", "got:      5",
                  "why:      returned instead of raising ValueError"):
        assert field in out


def test_a_syntax_error_is_a_failure_not_a_crash(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("def dot(a, b)\n    return 0\n")
    result = tutor("check", "dot", str(broken))
    assert result.returncode == 1 and "SyntaxError on line 1" in result.stdout
    assert "Traceback" not in result.stderr


def test_an_unknown_exercise_or_a_missing_file_exits_2(tmp_path):
    unknown = tutor("check", "no_such_exercise", str(tmp_path / "x.py"))
    assert unknown.returncode == 2 and "unknown exercise 'no_such_exercise'" in unknown.stderr
    assert "matmul" in unknown.stderr  # the ids it knows
    missing = tutor("check", "dot", str(tmp_path / "nowhere.py"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    qualified = tmp_path / "dot.py"
    qualified.write_text(DOT.solution)
    assert tutor("check", "maths_foundations:dot", str(qualified)).returncode == 0


class Lines:
    """The output of a running process, line by line, with a timeout."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, args=(process,), daemon=True).start()

    def _read(self, process: subprocess.Popen) -> None:
        for line in process.stdout:
            self._queue.put(line)
        self._queue.put(None)

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=0.1)
            except queue.Empty:
                continue
            if line is None:
                break
            self.seen.append(line)
            if text in line:
                return
        raise AssertionError(f"{text!r} never came; output so far:\n{''.join(self.seen)}")


def start_watching(attempt, **streams) -> subprocess.Popen:
    """`tutor check --watch matmul attempt`, which ctrl+c (SIGINT) stops.

    A child inherits an ignored SIGINT, and a shell ignores it in what it starts in the
    background (`make test &`); the child gets the default back, as in a terminal.
    """
    return subprocess.Popen(
        [sys.executable, "-m", "tutor", "check", "--watch", "matmul", str(attempt)],
        stdin=subprocess.DEVNULL, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        **streams,
    )


def test_watch_checks_again_on_every_save_until_ctrl_c(tmp_path):
    attempt = tmp_path / "matmul.py"
    attempt.write_text(MATMUL.starter)
    process = start_watching(
        attempt, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        lines = Lines(process)
        lines.wait_for("✗ 0 of 15 checks passed")
        lines.wait_for("Watching")
        attempt.write_text(MATMUL.solution)
        lines.wait_for("✓ all 15 checks passed")
        lines.wait_for("Watching")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        lines.wait_for("Stopped watching.", timeout=5)
        assert "Traceback" not in "".join(lines.seen)
    finally:
        if process.poll() is None:
            process.kill()
    attempts = Store.open().attempts("maths_foundations", "matmul")
    assert [passed for passed, _, _ in attempts] == [False, True]


def test_each_watched_run_ends_with_its_verdict_as_the_last_line(tmp_path):
    attempt = tmp_path / "matmul.py"
    attempt.write_text(MATMUL.starter)
    process = start_watching(
        attempt, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        lines = Lines(process)
        for verdict in ("✗ 0 of 15 checks passed", "✓ all 15 checks passed"):
            lines.wait_for("(checked at ")
            time.sleep(0.5)  # nothing follows the verdict until the file changes
            assert lines._queue.empty()
            assert lines.seen[-1].startswith(f"{verdict} (checked at "), lines.seen[-3:]
            attempt.write_text(MATMUL.solution)
        # the report above it is the whole report: the per-input lines are there too
        assert any(line.startswith("  ✗ ") for line in lines.seen)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        finally:
            if process.poll() is None:
                process.kill()


def test_watch_on_a_terminal_clears_the_screen_before_each_run(tmp_path):
    import pty
    import select

    attempt = tmp_path / "matmul.py"
    attempt.write_text(MATMUL.starter)
    controller, terminal = pty.openpty()
    process = start_watching(attempt, stdout=terminal, stderr=terminal)
    os.close(terminal)
    output = b""

    def read_until(count: int, timeout: float = 30) -> None:
        nonlocal output
        deadline = time.monotonic() + timeout
        while output.count(b"(checked at ") < count and time.monotonic() < deadline:
            if select.select([controller], [], [], 0.1)[0]:
                try:
                    output += os.read(controller, 65536)
                except OSError:
                    break
        assert output.count(b"(checked at ") >= count, output[-2000:]

    try:
        read_until(1)
        attempt.write_text(MATMUL.solution)
        read_until(2)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        finally:
            if process.poll() is None:
                process.kill()
            os.close(controller)
    runs = output.split(b"\x1b[H\x1b[2J")
    assert len(runs) == 3 and runs[0] == b""  # each run starts on a cleared screen
    assert b"0 of 15 checks passed" in runs[1] and b"all 15 checks passed" not in runs[1]
    assert b"all 15 checks passed" in runs[2]
