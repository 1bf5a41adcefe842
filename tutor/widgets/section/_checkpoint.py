"""A checkpoint in a section: predict before you see, answered in place.

The question sits just before the listing, figure or explorable that shows
its answer. `tab` reaches its options (or its input); the learner answers
with the quiz's keys and rules, and the feedback appears under it. It never
blocks reading: `tab` goes on past it, `escape` gives the keys back to the
text, and an unanswered checkpoint simply stays unanswered.

Every answer goes to the practice log under the question's skill, which
moves the skill's mastery and its review schedule.
"""

from __future__ import annotations

import random
import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static

from tutor.grading.answers import LETTERS, MalformedAnswer, Verdict, expected_form, judge
from tutor.lesson.format import Checkpoint, Choice, Lesson, Numeric
from tutor.practice import clock, log
from tutor.practice.questions import shuffled
from tutor.practice.rating import typical_seconds
from tutor.services import services
from tutor.widgets.adapters.textual_input import SteadyInput
from tutor.widgets.answer_parts import headline, malformed, marked_items, option_items
from tutor.widgets.section._block_messages import LeaveRequested

MAX_OPTIONS = 4
CHOOSE = Binding.Group("Choose", compact=True)


class CheckpointBlock(Vertical):
    """One checkpoint question: its prompt, the answer widget, what form is expected, the feedback."""

    DEFAULT_CSS = """
    CheckpointBlock {
        height: auto; padding: 0 1; margin: 0 0 1 0;
        border: round $warning 50%; border-title-color: $warning;
    }
    CheckpointBlock:focus-within { border: round $accent; border-title-color: $accent; }
    CheckpointBlock:focus { background-tint: $foreground 5%; }
    CheckpointBlock .prompt { text-style: bold; }
    CheckpointBlock OptionList { height: auto; border: none; padding: 0; margin: 1 0 0 0; }
    CheckpointBlock OptionList:focus { border: none; background-tint: $foreground 5%; }
    CheckpointBlock OptionList:disabled { opacity: 100%; }
    CheckpointBlock Input { margin: 1 0 0 0; width: 40; }
    CheckpointBlock .form { color: $text-muted; }
    CheckpointBlock .form.-malformed { color: $warning; text-style: bold; }
    CheckpointBlock .feedback { margin: 1 0 0 0; display: none; }
    CheckpointBlock .feedback.-shown { display: block; }
    """

    BINDINGS = [
        *[
            Binding(letter, f"choose({index})", "Choose", group=CHOOSE)
            for index, letter in enumerate(LETTERS[:MAX_OPTIONS])
        ],
        Binding("r", "again", "Answer again"),
        Binding("escape", "leave", "Back to text"),
    ]

    class Answered(Message):
        """The learner answered the checkpoint (its skill's mastery may have moved)."""

    def __init__(self, checkpoint: Checkpoint, lesson: Lesson) -> None:
        super().__init__()
        self.lesson = lesson
        self.rng = random.Random(f"{lesson.id}/{checkpoint.question.id}/{clock.timestamp()}")
        self.question = shuffled(checkpoint.question, self.rng)
        self.verdict: Verdict | None = None
        self._started: float | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(self.question.prompt), classes="prompt")
        if isinstance(self.question, Choice):
            yield OptionList(*option_items(self.question))
        else:
            yield SteadyInput(placeholder="a number" if isinstance(self.question, Numeric) else "a shape")
        # ready to answer as composed: nothing to set up on mount, when a page being built
        # as the learner quits may already have lost its children
        yield Static(self._how_to_answer(), classes="form")
        yield Static(classes="feedback")

    def on_mount(self) -> None:
        self.border_title = "Predict first"
        self.border_subtitle = "tab to answer · or read on"

    # -- states ------------------------------------------------------------------

    @property
    def answered(self) -> bool:
        return self.verdict is not None

    def _ask(self) -> None:
        """Ready for an answer (again)."""
        self.verdict = None
        self._started = None
        self.can_focus = False
        form = self.query_one(".form", Static)
        form.remove_class("-malformed")
        form.update(self._how_to_answer())
        feedback = self.query_one(".feedback", Static)
        feedback.update("")
        feedback.remove_class("-shown")
        if isinstance(self.question, Choice):
            options = self.query_one(OptionList)
            options.set_options(option_items(self.question))
            options.highlighted = None
            options.disabled = False
        else:
            answer = self.query_one(Input)
            answer.disabled = False
            answer.value = ""

    def _how_to_answer(self) -> str:
        """The quiz's wording, but letters only: digits still jump between sections here."""
        if isinstance(self.question, Choice):
            last = LETTERS[len(self.question.options) - 1]
            return f"Choose with a–{last} (or the arrows), then press enter."
        return f"{expected_form(self.question)} Then press enter."

    def _answer_widget(self) -> OptionList | Input:
        return self.query_one(OptionList if isinstance(self.question, Choice) else Input)

    def on_descendant_focus(self) -> None:
        if self._started is None:
            self._started = time.monotonic()

    # -- keys --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            return (
                not self.answered
                and isinstance(self.question, Choice)
                and parameters[0] < len(self.question.options)
            )
        if action == "again":
            return self.answered
        return True

    def action_choose(self, index: int) -> None:
        self.query_one(OptionList).highlighted = index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._submit(str(event.option_index + 1))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit(event.value)

    def action_again(self) -> None:
        self.question = shuffled(self.question, self.rng)
        self._ask()
        widget = self._answer_widget()
        widget.focus()

    def action_leave(self) -> None:
        self.post_message(LeaveRequested())

    # -- answering ---------------------------------------------------------------

    def _submit(self, text: str) -> None:
        if self.answered:
            return
        try:
            verdict = judge(self.question, text)
        except MalformedAnswer as error:
            form = self.query_one(".form", Static)
            form.add_class("-malformed")
            form.update(malformed(text, str(error)))
            return
        self.verdict = verdict
        seconds = time.monotonic() - self._started if self._started is not None else None
        log.record(
            services(self).store, self.lesson.id, self.question.skill, self.question.id, "checkpoint",
            verdict.correct, seconds=seconds, typical=typical_seconds(self.question),
        )
        self._show_feedback(verdict)
        self.post_message(self.Answered())

    def _show_feedback(self, verdict: Verdict) -> None:
        form = self.query_one(".form", Static)
        form.remove_class("-malformed")
        form.update(Content.assemble("Your prediction: ", (verdict.given, "bold")))
        if isinstance(self.question, Choice):
            options = self.query_one(OptionList)
            options.set_options(marked_items(self.question, options.highlighted))
            options.highlighted = self.question.answer
            options.disabled = True
        else:
            self.query_one(Input).disabled = True
        feedback = self.query_one(".feedback", Static)
        feedback.add_class("-shown")
        feedback.update(
            Content("\n").join([
                headline(verdict),
                Content(self.question.explanation),
                Content.styled("r: answer again · tab or escape: read on", "$text-muted"),
            ])
        )
        # the answer widget is disabled now: the block itself keeps the keys (r, escape)
        self.can_focus = True
        self.focus(scroll_visible=False)
        self.refresh_bindings()
