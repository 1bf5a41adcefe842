"""The quiz screen: one question at a time, feedback at once, a summary and "retry missed".

Keyboard only: the keys are in `BINDINGS` (the footer, help and the README's
table read them). Numbers and shapes are typed into an input. Every
judged answer is recorded with its time, and with its skill in the practice
log (which reschedules the skill's review); the score of a whole round is
recorded when it ends. An answer in the wrong form gets a message saying
what is expected and is neither judged nor recorded.

Each round shows the options of every multiple-choice question in a new
order, and "retry missed" asks a fresh variant of each missed skill where a
drill makes one. The order comes from the tutor's clock and the number of
answers given so far, so with `TUTOR_NOW` set a test sees the same order on
every run (the snapshot tests rely on it), and a learner never twice.
"""

from __future__ import annotations

import random

from textual.binding import Binding
from textual.widget import Widget

from tutor.grading.answers import Verdict
from tutor.grading.quiz_round import QuizRound
from tutor.lesson.format import Lesson, Question, Quiz
from tutor.practice import clock, log
from tutor.practice.questions import retry_question, shuffled
from tutor.practice.rating import typical_seconds
from tutor.screens.asking import HELP_KEY, AskingScreen
from tutor.store import Store
from tutor.widgets.quiz_summary import QuizSummary, section_label


class QuizScreen(AskingScreen):
    """Asks the questions of `quiz`, judges each answer and shows the score at the end."""

    BINDINGS = [
        Binding("r", "retry", "Retry missed"),
        Binding("t", "take_again", "Take it again"),
        Binding("escape", "leave", "Leave quiz"),
        HELP_KEY,
    ]

    def __init__(self, lesson: Lesson, quiz: Quiz, store: Store) -> None:
        super().__init__()
        self.lesson = lesson
        self.quiz = quiz
        self.store = store
        # the clock and the answers so far: every attempt differs, even with TUTOR_NOW fixed,
        # and a test that fixes both sees the same order every run
        self.rng = random.Random(f"{lesson.id}/{clock.timestamp()}/{len(store.answers(lesson.id))}")
        self.round = self.new_round()

    def new_round(self) -> QuizRound:
        """The whole quiz, with every question's options in a new order."""
        return QuizRound(tuple(shuffled(question, self.rng) for question in self.quiz.questions))

    def summary_widget(self) -> Widget:
        return QuizSummary(id="quiz-summary")

    def on_mount(self) -> None:
        self.title = self.lesson.title
        self.sub_title = self.quiz.title
        super().on_mount()

    def progress_text(self, question: Question) -> str:
        kind = "Question" if self.round.full else "Retry"
        where = section_label(self.lesson, question) or self.quiz.title
        return f"{kind} {self.round.position + 1} of {self.round.total} · {where}"

    def record(self, question: Question, verdict: Verdict, seconds: float) -> None:
        self.store.record_answer(self.lesson.id, question.id, verdict.given, verdict.correct)
        log.record(
            self.store, self.lesson.id, question.skill, question.id, "quiz", verdict.correct,
            seconds=seconds, typical=typical_seconds(question),
        )

    def round_finished(self) -> None:
        if self.round.full:
            self.store.record_score(self.lesson.id, self.round.score, self.round.total)

    def show_summary(self) -> None:
        """The score, what to do next, and each question missed with both answers."""
        finished = "Quiz finished" if self.round.full else "Retry finished"
        self.query_one("#quiz-progress").update(finished)
        best = self.store.best_score(self.lesson.id)
        self.query_one(QuizSummary).show(self.round, self.quiz, self.lesson, best)
        self.show_summary_widget()

    # -- keys ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return self.state == "summary" and bool(self.round.missed)
        if action == "take_again":
            return self.state == "summary"
        return super().check_action(action, parameters)

    def action_retry(self) -> None:
        """The missed questions again: a fresh variant where a drill makes one, options reshuffled."""
        self.round = self.round.retry(lambda question: retry_question(self.lesson, question, self.rng))
        self.show_question()

    def action_take_again(self) -> None:
        self.round = self.new_round()
        self.show_question()

    def action_leave(self) -> None:
        answered = len(self.round.verdicts)
        if not self.round.finished and answered:
            later = " A score counts once a whole quiz is finished." if self.round.full else ""
            self.notify(f"{answered} answered, all saved.{later}", title="Quiz left", timeout=4)
        self.dismiss()
