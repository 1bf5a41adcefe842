"""An exercise as it sits in its section: a card with its status; `enter` opens the exercise.

`enter` works once the card has focus (`tab` reaches it), so the card's last
line says "tab, then enter" until it has, and "enter" while it has.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from tutor.lesson.format import Exercise, Lesson

STATUS_STYLES = {
    "not started": "$text-muted",
    "in progress": "bold $warning",
    "passed": "bold $success",
}


def how_to_open(focused: bool, what: str) -> str:
    """The card's last line: the keys that `what` (open the exercise, start the quiz) takes now."""
    return f"enter: {what}" if focused else f"tab, then enter: {what}"


class ExerciseCard(Static, can_focus=True):
    """Title, status (not started, in progress, passed) and how to open it. `tab` reaches it."""

    DEFAULT_CSS = """
    ExerciseCard {
        height: auto; padding: 0 1; margin: 0 0 1 0;
        border: round $secondary 60%; border-title-color: $secondary;
    }
    ExerciseCard:focus { border: round $accent; border-title-color: $accent; background-tint: $foreground 5%; }
    """

    BINDINGS = [
        Binding("enter", "open", "Open exercise"),
        Binding("escape", "leave", "Back to text"),
    ]

    def __init__(self, exercise: Exercise, lesson: Lesson) -> None:
        super().__init__()
        self.exercise = exercise
        self.lesson = lesson
        self.status = ""

    def on_mount(self) -> None:
        self.border_title = self.exercise.title
        self.refresh_status()

    def refresh_status(self) -> None:
        """Redraw the card from the progress store (after the exercise screen closes)."""
        from tutor.checks.progress import status

        self.status = status(self.app.store, self.lesson.id, self.exercise)
        self.update(
            Content("\n").join([
                Content("Code it yourself; the tutor checks it."),
                Content.assemble("Status: ", (self.status, STATUS_STYLES.get(self.status, ""))),
                Content.styled(how_to_open(self.has_focus, "open the exercise"), "$text-muted"),
            ])
        )

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        # the last line follows the focus; and `tutor check` in another pane may have changed the status
        self.refresh_status()

    def action_open(self) -> None:
        from tutor.screens.exercise import ExerciseScreen

        screen = ExerciseScreen(self.lesson, self.exercise, self.app.store)
        self.app.push_screen(screen, callback=lambda _: self.refresh_status())

    def action_leave(self) -> None:
        self.screen.query_one("SectionView").focus()

    def on_click(self) -> None:
        self.focus()
        self.action_open()
