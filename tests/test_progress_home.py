"""The home screen shows, per lesson, sections seen, exercises passed of the total and the best quiz score."""

from __future__ import annotations

from tests.conftest import entry_point
from tests.helpers import choice_key
from tests.helpers import screen_words as _words
from tutor.app import TutorApp
from tutor.lesson.registry import discover
from tutor.screens.home import HomeScreen
from tutor.store import Store


def _catalogue():
    return discover([
        entry_point("quizzy", "tests.fixtures.quiz_lesson"),
        entry_point("sample", "tests.fixtures.sample_lesson"),
    ])


async def test_home_shows_exercises_passed_and_the_best_quiz_score(data_dir):
    store = Store.open()
    store.set_position("quizzy", "one")
    store.record_attempt("quizzy", "first", False, "1 check fails")
    store.record_attempt("quizzy", "first", True, "all pass")
    store.record_attempt("quizzy", "first", True, "all pass again")
    store.record_attempt("quizzy", "gone", True, "an exercise the lesson no longer has")
    store.record_score("quizzy", 1, 3)
    store.record_score("quizzy", 2, 3)
    store.close()
    app = TutorApp(catalogue=_catalogue(), store=Store.open())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")  # resumed in the lesson; back to the catalogue
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = _words(app)
        assert "Quiz Lesson" in text and "1/3 A lesson with a quiz. exercises 1/2 · quiz 2/3 (67%)" in text
        assert "Sample Lesson" in text and "0/3 A lesson the tests use. no exercises · no quiz" in text


async def test_finishing_the_quiz_shows_on_home_and_after_a_restart(data_dir):
    app = TutorApp(catalogue=_catalogue(), store=Store.open(), start=("quizzy", 2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "enter")
        await pilot.pause()
        await pilot.press(choice_key(app.screen, "4"), "enter", "enter", *"9", "enter", "enter", *"2x3", "enter", "enter")
        await pilot.pause()
        await pilot.press("escape", "escape", "escape")  # quiz → card → text → home
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "exercises 0/2 · quiz 2/3 (67%)" in _words(app)
    again = TutorApp(catalogue=_catalogue(), store=Store.open())
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)
        assert "1/3 A lesson with a quiz. exercises 0/2 · quiz 2/3 (67%)" in _words(again)
