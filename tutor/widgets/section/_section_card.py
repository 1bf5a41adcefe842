"""A card in a lesson section that opens a screen of its own (an exercise, the quiz).

The card shows what it is and the learner's standing in it, and says which
keys open it: "tab, then enter" until it has focus, "enter" while it has. It
opens nothing itself: enter (or a click) posts `OpenRequested`, and the lesson
screen decides what to push; escape posts `LeaveRequested` for the section.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from tutor.lesson.format import Lesson
from tutor.widgets.section._block_messages import LeaveRequested


def how_to_open(focused: bool, what: str) -> str:
    """The card's last line: the keys that `what` (open the exercise, start the quiz) takes now."""
    return f"enter: {what}" if focused else f"tab, then enter: {what}"


class SectionCard(Static, can_focus=True):
    """The shared part of the exercise and quiz cards: keys, focus, messages and frame.

    A subclass sets `OPEN` (what enter does, for the footer and the card's last line)
    and writes `lines()`, the card's text above that last line.
    """

    DEFAULT_CSS = """
    SectionCard {
        height: auto; padding: 0 1; margin: 0 0 1 0;
        border: round $secondary 60%; border-title-color: $secondary;
    }
    SectionCard:focus { border: round $accent; border-title-color: $accent; background-tint: $foreground 5%; }
    """

    BINDINGS = [
        Binding("enter", "open", "Open"),
        Binding("escape", "leave", "Back to text"),
    ]

    OPEN = "open"
    """What enter does, in a few words: "open the exercise", "start the quiz"."""

    class OpenRequested(Message):
        """The learner asked to open what the card stands for."""

        def __init__(self, card: "SectionCard", block: object) -> None:
            super().__init__()
            self.card = card
            self.block = block
            """The lesson block the card stands for (an `Exercise`, the `Quiz`)."""

    def __init__(self, lesson: Lesson, block: object, title: str) -> None:
        super().__init__()
        self.lesson = lesson
        self.block = block
        self.title = title

    def on_mount(self) -> None:
        self.border_title = self.title
        self.refresh_card()

    def lines(self) -> list[Content]:
        """The card's text above the line that says how to open it."""
        raise NotImplementedError

    def refresh_card(self) -> None:
        """Redraw the card (from the progress store: after its screen closes, or on focus)."""
        how = Content.styled(how_to_open(self.has_focus, self.OPEN), "$text-muted")
        self.update(Content("\n").join([*self.lines(), how]))

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        # the last line follows the focus; and `tutor check` in another pane may have changed the status
        self.refresh_card()

    def action_open(self) -> None:
        self.post_message(self.OpenRequested(self, self.block))

    def action_leave(self) -> None:
        self.post_message(LeaveRequested())

    def on_click(self) -> None:
        self.focus()
        self.action_open()
