"""The written-down rules of practice: rating, mastery, the clock, the schedule, the shuffle."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fixtures.practice_lesson import LESSON, QUIZ
from tutor.lesson import Choice
from tutor.practice import clock, schedule
from tutor.practice.mastery import DAY, Level, level, section_mark, section_share
from tutor.practice.questions import question_for, retry_question, shuffled
from tutor.practice.rating import AGAIN, GOOD, HARD, rate
from tutor.practice.review import interleave
from tutor.practice.skills import SkillState
from tutor.store import SkillAnswer

T0 = datetime(2026, 12, 6, 9, 0, tzinfo=timezone.utc).timestamp()


def answer(correct: bool, at: float = T0, source: str = "quiz") -> SkillAnswer:
    return SkillAnswer("practised", "parity", "pick", source, correct, False, 10.0, "good", at)


# -- rating ---------------------------------------------------------------------------------


def test_the_rating_rule():
    assert rate(False) == AGAIN
    assert rate(False, hinted=True, seconds=1, typical=60) == AGAIN
    assert rate(True, seconds=30, typical=60) == GOOD
    assert rate(True, seconds=61, typical=60) == HARD, "slower than typical"
    assert rate(True, hinted=True, seconds=5, typical=60) == HARD, "after a hint"
    assert rate(True) == GOOD, "no time measured: judged on hints alone"


# -- mastery -----------------------------------------------------------------------------------


def test_the_mastery_levels_follow_the_streak():
    assert level([]) == Level.NOT_STARTED
    assert level([answer(False)]) == Level.ATTEMPTED
    assert level([answer(False), answer(True)]) == Level.FAMILIAR
    assert level([answer(True), answer(True)]) == Level.PROFICIENT
    assert level([answer(True), answer(True), answer(False)]) == Level.ATTEMPTED, "a wrong answer starts again"


def test_mastered_needs_a_right_review_a_day_after_the_streak_began():
    same_day = [answer(True), answer(True, T0 + 60, "review")]
    assert level(same_day) == Level.PROFICIENT
    practice_later = [answer(True), answer(True, T0 + 2 * DAY, "practice")]
    assert level(practice_later) == Level.PROFICIENT, "practice is not a review"
    remembered = [answer(True), answer(True, T0 + DAY, "review")]
    assert level(remembered) == Level.MASTERED
    assert level([*remembered, answer(False, T0 + 3 * DAY)]) == Level.ATTEMPTED


@given(st.lists(st.booleans(), max_size=12))
def test_the_level_depends_only_on_the_trailing_run_of_right_answers(results):
    answers = [answer(correct, T0 + index) for index, correct in enumerate(results)]
    run = 0
    for correct in reversed(results):
        if not correct:
            break
        run += 1
    expected = (
        Level.NOT_STARTED if not results else
        Level.ATTEMPTED if run == 0 else Level.FAMILIAR if run == 1 else Level.PROFICIENT
    )
    assert level(answers) == expected


def test_a_sections_mark_shows_how_far_its_skills_have_come():
    assert section_share([]) is None and section_mark(None) == ""
    assert section_mark(section_share([Level.NOT_STARTED] * 3)) == "·"
    assert section_mark(section_share([Level.FAMILIAR, Level.NOT_STARTED, Level.NOT_STARTED, Level.NOT_STARTED])) == "○"
    assert section_mark(section_share([Level.PROFICIENT, Level.FAMILIAR])) == "◑"
    assert section_mark(section_share([Level.MASTERED, Level.PROFICIENT])) == "◕"
    assert section_mark(section_share([Level.MASTERED] * 2)) == "●"


# -- the clock ----------------------------------------------------------------------------------


def test_tutor_now_sets_the_clock(monkeypatch):
    monkeypatch.setenv("TUTOR_NOW", "2026-12-08T09:00:00+00:00")
    assert clock.now() == datetime(2026, 12, 8, 9, tzinfo=timezone.utc)
    monkeypatch.setenv("TUTOR_NOW", "next tuesday")
    with pytest.raises(clock.BadClock, match="2026-12-08T09:00"):
        clock.now()
    assert "ISO date-time" in clock.check()
    monkeypatch.delenv("TUTOR_NOW")
    assert abs(clock.now() - datetime.now(timezone.utc)) < timedelta(seconds=5)


def test_due_times_are_said_in_words():
    assert clock.describe(T0 - 5, T0) == "now"
    assert clock.describe(T0 + 600, T0) == "in 10 minutes"
    assert clock.describe(T0 + 3 * 3600, T0) == "in 3 hours"
    assert clock.describe(T0 + 2 * DAY, T0).startswith("in 2 days (")


# -- the schedule -----------------------------------------------------------------------------


def test_a_good_answer_comes_back_after_the_learning_step_and_then_days_later():
    start = datetime.fromtimestamp(T0, timezone.utc)
    card, due = schedule.review(None, GOOD, start)
    assert 0 < due - T0 <= 3600, "a new skill is seen again within the hour"
    card, due_after_review = schedule.review(card, GOOD, datetime.fromtimestamp(due, timezone.utc))
    assert due_after_review - due >= DAY, "remembered once more: days, not minutes"
    card_again, due_again = schedule.review(card, AGAIN, datetime.fromtimestamp(due_after_review, timezone.utc))
    assert due_again - due_after_review < DAY, "forgotten: back soon"


def test_the_schedule_is_repeatable():
    start = datetime.fromtimestamp(T0, timezone.utc)
    assert schedule.review(None, HARD, start) == schedule.review(None, HARD, start)


# -- questions -------------------------------------------------------------------------------------


@given(st.integers(0, 2**32 - 1))
def test_shuffling_keeps_the_answer_with_its_option(seed):
    question = QUIZ.questions[0]
    moved = shuffled(question, random.Random(seed))
    assert sorted(moved.options) == sorted(question.options)
    assert moved.options[moved.answer] == question.options[question.answer]


def test_shuffling_moves_the_options_between_attempts():
    question = Choice(id="q", prompt="?", options=tuple("abcdef"), answer=0, explanation="")
    rng = random.Random(1)
    orders = {shuffled(question, rng).options for _ in range(10)}
    assert len(orders) > 5


def test_retry_asks_a_fresh_variant_where_a_drill_exists_and_the_same_question_otherwise():
    rng = random.Random(3)
    add = QUIZ.questions[1]  # skill "adding": the fixture's drill makes sums
    fresh = {retry_question(LESSON, add, rng).prompt for _ in range(5)}
    assert add.prompt not in fresh and len(fresh) > 1 and all(p.startswith("What is ") for p in fresh)
    assert all(retry_question(LESSON, add, rng).id == add.id for _ in range(3)), "the retry keeps its place"
    grid = QUIZ.questions[2]  # skill "shapes": no drill
    assert retry_question(LESSON, grid, rng) == grid


def test_a_skill_without_a_drill_is_asked_with_a_fixed_question():
    rng = random.Random(0)
    question, drill = question_for(LESSON, "parity", rng)
    assert drill is None and question.id in {"pick", "cp_parity"}
    question, drill = question_for(LESSON, "adding", rng)
    assert drill is LESSON.drills[0] and question.skill == "adding" and question.section == "two"


def test_interleaving_separates_neighbours_from_the_same_section():
    skills = {skill.id: skill for skill in LESSON.skills}

    def state(skill_id):
        return SkillState("practised", skills[skill_id], Level.ATTEMPTED, T0, 1)

    ordered = interleave([state("adding"), state("shapes"), state("parity")])
    sections = [s.skill.section for s in ordered]
    assert all(a != b for a, b in zip(sections, sections[1:])), sections
