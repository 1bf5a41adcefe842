"""Keys that arrive together, as one read from a terminal (a fast typist, a slow SSH link).

Pilot's `press` lets the app settle between keys; a terminal does not. Each case here
posts its keys at once, as the driver would, and the tutor must take them without an
unhandled exception. (Found by tests/test_random_keys_all.py.)
"""

from __future__ import annotations

import pytest
from textual import events
from textual.keys import key_to_character

from tutor.app import TutorApp
from tutor.commands import TutorCommandPalette
from tutor.lesson.registry import discover
from tutor.store import Store
from tutor.widgets.section._exercise_card import ExerciseCard
from tutor.widgets.section._quiz_card import QuizCard


async def burst(app: TutorApp, *keys: str) -> None:
    for key in keys:
        event = events.Key(key, key_to_character(key))
        event.set_sender(app)
        app.post_message(event)


@pytest.mark.parametrize(
    "keys",
    [("ctrl+p", "pagedown"), ("ctrl+p", "pageup"), ("ctrl+p", "down", "pagedown"), ("ctrl+p", "a", "pagedown")],
    ids=lambda keys: " ".join(keys),
)
async def test_paging_the_palette_before_it_is_drawn(sample_catalogue, keys):
    app = TutorApp(catalogue=sample_catalogue, store=Store.open())
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(app, *keys)
        await pilot.pause(0.3)
        assert isinstance(app.screen, TutorCommandPalette)
        await pilot.press("pagedown", "pageup", "escape")  # and once drawn, the keys page as before
        assert not isinstance(app.screen, TutorCommandPalette)
        assert app.is_running, "paging the palette quit the tutor"
    assert app._exception is None


async def test_paging_the_theme_switcher_before_it_is_drawn(sample_catalogue):
    """The palette's "Theme" opens a second palette: it takes early page keys too."""
    app = TutorApp(catalogue=sample_catalogue, store=Store.open())
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_change_theme()
        await burst(app, "pagedown", "pageup", "pagedown")
        await pilot.pause(0.3)
        assert isinstance(app.screen, TutorCommandPalette)
        await pilot.press("pagedown", "escape")
    assert app._exception is None


async def card_in_focus(app: TutorApp, pilot, card_class: type) -> None:
    """Open the lesson at the section of its first exercise or quiz card and focus that card."""
    from lessons.maths_foundations import LESSON
    from tutor.lesson.format import Exercise, Quiz

    kind = Exercise if card_class is ExerciseCard else Quiz
    section = next(index for index, section in enumerate(LESSON.sections)
                   if any(isinstance(block, kind) for block in section.blocks))
    app.open_lesson(LESSON.id, section)
    await pilot.pause()
    card = app.screen.query(card_class).first()
    card.focus()
    await pilot.pause()
    assert app.focused is card


@pytest.mark.parametrize("card_class", [ExerciseCard, QuizCard], ids=["exercise", "quiz"])
@pytest.mark.parametrize("keys", [("enter", "ctrl+q"), ("enter", "q"), ("enter", "escape", "q")],
                         ids=lambda keys: " ".join(keys))
async def test_opening_a_card_and_quitting_at_once(card_class, keys):
    """Whether the quit lands before the opened screen shows or after (then `q` may type into
    the exercise's editor instead), nothing raises, and a quit is a clean one."""
    app = TutorApp(catalogue=discover(), store=Store.open())
    async with app.run_test(size=(80, 24)) as pilot:
        await card_in_focus(app, pilot, card_class)
        await burst(app, *keys)
        await pilot.pause(0.5)
        quit = not app.is_running
        if "ctrl+q" in keys:
            assert quit, "ctrl+q did not quit"
    assert app._exception is None
    if quit:
        assert app.return_code == 0, f"the quit was not a clean one: return code {app.return_code}"
    else:  # `q` was typed into the exercise's editor: the tutor runs on, and run_test ended it
        assert "ctrl+q" not in keys and app.return_code is None, app.return_code


async def test_an_exercise_closed_before_it_is_shown():
    """The tutor quits in the same moment an exercise opens: its screen never shows, quietly."""
    from lessons.maths_foundations import LESSON
    from lessons.maths_foundations.exercises import MATMUL
    from tutor.screens.exercise import ExerciseScreen

    app = TutorApp(catalogue=discover(), store=Store.open())
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ExerciseScreen(LESSON, MATMUL, app.store))
        app.exit(0)
        await pilot.pause(0.3)
    assert app._exception is None
    assert app.return_code == 0


async def test_a_check_that_ends_after_its_screen_closed_is_still_recorded():
    """A check finishing after the learner left (or quit) records its result and draws nothing."""
    from lessons.maths_foundations import LESSON
    from lessons.maths_foundations.exercises import MATMUL
    from tutor.grading.runner import Checker
    from tutor.screens.exercise import ExerciseScreen

    app = TutorApp(catalogue=discover(), store=Store.open())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = ExerciseScreen(LESSON, MATMUL, app.store)
        await app.push_screen(screen)
        await pilot.pause()
        report = await Checker().check(MATMUL, MATMUL.solution)
        screen.dismiss()
        await pilot.pause()
        assert not screen.children
        screen._checked(report)  # what the check's worker does when the check ends
        await pilot.pause()
        assert app.store.attempts(LESSON.id, MATMUL.id)[-1][0] is True
    assert app._exception is None
