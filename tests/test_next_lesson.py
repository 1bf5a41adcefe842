"""The course as a whole: home says why the lessons start at 2, and lesson 2 leads on to lesson 3."""

from __future__ import annotations

from lessons.maths_foundations import LESSON
from tests.helpers import bottom_line, screen_words, type_keys, wait_until
from tutor.app import TutorApp
from tutor.lesson.registry import discover
from tutor.screens.home import HomeScreen
from tutor.screens.lesson import LessonScreen
from tutor.store import Store

LAST = len(LESSON.sections) - 1


async def test_home_says_the_lessons_keep_their_numbers_in_the_course(data_dir):
    app = TutorApp(catalogue=discover(), store=Store.open())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "numbered as in the full course: this tutor teaches lessons 2 and 3" in screen_words(app)


async def test_the_last_section_offers_the_next_lesson_with_n_and_in_the_palette(data_dir):
    store = Store.open()
    app = TutorApp(catalogue=discover(), store=store, start=(LESSON.id, LAST - 1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "n Next " in bottom_line(app) and "Next lesson" not in bottom_line(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: "n Next lesson" in bottom_line(app), what="the offer on the last section")
        await pilot.press("ctrl+p")
        await type_keys(pilot, *"next lesson")
        await wait_until(pilot, lambda: "Next lesson: Data Handling" in screen_words(app), what="the palette's entry")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")
        await wait_until(
            pilot, lambda: isinstance(app.screen, LessonScreen) and app.screen.lesson.id == "data_handling",
            what="Data Handling opened",
        )
        assert len(app.screen_stack) == 2, "home, then the new lesson: the old one is closed"
    assert store.position(LESSON.id) == LESSON.sections[LAST].id
