"""The quiz screen: one question at a time, feedback at once, a summary and "retry missed".

Keyboard only: the keys are in `BINDINGS` (the footer, help and the README's
table read them). Numbers and shapes are typed into an input. Every
judged answer is recorded with its time, and with its skill in the practice
log (which reschedules the skill's review); the score of a whole round is
recorded when it ends. An answer in the wrong form gets a message saying
what is expected and is neither judged nor recorded.

Each round shows the options of every multiple-choice question in a new
order, and "retry missed" asks a fresh variant of each missed skill where a
drill makes one. The order comes from the tutor's clock, so with `TUTOR_NOW`
set it repeats exactly (the snapshot tests rely on it).
"""

from __future__ import annotations

import random
import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static

from tutor.grading.answers import LETTERS, MalformedAnswer, expected_form
from tutor.grading.quiz_round import QuizRound
from tutor.lesson.format import Choice, Lesson, Numeric, Question, Quiz
from tutor.practice import clock, log
from tutor.practice.questions import retry_question, shuffled
from tutor.practice.rating import typical_seconds
from tutor.store import Store
from tutor.widgets.answer_parts import headline, malformed, marked_items, option_items
from tutor.widgets.key_footer import KeyFooter
from tutor.widgets.quiz_summary import QuizSummary, section_label

MAX_OPTIONS = 4
CHOOSE = Binding.Group("Choose", compact=True)


