"""The question to ask for a skill: a fresh drill variant, or a fixed question; options shuffled.

Every multiple-choice question is shown with its options in a new order on
each attempt (`shuffled`), so a learner cannot pass by remembering where the
answer sat. Explanations name options by their content, never by a letter.
"""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

from tutor.lesson.format import Checkpoint, Choice, Drill, Lesson, Question


def shuffled(question: Question, rng: random.Random) -> Question:
    """`question` with its options in a random order (the answer follows its option)."""
    if not isinstance(question, Choice):
        return question
    order = list(range(len(question.options)))
    rng.shuffle(order)
    return replace(
        question,
        options=tuple(question.options[index] for index in order),
        answer=order.index(question.answer),
    )


def numpy_rng(rng: random.Random) -> Any:
    """A numpy Generator seeded from `rng` (numpy is imported here, when a drill is first asked)."""
    import numpy

    return numpy.random.default_rng(rng.getrandbits(64))


def fresh_variant(drill: Drill, rng: random.Random) -> Question:
    """A new question from `drill`, with its options shuffled."""
    return shuffled(drill.variant(numpy_rng(rng)), rng)


def fixed_questions(lesson: Lesson, skill_id: str) -> list[Question]:
    """The lesson's fixed questions on `skill_id`: the quiz's, then the checkpoints'."""
    found: list[Question] = []
    quiz = lesson.quiz()
    if quiz is not None:
        found.extend(question for question in quiz.questions if question.skill == skill_id)
    found.extend(
        block.question for block in lesson.blocks(Checkpoint) if block.question.skill == skill_id
    )
    return found


def question_for(lesson: Lesson, skill_id: str, rng: random.Random) -> tuple[Question, Drill | None] | None:
    """A question on `skill_id`: a fresh variant when a drill makes them, else a fixed one.

    Returns (question, the drill it came from or None), or None when the skill
    has no question at all (it is shown by an exercise only).
    """
    drills = lesson.drills_for(skill_id)
    if drills:
        drill = rng.choice(drills)
        return fresh_variant(drill, rng), drill
    fixed = fixed_questions(lesson, skill_id)
    if fixed:
        return shuffled(rng.choice(fixed), rng), None
    return None


def retry_question(lesson: Lesson, question: Question, rng: random.Random) -> Question:
    """What "retry missed" asks for a missed `question`: a fresh variant of its skill if a
    drill makes one, else the same question with its options shuffled again."""
    drills = lesson.drills_for(question.skill) if question.skill else []
    if drills:
        return replace(fresh_variant(rng.choice(drills), rng), id=question.id)
    return shuffled(question, rng)
