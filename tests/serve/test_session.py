"""The tutor a browser tab runs (`tutor.serve.session.ServedTutorApp`), in Pilot.

Textual's web driver starts an app blurred, before its first screen mounts: the screen's
AUTO_FOCUS then gives the keys to nothing. The served tutor gives the screen its focus when
the tab takes it, so `enter` on home opens a lesson as in a terminal. And every way out
(the server's "quit", SIGINT, SIGTERM and SIGHUP all arrive as ExitApp) saves the reading
place, which `q` alone saved before.
"""

from __future__ import annotations

from textual import events, messages

from lessons.maths_foundations import LESSON
from tests.helpers import wait_until
from tutor.lesson.registry import discover
from tutor.screens.home import HomeScreen
from tutor.screens.lesson import LessonScreen
from tutor.serve.session import ServedTutorApp
from tutor.store import Store


class StartedBlurred(ServedTutorApp):
    """Blurred from the start, as Textual's web driver leaves an app (it posts AppBlur as it starts)."""

    def on_load(self) -> None:
        self.set_reactive(ServedTutorApp.app_focus, False)  # no screen to tell yet


async def test_the_first_screen_gets_its_focus_when_the_tab_does(store):
    app = StartedBlurred(catalogue=discover(), store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), what="home")
        await pilot.pause()
        assert app.focused is None  # what a browser tab shows until it is clicked
        app.post_message(events.AppFocus())  # the click
        await pilot.press("enter")  # right behind it, as a key can be
        await wait_until(pilot, lambda: isinstance(app.screen, LessonScreen), what="the lesson opening on enter")


async def test_an_exit_from_outside_saves_the_reading_place(data_dir):
    store = Store.open()
    app = ServedTutorApp(catalogue=discover(), store=store, start=(LESSON.id, 1))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, LessonScreen), what="the lesson")
        await pilot.pause(0.3)
        await pilot.press("pagedown", "pagedown")
        await pilot.pause(0.1)  # well inside the 0.8 s after which the tutor saves on its own
        app.post_message(messages.ExitApp())  # what the web driver posts for "quit", SIGINT, SIGTERM
    saved = Store.open().setting(f"reading/{LESSON.id}")
    assert saved is not None and saved.split()[0] == LESSON.sections[1].id
    assert saved.split()[1:] != ["0", "0"], f"saved at the top of the section: {saved}"
