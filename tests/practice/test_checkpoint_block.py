"""A checkpoint in a section, driven as a learner would: tab to it, answer, read the feedback, go on."""

from __future__ import annotations

import pytest

from tests.conftest import entry_point
from tests.helpers import screen_words
from tutor.app import TutorApp
from tutor.grading.answers import LETTERS
from tutor.lesson.registry import discover
from tutor.practice.mastery import Level
from tutor.practice.skills import skill_states
from tutor.store import Store
from tutor.widgets.section._checkpoint import CheckpointBlock
from tutor.widgets.section._section_view import SectionView
from tutor.widgets.section_list import SectionList


@pytest.fixture
def catalogue():
    return discover([entry_point("practised", "tests.fixtures.practice_lesson")])


def make_app(catalogue, store) -> TutorApp:
    return TutorApp(catalogue=catalogue, store=store, start=("practised", 0))


def wrong_letter(block: CheckpointBlock) -> str:
    question = block.question
    return LETTERS[next(index for index in range(len(question.options)) if index != question.answer)]


async def test_a_wrong_prediction_is_explained_in_place_and_logged_under_its_skill(catalogue, data_dir):
    store = Store.open()
    app = make_app(catalogue, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        block = app.screen.query_one(CheckpointBlock)
        assert "Predict: is 7 · 3 even or odd?" in screen_words(app)
        await pilot.press("tab")
        assert block.has_focus_within and "Choose" in screen_words(app).splitlines()[-1]
        await pilot.press(wrong_letter(block), "enter")
        await pilot.pause()
        words = screen_words(app)
        assert "✗ Not quite. The answer is" in words and "odd" in words
        assert "An odd number times an odd number is odd" in words
        assert app.focused is block and "r Answer again" in words.splitlines()[-1]
        sidebar = app.screen.query_one(SectionList)
        assert sidebar.mastery["one"] == 0.25, "one skill, attempted: a quarter of the way"
        assert sidebar.marks[0].plain == "○" and sidebar.marks[1].plain == "·"
        await pilot.press("r")
        assert not block.answered and block.query_one("OptionList").has_focus
        await pilot.press("escape")
        assert isinstance(app.focused, SectionView)
    answers = store.skill_answers("practised")
    assert [(a.skill_id, a.item_id, a.source, a.correct, a.rating) for a in answers] == [
        ("parity", "cp_parity", "checkpoint", False, "again")
    ]
    assert store.due_dates() .keys() == {("practised", "parity")}


async def test_a_checkpoint_never_blocks_reading(catalogue, data_dir):
    store = Store.open()
    app = make_app(catalogue, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab")  # past the checkpoint, to the listing below it
        assert not isinstance(app.focused.parent, CheckpointBlock)
        await pilot.press("escape", "n")
        await pilot.pause()
        assert app.screen.index == 1
    assert store.skill_answers() == []
    states = skill_states(catalogue.lessons, store)
    assert {state.skill.id: state.level for state in states}["parity"] == Level.NOT_STARTED
