"""A code example, syntax-highlighted, with the output plain Python prints for it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.highlight import highlight
from textual.widgets import Static

from tutor.lesson.format import Example


class CodeListing(Vertical):
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
    """

    def __init__(self, example: Example) -> None:
        super().__init__()
        self.example = example

    def compose(self) -> ComposeResult:
        if self.example.title:
            yield Static(self.example.title, classes="title", markup=False)
        yield Static(highlight(self.example.code.strip("\n"), language="python"), classes="code")
        if self.example.output:
            yield Static("output:", classes="output-label")
            yield Static(self.example.output.rstrip("\n"), classes="output", markup=False)
