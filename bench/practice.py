"""Practice: a fresh question from every drill, the review's first item, home with a long answer log.

* **Variants.** Every drill of every installed lesson makes 300 questions from
  fresh generators (after one warm-up call, which imports its module); the
  slowest drill's median is judged against 1 ms.
* **Review.** The tutor starts at home in a real pseudo-terminal at 80x24 with
  skills due (`TUTOR_NOW` two days after they were answered). The clock runs
  from writing `r` until the first question's progress line arrives; judged
  against 100 ms.
* **Home.** Home's first frame with a long answer log (2,000 answers across
  every skill, all scheduled) beside the same with an empty store, alternated
  in one run: the due count is read after the first frame, so the two should
  match (target ≤ 1.1x).

    python bench/practice.py [--runs N]
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
sys.path.insert(0, str(ROOT))
from results import record  # noqa: E402
from terminal import Terminal, colour_env  # noqa: E402

VARIANT_TARGET_MS = 1.0
REVIEW_TARGET_MS = 100.0
HOME_TARGET = 1.1
VARIANTS = 300
ANSWERED_AT = "2026-12-06T09:00:00+00:00"
REVIEW_AT = "2026-12-08T09:00:00+00:00"

FILL_STORE = f'''
import os
from tutor.lesson.registry import discover
from tutor.practice import log
from tutor.store import Store

os.environ["TUTOR_NOW"] = "{ANSWERED_AT}"
store = Store.open()
skills = [(lesson.id, skill.id) for lesson in discover().lessons for skill in lesson.skills]
for number in range(int(os.environ["ANSWERS"])):
    lesson, skill = skills[number % len(skills)]
    log.record(store, lesson, skill, "bench", "quiz", number % 3 != 0, seconds=20, typical=45)
store.close()
'''


def slowest_variant_ms() -> tuple[str, float, int]:
    """(drill id, median ms, drills timed) for the slowest drill of every installed lesson."""
    import numpy

    from tutor.lesson.registry import discover

    drills = [drill for lesson in discover().lessons for drill in lesson.drills]
    medians: dict[str, float] = {}
    for drill in drills:
        drill.variant(numpy.random.default_rng(0))  # imports its module
        times = []
        for seed in range(VARIANTS):
            rng = numpy.random.default_rng(seed)
            start = time.perf_counter()
            drill.variant(rng)
            times.append(time.perf_counter() - start)
        medians[drill.id] = statistics.median(times) * 1000
    if not medians:
        return "none", 0.0, 0
    slowest = max(medians, key=medians.get)
    return slowest, medians[slowest], len(medians)


def filled_store(folder: str, answers: int, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-c", FILL_STORE], env={**env, "TUTOR_DATA_DIR": folder, "ANSWERS": str(answers)},
                   check=True, cwd=ROOT)


def review_first_item(folder: str, env: dict[str, str]) -> float:
    """Seconds from `r` on home to the review's first question on the terminal."""
    terminal = Terminal([sys.executable, "-m", "tutor"], {**env, "TUTOR_DATA_DIR": folder, "TUTOR_NOW": REVIEW_AT})
    try:
        terminal.read_until(b"due", timeout=15)
        time.sleep(1.0)  # a learner reads home first; numpy warms up meanwhile
        terminal.settle(0.05)
        return terminal.press(b"r", b"Review 1 of")
    finally:
        terminal.close()


def home_first_frame(folder: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    terminal = Terminal([sys.executable, "-m", "tutor"], {**env, "TUTOR_DATA_DIR": folder, "TUTOR_NOW": REVIEW_AT})
    try:
        return terminal.read_until(b"Maths Foundations for ML", timeout=10, raw=True) - started
    finally:
        terminal.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=8)
    args = parser.parse_args()
    env = colour_env()

    drill, variant_ms, count = slowest_variant_ms()
    print(f"fresh variants: {count} drills, {VARIANTS} each; slowest median {variant_ms:.3f} ms ({drill})")
    record(f"drill variant, slowest of {count}", variant_ms, "ms", VARIANT_TARGET_MS, kind="absolute")

    with tempfile.TemporaryDirectory() as long_log, tempfile.TemporaryDirectory() as empty:
        filled_store(long_log, 2000, env)
        reviews, with_log, without = [], [], []
        for _ in range(args.runs):
            with_log.append(home_first_frame(long_log, env))
            without.append(home_first_frame(empty, env))
        for _ in range(max(3, args.runs // 2)):
            with tempfile.TemporaryDirectory() as due:
                filled_store(due, 40, env)
                reviews.append(review_first_item(due, env))
    review_ms = statistics.median(reviews) * 1000
    long_ms, empty_ms = statistics.median(with_log) * 1000, statistics.median(without) * 1000
    print(f"review: r on home to the first question, median of {len(reviews)}: {review_ms:.1f} ms")
    print(f"home first frame: 2,000 logged answers {long_ms:.0f} ms, empty store {empty_ms:.0f} ms "
          f"({long_ms / empty_ms:.2f}x)")
    record("review, r to the first question", review_ms, "ms", REVIEW_TARGET_MS, kind="absolute")
    record("home first frame, 2,000 answers logged", long_ms, "ms", HOME_TARGET, baseline=empty_ms)


if __name__ == "__main__":
    main()
