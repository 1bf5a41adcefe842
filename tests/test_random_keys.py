"""Random key sequences never crash the tutor or leave it in a state it cannot show."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import entry_point
from tutor.app import TutorApp
from tutor.lesson.registry import discover
from tutor.screens.home import HomeScreen
from tutor.screens.lesson import LessonScreen
from tutor.store import Store

KEYS = [
    "n", "p", "s", "1", "2", "3", "7", "9", "up", "down", "pageup", "pagedown", "home", "end",
    "enter", "escape", "question_mark", "tab", "x", "space", "ctrl+p", "left", "right",
]


async def drive(keys: list[str], folder: Path) -> None:
    catalogue = discover(
        [entry_point("sample", "tests.fixtures.sample_lesson"),
         entry_point("broken", "tests.fixtures.broken_lesson")]
    )
    store = Store.open(folder / "progress.sqlite3")
    app = TutorApp(catalogue=catalogue, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in keys:
            await pilot.press(key)
            assert app.is_running
            assert isinstance(app.screen_stack[0], HomeScreen)
            for screen in app.screen_stack:
                if isinstance(screen, LessonScreen):
                    assert 0 <= screen.index < len(screen.lesson.sections)
                    assert store.position("sample") == screen.lesson.sections[screen.index].id
        await pilot.press("escape", "escape", "escape")
        await pilot.press("ctrl+q")
    assert app.return_code in (0, None)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(KEYS), min_size=1, max_size=25))
def test_random_keys_never_break_the_tutor(keys):
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(drive(keys, Path(folder)))
