"""What the learner has done in each lesson, as the home screen and `tutor progress` show it:
sections seen, exercises passed, the best quiz score, and (once read) the skills' mastery.

Counts are taken against the lesson as installed now: a section or exercise
the store remembers but the lesson no longer has is not counted. Nothing here
imports textual or numpy.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from tutor.lesson.registry import CatalogueEntry
from tutor.practice.mastery import Level
from tutor.practice.skills import SkillState, skill_states
from tutor.store import Store


@dataclass(frozen=True)
class LessonProgress:
    """One lesson's progress: sections seen, exercises passed, best whole-quiz score."""

    id: str
    number: int | None
    title: str
    sections_seen: int = 0
    sections_total: int = 0
    exercises_passed: int = 0
    exercises_total: int = 0
    quiz_questions: int = 0
    """How many questions the lesson's quiz has (0: no quiz)."""
    quiz_best: tuple[int, int] | None = None
    """(score, total) of the best finished quiz, or None if none was finished."""
    error: str | None = None
    """Why the lesson is broken, or None."""
    skills: tuple[dict, ...] = ()
    """Each skill with its level and due time (see `SkillState.as_dict`); empty until read."""
    skills_due: int = 0
    """How many of them are due for review now."""

    @property
    def skills_proficient(self) -> int:
        """Skills at proficient or mastered."""
        return sum(skill["level"] in PROFICIENT_OR_BETTER for skill in self.skills)

    def as_json(self) -> dict:
        data = asdict(self)
        data["quiz_best"] = (
            None if self.quiz_best is None else {"score": self.quiz_best[0], "total": self.quiz_best[1]}
        )
        data["skills"] = list(self.skills)
        data["skills_proficient"] = self.skills_proficient
        return data


PROFICIENT_OR_BETTER = (Level.PROFICIENT.label, Level.MASTERED.label)


def lesson_progress(
    entry: CatalogueEntry, store: Store, states: list[SkillState] | None = None, now: float | None = None
) -> LessonProgress:
    """The progress recorded in `store` for the lesson of `entry`.

    With `states` (from `tutor.practice.skills.skill_states`) and `now`, it
    includes the lesson's skills; home reads them after its first frame.
    """
    lesson = entry.lesson
    if lesson is None:
        return LessonProgress(id=entry.id, number=None, title=entry.id, error=entry.error or "broken")
    section_ids = {section.id for section in lesson.sections}
    exercise_ids = {exercise.id for exercise in lesson.exercises()}
    quiz = lesson.quiz()
    return LessonProgress(
        id=lesson.id,
        number=lesson.number,
        title=lesson.title,
        sections_seen=len(store.seen(lesson.id) & section_ids),
        sections_total=len(section_ids),
        exercises_passed=len(store.passed_exercises(lesson.id) & exercise_ids),
        exercises_total=len(exercise_ids),
        quiz_questions=len(quiz.questions) if quiz else 0,
        quiz_best=store.best_score(lesson.id) if quiz else None,
        **_skills(lesson.id, states, now),
    )


def _skills(lesson_id: str, states: list[SkillState] | None, now: float | None) -> dict:
    if states is None:
        return {}
    mine = [state for state in states if state.lesson_id == lesson_id]
    due = sum(state.is_due(now) for state in mine) if now is not None else 0
    return {"skills": tuple(state.as_dict() for state in mine), "skills_due": due}


def with_skills(entries, store: Store, now: float) -> list[LessonProgress]:
    """Every entry's progress, skills included (one read of the answer log for all)."""
    states = skill_states([entry.lesson for entry in entries if entry.lesson is not None], store)
    return [lesson_progress(entry, store, states, now) for entry in entries]


def quiz_text(progress: LessonProgress) -> str:
    """The best score in words: `17/22 (77%)`, `not taken` or `no quiz`."""
    if not progress.quiz_questions:
        return "no quiz"
    if progress.quiz_best is None:
        return "not taken"
    score, total = progress.quiz_best
    return f"{score}/{total} ({round(100 * score / total) if total else 0}%)"
