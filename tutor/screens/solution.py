"""The reference solution of an exercise, read-only, over the exercise screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.highlight import highlight
from textual.screen import ModalScreen
from textual.widgets import Static

from tutor.lesson.format import Exercise


class SolutionScreen(ModalScreen[None]):
    """Shows `exercise.solution` highlighted; `escape` or `f3` closes it."""

    DEFAULT_CSS = """
    SolutionScreen { align: center middle; }
    SolutionScreen > #solution-panel {
        width: auto; min-width: 50; max-width: 96%; height: auto; max-height: 90%;
        border: round $success; padding: 0 1; background: $surface;
    }
    SolutionScreen #solution-code { width: auto; }
    """

    BINDINGS = [Binding("escape,f3,q", "dismiss", "Close")]

    def __init__(self, exercise: Exercise) -> None:
        super().__init__()
        self.exercise = exercise

    def compose(self) -> ComposeResult:
        with ScrollableContainer(id="solution-panel") as panel:
            panel.border_title = "Reference solution"
            panel.border_subtitle = "escape closes"
            yield Static(highlight(self.exercise.solution.rstrip("\n"), language="python"), id="solution-code")
