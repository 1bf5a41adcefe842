"""A code example, syntax-highlighted, with the output plain Python prints for it.

A listing can be focused (``tab`` moves between a section's listings); ``e`` then runs
it in the REPL with its setup (the listing asks its container with a message), and
``escape`` gives focus back to the section text.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from tutor.lesson.format import Example
from tutor.widgets.section import _highlighting as highlighting
from tutor.widgets.section._block_messages import LeaveRequested


HIGHLIGHT_DELAY = 0.3
"""Seconds after mounting before a thread loads pygments: importing holds the GIL for
long stretches, so it waits until the section's first frames are out."""


class CodeListing(Vertical, can_focus=True):
    """The example's code, and beneath it its expected output when the lesson gives one."""

    DEFAULT_CSS = """
    CodeListing { height: auto; margin: 0 0 1 0; }
    CodeListing .code {
        background: $surface; padding: 0 1;
        border-left: outer $primary;
    }
    CodeListing .title { text-style: bold; color: $primary; padding: 0 1; }
    CodeListing .output-label { color: $text-muted; text-style: italic; padding: 0 1; }
    CodeListing .output {
        color: $text-muted; padding: 0 1; border-left: outer $secondary 50%;
    }
    CodeListing:focus .code { border-left: outer $accent; background: $boost; }
    CodeListing:focus .title { color: $accent; }
    """

    BINDINGS = [
        Binding("e", "run", "Run in REPL"),
        Binding("escape", "leave", "Back to text"),
    ]

    @dataclass
    class RunRequested(Message):
        """The learner asked to run this listing's example in the REPL."""

        listing: CodeListing
        example: Example

    def __init__(self, example: Example) -> None:
        super().__init__()
        self.example = example

    @property
    def _code(self) -> str:
        """The example's code as shown, without its leading and trailing blank lines."""
        return self.example.code.strip("\n")

    def compose(self) -> ComposeResult:
        if self.example.title:
            yield Static(self.example.title, classes="title", markup=False)
        if highlighting.ready():
            yield Static(highlighting.python(self._code), classes="code")
        else:  # plain for the first frame; highlighted by a thread once pygments is loaded
            yield Static(self._code, classes="code", markup=False)
        if self.example.output:
            yield Static("output:", classes="output-label")
            yield Static(self.example.output.rstrip("\n"), classes="output", markup=False)

    def on_mount(self) -> None:
        if not highlighting.ready():
            self.set_timer(HIGHLIGHT_DELAY, self._start_highlighting)

    def _start_highlighting(self) -> None:
        if highlighting.ready():  # another listing loaded pygments meanwhile
            self._show_highlighted(highlighting.python(self._code))
        else:
            self.run_worker(self._highlight, thread=True, group="highlight")

    def _highlight(self) -> None:
        content = highlighting.python(self._code)
        self.app.call_from_thread(self._show_highlighted, content)

    def _show_highlighted(self, content) -> None:
        if self.is_mounted:
            self.query_one(".code", Static).update(content)

    def action_run(self) -> None:
        self.post_message(self.RunRequested(self, self.example))

    def action_leave(self) -> None:
        """Give the keys back to the section text this listing sits in."""
        self.post_message(LeaveRequested())
