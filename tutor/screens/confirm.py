"""A yes-or-no question over the current screen, for choices that lose something.

Only one key takes the destructive choice (see `BINDINGS`); every other answer,
enter included, keeps what the learner has: enter is the key people press to
get a box out of the way, so it must never be the one that throws work away. The question and both
choices are spelled out in the box, and the dialog's keys are in its footer.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tutor.widgets.key_footer import KeyFooter


class ConfirmScreen(ModalScreen[bool]):
    """Dismissed with True only when the learner presses `y`; False otherwise."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > #confirm-panel {
        /* A fixed width, not `auto`: an auto-width box around Statics (whose width is a
           fraction of their parent's) has nothing to measure and came out zero columns wide. */
        width: 64; max-width: 100%; height: auto; max-height: 100%;
        border: round $warning; padding: 0 1; background: $surface;
    }
    ConfirmScreen #confirm-question { width: 1fr; text-style: bold; }
    ConfirmScreen #confirm-choices { width: 1fr; margin: 1 0 0 0; }
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,enter,escape", "answer(False)", "No, keep it", key_display="n/enter/esc"),
    ]

    def __init__(self, question: str, yes: str = "yes", no: str = "cancel") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-panel") as panel:
            panel.border_title = "Are you sure?"
            yield Static(self.question, id="confirm-question", markup=False)
            yield Static(self._choices(), id="confirm-choices")
        yield KeyFooter()

    def _choices(self) -> Content:
        return Content.assemble(
            ("  y  ", "bold $warning"), self.yes, "\n",
            ("  n  ", "bold $accent"), self.no, ("  (also enter or escape)", "$text-muted"),
        )

    def action_answer(self, confirmed: bool) -> None:
        self.dismiss(confirmed)
