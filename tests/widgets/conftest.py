"""Fixtures for the REPL pane's Pilot tests: a small host app around a real pane and kernel."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from lessons.maths_foundations import LESSON
from tests.helpers import type_keys, wait_until
from tutor.lesson.format import Lesson
from tutor.repl.session import ReplSession
from tutor.store import Store
from tutor.widgets.repl._pane import ReplPane


class PaneApp(App[None]):
    """Just the REPL pane, with the app-level session TutorApp would give it."""

    def __init__(self, lesson: Lesson | None = LESSON, store: Store | None = None) -> None:
        super().__init__()
        self.store = store or Store.open()
        self.repl = ReplSession(self.store)
        self.lesson = lesson

    def compose(self) -> ComposeResult:
        yield ReplPane(self.repl, self.lesson)

    def on_mount(self) -> None:
        self.query_one(ReplPane).focus_input()

    async def on_unmount(self) -> None:
        await self.repl.close()
        self.store.close()


def transcript(pane: ReplPane) -> list[str]:
    return pane.log_view.plain_lines


async def ready(pilot: Pilot, pane: ReplPane) -> None:
    """Wait until the kernel runs and the lesson's setup has been reported."""
    await wait_until(pilot, lambda: pane._ready.is_set() and not pane.busy, what="the pane to be ready")


async def run(pilot: Pilot, pane: ReplPane, code: str, timeout: float = 15.0) -> list[str]:
    """Type ``code`` (one line) and enter; return the transcript lines it added once it ends."""
    before = len(pane.results)
    start = len(transcript(pane))
    await type_keys(pilot, *code, "enter")
    finished = lambda: len(pane.results) > before and not pane.busy and not pane.log_view.writing  # noqa: E731
    await wait_until(pilot, finished, timeout, f"{code!r} to finish")
    await pilot.pause()
    return transcript(pane)[start:]


async def assert_answers(pilot: Pilot, pane: ReplPane) -> None:
    """The kernel answers: ``1+1`` shows ``2``."""
    lines = await run(pilot, pane, "1+1")
    assert lines[-2:] == [">>> 1+1", "2"], lines


@pytest.fixture
def pane_app() -> PaneApp:
    return PaneApp()
