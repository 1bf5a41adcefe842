"""The review screen as a learner meets it: from home when reviews are due, and `tutor practice`."""

from __future__ import annotations

import pytest

from tests.conftest import entry_point
from tests.helpers import screen_words, type_keys, wait_until
from tutor.app import TutorApp
from tutor.grading.answers import LETTERS, format_number, format_shape
from tutor.lesson import Choice, Numeric
from tutor.lesson.registry import discover
from tutor.practice import log
from tutor.practice.mastery import Level
from tutor.practice.skills import skill_states
from tutor.screens.home import HomeScreen
from tutor.screens.review import ReviewScreen
from tutor.store import Store

DAY_ONE = "2026-12-06T09:00:00+00:00"
TWO_DAYS_LATER = "2026-12-08T09:00:00+00:00"


@pytest.fixture
def catalogue():
    return discover([entry_point("practised", "tests.fixtures.practice_lesson")])


def right_answer(question) -> str:
    if isinstance(question, Choice):
        return LETTERS[question.answer]
    if isinstance(question, Numeric):
        return format_number(question.answer)
    return format_shape(question.answer)


async def answer_all(pilot, screen: ReviewScreen, right: bool = True) -> None:
    while not screen.round.finished:
        question = screen.round.current
        if isinstance(question, Choice):
            wrong = LETTERS[(question.answer + 1) % len(question.options)]
            await pilot.press(right_answer(question) if right else wrong, "enter")
        else:
            await type_keys(pilot, *(right_answer(question) if right else "999"), "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()


async def test_with_nothing_met_the_review_says_so_and_offers_a_practice_round(catalogue, data_dir, monkeypatch):
    monkeypatch.setenv("TUTOR_NOW", DAY_ONE)
    store = Store.open()
    app = TutorApp(catalogue=catalogue, store=store, review=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.state == "summary"
        words = screen_words(app)
        assert "Nothing to review yet." in words and "p Practise weakest" in words.splitlines()[-1]
        await pilot.press("p")
        await pilot.pause()
        assert screen.state in ("choice", "typed") and "Practice round 1 of 3 · 3 left" in screen_words(app)
        await answer_all(pilot, screen)
        words = screen_words(app)
        assert "Practice round finished" in words and "Right: 3 of 3" in words
        assert "Even or odd not started → familiar" in words
        assert "Next review: in" in words
    assert {state.skill.id: state.level for state in skill_states(catalogue.lessons, store)} == {
        "parity": Level.FAMILIAR, "adding": Level.FAMILIAR, "shapes": Level.FAMILIAR,
    }


async def test_two_days_after_answering_home_shows_the_review_due_and_r_starts_it(catalogue, data_dir, monkeypatch):
    monkeypatch.setenv("TUTOR_NOW", DAY_ONE)
    store = Store.open()
    for skill, item in (("parity", "pick"), ("adding", "add")):
        log.record(store, "practised", skill, item, "quiz", True, seconds=5, typical=45)
    monkeypatch.setenv("TUTOR_NOW", TWO_DAYS_LATER)
    app = TutorApp(catalogue=catalogue, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await wait_until(pilot, lambda: "Review: 2 due" in screen_words(app), what="the due count on home")
        assert "skills 0/3 proficient, 2 due" in screen_words(app)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and "Review 1 of 2 · 2 left" in screen_words(app)
        await answer_all(pilot, screen)
        words = screen_words(app)
        assert "Review finished" in words and "familiar → mastered" in words, "right again in a review two days on"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await wait_until(pilot, lambda: "Review: nothing due" in screen_words(app), what="nothing due after")
        assert "skills 2/3 proficient" in screen_words(app)
    sources = [a.source for a in store.skill_answers()]
    assert sources == ["quiz", "quiz", "review", "review"]


async def test_practising_one_skill_asks_fresh_variants_until_it_is_proficient(catalogue, data_dir, monkeypatch):
    monkeypatch.setenv("TUTOR_NOW", DAY_ONE)
    store = Store.open()
    app = TutorApp(catalogue=catalogue, store=store, review=("practised", "adding"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and "Question 1 · Practice Lesson › Adding" in screen_words(app)
        first = screen.round.current.prompt
        await type_keys(pilot, *"999", "enter", "enter")  # wrong: one more is asked
        await pilot.pause()
        await answer_all(pilot, screen)
        prompts = [question.prompt for question in screen.round.questions]
        assert len(prompts) == 3 and prompts[0] == first, "wrong, right, right: proficient after three"
        assert "Practice finished" in screen_words(app)
    levels = {state.skill.id: state.level for state in skill_states(catalogue.lessons, store)}
    assert levels["adding"] == Level.PROFICIENT
