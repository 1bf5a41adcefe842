"""An exercise's progress, read from the store: its status and whether its solution is unlocked.

The reference solution is offered once the checks have passed, or once the
learner has seen every hint and then failed the checks once more. That last
failure is recorded with a summary ending in AFTER_HINTS, so the rule needs no
table of its own and `tutor reset` clears it with the attempts.
"""

from __future__ import annotations

from tutor.grading.report import CheckReport
from tutor.lesson.format import Exercise
from tutor.store import Store

NOT_STARTED = "not started"
IN_PROGRESS = "in progress"
PASSED = "passed"

AFTER_HINTS = "(after every hint)"


def status(store: Store, lesson_id: str, exercise: Exercise) -> str:
    """NOT_STARTED, IN_PROGRESS or PASSED."""
    if exercise.id in store.passed_exercises(lesson_id):
        return PASSED
    code = store.exercise_code(lesson_id, exercise.id)
    touched = code is not None and code != exercise.starter
    if touched or store.hints_shown(lesson_id, exercise.id) or store.attempts(lesson_id, exercise.id):
        return IN_PROGRESS
    return NOT_STARTED


def attempt_summary(report: CheckReport, hints_shown: int, hint_count: int) -> str:
    """The summary an attempt is recorded with (marked when every hint had been seen)."""
    summary = report.summary()
    if not report.passed and hint_count and hints_shown >= hint_count:
        summary = f"{summary} {AFTER_HINTS}"
    return summary


def record(store: Store, lesson_id: str, exercise: Exercise, report: CheckReport) -> None:
    """Record one check run of `exercise` as an attempt.

    The first pass also goes to the practice log under the exercise's skill
    (hard if a hint was shown first, else good). Failed checks do not: they are
    the normal way of working towards a pass, not a lapse of memory.
    """
    hints = store.hints_shown(lesson_id, exercise.id)
    first_pass = report.passed and exercise.id not in store.passed_exercises(lesson_id)
    store.record_attempt(lesson_id, exercise.id, report.passed, attempt_summary(report, hints, len(exercise.hints)))
    if first_pass and exercise.skill:
        from tutor.practice import log

        log.record(store, lesson_id, exercise.skill, exercise.id, "exercise", True, hinted=hints > 0)


def solution_unlocked(store: Store, lesson_id: str, exercise: Exercise) -> bool:
    """Passed, or failed again after the last hint."""
    return any(
        passed or summary.endswith(AFTER_HINTS) for passed, summary, _ in store.attempts(lesson_id, exercise.id)
    )
