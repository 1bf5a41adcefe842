"""Random keys on the exercise screen never crash the tutor, even with checks started and cancelled."""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from textual.worker import WorkerCancelled

from lessons.maths_foundations import LESSON
from lessons.maths_foundations.exercises import DOT
from tutor.app import TutorApp
from tutor.lesson.registry import discover
from tutor.screens.exercise import ExerciseScreen
from tutor.store import Store

KEYS = [
    "ctrl+s", "f5", "f2", "h", "f3", "ctrl+r", "y", "n", "escape", "tab", "shift+tab", "enter",
    "x", "question_mark", "q", "backspace", "up", "down", "ctrl+z", "ctrl+down", "ctrl+up", "f4",
]


async def drive(keys: list[str], folder: Path) -> None:
    store = Store.open(folder / "progress.sqlite3")
    app = TutorApp(catalogue=discover(), store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ExerciseScreen(LESSON, DOT, store))
        pressed: list[str] = []
        for key in keys:
            if not app.is_running:
                break  # `q` outside the editor quits, as it should
            await pilot.press(key)
            pressed.append(key)
        if app.is_running:
            for worker in list(app.workers):
                if worker.group == "check":
                    with contextlib.suppress(WorkerCancelled):
                        await worker.wait()
        quit = not app.is_running
    assert app._exception is None
    if quit:  # only `q` (outside the editor) quits, and cleanly
        assert "q" in pressed, f"the tutor quit after {pressed}, and no q was pressed"
        assert app.return_code == 0, f"the quit was not a clean one: return code {app.return_code}"
    else:  # the tutor ran on until run_test ended it
        assert app.return_code is None, app.return_code


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(KEYS), min_size=1, max_size=14))
# Found by this test: Textual's TextArea crashed drawing stale lines after this undo.
@example(keys=["ctrl+s", "ctrl+s", "ctrl+s", "ctrl+s", "enter", "h", "ctrl+z", "y", "ctrl+z"])
def test_random_keys_on_the_exercise_screen(keys):
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(drive(keys, Path(folder)))
