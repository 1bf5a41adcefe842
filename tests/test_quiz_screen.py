"""Pilot tests of the quiz: the card, right, wrong and malformed answers, retry missed, the record."""

from __future__ import annotations

import pytest

from tests.conftest import entry_point
from tests.helpers import choice_key as letter
from tests.helpers import screen_text as _plain
from tests.helpers import screen_words as _words
from tests.helpers import type_keys, wait_until
from tutor.app import TutorApp
from tutor.grading.answers import LETTERS
from tutor.lesson.registry import discover
from tutor.screens.help import HelpScreen
from tutor.screens.lesson import LessonScreen
from tutor.screens.quiz import QuizScreen
from tutor.store import Store
from tutor.widgets.section._quiz_card import QuizCard
from tutor.widgets.section._section_view import SectionView

QUIZ_SECTION = 2  # 0-based index of the fixture lesson's quiz section


@pytest.fixture
def quiz_catalogue():
    return discover([entry_point("quizzy", "tests.fixtures.quiz_lesson")])


def make_app(catalogue) -> TutorApp:
    return TutorApp(catalogue=catalogue, store=Store.open(), start=("quizzy", QUIZ_SECTION))


async def _open_quiz(pilot) -> QuizScreen:
    await pilot.press("tab")
    assert isinstance(pilot.app.focused, QuizCard)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, QuizScreen)
    return pilot.app.screen