class QuizScreen(Screen[None]):
    """Asks the questions of `quiz`, judges each answer and shows the score at the end."""

    DEFAULT_CSS = """
    QuizScreen #quiz-body { padding: 0 2; }
    QuizScreen #quiz-body > * { max-width: 96; }
    QuizScreen #quiz-progress { color: $text-muted; margin: 1 0 0 0; }
    QuizScreen #quiz-prompt { text-style: bold; margin: 1 0; }
    QuizScreen #quiz-options { margin: 0 0 1 0; }
    QuizScreen #quiz-options:disabled { opacity: 100%; }
    QuizScreen #quiz-form { color: $text-muted; }
    QuizScreen #quiz-form.-malformed { color: $warning; text-style: bold; }
    QuizScreen #quiz-feedback { margin: 1 0; }
    """

    BINDINGS = [
        *[
            Binding(letter, f"choose({index})", "Choose", group=CHOOSE)
            for index, letter in enumerate(LETTERS[:MAX_OPTIONS])
        ],
        *[
            Binding(str(index + 1), f"choose_by_number({index})", "Choose by number", show=False)
            for index in range(MAX_OPTIONS)
        ],
        Binding("enter", "submit", "Submit", priority=True),
        Binding("enter", "next", "Next", priority=True),
        Binding("r", "retry", "Retry missed"),
        Binding("t", "take_again", "Take it again"),
        Binding("escape", "leave", "Leave quiz"),
        Binding("f1", "help", "Help"),
    ]

    def __init__(self, lesson: Lesson, quiz: Quiz, store: Store) -> None:
        super().__init__()
        self.lesson = lesson
        self.quiz = quiz
        self.store = store
        self.rng = random.Random(f"{lesson.id}/{clock.timestamp()}")
        self.round = self.new_round()
        self._shown_at = time.monotonic()

    def new_round(self) -> QuizRound:
        """The whole quiz, with every question's options in a new order."""
        return QuizRound(tuple(shuffled(question, self.rng) for question in self.quiz.questions))

    def compose(self) -> ComposeResult:
        yield Header(icon="∑")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="quiz-progress")
            yield Static(id="quiz-prompt")
            yield OptionList(id="quiz-options")
            yield Input(id="quiz-input")
            yield Static(id="quiz-form")
            yield Static(id="quiz-feedback")
            yield QuizSummary()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = self.lesson.title
        self.sub_title = self.quiz.title
        self.show_question()
        self.run_worker(_warm_the_scheduler, thread=True, group="warm")

    # -- what is on screen -------------------------------------------------------

    @property
    def state(self) -> str:
        """One of "choice" or "typed" (asking), "feedback", or "summary"."""
        if self.round.finished:
            return "summary"
        if self.round.answered:
            return "feedback"
        return "choice" if isinstance(self.round.current, Choice) else "typed"

    def show_question(self) -> None:
        """Show the current question, ready for an answer."""
        question = self.round.current
        if question is None:
            self.show_summary()
            return
        options = self.query_one("#quiz-options", OptionList)
        answer = self.query_one("#quiz-input", Input)
        form = self.query_one("#quiz-form", Static)
        self._show(question=True)
        kind = "Question" if self.round.full else "Retry"
        self.query_one("#quiz-progress", Static).update(
            f"{kind} {self.round.position + 1} of {self.round.total} · {self._section_title(question)}"
        )
        self.query_one("#quiz-prompt", Static).update(Content(question.prompt))
        self.query_one("#quiz-feedback", Static).update("")
        form.remove_class("-malformed")
        if isinstance(question, Choice):
            options.display = True
            answer.display = False
            options.disabled = False
            options.set_options(option_items(question))
            options.highlighted = None
            form.update(f"{expected_form(question)} Then press enter.")
            options.focus()
        else:
            options.display = False
            answer.display = True
            answer.disabled = False
            answer.value = ""
            answer.placeholder = "a number" if isinstance(question, Numeric) else "a shape"
            form.update(f"{expected_form(question)} Then press enter.")
            answer.focus()
        self.query_one("#quiz-body").scroll_home(animate=False)
        self._shown_at = time.monotonic()
        self.refresh_bindings()

    def show_feedback(self, question: Question) -> None:
        """Right or wrong, the right answer and the explanation; then wait for enter."""
        verdict = self.round.verdicts[question.id]
        last = self.round.position + 1 == self.round.total
        feedback = self.query_one("#quiz-feedback", Static)
        feedback.update(
            Content("\n").join([
                headline(verdict),
                Content(question.explanation),
                Content.styled(f"enter: {'see your score' if last else 'next question'}", "$text-muted"),
            ])
        )
        form = self.query_one("#quiz-form", Static)
        form.remove_class("-malformed")
        form.update(Content.assemble("Your answer: ", (verdict.given, "bold")))
        if isinstance(question, Choice):
            self._mark_options(question)
        else:
            self.query_one("#quiz-input", Input).disabled = True
        body = self.query_one("#quiz-body", VerticalScroll)
        body.focus()
        self.call_after_refresh(feedback.scroll_visible, animate=False)
        self.refresh_bindings()

    def _mark_options(self, question: Choice) -> None:
        """Mark the right option and the learner's pick, and freeze the list."""
        options = self.query_one("#quiz-options", OptionList)
        options.set_options(marked_items(question, options.highlighted))
        options.highlighted = question.answer
        options.disabled = True

    def show_summary(self) -> None:
        """The score, what to do next, and each question missed with both answers."""
        self._show(question=False)
        finished = "Quiz finished" if self.round.full else "Retry finished"
        self.query_one("#quiz-progress", Static).update(finished)
        best = self.store.best_score(self.lesson.id)
        self.query_one(QuizSummary).show(self.round, self.quiz, self.lesson, best)
        body = self.query_one("#quiz-body", VerticalScroll)
        body.focus()
        body.scroll_home(animate=False)
        self.refresh_bindings()

    def _show(self, question: bool) -> None:
        """Show the question's widgets, or (False) the summary's."""
        for selector in ("#quiz-prompt", "#quiz-form", "#quiz-feedback"):
            self.query_one(selector).display = question
        if not question:
            self.query_one("#quiz-options").display = False
            self.query_one("#quiz-input").display = False
        self.query_one(QuizSummary).display = not question

    def _section_title(self, question: Question) -> str:
        return section_label(self.lesson, question) or self.quiz.title

    # -- keys ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = self.state
        if action in ("choose", "choose_by_number"):
            question = self.round.current
            return state == "choice" and parameters[0] < len(question.options)
        if action == "submit":
            return state in ("choice", "typed")
        if action == "next":
            return state == "feedback"
        if action == "retry":
            return state == "summary" and bool(self.round.missed)
        if action == "take_again":
            return state == "summary"
        if action == "help":
            return state == "typed"  # `?` types into the input, so f1 shows the help instead
        return True

    def action_help(self) -> None:
        self.app.action_help()

    def action_choose(self, index: int) -> None:
        self.query_one("#quiz-options", OptionList).highlighted = index

    def action_choose_by_number(self, index: int) -> None:
        self.action_choose(index)

    def action_submit(self) -> None:
        question = self.round.current
        if isinstance(question, Choice):
            chosen = self.query_one("#quiz-options", OptionList).highlighted
            text = "" if chosen is None else str(chosen + 1)
        else:
            text = self.query_one("#quiz-input", Input).value
        try:
            verdict = self.round.answer(text)
        except MalformedAnswer as error:
            self._malformed(text, str(error))
            return
        self.store.record_answer(self.lesson.id, question.id, verdict.given, verdict.correct)
        log.record(
            self.store, self.lesson.id, question.skill, question.id, "quiz", verdict.correct,
            seconds=time.monotonic() - self._shown_at, typical=typical_seconds(question),
        )
        self.show_feedback(question)

    def _malformed(self, text: str, expected: str) -> None:
        """Say what form is expected; the answer is not counted."""
        form = self.query_one("#quiz-form", Static)
        form.add_class("-malformed")
        form.update(malformed(text, expected))

    def action_next(self) -> None:
        self.round.advance()
        if self.round.finished and self.round.full:
            self.store.record_score(self.lesson.id, self.round.score, self.round.total)
        self.show_question()

    def action_retry(self) -> None:
        """The missed questions again: a fresh variant where a drill makes one, options reshuffled."""
        missed = tuple(retry_question(self.lesson, question, self.rng) for question in self.round.missed)
        self.round = QuizRound(missed, full=False)
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

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click chooses (the highlight moves there); enter still submits."""
        event.stop()


def _warm_the_scheduler() -> None:
    """Import the scheduler off the UI thread, so the first answer does not wait for it."""
    import tutor.practice.schedule  # noqa: F401
