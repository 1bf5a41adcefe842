"""A yes-or-no question over the current screen: `y` or `enter` confirms, `n` or `escape` cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    """Dismissed with True (confirmed) or False (cancelled)."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > #confirm-panel {
        width: auto; max-width: 70; height: auto;
        border: round $warning; padding: 0 2; background: $surface;
    }
    ConfirmScreen #confirm-keys { color: $text-muted; margin: 1 0 0 0; }
    """

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str = "yes") -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-panel"):
            yield Static(self.question, markup=False)
            yield Static(f"y or enter: {self.yes}    n or escape: cancel", id="confirm-keys", markup=False)

    def action_answer(self, confirmed: bool) -> None:
        self.dismiss(confirmed)
