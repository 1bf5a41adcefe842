"""SVG snapshot at 80x24 of the matmul exercise after its starter code failed the checks."""

from __future__ import annotations

from lessons.maths_foundations import LESSON
from lessons.maths_foundations.exercises import MATMUL
from tutor.app import TutorApp
from tutor.lesson.registry import discover
from tutor.screens.exercise import ExerciseScreen
from tutor.store import Store


async def check_the_starter(pilot) -> None:
    app = pilot.app
    await app.push_screen(ExerciseScreen(LESSON, MATMUL, app.store))
    await pilot.pause()
    await pilot.press("f2", "ctrl+s")
    for worker in [worker for worker in app.workers if worker.group == "check"]:
        await worker.wait()
    await pilot.press("escape")  # leave the editor: no blinking cursor in the picture
    await pilot.pause()


def test_snapshot_exercise_with_failed_checks(snap_compare, data_dir):
    app = TutorApp(catalogue=discover(), store=Store.open())
    assert snap_compare(app, terminal_size=(80, 24), run_before=check_the_starter)
