"""The rating an answer earns for review scheduling, by one written-down rule.

* a wrong answer is **again**;
* a right answer after a hint, or slower than the question's typical time, is **hard**;
* any other right answer is **good**.

The typical time is the drill's `seconds` when the question came from a drill;
otherwise it depends on the kind of question (`TYPICAL_SECONDS`). A right
answer with no time measured (an exercise's pass) is judged on hints alone.
"""

from __future__ import annotations

AGAIN, HARD, GOOD = "again", "hard", "good"

TYPICAL_SECONDS = {"Choice": 45.0, "Numeric": 90.0, "Shape": 45.0}
"""How long a fixed question of each kind typically takes, in seconds."""


def rate(correct: bool, *, hinted: bool = False, seconds: float | None = None, typical: float | None = None) -> str:
    """AGAIN, HARD or GOOD for one answer (the rule in the module docstring)."""
    if not correct:
        return AGAIN
    if hinted:
        return HARD
    if seconds is not None and typical is not None and seconds > typical:
        return HARD
    return GOOD


def typical_seconds(question: object, drill_seconds: float | None = None) -> float:
    """The time a question typically takes: its drill's, or its kind's."""
    if drill_seconds is not None:
        return drill_seconds
    return TYPICAL_SECONDS.get(type(question).__name__, 60.0)
