"""One pass through a quiz: the questions asked, the answers judged, the score.

A round is the whole quiz or, after "retry missed", only the questions the
previous round got wrong. It knows nothing about screens or the store: the
quiz screen drives it and records what it says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from tutor.grading.answers import Verdict, judge
from tutor.lesson.format import Question


@dataclass
class QuizRound:
    """The questions of one round, where the learner is, and each verdict so far."""

    questions: tuple[Question, ...]
    full: bool = True
    """True for the whole quiz (its score is recorded); False for a retry of missed questions."""
    position: int = 0
    verdicts: dict[str, Verdict] = field(default_factory=dict)

    @property
    def current(self) -> Question | None:
        """The question being asked, or None once the round is over."""
        return self.questions[self.position] if self.position < len(self.questions) else None

    @property
    def answered(self) -> bool:
        """Has the current question been answered (its feedback is showing)?"""
        question = self.current
        return question is not None and question.id in self.verdicts

    @property
    def finished(self) -> bool:
        return self.position >= len(self.questions)

    def answer(self, text: str) -> Verdict:
        """Judge `text` for the current question (raises `MalformedAnswer`, which does not count)."""
        question = self.current
        if question is None:
            raise RuntimeError("the round is over")
        if question.id in self.verdicts:
            raise RuntimeError(f"question {question.id} is already answered")
        verdict = judge(question, text)
        self.verdicts[question.id] = verdict
        return verdict

    def advance(self) -> None:
        """Move on to the next question (only once the current one is answered)."""
        if self.answered:
            self.position += 1

    @property
    def score(self) -> int:
        return sum(verdict.correct for verdict in self.verdicts.values())

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def missed(self) -> tuple[Question, ...]:
        """The questions answered wrongly, in quiz order."""
        return tuple(
            question for question in self.questions
            if question.id in self.verdicts and not self.verdicts[question.id].correct
        )

    def retry(self, remake: Callable[[Question], Question] = lambda question: question) -> "QuizRound":
        """A new round asking only the missed questions, each passed through `remake` (the quiz
        screen asks a fresh variant, or the same question with its options moved)."""
        return QuizRound(tuple(remake(question) for question in self.missed), full=False)