async def test_the_card_opens_the_quiz_and_escape_on_it_returns_to_the_text(quiz_catalogue):
    app = make_app(quiz_catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Tiny quiz" in _plain(app) and "Not taken yet" in _words(app)
        await pilot.press("tab")
        assert isinstance(app.focused, QuizCard)
        footer = _plain(app).splitlines()[-1]
        assert "Start quiz" in footer
        await pilot.press("escape")
        assert isinstance(app.focused, SectionView) and isinstance(app.screen, LessonScreen)
        screen = await _open_quiz(pilot)
        assert "Question 1 of 3" in _words(app) and "Which number is even?" in _words(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen) and screen.round.verdicts == {}


async def test_right_wrong_and_malformed_answers_each_get_feedback(quiz_catalogue, store):
    app = make_app(quiz_catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_quiz(pilot)
        footer = _plain(app).splitlines()[-1]
        assert "abc Choose" in footer and "Submit" in footer and "Leave quiz" in footer

        await pilot.press("enter")  # nothing chosen yet: asked again, not counted
        assert screen.state == "choice" and "No answer yet" in _words(app)
        await pilot.press(letter(screen, "4"), "enter")
        await pilot.pause()
        assert screen.state == "feedback"
        assert "✓ Right." in _words(app) and "4 = 2 × 2." in _words(app)
        assert "Next" in _plain(app).splitlines()[-1]
        await pilot.press("enter")
        await pilot.pause()

        assert screen.state == "typed" and "Question 2 of 3" in _words(app)
        await type_keys(pilot, *"abc", "enter")
        await pilot.pause()
        assert screen.state == "typed", "a malformed answer is not judged"
        assert "'abc' is not in a form I can read. Type a number" in _words(app)
        assert "(Not counted.)" in _words(app)
        await pilot.press("ctrl+u", *"0.6", "enter")
        await pilot.pause()
        assert screen.state == "feedback"
        assert "✗ Not quite. The answer is 0.5 (± 0.01)." in _words(app)
        assert "One divided by two." in _words(app)
        await pilot.press("enter")
        await pilot.pause()

        await type_keys(pilot, *"3by", "enter")
        await pilot.pause()
        assert screen.state == "typed" and "Type a shape, such as (3, 3) or 3x3" in _words(app)
        await pilot.press("ctrl+u", *"2x3", "enter")
        await pilot.pause()
        assert "✓ Right." in _words(app) and "enter: see your score" in _words(app)
        await pilot.press("enter")
        await pilot.pause()

        assert screen.state == "summary"
        text = _words(app)
        assert "Score: 2 / 3 (67%)" in text and "Missed:" in text
        assert "What is 1/2 as a decimal?" in text and "you: 0.6 answer: 0.5 (± 0.01) (1. One)" in text
        assert "Which number is even?" not in text

    answers = store.answers("quizzy")
    assert [(qid, given.split(") ")[-1], correct) for qid, given, correct, _ in answers] == [
        ("pick", "4", True), ("half", "0.6", False), ("grid", "(2, 3)", True),
    ]
    times = [at for *_, at in answers]
    assert times == sorted(times) and all(at > 1.6e9 for at in times)
    assert store.best_score("quizzy") == (2, 3)


async def test_retry_missed_asks_only_those_and_keeps_the_recorded_score(quiz_catalogue, store):
    app = make_app(quiz_catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_quiz(pilot)
        await pilot.press(letter(screen, "3"), "enter", "enter")  # wrong: 3 is odd
        await type_keys(pilot, *"0.4", "enter", "enter")       # wrong
        await type_keys(pilot, *"3x2", "enter", "enter")       # wrong
        await pilot.pause()
        assert screen.state == "summary" and "Score: 0 / 3 (0%)" in _words(app)
        assert "r Retry missed" in _plain(app).splitlines()[-1]
        await pilot.press("r")
        await pilot.pause()
        assert "Retry 1 of 3" in _words(app)
        number = str(screen.round.current.options.index("4") + 1)
        await pilot.press(number, "enter", "enter")       # digits choose too
        await type_keys(pilot, *"1/2", "enter", "enter")
        await type_keys(pilot, *"(3, 2)", "enter", "enter")    # still wrong
        await pilot.pause()
        text = _words(app)
        assert "Retry: 2 of 3 now right" in text and "Still missed:" in text
        assert "A table of 2 rows" in text and "What is 1/2" not in text
        await pilot.press("r")
        await pilot.pause()
        assert "Retry 1 of 1" in _words(app) and screen.round.total == 1
        await type_keys(pilot, *"2x3", "enter", "enter")
        await pilot.pause()
        assert "Every answer right." in _words(app)
        assert "Retry missed" not in _plain(app).splitlines()[-1]
        await pilot.press("t")
        await pilot.pause()
        assert "Question 1 of 3" in _words(app) and screen.round.full

    assert len(store.answers("quizzy")) == 7
    assert store.best_score("quizzy") == (0, 3), "only a whole quiz is scored"


async def test_typing_in_the_answer_never_triggers_a_key(quiz_catalogue):
    app = make_app(quiz_catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_quiz(pilot)
        await pilot.press(letter(screen, "4"), "enter", "enter")
        await type_keys(pilot, *"q?abcd1rt")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, QuizScreen)
        assert app.screen.query_one("#quiz-input").value == "q?abcd1rt"
        assert "f1 Help" in _plain(app).splitlines()[-1]
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.screen is screen and screen.state == "typed"


async def test_help_lists_the_quiz_keys(quiz_catalogue):
    app = make_app(quiz_catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_quiz(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = _plain(app).splitlines()
        for key, meaning in [("a b c", "Choose"), ("1 2 3", "Choose by number"), ("⏎", "Submit"),
                             ("esc", "Leave quiz"), ("?", "Help")]:
            assert any(key in line and meaning in line for line in lines), (key, meaning)


async def test_leaving_midway_keeps_the_answers_and_a_finished_quiz_shows_on_the_card(quiz_catalogue, store):
    app = make_app(quiz_catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_quiz(pilot)
        await pilot.press(letter(screen, "4"), "enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert len(store.answers("quizzy")) == 1 and store.best_score("quizzy") is None
        await pilot.press("enter")  # the card kept focus
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and "Question 1 of 3" in _words(app)
        await pilot.press(letter(app.screen, "4"), "enter", "enter", *"0.5", "enter", "enter", *"2x3", "enter", "enter")
        await pilot.pause()
        assert "Score: 3 / 3 (100%)" in _words(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Best score: 3 / 3 (100%)" in _words(app)


async def test_after_a_wrong_pick_the_right_option_is_the_one_that_stands_out(quiz_catalogue):
    from textual.widgets import OptionList

    app = make_app(quiz_catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_quiz(pilot)
        right, wrong = letter(screen, "4"), letter(screen, "3")
        await pilot.press(wrong, "enter")  # 3 is not even; 4 is the answer
        await pilot.pause()
        options = screen.query_one("#quiz-options", OptionList)
        assert options.highlighted == LETTERS.index(right), "the highlight sits on the right answer, not the learner's pick"
        text = _plain(app)
        assert f"✓ {right}) 4  ← the right answer" in text and f"✗ {wrong}) 3  ← your answer" in text


async def test_keys_that_arrive_in_one_burst_are_judged_as_typed(quiz_catalogue):
    """Over a slow SSH link a letter (or `0.5`) and enter can arrive in one read; enter is a
    priority key, and must not submit before the keys typed ahead of it have landed."""
    from textual import events

    async def burst(*keys: str) -> None:
        for key in keys:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await wait_until(pilot, lambda: screen.state == "feedback", what="the burst judged")

    app = make_app(quiz_catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_quiz(pilot)
        await burst(letter(screen, "4"), "enter")
        assert screen.round.verdicts["pick"].correct
        await pilot.press("enter")
        await burst("0", ".", "5", "enter")
        assert screen.round.verdicts["half"].given == "0.5" and screen.round.verdicts["half"].correct
