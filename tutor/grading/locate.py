"""Finding exercises in the installed lessons, by id, without a screen."""

from __future__ import annotations

from dataclasses import dataclass

from tutor.lesson.format import Exercise, Lesson
from tutor.lesson.registry import Catalogue


@dataclass(frozen=True)
class Located:
    """An exercise and where it lives: its lesson and the index of its section."""

    lesson: Lesson
    section_index: int
    exercise: Exercise

    @property
    def qualified_id(self) -> str:
        return f"{self.lesson.id}:{self.exercise.id}"


def all_exercises(catalogue: Catalogue) -> list[Located]:
    """Every exercise of every lesson that loads, in catalogue and lesson order."""
    found = []
    for lesson in catalogue.lessons:
        for index, section in enumerate(lesson.sections):
            found.extend(Located(lesson, index, block) for block in section.blocks if isinstance(block, Exercise))
    return found


def find(catalogue: Catalogue, wanted: str) -> Located | str:
    """The exercise called `wanted` (`id` or `lesson_id:id`), or a sentence saying why not."""
    everything = all_exercises(catalogue)
    lesson_id, _, exercise_id = wanted.rpartition(":")
    matches = [
        located
        for located in everything
        if located.exercise.id == exercise_id and (not lesson_id or located.lesson.id == lesson_id)
    ]
    if len(matches) == 1:
        return matches[0]
    if matches:
        names = ", ".join(located.qualified_id for located in matches)
        return f"exercise {wanted!r} is in several lessons; say which: {names}"
    known = ", ".join(located.exercise.id for located in everything) or "none installed"
    return f"unknown exercise {wanted!r}; the exercises are: {known}"
