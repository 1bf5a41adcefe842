"""Every skill of the installed lessons, with its level and when it is next due.

What the sidebar, the home card, `tutor skills` and `tutor progress --json`
show. One read of the answer log and one of the schedule, however many
lessons: cheap enough to run after the first frame on every visit to home.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from tutor.lesson.format import Lesson, Skill
from tutor.practice.mastery import Level, level, section_share
from tutor.store import SkillAnswer, Store


@dataclass(frozen=True)
class SkillState:
    """One skill as the learner stands with it."""

    lesson_id: str
    skill: Skill
    level: Level
    due: float | None
    """When it is next due for review (seconds since the epoch), or None if never met."""
    answers: int

    def is_due(self, now: float) -> bool:
        return self.due is not None and self.due <= now

    def as_dict(self) -> dict[str, object]:
        return {
            "lesson": self.lesson_id,
            "id": self.skill.id,
            "title": self.skill.title,
            "section": self.skill.section,
            "level": self.level.label,
            "answers": self.answers,
            "due": self.due,
        }


def by_skill(answers: Iterable[SkillAnswer]) -> dict[tuple[str, str], list[SkillAnswer]]:
    """The answer log grouped by (lesson id, skill id), each oldest first."""
    grouped: dict[tuple[str, str], list[SkillAnswer]] = {}
    for answer in answers:
        grouped.setdefault((answer.lesson_id, answer.skill_id), []).append(answer)
    return grouped


def skill_states(lessons: Iterable[Lesson], store: Store) -> list[SkillState]:
    """Every skill of `lessons`, in lesson and skill order."""
    grouped = by_skill(store.skill_answers())
    due = store.due_dates()
    states = []
    for lesson in lessons:
        for skill in lesson.skills:
            history = grouped.get((lesson.id, skill.id), [])
            states.append(
                SkillState(lesson.id, skill, level(history), due.get((lesson.id, skill.id)), len(history))
            )
    return states


def section_shares(lesson: Lesson, states: Iterable[SkillState]) -> dict[str, float]:
    """{section id: how far its skills have come, 0 to 1} for the sections that teach skills."""
    levels: dict[str, list[Level]] = {}
    for state in states:
        if state.lesson_id == lesson.id:
            levels.setdefault(state.skill.section, []).append(state.level)
    return {section: section_share(found) for section, found in levels.items()}
