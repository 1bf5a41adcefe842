"""SVG snapshot of the quiz summary at 80x24, with the real lesson's quiz."""

from __future__ import annotations

from lessons.maths_foundations import LESSON
from tutor.app import TutorApp
from tutor.grading.answers import LETTERS, format_number, format_shape
from tutor.lesson import Choice, Numeric
from tutor.lesson.registry import discover
from tutor.store import Store

QUIZ_SECTION = len(LESSON.sections) - 1
MISSED = {"which_product": "a", "svd_u_shape": "4x4", "uniform_variance": "0.1"}
"""Answered wrongly on purpose; every other question is answered right."""


def typed_answer(question) -> str:
    if question.id in MISSED:
        return MISSED[question.id]
    if isinstance(question, Choice):
        return LETTERS[question.answer]
    if isinstance(question, Numeric):
        return format_number(question.answer)
    return format_shape(question.answer)


async def take_the_quiz(pilot) -> None:
    await pilot.press("tab", "enter")
    await pilot.pause()
    for number, question in enumerate(LESSON.quiz().questions):
        if number == 0:
            await pilot.press(*"abc", "enter")  # malformed first: not counted
            await pilot.press("ctrl+u")
        await pilot.press(*typed_answer(question), "enter", "enter")
    await pilot.pause()


def test_snapshot_quiz_summary(snap_compare, data_dir):
    app = TutorApp(catalogue=discover(), store=Store.open(), start=("maths_foundations", QUIZ_SECTION))
    assert snap_compare(app, terminal_size=(80, 24), run_before=take_the_quiz)
