"""What to review now: the due skills of every lesson, interleaved, each as a fresh question.

Interleaving (no two items in a row from the same lesson and section when it
can be helped) makes the learner choose the method, not just repeat the last
one: the point of mixed practice. With nothing due, `weakest` picks a short
round of the skills the learner holds least well.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Iterable

from tutor.lesson.format import Drill, Lesson, Question
from tutor.practice.mastery import Level
from tutor.practice.questions import fixed_questions, question_for
from tutor.practice.skills import SkillState

PRACTICE_ROUND = 5
"""How many skills a practice round (nothing due) asks about."""


@dataclass(frozen=True)
class ReviewItem:
    """One question of a review: the lesson and skill it reviews, and where it came from."""

    lesson: Lesson
    state: SkillState
    question: Question
    drill: Drill | None


def askable(state: SkillState, lessons: dict[str, Lesson]) -> bool:
    """Can the review ask about this skill? (One shown only by an exercise cannot.)"""
    lesson = lessons.get(state.lesson_id)
    return lesson is not None and bool(
        lesson.drills_for(state.skill.id) or fixed_questions(lesson, state.skill.id)
    )


def due_states(states: Iterable[SkillState], now: float) -> list[SkillState]:
    """The skills due at `now`, the longest overdue first."""
    return sorted((state for state in states if state.is_due(now)), key=lambda state: state.due)


def next_due(states: Iterable[SkillState]) -> float | None:
    """When the next skill falls due, or None when nothing is scheduled."""
    dues = [state.due for state in states if state.due is not None]
    return min(dues) if dues else None


def interleave(states: list[SkillState]) -> list[SkillState]:
    """`states` reordered so that neighbours come from different sections where possible.

    Greedy: take the first remaining state whose (lesson, section) differs from
    the last one taken; if none does, take the first.
    """
    remaining = list(states)
    ordered: list[SkillState] = []
    while remaining:
        last = (ordered[-1].lesson_id, ordered[-1].skill.section) if ordered else None
        pick = next(
            (state for state in remaining if (state.lesson_id, state.skill.section) != last), remaining[0]
        )
        remaining.remove(pick)
        ordered.append(pick)
    return ordered


def weakest(states: Iterable[SkillState], lessons: dict[str, Lesson], count: int = PRACTICE_ROUND) -> list[SkillState]:
    """The `count` askable skills the learner holds least well (lowest level, fewest answers)."""
    candidates = [state for state in states if askable(state, lessons) and state.level < Level.MASTERED]
    candidates.sort(key=lambda state: (state.level, state.answers))
    return candidates[:count]


def items(states: Iterable[SkillState], lessons: dict[str, Lesson], rng: random.Random) -> list[ReviewItem]:
    """A question for each askable state, in interleaved order."""
    found: list[ReviewItem] = []
    for state in interleave(list(states)):
        lesson = lessons.get(state.lesson_id)
        if lesson is None:
            continue
        made = question_for(lesson, state.skill.id, rng)
        if made is not None:
            question, drill = made
            found.append(ReviewItem(lesson, state, question, drill))
    return found
