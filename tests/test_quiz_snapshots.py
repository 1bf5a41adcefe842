"""SVG snapshot of the quiz summary at 80x24, with the real lesson's quiz.

The options are shuffled from the tutor's clock: `TUTOR_NOW` is fixed, so the
order, and so the snapshot, is the same on every run.
"""

from __future__ import annotations

from lessons.maths_foundations import LESSON
from tests.helpers import type_keys
from tutor.app import TutorApp
from tutor.grading.answers import LETTERS, format_number, format_shape
from tutor.lesson import Choice, Numeric
from tutor.lesson.registry import discover
from tutor.store import Store

QUIZ_SECTION = len(LESSON.sections) - 1
MISSED = {"which_product": "P @ Q", "svd_u_shape": "4x4", "uniform_variance": "0.1"}
"""Answered wrongly on purpose (a choice by its option's text); every other question is answered right."""


def typed_answer(question) -> str:
    """What to type for `question` as it is asked (its options in the shuffled order)."""
    if isinstance(question, Choice):
        chosen = question.options.index(MISSED[question.id]) if question.id in MISSED else question.answer
        return LETTERS[chosen]
    if question.id in MISSED:
        return MISSED[question.id]
    if isinstance(question, Numeric):
        return format_number(question.answer)
    return format_shape(question.answer)


async def take_the_quiz(pilot) -> None:
    await pilot.press("tab", "enter")
    await pilot.pause()
    screen = pilot.app.screen
    for number in range(len(LESSON.quiz().questions)):
        question = screen.round.current
        if number == 0:
            await type_keys(pilot, *"abc", "enter")  # malformed first: not counted
            await pilot.press("ctrl+u")
        await type_keys(pilot, *typed_answer(question), "enter", "enter")
    await pilot.pause()


def test_snapshot_quiz_summary(snap_compare, data_dir, monkeypatch):
    monkeypatch.setenv("TUTOR_NOW", "2026-12-06T09:00:00+00:00")
    app = TutorApp(catalogue=discover(), store=Store.open(), start=("maths_foundations", QUIZ_SECTION))
    assert snap_compare(app, terminal_size=(80, 24), run_before=take_the_quiz)
