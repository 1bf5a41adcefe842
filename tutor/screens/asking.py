"""What the quiz and the review share: one question at a time, judged at once, with feedback.

A subclass says where the questions come from (`round`), how each answer is
recorded (`record`), what the progress line says (`progress_text`) and what
the end of a round shows (`show_summary`, `summary_widget`). The keys are in
`BINDINGS`, so the footer and help show them; a subclass adds its own.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Input, OptionList, Static

from tutor.grading.answers import LETTERS, MalformedAnswer, Verdict, expected_form
from tutor.grading.quiz_round import QuizRound
from tutor.lesson.format import Choice, Numeric, Question
from tutor.widgets.adapters.textual_input import SteadyInput
from tutor.widgets.answer_parts import headline, malformed, marked_items, option_items
from tutor.widgets.key_footer import KeyFooter

HELP_KEY = Binding("f1", "help", "Help")
"""f1, not `?`: `?` is typed into the answer of a number or a shape."""

MAX_OPTIONS = 4
CHOOSE = Binding.Group("Choose", compact=True)


class AskingScreen(Screen[None]):
    """Asks the questions of `self.round`, one at a time; a subclass records and sums up."""

    DEFAULT_CSS = """
    AskingScreen #quiz-body { padding: 0 2; }
    AskingScreen #quiz-body > * { max-width: 96; }
    AskingScreen #quiz-progress { color: $text-muted; margin: 1 0 0 0; }
    AskingScreen #quiz-prompt { text-style: bold; margin: 1 0; }
    AskingScreen #quiz-options { margin: 0 0 1 0; }
    AskingScreen #quiz-options:disabled { opacity: 100%; }
    AskingScreen #quiz-form { color: $text-muted; }
    AskingScreen #quiz-form.-malformed { color: $warning; text-style: bold; }
    AskingScreen #quiz-feedback { margin: 1 0; }
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
    ]
    """A subclass adds its own keys, then `HELP_KEY` last (the footer's order)."""

    round: QuizRound
    LAST_STEP = "see your score"
    """What enter does after the last question's feedback."""

    def __init__(self) -> None:
        super().__init__()
        self._shown_at = time.monotonic()

    def compose(self) -> ComposeResult:
        yield Header(icon="∑")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="quiz-progress")
            yield Static(id="quiz-prompt")
            yield OptionList(id="quiz-options")
            yield SteadyInput(id="quiz-input")
            yield Static(id="quiz-form")
            yield Static(id="quiz-feedback")
            yield self.summary_widget()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_question()
        self.run_worker(_warm_the_scheduler, thread=True, group="warm")

    # -- what a subclass says ------------------------------------------------------

    def summary_widget(self) -> Widget:
        """The widget that shows the end of a round (hidden while asking)."""
        raise NotImplementedError

    def progress_text(self, question: Question) -> str:
        """The line above the question: where the learner is in the round."""
        raise NotImplementedError

    def record(self, question: Question, verdict: Verdict, seconds: float) -> None:
        """Keep the judged answer (the store, the practice log)."""
        raise NotImplementedError

    def show_summary(self) -> None:
        """The end of the round: call `show_summary_widget` after filling it in."""
        raise NotImplementedError

    def round_finished(self) -> None:
        """Called once when the last answer's feedback is left (a score may be recorded)."""

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
        self.query_one("#quiz-progress", Static).update(self.progress_text(question))
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
                Content.styled(f"enter: {self.LAST_STEP if last else 'next question'}", "$text-muted"),
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

    def show_summary_widget(self) -> None:
        """Hide the question and show the summary, scrolled to its top, with the keys for it."""
        self._show(question=False)
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
        self.query_one("#quiz-summary").display = not question

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
        """Judge the answer, once the answer widget has taken every key typed before enter.

        Enter is a priority key: it is seen as it arrives, while the keys typed just before
        it (a burst over a slow SSH link, a fast typist, a paste) may still wait in the
        answer widget's queue. Submitting behind them judges what the learner typed, not
        what had arrived so far.
        """
        focused = self.focused
        if focused is None or focused is self:
            self._submit_now()
        else:
            focused.post_message(self.SubmitQueued())

    class SubmitQueued(Message):
        """Enter, sent the way the keys before it went: through the focused widget's queue
        and up to the screen. A letter's binding runs only when its key has bubbled up to
        the app, so the screen hands the submission to the app's queue, behind it."""

    def on_asking_screen_submit_queued(self, message: "AskingScreen.SubmitQueued") -> None:
        message.stop()
        self.app.call_later(self._submit_now)

    def _submit_now(self) -> None:
        if self.state not in ("choice", "typed"):
            return  # a second enter in the same burst: the first one submitted
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
        self.record(question, verdict, time.monotonic() - self._shown_at)
        self.show_feedback(question)

    def _malformed(self, text: str, expected: str) -> None:
        """Say what form is expected; the answer is not counted."""
        form = self.query_one("#quiz-form", Static)
        form.add_class("-malformed")
        form.update(malformed(text, expected))

    def action_next(self) -> None:
        self.round.advance()
        if self.round.finished:
            self.round_finished()
        self.show_question()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click chooses (the highlight moves there); enter still submits."""
        event.stop()


def _warm_the_scheduler() -> None:
    """Import the scheduler off the UI thread, so the first answer does not wait for it."""
    import tutor.practice.schedule  # noqa: F401
